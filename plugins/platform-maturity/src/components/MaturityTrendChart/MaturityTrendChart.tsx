import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import type { MaturityHistoryPoint } from '../../api';
import { layoutTrend, TrendFrame } from './layoutTrend';

const FRAME: TrendFrame = {
  width: 640,
  height: 220,
  margin: { top: 12, right: 24, bottom: 28, left: 36 },
};

// Past this many samples the dots hide the line; only the latest is marked.
const MAX_DOTS = 60;

const useStyles = makeStyles(theme => ({
  svg: {
    display: 'block',
    width: '100%',
    height: 'auto',
    maxHeight: 320,
    overflow: 'visible',
  },
  grid: { stroke: theme.palette.divider, strokeWidth: 1 },
  axisText: {
    fill: theme.palette.text.secondary,
    fontSize: 11,
    fontFamily: theme.typography.fontFamily,
  },
  line: {
    fill: 'none',
    stroke: theme.palette.primary.main,
    strokeWidth: 2,
    strokeLinejoin: 'round',
  },
  area: { fill: theme.palette.primary.main, fillOpacity: 0.08 },
  dot: { fill: theme.palette.primary.main },
}));

const dateTime = (time: number | string) =>
  new Date(time).toLocaleString(undefined, {
    day: 'numeric',
    month: 'short',
    hour: '2-digit',
    minute: '2-digit',
  });

const signed = (value: number) => {
  const rounded = Math.round(value * 10) / 10;
  return rounded > 0 ? `+${rounded}` : `${rounded}`;
};

/** Props of {@link MaturityTrendChart}. */
export interface MaturityTrendChartProps {
  /** Oldest first, as the history serves them. */
  points: MaturityHistoryPoint[];
  /** What the scores are of, for the chart's name: "the fleet", "team x". */
  subject: string;
  /** The window the points cover. */
  days: number;
}

/**
 * The maturity score of a scope over time as an SVG line on a 0–100 axis,
 * or a sentence while there are too few snapshots to draw a line.
 */
export function MaturityTrendChart(props: MaturityTrendChartProps) {
  const classes = useStyles();
  const { points, subject, days } = props;

  if (points.length < 2) {
    return (
      <>
        <Typography>
          The trend starts after the first snapshots; they are taken hourly.
        </Typography>
        {points.length === 1 && (
          <Typography variant="body2" color="textSecondary">
            The only snapshot so far, {dateTime(points[0].takenAt)}, scored{' '}
            {points[0].score}.
          </Typography>
        )}
      </>
    );
  }

  const layout = layoutTrend(points, FRAME);
  const first = points[0];
  const latest = points[points.length - 1];
  const name = `Maturity score of ${subject} over the last ${days} days, latest ${latest.score}`;
  const dots =
    layout.points.length > MAX_DOTS ? layout.points.slice(-1) : layout.points;
  const plotLeft = FRAME.margin.left;
  const plotRight = FRAME.width - FRAME.margin.right;
  const plotBottom = FRAME.height - FRAME.margin.bottom;

  return (
    <>
      <svg
        role="img"
        aria-label={name}
        viewBox={`0 0 ${FRAME.width} ${FRAME.height}`}
        className={classes.svg}
      >
        <title>{name}</title>
        <desc>
          {`${points.length} snapshots from ${dateTime(first.takenAt)} (${
            first.score
          }) to ${dateTime(latest.takenAt)} (${latest.score}).`}
        </desc>
        {layout.yTicks.map(t => (
          <g key={`y${t.value}`}>
            <line
              className={classes.grid}
              x1={plotLeft}
              x2={plotRight}
              y1={t.y}
              y2={t.y}
            />
            <text
              className={classes.axisText}
              x={plotLeft - 6}
              y={t.y}
              textAnchor="end"
              dominantBaseline="middle"
            >
              {t.value}
            </text>
          </g>
        ))}
        {layout.xTicks.map(t => (
          <g key={`x${t.x}`}>
            <line
              className={classes.grid}
              x1={t.x}
              x2={t.x}
              y1={plotBottom}
              y2={plotBottom + 4}
            />
            <text
              className={classes.axisText}
              x={t.x}
              y={plotBottom + 16}
              textAnchor="middle"
            >
              {t.label}
            </text>
          </g>
        ))}
        <path className={classes.area} d={layout.area} />
        <path className={classes.line} d={layout.line} />
        {dots.map(p => (
          <circle key={p.time} className={classes.dot} cx={p.x} cy={p.y} r={3}>
            <title>{`${dateTime(p.time)}: ${p.score}`}</title>
          </circle>
        ))}
      </svg>
      <Typography variant="body2" color="textSecondary">
        Latest {latest.score} ({dateTime(latest.takenAt)}),{' '}
        {signed(latest.score - first.score)} since {dateTime(first.takenAt)};{' '}
        {latest.drReady} of {latest.entities} components DR-ready.
      </Typography>
    </>
  );
}
