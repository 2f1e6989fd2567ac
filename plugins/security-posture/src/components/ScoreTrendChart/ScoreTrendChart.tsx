import { useTheme } from '@material-ui/core/styles';
import { TrendChart } from '@cloud-native-platform/plugin-cloud-native-react';
import type { TrendPoint } from '@cloud-native-platform/plugin-security-posture-common';
import { FAIR_SCORE, GOOD_SCORE, scoreColor } from '../../lib/postureColors';

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
 * The score over time on a fixed 0–100 axis (so charts of different scopes
 * compare), the good and fair thresholds dashed, each snapshot coloured by
 * its score.
 *
 * @public
 */
export function ScoreTrendChart(props: ScoreTrendChartProps) {
  const theme = useTheme();
  const title = props.title ?? 'Score trend';
  const { points } = props;
  const first = points[0];
  const last = points[points.length - 1];
  const summary =
    points.length === 1
      ? `${title}: ${last.score} on ${formatDate(last.takenAt)}`
      : `${title}: from ${first?.score} to ${last?.score} over ${points.length} snapshots`;

  return (
    <TrendChart
      title={summary}
      points={points.map(p => ({
        key: p.takenAt,
        time: p.takenAt,
        value: p.score,
        label: `${formatDate(p.takenAt)}: ${p.score}`,
        color: scoreColor(theme, p.score),
      }))}
      domain={[0, 100]}
      yTicks={[0, 50, 100]}
      thresholds={[
        {
          value: GOOD_SCORE,
          label: `Good from ${GOOD_SCORE}`,
          color: scoreColor(theme, GOOD_SCORE),
        },
        {
          value: FAIR_SCORE,
          label: `Fair from ${FAIR_SCORE}`,
          color: scoreColor(theme, FAIR_SCORE),
        },
      ]}
      edgeLabels={
        first && {
          start: formatDate(first.takenAt),
          end: points.length > 1 ? formatDate(last.takenAt) : undefined,
        }
      }
      emptyMessage="No history yet: a snapshot is stored each time the backend scores the fleet."
      width={props.width}
      height={props.height}
      margin={{ left: 28 }}
    />
  );
}
