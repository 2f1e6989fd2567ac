import Typography from '@material-ui/core/Typography';
import {
  TrendChart,
  timeAxisTicks,
} from '@cloud-native-platform/plugin-cloud-native-react';
import type { MaturityHistoryPoint } from '../../api';

// Past this many samples the dots hide the line; only the latest is marked.
const MAX_DOTS = 60;
const MAX_TIME_TICKS = 6;

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
 * The maturity score of a scope over time as a line on a 0–100 axis,
 * or a sentence while there are too few snapshots to draw a line.
 */
export function MaturityTrendChart(props: MaturityTrendChartProps) {
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

  const first = points[0];
  const latest = points[points.length - 1];
  const name = `Maturity score of ${subject} over the last ${days} days, latest ${latest.score}`;

  return (
    <>
      <TrendChart
        title={name}
        description={`${points.length} snapshots from ${dateTime(
          first.takenAt,
        )} (${first.score}) to ${dateTime(latest.takenAt)} (${latest.score}).`}
        points={points.map(p => ({
          key: p.takenAt,
          time: p.takenAt,
          value: p.score,
          label: `${dateTime(p.takenAt)}: ${p.score}`,
        }))}
        domain={[0, 100]}
        yTicks={[0, 25, 50, 75, 100]}
        area
        maxDots={MAX_DOTS}
        width={640}
        height={220}
        margin={{ top: 12, right: 24, bottom: 28, left: 36 }}
        xTicks={timeAxisTicks(
          points.map(p => Date.parse(p.takenAt)),
          MAX_TIME_TICKS,
        )}
      />
      <Typography variant="body2" color="textSecondary">
        Latest {latest.score} ({dateTime(latest.takenAt)}),{' '}
        {signed(latest.score - first.score)} since {dateTime(first.takenAt)};{' '}
        {latest.drReady} of {latest.entities} components DR-ready.
      </Typography>
    </>
  );
}
