import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import { statusColors } from '@cloud-native-platform/plugin-cloud-native-react';
import type { SloObjective } from '@cloud-native-platform/plugin-slo-common';
import { formatRatio } from '../SloFigures';

const count = (value: number | null) =>
  value === null ? '–' : Math.round(value).toLocaleString('en-US');

/** Each cluster's share of an SLO's events and its own error ratio, or why it has none. */
export function SloClustersTable(props: { slo: SloObjective }) {
  const { slo } = props;
  if (slo.clusters.length === 0) {
    return (
      <Typography color="textSecondary">
        No cluster serves {slo.name}.
      </Typography>
    );
  }
  return (
    <Table size="small" aria-label={`Clusters of ${slo.name}`}>
      <TableHead>
        <TableRow>
          <TableCell>Cluster</TableCell>
          <TableCell align="right">Share</TableCell>
          <TableCell align="right">Error ratio</TableCell>
          <TableCell align="right">Good / total events</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {slo.clusters.map(c => (
          <TableRow key={c.cluster}>
            <TableCell>{c.cluster}</TableCell>
            {c.error ? (
              <TableCell colSpan={3} style={{ color: statusColors.failing }}>
                {c.error}
              </TableCell>
            ) : (
              <>
                <TableCell align="right">{formatRatio(c.share)}</TableCell>
                <TableCell align="right">{formatRatio(c.errorRatio)}</TableCell>
                <TableCell align="right">
                  {count(c.good)} / {count(c.total)}
                </TableCell>
              </>
            )}
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
