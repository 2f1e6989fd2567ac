import useAsync from 'react-use/esm/useAsync';
import { useApi } from '@backstage/core-plugin-api';
import Typography from '@material-ui/core/Typography';
import { platformMaturityApiRef } from '../../api';
import type { MaturityHistory } from '../../api';

/** "from 88 to 92.8 (+4.8) over 30 days, 12 snapshots", or why there is none. */
export function trendSentence(history: MaturityHistory): string {
  const { points, days } = history;
  if (points.length === 0) {
    return `No snapshot in the last ${days} days yet; they are taken hourly.`;
  }
  const first = points[0].score;
  const last = points[points.length - 1].score;
  if (points.length === 1) {
    return `One snapshot so far, at ${last}.`;
  }
  const change = Math.round((last - first) * 10) / 10;
  const signed = change > 0 ? `+${change}` : `${change}`;
  return `From ${first} to ${last} (${signed}) over the last ${days} days, ${points.length} snapshots.`;
}

/**
 * One line under the score: how it moved. It loads on its own; a failure
 * only says the trend is unavailable, the score stays.
 */
export function MaturityTrendLine(props: { entityRef: string }) {
  const api = useApi(platformMaturityApiRef);
  const { value, error } = useAsync(
    () => api.getHistory({ entityRef: props.entityRef }),
    [api, props.entityRef],
  );
  let text: string | undefined;
  if (error) text = 'Trend unavailable.';
  else if (value) text = trendSentence(value);
  if (!text) return null;
  return (
    <Typography variant="body2" color="textSecondary" aria-label="Trend">
      Trend: {text}
    </Typography>
  );
}
