import { Config, readDurationFromConfig } from '@backstage/config';
import { HumanDuration } from '@backstage/types';

/**
 * `cloudNativePlatform.maturity`, read and checked at start-up.
 *
 * @public
 */
export interface MaturityConfig {
  snapshotFrequency: HumanDuration;
  historyRetentionDays: number;
}

const DEFAULT_RETENTION_DAYS = 90;

/**
 * Reads `cloudNativePlatform.maturity.history`; a bad value stops start-up
 * with a message naming its key.
 *
 * @public
 */
export function readMaturityConfig(root: Config): MaturityConfig {
  const history = root.getOptionalConfig(
    'cloudNativePlatform.maturity.history',
  );
  const key = 'cloudNativePlatform.maturity.history.retentionDays';
  const retention =
    history?.getOptionalNumber('retentionDays') ?? DEFAULT_RETENTION_DAYS;
  if (!Number.isInteger(retention) || retention < 1) {
    throw new Error(
      `${key} must be a whole number of days of at least 1, got ${retention}`,
    );
  }
  return {
    snapshotFrequency: history?.has('frequency')
      ? readDurationFromConfig(history, { key: 'frequency' })
      : { hours: 1 },
    historyRetentionDays: retention,
  };
}
