import useAsync from 'react-use/esm/useAsync';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { InfoCard, Progress, WarningPanel } from '@backstage/core-components';
import {
  RequestErrorPanel,
  StatusChip,
} from '@cloud-native-platform/plugin-cloud-native-react';
import { useApi } from '@backstage/core-plugin-api';
import { useEntity, useEntityRefLink } from '@backstage/plugin-catalog-react';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import { clusterTopologyApiRef, EntityWorkload } from '../../api';
import { healthColors } from '../../lib/health';

const useStyles = makeStyles(theme => ({
  cluster: {
    backgroundColor: theme.palette.background.default,
    fontWeight: theme.typography.fontWeightBold as number,
  },
  head: {
    whiteSpace: 'nowrap',
  },
  images: {
    fontFamily: 'monospace',
    fontSize: theme.typography.caption.fontSize,
    overflowWrap: 'anywhere',
  },
}));

function byCluster(items: EntityWorkload[]): Map<string, EntityWorkload[]> {
  const result = new Map<string, EntityWorkload[]>();
  for (const item of items) {
    result.set(item.cluster, [...(result.get(item.cluster) ?? []), item]);
  }
  return result;
}

/** Overview card: the entity's workloads in every cluster, with pod health. */
export function EntityClusterWorkloadsCard() {
  const { entity } = useEntity();
  const entityRef = stringifyEntityRef(entity);
  const api = useApi(clusterTopologyApiRef);
  const entityLink = useEntityRefLink();
  const classes = useStyles();
  const { value, loading, error } = useAsync(
    () => api.getEntityWorkloads(entityRef),
    [api, entityRef],
  );

  let content;
  if (loading) {
    content = <Progress />;
  } else if (error) {
    content = <RequestErrorPanel error={error} what="the workloads" />;
  } else if (value) {
    const groups = byCluster(value.items);
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
        {groups.size === 0 ? (
          <Typography color="textSecondary">
            No workloads of this entity were found in{' '}
            {value.clusters.length > 0
              ? value.clusters.join(', ')
              : 'any cluster'}
            .
          </Typography>
        ) : (
          <Table size="small" aria-label="Cluster workloads">
            <TableHead className={classes.head}>
              <TableRow>
                <TableCell>Workload</TableCell>
                <TableCell>Health</TableCell>
                <TableCell align="right">Ready</TableCell>
                <TableCell align="right">Restarts</TableCell>
                <TableCell>Images</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {[...groups.entries()].map(([cluster, workloads]) => [
                <TableRow key={cluster}>
                  <TableCell colSpan={5} className={classes.cluster}>
                    {cluster}
                  </TableCell>
                </TableRow>,
                ...workloads.map(w => (
                  <TableRow
                    key={`${cluster}/${w.namespace}/${w.kind}/${w.name}`}
                  >
                    <TableCell>
                      <Typography variant="body2">
                        {w.kind}/{w.name}
                      </Typography>
                      <Typography variant="caption" color="textSecondary">
                        {w.namespace}
                      </Typography>
                    </TableCell>
                    <TableCell>
                      <StatusChip
                        label={w.health}
                        color={healthColors[w.health]}
                      />
                    </TableCell>
                    <TableCell align="right">
                      {w.pods.ready}/{w.pods.total}
                    </TableCell>
                    <TableCell align="right">{w.pods.restarts}</TableCell>
                    <TableCell className={classes.images}>
                      {w.images.join(', ')}
                    </TableCell>
                  </TableRow>
                )),
              ])}
            </TableBody>
          </Table>
        )}
      </>
    );
  }

  return (
    <InfoCard
      title="Cluster workloads"
      deepLink={{
        title: 'Open topology',
        link: `${entityLink(entity).replace(/\/$/, '')}/topology`,
      }}
    >
      {content}
    </InfoCard>
  );
}
