import { InfoCard, Link } from '@backstage/core-components';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import type { SloStatus } from '@cloud-native-platform/plugin-slo-common';
import {
  BudgetBar,
  STATUS_ORDER,
  statusLook,
  useSloTabLink,
} from '../SloFigures';

import type { TeamBudget } from './teamBudgets';

function StatusCount(props: { status: SloStatus; count: number }) {
  const { status, count } = props;
  const alarming =
    count > 0 && (status === 'burning' || status === 'exhausted');
  return (
    <TableCell
      align="right"
      style={
        alarming
          ? { color: statusLook(status).color, fontWeight: 'bold' }
          : undefined
      }
    >
      {count}
    </TableCell>
  );
}

/** Every team's SLOs by status and its lowest budget left, the most at risk first. */
export function TeamsTable(props: { rows: TeamBudget[] }) {
  const { rows } = props;
  const tabLink = useSloTabLink();
  return (
    <InfoCard title="Teams">
      {rows.length === 0 ? (
        <Typography color="textSecondary">No team owns an SLO yet.</Typography>
      ) : (
        <Table size="small" aria-label="Teams">
          <TableHead>
            <TableRow>
              <TableCell>Team</TableCell>
              <TableCell align="right">SLOs</TableCell>
              {STATUS_ORDER.map(status => (
                <TableCell
                  key={status}
                  align="right"
                  style={{ textTransform: 'capitalize' }}
                >
                  {statusLook(status).label}
                </TableCell>
              ))}
              <TableCell>Lowest budget remaining</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {rows.map(row => (
              <TableRow key={row.team ?? ''}>
                <TableCell>
                  {row.team ? (
                    <EntityRefLink entityRef={row.team} defaultKind="group" />
                  ) : (
                    <Typography variant="body2" color="textSecondary">
                      No team
                    </Typography>
                  )}
                </TableCell>
                <TableCell align="right">{row.total}</TableCell>
                {STATUS_ORDER.map(status => (
                  <StatusCount
                    key={status}
                    status={status}
                    count={row.counts[status]}
                  />
                ))}
                <TableCell>
                  {row.lowest ? (
                    <>
                      <BudgetBar
                        remaining={row.lowest.errorBudgetRemaining}
                        of={row.lowest.name}
                      />
                      <Typography variant="caption" color="textSecondary">
                        {row.lowest.entityRef ? (
                          <Link to={tabLink(row.lowest.entityRef)}>
                            {row.lowest.name}
                          </Link>
                        ) : (
                          row.lowest.name
                        )}
                      </Typography>
                    </>
                  ) : (
                    '–'
                  )}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </InfoCard>
  );
}
