import Link from '@material-ui/core/Link';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import type {
  TopologyEdge,
  TopologyNode,
  TopologyTraffic,
} from '@cloud-native-platform/plugin-cloud-native-common';

const useStyles = makeStyles(theme => ({
  section: {
    marginTop: theme.spacing(2),
  },
  list: {
    listStyle: 'none',
    margin: 0,
    padding: 0,
    '& > li': {
      padding: theme.spacing(0.5, 0),
      borderBottom: `1px solid ${theme.palette.divider}`,
    },
  },
  figures: {
    display: 'block',
  },
}));

/** What each kind of edge means, read from the selected node's side. */
const EDGE_VERBS: Record<TopologyEdge['kind'], [string, string]> = {
  traffic: ['calls', 'called by'],
  selects: ['selects', 'selected by'],
  routes: ['routes to', 'routed from'],
  catalog: ['relates to', 'related from'],
  'runs-on': ['runs on', 'runs'],
  mounts: ['mounts', 'mounted by'],
  binds: ['bound to', 'bound by'],
  'provisioned-by': ['provisioned by', 'provisions'],
};

function formatNumber(value: number): string {
  if (value >= 100) return Math.round(value).toLocaleString('en-US');
  // Number() drops the trailing zeros toFixed leaves: 80, not 80.0.
  return String(Number(value.toFixed(value >= 10 ? 1 : 2)));
}

/** One line of figures: what the mesh measured on the edge. */
export function trafficFigures(traffic: TopologyTraffic): string {
  const parts = [
    `${formatNumber(traffic.requestsPerSecond)} rps`,
    `${formatNumber(traffic.errorPercent)} % errors`,
  ];
  if (traffic.p99Ms !== undefined) {
    parts.push(`p99 ${formatNumber(traffic.p99Ms)} ms`);
  }
  if (traffic.mtlsPercent !== undefined) {
    parts.push(`mTLS ${Math.round(traffic.mtlsPercent)} %`);
  }
  if (traffic.tcpBytesPerSecond) {
    parts.push(`${formatNumber(traffic.tcpBytesPerSecond / 1024)} KiB/s TCP`);
  }
  return parts.join(' · ');
}

function connectionLabel(edge: TopologyEdge, outgoing: boolean): string {
  const [out, incoming] = EDGE_VERBS[edge.kind] ?? ['to', 'from'];
  if (edge.relation) {
    return outgoing ? edge.relation : `${edge.relation} (from)`;
  }
  return outgoing ? out : incoming;
}

/** Props of {@link NodeConnections}. */
export interface NodeConnectionsProps {
  node: TopologyNode;
  edges: readonly TopologyEdge[];
  nodesById: ReadonlyMap<string, TopologyNode>;
  onSelect?(node: TopologyNode): void;
}

/**
 * The selected node's edges as text: who it calls and who calls it, with the
 * measured traffic, route weights and cluster crossings. The canvas shows
 * the same, but only as lines; this is where the figures can be read.
 */
export function NodeConnections(props: NodeConnectionsProps) {
  const { node, edges, nodesById, onSelect } = props;
  const classes = useStyles();
  const own = edges.filter(e => e.source === node.id || e.target === node.id);
  if (own.length === 0) return null;
  // Measured traffic first, busiest first: what a troubleshooter looks for.
  own.sort(
    (a, b) =>
      Number(!!b.traffic) - Number(!!a.traffic) ||
      (b.traffic?.requestsPerSecond ?? 0) - (a.traffic?.requestsPerSecond ?? 0),
  );
  return (
    <div className={classes.section}>
      <Typography variant="subtitle2" component="h3">
        Connections
      </Typography>
      <ul className={classes.list} aria-label="Connections">
        {own.map(edge => {
          const outgoing = edge.source === node.id;
          const other = nodesById.get(outgoing ? edge.target : edge.source);
          const otherName =
            other?.name ?? (outgoing ? edge.target : edge.source);
          const where =
            other?.cluster && other.cluster !== node.cluster
              ? ` in ${other.cluster}`
              : '';
          return (
            <li key={edge.id}>
              <Typography variant="body2" component="span">
                {connectionLabel(edge, outgoing)}{' '}
                {other && onSelect ? (
                  <Link
                    component="button"
                    variant="body2"
                    onClick={() => onSelect(other)}
                  >
                    {otherName}
                  </Link>
                ) : (
                  otherName
                )}
                {where}
                {edge.weight !== undefined && ` (${edge.weight} %)`}
                {edge.crossCluster && ' · cross-cluster'}
              </Typography>
              {edge.traffic && (
                <Typography
                  variant="caption"
                  color="textSecondary"
                  className={classes.figures}
                >
                  {trafficFigures(edge.traffic)}
                </Typography>
              )}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
