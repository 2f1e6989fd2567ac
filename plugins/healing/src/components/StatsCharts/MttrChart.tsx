import Typography from '@material-ui/core/Typography';
import type { HealingStatsBucket } from '@cloud-native-platform/plugin-healing-common';
import { formatDay, formatDuration } from '../../lib/format';
import { useChartStyles } from './chartStyles';
import { DayAxis } from './DayAxis';
import { ChartBox, mttrOf, niceCeiling, placeBars } from './chartGeometry';

/** Props of {@link MttrChart}. */
export interface MttrChartProps {
  /** Buckets, oldest first. */
  buckets: readonly HealingStatsBucket[];
  /** Names the chart for assistive technology. */
  title?: string;
  width?: number;
  height?: number;
}

/** Median time to recovery per day as a small SVG bar chart. */
export function MttrChart(props: MttrChartProps) {
  const classes = useChartStyles();
  const title = props.title ?? 'Median MTTR by day';
  const { buckets } = props;
  const values = buckets
    .map(mttrOf)
    .filter((v): v is number => v !== undefined);

  if (values.length === 0) {
    return (
      <Typography variant="body2" color="textSecondary">
        No resolved attempts in this period.
      </Typography>
    );
  }

  const box: ChartBox = {
    width: props.width ?? 480,
    height: props.height ?? 140,
    left: 52,
    right: 8,
    top: 8,
    bottom: 20,
  };
  const max = niceCeiling(Math.max(...values));
  const bars = placeBars(buckets, mttrOf, max, box);
  const last = bars[bars.length - 1];
  const summary = `${title}: ${bars.length} of ${
    buckets.length
  } days with resolved attempts, latest ${formatDuration(
    last.value,
  )} on ${formatDay(last.bucket.bucket)}`;
  const baseline = box.height - box.bottom;

  return (
    <svg
      className={classes.svg}
      viewBox={`0 0 ${box.width} ${box.height}`}
      role="img"
      aria-label={summary}
    >
      <title>{summary}</title>
      {[0, max / 2, max].map(tick => {
        const y = baseline - (tick / max) * (baseline - box.top);
        return (
          <g key={tick}>
            <line
              className={classes.grid}
              x1={box.left}
              x2={box.width - box.right}
              y1={y}
              y2={y}
            />
            <text
              className={classes.axis}
              x={box.left - 4}
              y={y + 4}
              textAnchor="end"
            >
              {formatDuration(tick)}
            </text>
          </g>
        );
      })}
      {bars.map(bar => (
        <rect
          key={bar.bucket.bucket}
          className={classes.bar}
          x={bar.x}
          y={bar.y}
          width={bar.width}
          height={bar.height}
        >
          <title>{`${formatDay(bar.bucket.bucket)}: ${formatDuration(
            bar.value,
          )} over ${bar.bucket.attempts} attempts`}</title>
        </rect>
      ))}
      <DayAxis buckets={buckets} box={box} />
    </svg>
  );
}
