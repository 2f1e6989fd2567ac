import { useState } from 'react';
import useAsync from 'react-use/esm/useAsync';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { InfoCard, Progress } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { useAppSearchParams } from '@backstage/frontend-plugin-api';
import { useEntity } from '@backstage/plugin-catalog-react';
import Drawer from '@material-ui/core/Drawer';
import Grid from '@material-ui/core/Grid';
import IconButton from '@material-ui/core/IconButton';
import { makeStyles } from '@material-ui/core/styles';
import CloseIcon from '@material-ui/icons/Close';
import type { HealingAttempt } from '@cloud-native-platform/plugin-healing-common';
import { healingApiRef } from '../../api';
import { AttemptsTable } from '../AttemptsTable';
import { AttemptView } from '../AttemptView';
import { HealingErrorPanel } from '../HealingErrorPanel';
import { HealingStatsCards } from '../HealingStatsCards';
import { PendingApprovals } from '../PendingApprovals';

/** Days of history the charts cover. */
const STATS_DAYS = 30;
/** Attempts listed at most. */
const LIST_LIMIT = 100;

const useStyles = makeStyles(theme => ({
  drawer: {
    width: 'min(1100px, 92vw)',
    padding: theme.spacing(2, 3),
  },
  close: {
    float: 'right',
  },
}));

/**
 * The "Healing" tab of an entity: its pending approvals, MTTR and success
 * rate, and its attempts. An attempt opens in a drawer named in the URL
 * (`?attempt=<id>`), so a link opens it too.
 */
export function EntityHealingContent() {
  const { entity } = useEntity();
  const entityRef = stringifyEntityRef(entity);
  const api = useApi(healingApiRef);
  const classes = useStyles();
  // The catalog's page owns the router; the framework's own search params
  // work whether or not it declares a React Router adapter.
  const [params, setParams] = useAppSearchParams();
  const openId = params.get('attempt') ?? undefined;
  const [reloadKey, setReloadKey] = useState(0);
  const reload = () => setReloadKey(k => k + 1);

  const attempts = useAsync(
    () => api.listAttempts({ entityRef, limit: LIST_LIMIT }),
    [api, entityRef, reloadKey],
  );
  const pending = useAsync(
    () => api.listAttempts({ entityRef, status: 'pending-approval' }),
    [api, entityRef, reloadKey],
  );

  const setOpen = (id: string | undefined) =>
    setParams(previous => {
      const next = new URLSearchParams(previous);
      if (id) {
        next.set('attempt', id);
      } else {
        next.delete('attempt');
      }
      return next;
    });
  const open = (attempt: HealingAttempt) => setOpen(attempt.id);

  return (
    <Grid container spacing={3}>
      {pending.value && pending.value.items.length > 0 && (
        <Grid item xs={12}>
          <InfoCard title="Pending approvals">
            <PendingApprovals
              attempts={pending.value.items}
              onOpen={open}
              onDecided={reload}
            />
          </InfoCard>
        </Grid>
      )}
      {pending.error && (
        <Grid item xs={12}>
          <HealingErrorPanel
            error={pending.error}
            what="the pending approvals"
          />
        </Grid>
      )}
      <HealingStatsCards
        query={{ entityRef }}
        days={STATS_DAYS}
        reloadKey={reloadKey}
      />
      <Grid item xs={12}>
        <InfoCard title="Attempts">
          {attempts.loading && <Progress />}
          {attempts.error && (
            <HealingErrorPanel
              error={attempts.error}
              what={`the healing history of ${entityRef}`}
            />
          )}
          {attempts.value && !attempts.loading && (
            <AttemptsTable
              title={`Healing attempts of ${entity.metadata.name}`}
              attempts={attempts.value.items}
              onOpen={open}
            />
          )}
        </InfoCard>
      </Grid>
      <Drawer
        anchor="right"
        open={openId !== undefined}
        onClose={() => setOpen(undefined)}
      >
        <div className={classes.drawer} role="region" aria-label="Attempt">
          <IconButton
            className={classes.close}
            aria-label="Close the attempt"
            onClick={() => setOpen(undefined)}
          >
            <CloseIcon />
          </IconButton>
          {openId && <AttemptView id={openId} onDecided={reload} />}
        </div>
      </Drawer>
    </Grid>
  );
}
