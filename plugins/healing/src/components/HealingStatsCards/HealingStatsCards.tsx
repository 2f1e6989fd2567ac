import useAsync from 'react-use/esm/useAsync';
import { InfoCard, Progress } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import Grid from '@material-ui/core/Grid';
import { HealingAttemptQuery, healingApiRef } from '../../api';
import { formatDuration, formatPercent } from '../../lib/format';
import { HealingErrorPanel } from '../HealingErrorPanel';
import { MttrChart, SuccessRateChart } from '../StatsCharts';

// Rates and MTTR are taken over every outcome: narrowed to one status they
// would say nothing.
const STATS_KEYS = [
  'entityRef',
  'cluster',
  'namespace',
  'action',
  'mode',
  'kind',
] as const;

function statsQuery(query: HealingAttemptQuery): HealingAttemptQuery {
  const picked: HealingAttemptQuery = {};
  for (const key of STATS_KEYS) {
    if (query[key]) {
      Object.assign(picked, { [key]: query[key] });
    }
  }
  return picked;
}

/** Props of {@link HealingStatsCards}. */
export interface HealingStatsCardsProps {
  query: HealingAttemptQuery;
  days: number;
  /** Changing it reloads the figures. */
  reloadKey?: number;
}

/**
 * MTTR and success-rate charts of the attempts a query selects, as two grid
 * items.
 */
export function HealingStatsCards(props: HealingStatsCardsProps) {
  const api = useApi(healingApiRef);
  // A string key, so that an equal query from a new render does not reload.
  const key = JSON.stringify(statsQuery(props.query));
  const { value, loading, error } = useAsync(
    () => api.getStats(JSON.parse(key), props.days),
    [api, key, props.days, props.reloadKey],
  );

  const body = (chart: JSX.Element) => {
    if (loading) {
      return <Progress />;
    }
    if (error) {
      return <HealingErrorPanel error={error} what="the healing statistics" />;
    }
    return value ? chart : null;
  };

  return (
    <>
      <Grid item xs={12} md={6}>
        <InfoCard
          title={`Time to recovery, last ${props.days} days`}
          subheader={
            value
              ? `Median ${formatDuration(value.medianMttrSeconds)}`
              : undefined
          }
        >
          {body(<MttrChart buckets={value?.buckets ?? []} />)}
        </InfoCard>
      </Grid>
      <Grid item xs={12} md={6}>
        <InfoCard
          title={`Success rate, last ${props.days} days`}
          subheader={
            value
              ? `${formatPercent(
                  value.successRate,
                )} of verified attempts worked`
              : undefined
          }
        >
          {body(<SuccessRateChart buckets={value?.buckets ?? []} />)}
        </InfoCard>
      </Grid>
    </>
  );
}
