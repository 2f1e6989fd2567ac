import useAsync from 'react-use/esm/useAsync';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { EntityRefLink, useEntity } from '@backstage/plugin-catalog-react';
import { InfoCard, Progress } from '@backstage/core-components';
import {
  RequestErrorPanel,
  StatusChip,
  statusColors,
} from '@cloud-native-platform/plugin-cloud-native-react';
import { useApi } from '@backstage/core-plugin-api';
import Grid from '@material-ui/core/Grid';
import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import ListItemText from '@material-ui/core/ListItemText';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import {
  platformMaturityApiRef,
  DrObjective,
  DrReadiness,
  DrWorkloadReadiness,
} from '../../api';
import {
  capacityFigures,
  DrCheck,
  drChecks,
  drStatusColors,
  drStatusText,
  failoverFigure,
  lagFigure,
  objectiveStatusColors,
} from './drChecks';

function CheckCell(props: { workload: DrWorkloadReadiness; check: DrCheck }) {
  const checks = props.workload.checks;
  const result = checks?.[props.check];
  if (!result) return <TableCell>–</TableCell>;
  return (
    <TableCell title={result.findings.join('\n') || undefined}>
      <StatusChip
        label={result.ok ? 'ok' : 'failed'}
        color={result.ok ? statusColors.healthy : statusColors.failing}
      />
      {props.check === 'capacity' &&
        checks &&
        capacityFigures(checks.capacity).map(line => (
          <Typography
            key={line}
            variant="caption"
            color="textSecondary"
            display="block"
          >
            {line}
          </Typography>
        ))}
      {props.check === 'failover' && checks?.failover && (
        <Typography variant="caption" color="textSecondary" display="block">
          {failoverFigure(checks.failover)}
        </Typography>
      )}
    </TableCell>
  );
}

function WorkloadsTable({ dr }: { dr: DrReadiness }) {
  if (dr.workloads.length === 0) {
    return (
      <Typography color="textSecondary">
        No production workload to fail over.
      </Typography>
    );
  }
  return (
    <Table size="small" aria-label="DR workloads">
      <TableHead>
        <TableRow>
          <TableCell>Production workload</TableCell>
          <TableCell>DR copy</TableCell>
          {drChecks.map(c => (
            <TableCell key={c}>{c}</TableCell>
          ))}
          <TableCell>Ready</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {dr.workloads.map(w => (
          <TableRow key={`${w.cluster}/${w.kind}/${w.namespace}/${w.name}`}>
            <TableCell>
              <Typography variant="body2">
                {w.kind} {w.namespace}/{w.name}
              </Typography>
              <Typography variant="caption" color="textSecondary">
                {w.cluster}
              </Typography>
            </TableCell>
            <TableCell>{w.drCluster ?? 'missing'}</TableCell>
            {drChecks.map(c => (
              <CheckCell key={c} workload={w} check={c} />
            ))}
            <TableCell>
              <StatusChip
                label={w.ready ? 'ready' : 'not ready'}
                color={w.ready ? statusColors.healthy : statusColors.failing}
              />
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

function ObjectiveRow(props: { name: string; objective: DrObjective }) {
  const { objective } = props;
  return (
    <TableRow>
      <TableCell style={{ whiteSpace: 'nowrap' }}>{props.name}</TableCell>
      <TableCell style={{ whiteSpace: 'nowrap' }}>
        {objective.declared ?? 'not declared'}
      </TableCell>
      <TableCell style={{ whiteSpace: 'nowrap' }}>
        {objective.status && (
          <>
            <StatusChip
              label={objective.status.replace('-', ' ')}
              color={objectiveStatusColors[objective.status]}
            />{' '}
          </>
        )}
        {objective.measured ??
          (objective.status === 'not-measured' ? null : 'not measured')}
        {objective.lag && (
          <Typography variant="caption" color="textSecondary" display="block">
            {lagFigure(objective.lag)}
          </Typography>
        )}
        {objective.failoverSeconds !== undefined && (
          <Typography variant="caption" color="textSecondary" display="block">
            failover scale-up {objective.failoverSeconds}s
          </Typography>
        )}
      </TableCell>
      <TableCell>{objective.note}</TableCell>
    </TableRow>
  );
}

function DrReadinessView({ dr }: { dr: DrReadiness }) {
  return (
    <Grid container spacing={3}>
      <Grid item xs={12}>
        <InfoCard title="DR readiness">
          <StatusChip
            label={dr.status}
            color={drStatusColors[dr.status]}
            size="medium"
          />
          <Typography component="span">
            &nbsp;{drStatusText[dr.status]}
          </Typography>
          <List dense aria-label="DR findings">
            {dr.findings.map(f => (
              <ListItem key={f} disableGutters>
                <ListItemText primary={f} />
              </ListItem>
            ))}
          </List>
        </InfoCard>
      </Grid>
      <Grid item xs={12}>
        <InfoCard title="Production workloads and their DR copies">
          <WorkloadsTable dr={dr} />
        </InfoCard>
      </Grid>
      <Grid item xs={12} md={6}>
        <InfoCard title="Replication">
          {dr.replication.length === 0 ? (
            <Typography color="textSecondary">
              No replication component in this entity's system.
            </Typography>
          ) : (
            <Table size="small" aria-label="Replication components">
              <TableBody>
                {dr.replication.map(r => (
                  <TableRow key={r.entityRef}>
                    <TableCell>
                      <EntityRefLink entityRef={r.entityRef} />
                    </TableCell>
                    <TableCell>
                      <StatusChip
                        label={r.healthy ? 'healthy' : 'unhealthy'}
                        color={
                          r.healthy
                            ? statusColors.healthy
                            : statusColors.failing
                        }
                      />
                    </TableCell>
                    <TableCell>{r.detail}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          )}
        </InfoCard>
      </Grid>
      <Grid item xs={12} md={6}>
        <InfoCard title="Recovery objectives">
          <Table size="small" aria-label="Recovery objectives">
            <TableHead>
              <TableRow>
                <TableCell />
                <TableCell style={{ whiteSpace: 'nowrap' }}>Declared</TableCell>
                <TableCell style={{ whiteSpace: 'nowrap' }}>Measured</TableCell>
                <TableCell />
              </TableRow>
            </TableHead>
            <TableBody>
              <ObjectiveRow name="RTO" objective={dr.rto} />
              <ObjectiveRow name="RPO" objective={dr.rpo} />
            </TableBody>
          </Table>
        </InfoCard>
      </Grid>
    </Grid>
  );
}

/** The "DR readiness" tab: whether the entity's production workloads can fail over. */
export function EntityDrReadinessContent() {
  const { entity } = useEntity();
  const entityRef = stringifyEntityRef(entity);
  const api = useApi(platformMaturityApiRef);
  const { value, loading, error } = useAsync(
    () => api.getMaturity({ entityRef }),
    [api, entityRef],
  );
  if (loading) return <Progress />;
  if (error) {
    return <RequestErrorPanel error={error} what="the DR readiness" />;
  }
  return value ? <DrReadinessView dr={value.dr} /> : null;
}
