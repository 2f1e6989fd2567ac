import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import useAsync from 'react-use/esm/useAsync';
import { InfoCard, Progress } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import Grid from '@material-ui/core/Grid';
import type {
  HealingAttempt,
  HealingEngineStatus,
} from '@cloud-native-platform/plugin-healing-common';
import { healingApiRef } from '../../api';
import { AttemptFilters } from '../AttemptFilters';
import { AttemptsTable } from '../AttemptsTable';
import { EngineStatusCard } from '../EngineStatusCard';
import { HealingErrorPanel } from '../HealingErrorPanel';
import { HealingStatsCards } from '../HealingStatsCards';
import { PendingApprovals } from '../PendingApprovals';
import { useAttemptFilter } from './useAttemptFilter';

/** Days of history the charts cover. */
const STATS_DAYS = 30;
/** Attempts listed at most; the newest are the ones worth reading. */
const LIST_LIMIT = 200;

function EngineStatus(props: { reloadKey: number }) {
  const api = useApi(healingApiRef);
  const { value, loading, error } = useAsync(
    () => api.getStatus(),
    [api, props.reloadKey],
  );
  // A toggle's answer stands until the next load replaces it.
  const [changed, setChanged] = useState<{
    base?: HealingEngineStatus;
    status: HealingEngineStatus;
  }>();
  if (loading) {
    return <Progress />;
  }
  if (error) {
    return <HealingErrorPanel error={error} what="the healing engine status" />;
  }
  const status = changed && changed.base === value ? changed.status : value;
  return status ? (
    <EngineStatusCard
      status={status}
      onChange={next => setChanged({ base: value, status: next })}
    />
  ) : null;
}

/**
 * The fleet's healing history: engine status, pending approvals, charts and
 * the attempts matching the filters in the URL.
 */
export function HistoryView() {
  const api = useApi(healingApiRef);
  const navigate = useNavigate();
  const [filter, updateFilter] = useAttemptFilter();
  // Bumped after a decision, so that every list reflects it.
  const [reloadKey, setReloadKey] = useState(0);
  const reload = () => setReloadKey(k => k + 1);

  // Approvals wait fleet-wide: the filters narrow the history, not the
  // work waiting for a human.
  const pending = useAsync(
    () => api.listAttempts({ status: 'pending-approval', limit: LIST_LIMIT }),
    [api, reloadKey],
  );
  const attempts = useAsync(
    () => api.listAttempts({ ...filter, limit: LIST_LIMIT }),
    [api, filter, reloadKey],
  );
  const open = (attempt: HealingAttempt) =>
    navigate(`attempts/${encodeURIComponent(attempt.id)}`);

  return (
    <Grid container spacing={3}>
      <Grid item xs={12} md={5}>
        <EngineStatus reloadKey={reloadKey} />
      </Grid>
      <Grid item xs={12} md={7}>
        <InfoCard title="Pending approvals">
          {pending.loading && <Progress />}
          {pending.error && (
            <HealingErrorPanel
              error={pending.error}
              what="the pending approvals"
            />
          )}
          {pending.value && (
            <PendingApprovals
              attempts={pending.value.items}
              onOpen={open}
              onDecided={reload}
            />
          )}
        </InfoCard>
      </Grid>
      <Grid item xs={12}>
        <AttemptFilters filter={filter} onChange={updateFilter} />
      </Grid>
      <HealingStatsCards
        query={filter}
        days={STATS_DAYS}
        reloadKey={reloadKey}
      />
      <Grid item xs={12}>
        <InfoCard
          title="Attempts"
          subheader={
            attempts.value && attempts.value.total > attempts.value.items.length
              ? `Newest ${attempts.value.items.length} of ${attempts.value.total}`
              : undefined
          }
        >
          {attempts.loading && <Progress />}
          {attempts.error && (
            <HealingErrorPanel
              error={attempts.error}
              what="the healing history"
            />
          )}
          {attempts.value && !attempts.loading && (
            <AttemptsTable
              title="Healing attempts"
              attempts={attempts.value.items}
              onOpen={open}
            />
          )}
        </InfoCard>
      </Grid>
    </Grid>
  );
}
