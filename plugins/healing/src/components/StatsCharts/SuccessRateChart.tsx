import Typography from '@material-ui/core/Typography';
import type { HealingStatsBucket } from '@cloud-native-platform/plugin-healing-common';
import { formatDay, formatPercent } from '../../lib/format';
import { useChartStyles } from './chartStyles';
import { DayAxis } from './DayAxis';
import {
  ChartBox,
  PlacedPoint,
  brokenLinePath,
  placeRatioPoints,
  ratioY,
  successRateOf,
} from './chartGeometry';

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
 * Share of verified attempts that worked, per day, as a small SVG line
 * chart; days without a verified attempt break the line.
 */
export function SuccessRateChart(props: SuccessRateChartProps) {
  const classes = useChartStyles();
  const title = props.title ?? 'Success rate by day';
  const { buckets } = props;
  const box: ChartBox = {
    width: props.width ?? 480,
    height: props.height ?? 140,
    left: 40,
    right: 8,
    top: 8,
    bottom: 20,
  };
  const points = placeRatioPoints(buckets, successRateOf, box);
  const placed = points.filter((p): p is PlacedPoint => p !== undefined);

  if (placed.length === 0) {
    return (
      <Typography variant="body2" color="textSecondary">
        No verified attempts in this period.
      </Typography>
    );
  }

  const last = placed[placed.length - 1];
  const summary = `${title}: ${placed.length} of ${
    buckets.length
  } days with verified attempts, latest ${formatPercent(
    last.value,
  )} on ${formatDay(last.bucket.bucket)}`;

  return (
    <svg
      className={classes.svg}
      viewBox={`0 0 ${box.width} ${box.height}`}
      role="img"
      aria-label={summary}
    >
      <title>{summary}</title>
      {[0, 0.5, 1].map(ratio => (
        <g key={ratio}>
          <line
            className={classes.grid}
            x1={box.left}
            x2={box.width - box.right}
            y1={ratioY(ratio, box)}
            y2={ratioY(ratio, box)}
          />
          <text
            className={classes.axis}
            x={box.left - 4}
            y={ratioY(ratio, box) + 4}
            textAnchor="end"
          >
            {formatPercent(ratio)}
          </text>
        </g>
      ))}
      <path className={classes.line} d={brokenLinePath(points)} />
      {placed.map(p => (
        <circle
          key={p.bucket.bucket}
          className={classes.dot}
          cx={p.x}
          cy={p.y}
          r={3.5}
        >
          <title>{`${formatDay(p.bucket.bucket)}: ${formatPercent(
            p.value,
          )} of ${
            p.bucket.succeeded + p.bucket.failed + p.bucket.inconclusive
          } verified`}</title>
        </circle>
      ))}
      <DayAxis buckets={buckets} box={box} />
    </svg>
  );
}
