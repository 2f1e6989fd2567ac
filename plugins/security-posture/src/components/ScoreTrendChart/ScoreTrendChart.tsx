import Typography from '@material-ui/core/Typography';
import { makeStyles, useTheme } from '@material-ui/core/styles';
import type { TrendPoint } from '@cloud-native-platform/plugin-security-posture-common';
import { FAIR_SCORE, GOOD_SCORE, scoreColor } from '../../lib/postureColors';
import { ChartBox, linePath, placePoints, scoreY } from './trendGeometry';

const useStyles = makeStyles(theme => ({
  svg: {
    display: 'block',
    width: '100%',
    height: 'auto',
    overflow: 'visible',
  },
  axis: {
    fill: theme.palette.text.secondary,
    fontSize: 11,
    fontFamily: theme.typography.fontFamily,
  },
  grid: {
    stroke: theme.palette.divider,
    strokeWidth: 1,
  },
  threshold: {
    strokeWidth: 1,
    strokeDasharray: '4 4',
    opacity: 0.7,
  },
  line: {
    fill: 'none',
    stroke: theme.palette.primary.main,
    strokeWidth: 2,
    strokeLinejoin: 'round',
  },
}));

/**
 * Props of {@link ScoreTrendChart}.
 *
 * @public
 */
export interface ScoreTrendChartProps {
  /** Snapshots, oldest first. */
  points: readonly TrendPoint[];
  /** Names the chart for assistive technology. */
  title?: string;
  width?: number;
  height?: number;
}

const formatDate = (iso: string) =>
  new Date(iso).toLocaleDateString(undefined, {
    month: 'short',
    day: 'numeric',
  });

/**
 * The score over time as a small SVG line chart, thresholds dashed.
 *
 * @public
 */
export function ScoreTrendChart(props: ScoreTrendChartProps) {
  const classes = useStyles();
  const theme = useTheme();
  const title = props.title ?? 'Score trend';

  if (props.points.length === 0) {
    return (
      <Typography variant="body2" color="textSecondary">
        No history yet: a snapshot is stored each time the backend scores the
        fleet.
      </Typography>
    );
  }

  const box: ChartBox = {
    width: props.width ?? 480,
    height: props.height ?? 140,
    left: 28,
    right: 8,
    top: 8,
    bottom: 20,
  };
  const placed = placePoints(props.points, box);
  const first = props.points[0];
  const last = props.points[props.points.length - 1];
  const summary =
    props.points.length === 1
      ? `${title}: ${last.score} on ${formatDate(last.takenAt)}`
      : `${title}: from ${first.score} to ${last.score} over ${props.points.length} snapshots`;

  return (
    <svg
      className={classes.svg}
      viewBox={`0 0 ${box.width} ${box.height}`}
      role="img"
      aria-label={summary}
    >
      <title>{summary}</title>
      {[0, 50, 100].map(score => (
        <g key={score}>
          <line
            className={classes.grid}
            x1={box.left}
            x2={box.width - box.right}
            y1={scoreY(score, box)}
            y2={scoreY(score, box)}
          />
          <text
            className={classes.axis}
            x={box.left - 4}
            y={scoreY(score, box) + 4}
            textAnchor="end"
          >
            {score}
          </text>
        </g>
      ))}
      {[GOOD_SCORE, FAIR_SCORE].map(score => (
        <line
          key={score}
          className={classes.threshold}
          stroke={scoreColor(theme, score)}
          x1={box.left}
          x2={box.width - box.right}
          y1={scoreY(score, box)}
          y2={scoreY(score, box)}
        />
      ))}
      <path className={classes.line} d={linePath(placed)} />
      {placed.map(p => (
        <circle
          key={p.point.takenAt}
          cx={p.x}
          cy={p.y}
          r={3.5}
          fill={scoreColor(theme, p.point.score)}
        >
          <title>{`${formatDate(p.point.takenAt)}: ${p.point.score}`}</title>
        </circle>
      ))}
      <text
        className={classes.axis}
        x={box.left}
        y={box.height - 4}
        textAnchor="start"
      >
        {formatDate(first.takenAt)}
      </text>
      {props.points.length > 1 && (
        <text
          className={classes.axis}
          x={box.width - box.right}
          y={box.height - 4}
          textAnchor="end"
        >
          {formatDate(last.takenAt)}
        </text>
      )}
    </svg>
  );
}
