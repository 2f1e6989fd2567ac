import { BarChart } from '@cloud-native-platform/plugin-cloud-native-react';
import type { HealingStatsBucket } from '@cloud-native-platform/plugin-healing-common';
import { formatDay, formatDuration } from '../../lib/format';
import { dayEdges, mttrOf } from './bucketValues';

/** Props of {@link MttrChart}. */
export interface MttrChartProps {
  /** Buckets, oldest first. */
  buckets: readonly HealingStatsBucket[];
  /** Names the chart for assistive technology. */
  title?: string;
  width?: number;
  height?: number;
}

/**
 * Median time to recovery per day as a small bar chart; a day without a
 * resolved attempt leaves a gap rather than closing up.
 */
export function MttrChart(props: MttrChartProps) {
  const title = props.title ?? 'Median MTTR by day';
  const { buckets } = props;
  const resolved = buckets.filter(b => mttrOf(b) !== undefined);
  const last = resolved[resolved.length - 1];
  const summary =
    last &&
    `${title}: ${resolved.length} of ${
      buckets.length
    } days with resolved attempts, latest ${formatDuration(
      mttrOf(last)!,
    )} on ${formatDay(last.bucket)}`;

  return (
    <BarChart
      title={summary ?? title}
      bars={buckets.map(b => {
        const value = mttrOf(b);
        return {
          key: b.bucket,
          value,
          label:
            value === undefined
              ? `${formatDay(b.bucket)}: nothing resolved`
              : `${formatDay(b.bucket)}: ${formatDuration(value)} over ${
                  b.attempts
                } attempts`,
        };
      })}
      formatValue={formatDuration}
      edgeLabels={dayEdges(buckets)}
      emptyMessage="No resolved attempts in this period."
      width={props.width}
      height={props.height}
      margin={{ left: 52 }}
    />
  );
}
