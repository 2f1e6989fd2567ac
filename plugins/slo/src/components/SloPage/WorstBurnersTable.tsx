import { InfoCard, Link } from '@backstage/core-components';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import type { SloObjective } from '@cloud-native-platform/plugin-slo-common';
import {
  BudgetBar,
  BurnRateCell,
  SloStatusChip,
  useSloTabLink,
} from '../SloFigures';

/** The fleet's SLOs burning fastest over 1h (then 6h), each linking to its entity's tab. */
export function WorstBurnersTable(props: { rows: SloObjective[] }) {
  const { rows } = props;
  const tabLink = useSloTabLink();
  return (
    <InfoCard title="Worst burners" subheader="By 1h burn rate, then 6h">
      {rows.length === 0 ? (
        <Typography color="textSecondary">
          No SLO has burn-rate figures yet.
        </Typography>
      ) : (
        <Table size="small" aria-label="Worst burners">
          <TableHead>
            <TableRow>
              <TableCell>SLO</TableCell>
              <TableCell>Team</TableCell>
              <TableCell align="right">Burn 1h</TableCell>
              <TableCell align="right">Burn 6h</TableCell>
              <TableCell>Budget remaining</TableCell>
              <TableCell>Status</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {rows.map(slo => (
              <TableRow key={`${slo.entityRef ?? slo.service}/${slo.name}`}>
                <TableCell>
                  {slo.entityRef ? (
                    <Link to={tabLink(slo.entityRef)}>{slo.name}</Link>
                  ) : (
                    slo.name
                  )}
                </TableCell>
                <TableCell>
                  {slo.team ? (
                    <EntityRefLink entityRef={slo.team} defaultKind="group" />
                  ) : (
                    '–'
                  )}
                </TableCell>
                <BurnRateCell window="1h" rate={slo.burnRates['1h']} />
                <BurnRateCell window="6h" rate={slo.burnRates['6h']} />
                <TableCell>
                  <BudgetBar
                    remaining={slo.errorBudgetRemaining}
                    of={slo.name}
                  />
                </TableCell>
                <TableCell>
                  <SloStatusChip status={slo.status} />
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </InfoCard>
  );
}
