import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Card from '@material-ui/core/Card';
import CardActions from '@material-ui/core/CardActions';
import CardContent from '@material-ui/core/CardContent';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import { CLUSTER_ROLES } from '@cloud-native-platform/plugin-cloud-native-common';
import type {
  ClusterCephBlockPool,
  ClusterStorageSummary,
  ClusterSummary,
} from '../../api';
import { clusterStatusColors, healthColors } from '../../lib/health';
import { StatusChip } from '@cloud-native-platform/plugin-cloud-native-react';

const useStyles = makeStyles(theme => ({
  groups: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: theme.spacing(2, 3),
  },
  cards: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'stretch',
    gap: theme.spacing(2),
  },
  card: {
    width: 270,
    display: 'flex',
    flexDirection: 'column',
    borderTop: `4px solid transparent`,
  },
  current: {
    boxShadow: `0 0 0 2px ${theme.palette.primary.main}`,
  },
  content: {
    flexGrow: 1,
  },
  counts: {
    display: 'grid',
    gridTemplateColumns: 'repeat(4, auto)',
    gap: theme.spacing(0.5, 2),
    marginTop: theme.spacing(1),
  },
  error: {
    color: healthColors.failing,
    marginTop: theme.spacing(1),
    overflowWrap: 'anywhere',
  },
  notice: {
    color: theme.palette.text.secondary,
    marginTop: theme.spacing(1),
    overflowWrap: 'anywhere',
  },
  role: {
    textTransform: 'capitalize',
    marginBottom: theme.spacing(1),
  },
  storage: {
    marginTop: theme.spacing(1),
    display: 'flex',
    flexDirection: 'column',
    gap: theme.spacing(0.5),
  },
  storageLine: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: theme.spacing(0.5, 1),
  },
}));

/** Ceph's own health words as the map's health colours. */
function cephHealthColor(health: string): string {
  if (health === 'HEALTH_OK') return healthColors.healthy;
  if (health === 'HEALTH_WARN') return healthColors.degraded;
  if (health === 'HEALTH_ERR') return healthColors.failing;
  return healthColors.unknown;
}

/** rbd-mirror's health words (OK, WARNING, ERROR) as health colours. */
function mirrorHealthColor(health: string | undefined): string {
  if (health === 'OK') return healthColors.healthy;
  if (health === 'WARNING') return healthColors.degraded;
  if (health === 'ERROR') return healthColors.failing;
  return healthColors.unknown;
}

function mirroringText(mirroring: ClusterCephBlockPool['mirroring']): string {
  if (!mirroring.enabled) return 'mirroring off';
  const parts = [`mirroring ${mirroring.mode ?? 'on'}`];
  if (mirroring.health) parts.push(mirroring.health);
  if (mirroring.daemonHealth && mirroring.daemonHealth !== mirroring.health) {
    parts.push(`daemons ${mirroring.daemonHealth}`);
  }
  return parts.join(', ');
}

/** Claims by phase, Ceph health and pool mirroring of one cluster. */
function ClusterStorage(props: { storage: ClusterStorageSummary }) {
  const { storage } = props;
  const classes = useStyles();
  const { bound, pending, lost } = storage.claims;
  const claimProblems = [
    pending ? `${pending} pending` : undefined,
    lost ? `${lost} lost` : undefined,
  ].filter(Boolean);
  let claimsStyle: { color: string } | undefined;
  if (lost) claimsStyle = { color: healthColors.failing };
  else if (pending) claimsStyle = { color: healthColors.degraded };
  return (
    <div className={classes.storage} aria-label="Storage">
      {bound + pending + lost > 0 && (
        <Typography variant="body2" style={claimsStyle}>
          Volume claims: {bound} bound
          {claimProblems.length ? `, ${claimProblems.join(', ')}` : ''}
        </Typography>
      )}
      {storage.ceph?.clusters.map(ceph => (
        <div key={`ceph:${ceph.name}`} className={classes.storageLine}>
          <Typography variant="body2">Ceph {ceph.name}</Typography>
          <StatusChip
            label={ceph.health}
            color={cephHealthColor(ceph.health)}
          />
          {ceph.message && (
            <Typography variant="caption" color="textSecondary">
              {ceph.message}
            </Typography>
          )}
        </div>
      ))}
      {storage.ceph?.blockPools.map(pool => (
        <div key={`pool:${pool.name}`} className={classes.storageLine}>
          <Typography variant="body2">Pool {pool.name}</Typography>
          <StatusChip
            label={mirroringText(pool.mirroring)}
            color={
              pool.mirroring.enabled
                ? mirrorHealthColor(pool.mirroring.health)
                : healthColors.idle
            }
          />
        </div>
      ))}
    </div>
  );
}

/** Known roles in the order pages list them; unknown roles come after. */
function clusterRoleOrder(role: string): number {
  const index = (CLUSTER_ROLES as readonly string[]).indexOf(role);
  return index === -1 ? CLUSTER_ROLES.length : index;
}

/** Props of {@link ClusterSummaryCards}. */
export interface ClusterSummaryCardsProps {
  clusters: ClusterSummary[];
  /** The cluster the graph currently shows, outlined. */
  current?: string;
  onOpen?(cluster: ClusterSummary): void;
}

function ClusterCard(props: {
  cluster: ClusterSummary;
  current: boolean;
  onOpen?(cluster: ClusterSummary): void;
}) {
  const { cluster, current, onOpen } = props;
  const classes = useStyles();
  const color = clusterStatusColors[cluster.status] ?? healthColors.unknown;
  const prometheusFailed =
    cluster.prometheus && cluster.prometheus.state === 'error';
  return (
    <Card
      component="section"
      aria-label={`Cluster ${cluster.name}`}
      className={`${classes.card} ${current ? classes.current : ''}`}
      style={{ borderTopColor: color }}
    >
      <CardContent className={classes.content}>
        <Box display="flex" justifyContent="space-between" alignItems="center">
          <Typography variant="h6" component="h3">
            {cluster.name}
          </Typography>
          <StatusChip label={cluster.status} color={color} />
        </Box>
        <Typography variant="body2" color="textSecondary">
          {cluster.region}
        </Typography>
        <div className={classes.counts}>
          {(['nodes', 'namespaces', 'workloads', 'pods'] as const).map(key => (
            <div key={key}>
              <Typography variant="subtitle2">{cluster.counts[key]}</Typography>
              <Typography variant="caption" color="textSecondary">
                {key}
              </Typography>
            </div>
          ))}
        </div>
        {cluster.storage && <ClusterStorage storage={cluster.storage} />}
        {cluster.error && (
          <Typography variant="body2" className={classes.error}>
            {cluster.error}
          </Typography>
        )}
        {prometheusFailed && (
          <Typography variant="body2" className={classes.notice}>
            Traffic unavailable: Prometheus at {cluster.prometheus!.url} is
            unreachable
            {cluster.prometheus!.error ? ` (${cluster.prometheus!.error})` : ''}
          </Typography>
        )}
      </CardContent>
      {onOpen && (
        <CardActions>
          <Button
            size="small"
            color="primary"
            onClick={() => onOpen(cluster)}
            aria-label={`Open cluster ${cluster.name}`}
          >
            Open
          </Button>
        </CardActions>
      )}
    </Card>
  );
}

/** Every cluster of the fleet as a card, grouped by cluster role. */
export function ClusterSummaryCards(props: ClusterSummaryCardsProps) {
  const { clusters, current, onOpen } = props;
  const classes = useStyles();
  const byRole = new Map<string, ClusterSummary[]>();
  for (const cluster of clusters) {
    const role = cluster.role || 'unassigned';
    byRole.set(role, [...(byRole.get(role) ?? []), cluster]);
  }
  const roles = [...byRole.keys()].sort(
    (a, b) => clusterRoleOrder(a) - clusterRoleOrder(b) || a.localeCompare(b),
  );
  // Groups sit side by side so that a small fleet fits on one row.
  return (
    <div className={classes.groups}>
      {roles.map(role => (
        <div key={role}>
          <Typography
            variant="subtitle1"
            component="h2"
            className={classes.role}
          >
            {role.replace(/-/g, ' ')}
          </Typography>
          <div className={classes.cards}>
            {byRole
              .get(role)!
              .sort((a, b) => a.name.localeCompare(b.name))
              .map(cluster => (
                <ClusterCard
                  key={cluster.name}
                  cluster={cluster}
                  current={cluster.name === current}
                  onOpen={onOpen}
                />
              ))}
          </div>
        </div>
      ))}
    </div>
  );
}
