import useAsync from 'react-use/esm/useAsync';
import { Progress } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import Typography from '@material-ui/core/Typography';
import {
  RequestErrorPanel,
  TrendChart,
  niceCeiling,
  statusColors,
  timeAxisTicks,
} from '@cloud-native-platform/plugin-cloud-native-react';
import type { SloTrendPoint } from '@cloud-native-platform/plugin-slo-common';
import { sloApiRef } from '../../api';
import { SLO_FORBIDDEN_HINT, formatBudget } from '../SloFigures';

// Past this many samples the dots hide the line; only the latest is marked.
const MAX_DOTS = 40;
const MAX_TIME_TICKS = 6;

const dateTime = (time: string) =>
  new Date(time).toLocaleString(undefined, {
    day: 'numeric',
    month: 'short',
    hour: '2-digit',
    minute: '2-digit',
  });

const percentOf = (p: SloTrendPoint) =>
  p.errorBudgetRemaining === null ? undefined : p.errorBudgetRemaining * 100;

/**
 * The y axis in percent: down to a round figure below the most overspent
 * point, so that an overspent budget shows under the 0 line, and up to 100.
 */
function budgetAxis(values: number[]): {
  domain: [number, number];
  ticks: number[];
} {
  const lowest = Math.min(0, ...values);
  if (lowest >= 0) return { domain: [0, 100], ticks: [0, 25, 50, 75, 100] };
  const bottom = -niceCeiling(-lowest);
  return { domain: [bottom, 100], ticks: [bottom, 0, 50, 100] };
}

/** Props of {@link SloBudgetTrend}. */
export interface SloBudgetTrendProps {
  entityRef: string;
  name: string;
}

/**
 * How much of one SLO's error budget was left over its window, as a line
 * in percent with the 0 line marked once the budget is overspent.
 */
export function SloBudgetTrend(props: SloBudgetTrendProps) {
  const { entityRef, name } = props;
  const api = useApi(sloApiRef);
  const { value, loading, error } = useAsync(
    () => api.getTrend({ entityRef, name }),
    [api, entityRef, name],
  );

  if (loading) return <Progress />;
  if (error) {
    return (
      <RequestErrorPanel
        error={error}
        what={`the budget trend of ${name}`}
        forbiddenHint={SLO_FORBIDDEN_HINT}
      />
    );
  }
  if (!value) return null;

  const points = value.points;
  const known = points.filter(p => p.errorBudgetRemaining !== null);
  const latest = known[known.length - 1];
  const axis = budgetAxis(known.map(p => percentOf(p) as number));
  const emptyMessage = `No budget figures for ${name} over the last ${value.window} yet.`;

  return (
    <>
      <TrendChart
        title={
          latest
            ? `Error budget remaining of ${name} over ${
                value.window
              }, latest ${formatBudget(latest.errorBudgetRemaining)}`
            : `Error budget remaining of ${name} over ${value.window}`
        }
        description={
          latest
            ? `${known.length} samples from ${dateTime(
                known[0].time,
              )} (${formatBudget(known[0].errorBudgetRemaining)}) to ${dateTime(
                latest.time,
              )} (${formatBudget(latest.errorBudgetRemaining)}).`
            : undefined
        }
        points={points.map(p => ({
          key: p.time,
          time: p.time,
          value: percentOf(p),
          label: `${dateTime(p.time)}: ${formatBudget(p.errorBudgetRemaining)}`,
          color:
            p.errorBudgetRemaining !== null && p.errorBudgetRemaining <= 0
              ? statusColors.failing
              : undefined,
        }))}
        domain={axis.domain}
        yTicks={axis.ticks}
        formatValue={v => `${v}%`}
        thresholds={
          axis.domain[0] < 0
            ? [
                {
                  value: 0,
                  label: 'budget spent',
                  color: statusColors.failing,
                },
              ]
            : undefined
        }
        area
        maxDots={MAX_DOTS}
        emptyMessage={emptyMessage}
        width={640}
        height={200}
        margin={{ top: 12, right: 24, bottom: 28, left: 44 }}
        xTicks={timeAxisTicks(
          points.map(p => Date.parse(p.time)),
          MAX_TIME_TICKS,
        )}
      />
      {latest && (
        <Typography variant="body2" color="textSecondary">
          {formatBudget(latest.errorBudgetRemaining)} of the budget left over
          the {value.window} window ending {dateTime(latest.time)}; it started
          the chart at {formatBudget(known[0].errorBudgetRemaining)}.
        </Typography>
      )}
    </>
  );
}
