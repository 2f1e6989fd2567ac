import { Config, readDurationFromConfig } from '@backstage/config';
import { HumanDuration } from '@backstage/types';
import { PostureException } from '@cloud-native-platform/plugin-security-posture-common';

/**
 * The `securityPosture` configuration, read and checked once at start-up.
 *
 * @public
 */
export interface PostureConfig {
  /** Accepted risks from `securityPosture.exceptions`, source 'config'. */
  exceptions: PostureException[];
  historyRetentionDays: number;
  falcoRetentionDays: number;
  /**
   * `securityPosture.falco.senders`: the clusters each service may post
   * Falco events for, by the subject of its token.
   */
  falcoSenders: FalcoSender[];
  snapshotFrequency: HumanDuration;
}

/**
 * A service allowed to post Falco events, and for which clusters.
 *
 * @public
 */
export interface FalcoSender {
  /** The subject of its static token, as in backend.auth.externalAccess. */
  subject: string;
  clusters: string[];
}

function readFalcoSenders(config: Config | undefined): FalcoSender[] {
  const senders = config?.getOptionalConfigArray('falco.senders') ?? [];
  const seen = new Set<string>();
  return senders.map((sender, index) => {
    const key = `securityPosture.falco.senders[${index}]`;
    const subject = sender.getString('subject').replace(/^external:/, '');
    if (seen.has(subject)) {
      throw new Error(`${key}.subject: ${subject} is listed twice`);
    }
    seen.add(subject);
    const clusters = sender.getStringArray('clusters');
    if (clusters.length === 0) {
      throw new Error(`${key}.clusters must name at least one cluster`);
    }
    return { subject, clusters };
  });
}

const DEFAULT_HISTORY_RETENTION_DAYS = 90;
const DEFAULT_FALCO_RETENTION_DAYS = 14;

function positiveDays(config: Config, key: string, fallback: number): number {
  const value = config.getOptionalNumber(key) ?? fallback;
  if (!Number.isInteger(value) || value < 1) {
    throw new Error(
      `securityPosture.${key} must be a whole number of days of at least 1, got ${value}`,
    );
  }
  return value;
}

function readException(entry: Config, index: number): PostureException {
  const at = `securityPosture.exceptions[${index}]`;
  const expires = entry.getString('expires');
  if (Number.isNaN(Date.parse(expires))) {
    throw new Error(
      `${at}.expires: '${expires}' is not an ISO date such as 2027-03-31`,
    );
  }
  const scope = {
    cluster: entry.getOptionalString('cluster'),
    namespace: entry.getOptionalString('namespace'),
    kind: entry.getOptionalString('kind'),
    name: entry.getOptionalString('name'),
  };
  const definedScope = Object.fromEntries(
    Object.entries(scope).filter(([, value]) => value !== undefined),
  );
  return {
    checkId: entry.getString('check'),
    reason: entry.getString('reason'),
    owner: entry.getString('owner'),
    expires,
    source: 'config',
    ...(Object.keys(definedScope).length > 0 && { scope: definedScope }),
  };
}

/**
 * Reads `securityPosture`; a bad entry stops start-up with a message naming
 * its key, rather than silently accepting or ignoring a risk.
 *
 * @public
 */
export function readPostureConfig(root: Config): PostureConfig {
  const config = root.getOptionalConfig('securityPosture');
  const exceptions = (config?.getOptionalConfigArray('exceptions') ?? []).map(
    readException,
  );
  const snapshotFrequency: HumanDuration = config?.has('history.frequency')
    ? readDurationFromConfig(config, { key: 'history.frequency' })
    : { hours: 1 };
  return {
    exceptions,
    historyRetentionDays: config
      ? positiveDays(
          config,
          'history.retentionDays',
          DEFAULT_HISTORY_RETENTION_DAYS,
        )
      : DEFAULT_HISTORY_RETENTION_DAYS,
    falcoRetentionDays: config
      ? positiveDays(
          config,
          'falco.retentionDays',
          DEFAULT_FALCO_RETENTION_DAYS,
        )
      : DEFAULT_FALCO_RETENTION_DAYS,
    falcoSenders: readFalcoSenders(config),
    snapshotFrequency,
  };
}
