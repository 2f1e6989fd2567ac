import { Link } from '@backstage/core-components';
import { useEntityRefLink } from '@backstage/plugin-catalog-react';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Chip from '@material-ui/core/Chip';
import Divider from '@material-ui/core/Divider';
import IconButton from '@material-ui/core/IconButton';
import Paper from '@material-ui/core/Paper';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import CloseIcon from '@material-ui/icons/Close';
import type {
  TopologyEdge,
  TopologyNode,
  TopologyPodCounts,
} from '@cloud-native-platform/plugin-cloud-native-common';
import { useMemo } from 'react';
import { healthColors } from '../../lib/health';
import { StatusChip } from '@cloud-native-platform/plugin-cloud-native-react';
import { NodeConnections } from './NodeConnections';
import { NodeObjectSections, objectQueryOf } from './NodeObjectSections';
import { hasPodLogs, PodLogsSection } from './PodLogsSection';

const useStyles = makeStyles(theme => ({
  root: {
    padding: theme.spacing(2),
    height: '100%',
    overflowY: 'auto',
  },
  section: {
    marginTop: theme.spacing(2),
  },
  facts: {
    display: 'grid',
    gridTemplateColumns: 'max-content 1fr',
    gap: theme.spacing(0.5, 2),
    margin: 0,
    '& dt': {
      color: theme.palette.text.secondary,
    },
    '& dd': {
      margin: 0,
      overflowWrap: 'anywhere',
    },
  },
  labels: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: theme.spacing(0.5),
  },
  actions: {
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'flex-start',
    gap: theme.spacing(1),
  },
}));

/** Props of {@link NodeDetailsPanel}. */
export interface NodeDetailsPanelProps {
  node: TopologyNode;
  /** Nodes directly inside this one, e.g. the clusters of a group. */
  children?: TopologyNode[];
  /** Drill-down label for the node, e.g. "Open cluster", when it has one. */
  openLabel?(node: TopologyNode): string | undefined;
  onOpen?(node: TopologyNode): void;
  onClose(): void;
  /** The graph around the node, to list its connections. */
  graph?: { nodes: readonly TopologyNode[]; edges: readonly TopologyEdge[] };
  /** Selects another node, from a connection. */
  onSelect?(node: TopologyNode): void;
}

const podFacts: Array<[keyof TopologyPodCounts, string]> = [
  ['ready', 'Ready'],
  ['total', 'Total'],
  ['restarting', 'Restarting'],
  ['crashLooping', 'Crash-looping'],
  ['pending', 'Pending'],
  ['failed', 'Failed'],
  ['restarts', 'Restarts'],
];

function kindLabel(node: TopologyNode): string {
  return node.objectKind ? `${node.kind} (${node.objectKind})` : node.kind;
}

function EntityLinks(props: { entityRef: string }) {
  const entityLink = useEntityRefLink();
  const href = entityLink(props.entityRef);
  return (
    <>
      <Link to={href}>Catalog entity {props.entityRef}</Link>
      <Link to={`${href.replace(/\/$/, '')}/kubernetes`}>
        Kubernetes tab of {props.entityRef}
      </Link>
    </>
  );
}

/**
 * What is known about the selected node of the graph and, for nodes that
 * stand for one Kubernetes object, its recent events and YAML.
 */
export function NodeDetailsPanel(props: NodeDetailsPanelProps) {
  const {
    node,
    children = [],
    openLabel,
    onOpen,
    onClose,
    graph,
    onSelect,
  } = props;
  const nodesById = useMemo(
    () => new Map((graph?.nodes ?? []).map(n => [n.id, n])),
    [graph],
  );
  const classes = useStyles();
  const labels = Object.entries(node.labels ?? {});
  const ownOpenLabel = openLabel?.(node);
  const objectQuery = objectQueryOf(node);
  return (
    <Paper
      className={classes.root}
      component="aside"
      aria-label={`Details of ${node.name}`}
    >
      <Box display="flex" alignItems="flex-start">
        <Box flexGrow={1} minWidth={0}>
          <Typography variant="h6" component="h2" noWrap title={node.name}>
            {node.name}
          </Typography>
          <Typography variant="body2" color="textSecondary">
            {kindLabel(node)}
          </Typography>
        </Box>
        <IconButton size="small" aria-label="Close details" onClick={onClose}>
          <CloseIcon />
        </IconButton>
      </Box>
      <Box mt={1}>
        <StatusChip label={node.status} color={healthColors[node.status]} />
      </Box>
      {node.detail && (
        <Typography variant="body2" className={classes.section}>
          {node.detail}
        </Typography>
      )}
      <dl className={`${classes.facts} ${classes.section}`}>
        {node.cluster && (
          <>
            <dt>Cluster</dt>
            <dd>{node.cluster}</dd>
          </>
        )}
        {node.namespace && (
          <>
            <dt>Namespace</dt>
            <dd>{node.namespace}</dd>
          </>
        )}
        {node.role && (
          <>
            <dt>Role</dt>
            <dd>{node.role}</dd>
          </>
        )}
        {node.region && (
          <>
            <dt>Region</dt>
            <dd>{node.region}</dd>
          </>
        )}
        {node.collapsedChildren !== undefined && node.collapsedChildren > 0 && (
          <>
            <dt>Hidden children</dt>
            <dd>{node.collapsedChildren}</dd>
          </>
        )}
      </dl>
      {node.pods && (
        <div className={classes.section}>
          <Typography variant="subtitle2" component="h3">
            Pods
          </Typography>
          <dl className={classes.facts}>
            {podFacts.map(([key, label]) => (
              <span key={key} style={{ display: 'contents' }}>
                <dt>{label}</dt>
                <dd>{node.pods![key]}</dd>
              </span>
            ))}
          </dl>
        </div>
      )}
      {labels.length > 0 && (
        <div className={classes.section}>
          <Typography variant="subtitle2" component="h3">
            Labels
          </Typography>
          <div className={classes.labels}>
            {labels.map(([key, value]) => (
              <Chip
                key={key}
                size="small"
                variant="outlined"
                label={`${key}=${value}`}
              />
            ))}
          </div>
        </div>
      )}
      {graph && (
        <NodeConnections
          node={node}
          edges={graph.edges}
          nodesById={nodesById}
          onSelect={onSelect}
        />
      )}
      {objectQuery && <NodeObjectSections query={objectQuery} />}
      {hasPodLogs(node) && (
        <PodLogsSection node={node} nodes={graph?.nodes ?? []} />
      )}
      {(ownOpenLabel || node.entityRef || children.length > 0) && (
        <>
          <Divider className={classes.section} />
          <div className={`${classes.actions} ${classes.section}`}>
            {ownOpenLabel && onOpen && (
              <Button
                size="small"
                color="primary"
                variant="outlined"
                onClick={() => onOpen(node)}
              >
                {ownOpenLabel}
              </Button>
            )}
            {onOpen &&
              children.map(child => {
                const label = openLabel?.(child);
                return label ? (
                  <Button
                    key={child.id}
                    size="small"
                    color="primary"
                    onClick={() => onOpen(child)}
                  >
                    {label} {child.name}
                  </Button>
                ) : null;
              })}
            {node.entityRef && <EntityLinks entityRef={node.entityRef} />}
          </div>
        </>
      )}
    </Paper>
  );
}
