import useAsync from 'react-use/esm/useAsync';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { InfoCard, Progress } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { useEntity } from '@backstage/plugin-catalog-react';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import {
  RequestErrorPanel,
  statusColors,
} from '@cloud-native-platform/plugin-cloud-native-react';
import type {
  SloObjective,
  SloObjectivesResponse,
} from '@cloud-native-platform/plugin-slo-common';
import { sloApiRef } from '../../api';
import {
  BudgetBar,
  BurnRateCell,
  SLO_FORBIDDEN_HINT,
  SloStatusChip,
  formatBurnRate,
  formatObjective,
  useSloTabLink,
  worstBurn,
} from '../SloFigures';

function BudgetsTable(props: { items: SloObjective[] }) {
  return (
    <Table size="small" aria-label="SLO budgets">
      <TableHead>
        <TableRow>
          <TableCell>SLO</TableCell>
          <TableCell>Budget remaining</TableCell>
          <TableCell align="right">Worst burn</TableCell>
          <TableCell>Status</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {props.items.map(slo => {
          const worst = worstBurn(slo.burnRates);
          return (
            <TableRow key={slo.name}>
              <TableCell>
                {slo.name}
                <Typography
                  variant="caption"
                  color="textSecondary"
                  component="div"
                >
                  {formatObjective(slo.objective)} over {slo.window}
                </Typography>
              </TableCell>
              <TableCell>
                <BudgetBar remaining={slo.errorBudgetRemaining} of={slo.name} />
              </TableCell>
              {worst ? (
                <BurnRateCell window={worst.window} rate={worst.rate} />
              ) : (
                <TableCell align="right">–</TableCell>
              )}
              <TableCell>
                <SloStatusChip status={slo.status} />
              </TableCell>
            </TableRow>
          );
        })}
      </TableBody>
    </Table>
  );
}

/** The fastest burn of all the entity's SLOs, in one sentence. */
function worstBurnLine(items: SloObjective[]): string {
  const burns = items.flatMap(slo => {
    const worst = worstBurn(slo.burnRates);
    return worst ? [{ slo, ...worst }] : [];
  });
  if (burns.length === 0) return 'No burn rate yet: no events in any window.';
  const top = burns.reduce((a, b) => (b.rate > a.rate ? b : a));
  return `Worst burn rate: ${formatBurnRate(top.rate)} over ${top.window} (${
    top.slo.name
  }).`;
}

/** A line for what the backend could not read; the tab lists it. */
function UnreadNote(props: { errors: SloObjectivesResponse['errors'] }) {
  const count = props.errors?.length ?? 0;
  if (count === 0) return null;
  return (
    <Typography variant="body2" style={{ color: statusColors.degraded }}>
      {count === 1
        ? '1 cluster or definition could not be read; the SLOs tab says which.'
        : `${count} clusters or definitions could not be read; the SLOs tab says which.`}
    </Typography>
  );
}

/**
 * Overview card: each SLO's budget remaining, worst burn rate and status,
 * linking to the entity's SLOs tab.
 */
export function EntitySloCard() {
  const { entity } = useEntity();
  const entityRef = stringifyEntityRef(entity);
  const tabLink = useSloTabLink();
  const api = useApi(sloApiRef);
  const { value, loading, error } = useAsync(
    () => api.getObjectives({ entityRef }),
    [api, entityRef],
  );

  let content;
  if (loading) {
    content = <Progress />;
  } else if (error) {
    content = (
      <RequestErrorPanel
        error={error}
        what="the SLOs"
        forbiddenHint={SLO_FORBIDDEN_HINT}
      />
    );
  } else if (value && value.items.length === 0) {
    content = (
      <>
        <UnreadNote errors={value.errors} />
        <Typography color="textSecondary">
          No service level objectives are defined for {entity.metadata.name}.
        </Typography>
      </>
    );
  } else if (value) {
    content = (
      <>
        <Typography>{worstBurnLine(value.items)}</Typography>
        <UnreadNote errors={value.errors} />
        <BudgetsTable items={value.items} />
      </>
    );
  }
  return (
    <InfoCard
      title="SLOs"
      deepLink={{
        title: 'View SLOs',
        link: tabLink(entityRef),
      }}
    >
      {content}
    </InfoCard>
  );
}
