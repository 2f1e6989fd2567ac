import useAsync from 'react-use/esm/useAsync';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { InfoCard, Progress, WarningPanel } from '@backstage/core-components';
import {
  RequestErrorPanel,
  StatusChip,
} from '@cloud-native-platform/plugin-cloud-native-react';
import { useApi } from '@backstage/core-plugin-api';
import { useEntity } from '@backstage/plugin-catalog-react';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import { clusterTopologyApiRef, WorkloadDeliveryItem } from '../../api';
import { deliveryColor } from '../../lib/delivery';
import { relativeTime } from '../NodeDetailsPanel/relativeTime';

const useStyles = makeStyles(theme => ({
  chips: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: theme.spacing(0.5),
    marginBottom: theme.spacing(0.5),
  },
  mono: {
    fontFamily: 'monospace',
  },
  cell: {
    verticalAlign: 'top',
  },
}));

/** "12m 5s", "47s": how long a pipeline run took. */
export function formatDuration(seconds: number | undefined): string {
  if (seconds === undefined) return '';
  const minutes = Math.floor(seconds / 60);
  const rest = seconds % 60;
  if (minutes === 0) return `${rest}s`;
  if (minutes < 60) return `${minutes}m ${rest}s`;
  return `${Math.floor(minutes / 60)}h ${minutes % 60}m`;
}

function ArgoCdCell({ item }: { item: WorkloadDeliveryItem }) {
  const classes = useStyles();
  const argocd = item.argocd;
  if (!argocd) {
    return (
      <Typography color="textSecondary">Not managed by Argo CD</Typography>
    );
  }
  const synced = relativeTime(argocd.lastSyncAt);
  return (
    <>
      <div className={classes.chips}>
        <StatusChip
          label={argocd.syncStatus}
          color={deliveryColor(argocd.syncStatus)}
        />
        <StatusChip
          label={argocd.health}
          color={deliveryColor(argocd.health)}
        />
      </div>
      <Typography variant="body2">{argocd.application}</Typography>
      <Typography variant="caption" color="textSecondary" component="div">
        {argocd.revision && (
          <span className={classes.mono}>{argocd.revision.slice(0, 7)}</span>
        )}
        {synced && ` · synced ${synced}`}
      </Typography>
      <Typography variant="caption" color="textSecondary" component="div">
        {argocd.automated
          ? `automated sync${argocd.selfHeal ? ', self-heal' : ''}`
          : 'manual sync'}
      </Typography>
    </>
  );
}

function RolloutCell({ item }: { item: WorkloadDeliveryItem }) {
  const classes = useStyles();
  const rollout = item.rollout;
  if (!rollout) return <Typography color="textSecondary">—</Typography>;
  return (
    <>
      <div className={classes.chips}>
        {rollout.phase && (
          <StatusChip
            label={rollout.phase}
            color={deliveryColor(rollout.phase)}
          />
        )}
      </div>
      <Typography variant="body2">
        {rollout.strategy}
        {rollout.step !== undefined &&
          ` · step ${rollout.step}/${rollout.totalSteps ?? '?'}`}
        {rollout.canaryWeight !== undefined &&
          ` · canary ${rollout.canaryWeight}%`}
      </Typography>
      {rollout.analysis && (
        <Typography variant="caption" color="textSecondary">
          analysis {rollout.analysis}
        </Typography>
      )}
    </>
  );
}

function PipelineRunsCell({ item }: { item: WorkloadDeliveryItem }) {
  const classes = useStyles();
  if (item.pipelineRuns.length === 0) {
    return <Typography color="textSecondary">—</Typography>;
  }
  return (
    <>
      {item.pipelineRuns.slice(0, 3).map(run => (
        <div key={run.name} className={classes.chips}>
          <StatusChip label={run.status} color={deliveryColor(run.status)} />
          <Typography variant="body2" component="span">
            {run.name}
          </Typography>
          <Typography variant="caption" color="textSecondary" component="span">
            {[formatDuration(run.durationSeconds), relativeTime(run.startedAt)]
              .filter(Boolean)
              .join(' · ')}
          </Typography>
        </div>
      ))}
    </>
  );
}

/**
 * Overview card: how the entity's workloads are delivered, per cluster:
 * the Argo CD Application (sync, health, revision, last sync), the Argo
 * Rollouts canary (step, weight, analysis) and the newest Tekton runs.
 */
export function EntityDeliveryCard() {
  const { entity } = useEntity();
  const entityRef = stringifyEntityRef(entity);
  const api = useApi(clusterTopologyApiRef);
  const classes = useStyles();
  const { value, loading, error } = useAsync(
    () => api.getEntityDeliveries(entityRef),
    [api, entityRef],
  );

  let content;
  if (loading) {
    content = <Progress />;
  } else if (error) {
    content = <RequestErrorPanel error={error} what="the deliveries" />;
  } else if (value) {
    const delivered = value.items.filter(
      i => i.argocd || i.rollout || i.pipelineRuns.length > 0,
    );
    content = (
      <>
        {value.errors.map(e => (
          <WarningPanel
            key={e.cluster}
            severity="warning"
            title={`Cluster ${e.cluster} could not be read`}
            message={e.error}
          />
        ))}
        {delivered.length === 0 ? (
          <Typography color="textSecondary">
            No Argo CD application, Rollout or pipeline run delivers the
            workloads of this entity.
          </Typography>
        ) : (
          <Table size="small" aria-label="Deliveries">
            <TableHead>
              <TableRow>
                <TableCell>Workload</TableCell>
                <TableCell>Argo CD</TableCell>
                <TableCell>Rollout</TableCell>
                <TableCell>Pipeline runs</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {delivered.map(item => (
                <TableRow
                  key={`${item.cluster}/${item.workload.namespace}/${item.workload.kind}/${item.workload.name}`}
                >
                  <TableCell className={classes.cell}>
                    <Typography variant="body2">
                      {item.workload.kind}/{item.workload.name}
                    </Typography>
                    <Typography variant="caption" color="textSecondary">
                      {item.cluster}
                      {item.workload.namespace &&
                        ` · ${item.workload.namespace}`}
                    </Typography>
                  </TableCell>
                  <TableCell className={classes.cell}>
                    <ArgoCdCell item={item} />
                  </TableCell>
                  <TableCell className={classes.cell}>
                    <RolloutCell item={item} />
                  </TableCell>
                  <TableCell className={classes.cell}>
                    <PipelineRunsCell item={item} />
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </>
    );
  }

  return <InfoCard title="Delivery">{content}</InfoCard>;
}
