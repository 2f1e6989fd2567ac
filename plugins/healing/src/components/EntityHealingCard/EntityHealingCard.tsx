import { useState } from 'react';
import useAsync from 'react-use/esm/useAsync';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { InfoCard, Progress } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { useEntity, useEntityRefLink } from '@backstage/plugin-catalog-react';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import { healingApiRef } from '../../api';
import { countByStatus } from '../../lib/countByStatus';
import {
  describeAttempt,
  formatDateTime,
  formatDuration,
} from '../../lib/format';
import { HealingErrorPanel } from '../HealingErrorPanel';
import { StatusChip } from '../StatusChip';
import { KeyValueList } from '../KeyValueList';

/** Days the card looks back. */
const DAYS = 30;
/** Enough to count a busy month of one entity. */
const LIST_LIMIT = 500;

const useStyles = makeStyles(theme => ({
  counts: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: theme.spacing(1),
    listStyle: 'none',
    padding: 0,
    margin: theme.spacing(0, 0, 2),
    '& li': {
      display: 'flex',
      alignItems: 'center',
      gap: theme.spacing(0.5),
    },
  },
}));

/**
 * Overview card: the entity's attempts of the last 30 days by outcome, their
 * median MTTR and the last attempt, with a link to the tab.
 */
export function EntityHealingCard() {
  const { entity } = useEntity();
  const entityRef = stringifyEntityRef(entity);
  const api = useApi(healingApiRef);
  const entityLink = useEntityRefLink();
  const classes = useStyles();
  // Fixed at mount, so that a re-render does not move the window and reload.
  const [since] = useState(() =>
    new Date(Date.now() - DAYS * 86_400_000).toISOString(),
  );
  const { value, loading, error } = useAsync(
    () =>
      Promise.all([
        api.listAttempts({ entityRef, since, limit: LIST_LIMIT }),
        api.getStats({ entityRef }, DAYS),
      ]),
    [api, entityRef, since],
  );

  let content;
  if (loading) {
    content = <Progress />;
  } else if (error) {
    content = <HealingErrorPanel error={error} what="the healing history" />;
  } else if (value) {
    const [attempts, stats] = value;
    const last = attempts.items[0];
    content =
      attempts.items.length === 0 ? (
        <Typography variant="body2" color="textSecondary">
          Nothing was healed in the last {DAYS} days.
        </Typography>
      ) : (
        <>
          <ul className={classes.counts} aria-label="Attempts by outcome">
            {countByStatus(attempts.items).map(({ status, count }) => (
              <li key={status} aria-label={`${count} ${status}`}>
                <Typography variant="h6" component="span">
                  {count}
                </Typography>
                <StatusChip status={status} />
              </li>
            ))}
          </ul>
          <KeyValueList
            label="Healing summary"
            items={[
              ['Median MTTR', formatDuration(stats.medianMttrSeconds)],
              [
                'Last attempt',
                `${formatDateTime(last.createdAt)}: ${describeAttempt(last)}, ${
                  last.status
                }`,
              ],
            ]}
          />
        </>
      );
  }

  return (
    <InfoCard
      title="Healing"
      subheader={`Last ${DAYS} days`}
      deepLink={{
        title: 'View healing history',
        link: `${entityLink(entity).replace(/\/$/, '')}/healing`,
      }}
    >
      {content}
    </InfoCard>
  );
}
