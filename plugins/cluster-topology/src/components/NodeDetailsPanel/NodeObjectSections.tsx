import { CodeSnippet, Progress } from '@backstage/core-components';
import {
  RequestErrorPanel,
  StatusChip,
} from '@cloud-native-platform/plugin-cloud-native-react';
import { useApi } from '@backstage/core-plugin-api';
import Accordion from '@material-ui/core/Accordion';
import AccordionDetails from '@material-ui/core/AccordionDetails';
import AccordionSummary from '@material-ui/core/AccordionSummary';
import Chip from '@material-ui/core/Chip';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import ExpandMoreIcon from '@material-ui/icons/ExpandMore';
import type { TopologyNode } from '@cloud-native-platform/plugin-cloud-native-common';
import { useId } from 'react';
import useAsync from 'react-use/esm/useAsync';
import {
  ClusterObjectEvent,
  ClusterObjectQuery,
  clusterTopologyApiRef,
} from '../../api';
import { healthColors } from '../../lib/health';
import { relativeTime } from './relativeTime';

const useStyles = makeStyles(theme => ({
  section: {
    marginTop: theme.spacing(2),
  },
  events: {
    listStyle: 'none',
    margin: 0,
    padding: 0,
    '& > li': {
      padding: theme.spacing(0.75, 0),
      borderBottom: `1px solid ${theme.palette.divider}`,
    },
  },
  eventHeader: {
    display: 'flex',
    alignItems: 'center',
    flexWrap: 'wrap',
    gap: theme.spacing(0.5, 1),
  },
  reason: {
    fontWeight: theme.typography.fontWeightBold as number,
  },
  message: {
    overflowWrap: 'anywhere',
  },
  yaml: {
    width: '100%',
    minWidth: 0,
    overflowX: 'auto',
  },
}));

/** Kubernetes kind of each kind of graph node that stands for one object. */
const OBJECT_KINDS: Partial<Record<TopologyNode['kind'], string>> = {
  pod: 'Pod',
  service: 'Service',
  node: 'Node',
};

/**
 * The object a graph node stands for, or undefined for nodes that are not one
 * Kubernetes object (groups, clusters, namespaces, entities).
 */
export function objectQueryOf(
  node: TopologyNode,
): ClusterObjectQuery | undefined {
  if (!node.cluster) return undefined;
  const kind =
    node.kind === 'workload'
      ? node.objectKind
      : OBJECT_KINDS[node.kind] && (node.objectKind ?? OBJECT_KINDS[node.kind]);
  if (!kind) return undefined;
  return {
    cluster: node.cluster,
    kind,
    // Nodes are cluster-scoped, whatever the graph says around them.
    namespace: node.kind === 'node' ? undefined : node.namespace,
    name: node.name,
  };
}

function EventItem(props: {
  event: ClusterObjectEvent;
  query: ClusterObjectQuery;
}) {
  const { event, query } = props;
  const classes = useStyles();
  const when = relativeTime(event.lastTimestamp);
  const involved = event.involvedObject;
  const aboutOther =
    involved.kind !== query.kind || involved.name !== query.name;
  return (
    <li>
      <div className={classes.eventHeader}>
        {event.type === 'Warning' ? (
          <StatusChip label="Warning" color={healthColors.degraded} />
        ) : (
          <Chip
            size="small"
            variant="outlined"
            label={event.type ?? 'Normal'}
          />
        )}
        <Typography variant="body2" component="span" className={classes.reason}>
          {event.reason}
        </Typography>
        {event.count > 1 && (
          <Typography
            variant="caption"
            color="textSecondary"
            aria-label={`${event.count} times`}
          >
            ×{event.count}
          </Typography>
        )}
        {when && (
          <Typography
            variant="caption"
            color="textSecondary"
            component="time"
            dateTime={event.lastTimestamp}
            title={event.lastTimestamp}
          >
            {when}
          </Typography>
        )}
      </div>
      {event.message && (
        <Typography variant="body2" className={classes.message}>
          {event.message}
        </Typography>
      )}
      {aboutOther && (
        <Typography variant="caption" color="textSecondary">
          {involved.kind} {involved.name}
        </Typography>
      )}
    </li>
  );
}

/** Props of {@link NodeObjectSections}. */
export interface NodeObjectSectionsProps {
  query: ClusterObjectQuery;
}

/**
 * The recent events and the YAML of the object behind a graph node, loaded
 * when the node is selected rather than with the graph, which stays small.
 */
export function NodeObjectSections(props: NodeObjectSectionsProps) {
  const { cluster, kind, namespace, name } = props.query;
  const classes = useStyles();
  const api = useApi(clusterTopologyApiRef);
  const yamlId = useId();
  // Keyed on the object rather than the node, so a graph refresh that hands
  // over a new node object for the same Kubernetes object does not refetch.
  const { value, loading, error } = useAsync(
    () => api.getObject({ cluster, kind, namespace, name }),
    [api, cluster, kind, namespace, name],
  );

  if (loading) {
    return (
      <div className={classes.section}>
        <Progress />
      </div>
    );
  }
  if (error) {
    return (
      <div className={classes.section}>
        <RequestErrorPanel error={error} what={`${kind} ${name}`} />
      </div>
    );
  }
  if (!value) return null;
  return (
    <>
      {value.owner && (
        <Typography variant="body2" className={classes.section}>
          Controlled by {value.owner.kind} {value.owner.name}
        </Typography>
      )}
      <div className={classes.section}>
        <Typography variant="subtitle2" component="h3">
          Recent events
        </Typography>
        {value.events.length === 0 ? (
          <Typography variant="body2" color="textSecondary">
            No recent events.
          </Typography>
        ) : (
          <ul className={classes.events} aria-label="Recent events">
            {value.events.map((event, index) => (
              <EventItem key={index} event={event} query={props.query} />
            ))}
          </ul>
        )}
      </div>
      <Accordion
        className={classes.section}
        TransitionProps={{ unmountOnExit: true }}
      >
        <AccordionSummary
          id={`${yamlId}-header`}
          aria-controls={`${yamlId}-content`}
          expandIcon={<ExpandMoreIcon />}
        >
          <Typography variant="subtitle2" component="h3">
            YAML
          </Typography>
        </AccordionSummary>
        <AccordionDetails>
          <div className={classes.yaml}>
            <CodeSnippet text={value.yaml} language="yaml" showCopyCodeButton />
          </div>
        </AccordionDetails>
      </Accordion>
    </>
  );
}
