import { TrendChart } from '@cloud-native-platform/plugin-cloud-native-react';
import type { HealingStatsBucket } from '@cloud-native-platform/plugin-healing-common';
import { formatDay, formatPercent } from '../../lib/format';
import { dayEdges, successRateOf } from './bucketValues';

/** Props of {@link SuccessRateChart}. */
export interface SuccessRateChartProps {
  /** Buckets, oldest first. */
  buckets: readonly HealingStatsBucket[];
  /** Names the chart for assistive technology. */
  title?: string;
  width?: number;
  height?: number;
}

/**
 * Share of verified attempts that worked, per day, as a small line chart;
 * days without a verified attempt break the line.
 */
export function SuccessRateChart(props: SuccessRateChartProps) {
  const title = props.title ?? 'Success rate by day';
  const { buckets } = props;
  const verified = buckets.filter(b => successRateOf(b) !== undefined);
  const last = verified[verified.length - 1];
  const summary =
    last &&
    `${title}: ${verified.length} of ${
      buckets.length
    } days with verified attempts, latest ${formatPercent(
      successRateOf(last)!,
    )} on ${formatDay(last.bucket)}`;

  return (
    <TrendChart
      title={summary ?? title}
      placement="slot"
      tone="success"
      points={buckets.map(b => {
        const value = successRateOf(b);
        return {
          key: b.bucket,
          value,
          label:
            value === undefined
              ? `${formatDay(b.bucket)}: nothing verified`
              : `${formatDay(b.bucket)}: ${formatPercent(value)} of ${
                  b.succeeded + b.failed + b.inconclusive
                } verified`,
        };
      })}
      domain={[0, 1]}
      yTicks={[0, 0.5, 1]}
      formatValue={formatPercent}
      edgeLabels={dayEdges(buckets)}
      emptyMessage="No verified attempts in this period."
      width={props.width}
      height={props.height}
    />
  );
}
