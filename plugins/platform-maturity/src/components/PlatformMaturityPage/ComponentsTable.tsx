import { InfoCard } from '@backstage/core-components';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import type { MaturityLeaderboard } from '../../api';
import { DrStatusLabel } from './DrStatusLabel';
import { ScoreCell } from './ScoreCell';

/** Props of {@link ComponentsTable}. */
export interface ComponentsTableProps {
  title: string;
  rows: MaturityLeaderboard['entities'];
}

/** Components of the leaderboard, best first, each linking to its catalog page. */
export function ComponentsTable(props: ComponentsTableProps) {
  const { title, rows } = props;
  return (
    <InfoCard title={title}>
      {rows.length === 0 ? (
        <Typography color="textSecondary">No components to show.</Typography>
      ) : (
        <Table size="small" aria-label={title}>
          <TableHead>
            <TableRow>
              <TableCell>Component</TableCell>
              <TableCell>Owner</TableCell>
              <TableCell>System</TableCell>
              <TableCell align="right">Score</TableCell>
              <TableCell>DR</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {rows.map(r => (
              <TableRow key={r.entityRef}>
                <TableCell>
                  <EntityRefLink entityRef={r.entityRef} />
                </TableCell>
                <TableCell>
                  {r.owner ? (
                    <EntityRefLink entityRef={r.owner} defaultKind="group" />
                  ) : (
                    '–'
                  )}
                </TableCell>
                <TableCell>
                  {r.system ? (
                    <EntityRefLink entityRef={r.system} defaultKind="system" />
                  ) : (
                    '–'
                  )}
                </TableCell>
                <ScoreCell score={r.score} deployed={r.deployed} />
                <TableCell>
                  <DrStatusLabel status={r.dr} />
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </InfoCard>
  );
}
