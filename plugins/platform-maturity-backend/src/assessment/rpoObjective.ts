import { parseDuration } from '@cloud-native-platform/plugin-cloud-native-common';
import {
  DrObjective,
  DrReplicationLag,
} from '@cloud-native-platform/plugin-platform-maturity-common';
import { ReplicationLagReading } from './drTypes';

/**
 * Lag up to this many seconds meets any smaller declared RPO, RPO 0
 * included: synchronous replication still shows sub-second replay lag, and
 * the exporters sample it every scrape (seconds), so below one second the
 * measurement cannot tell lost data from in-flight commits.
 *
 * @public
 */
export const RPO_RESOLUTION_SECONDS = 1;

const SOURCE_NAMES: Record<DrReplicationLag['source'], string> = {
  postgres: 'postgres_exporter pg_replication_lag',
  mirrormaker: 'MirrorMaker 2 replication latency',
  custom: 'the replication-lag-query annotation',
};

/** Seconds as `0.4s`, `1.2s` or `95s`: tenths below a minute. */
export function formatLagSeconds(seconds: number): string {
  return seconds < 60
    ? `${Math.round(seconds * 10) / 10}s`
    : `${Math.round(seconds)}s`;
}

function lagSentence(lag: DrReplicationLag): string {
  return `replication lagged up to ${formatLagSeconds(
    lag.seconds,
  )} over the last 5 minutes (${SOURCE_NAMES[lag.source]}, ${
    lag.replica ? `${lag.replica} in ` : ''
  }${lag.cluster})`;
}

/**
 * The RPO objective: the declared `rpo` against the worst replication lag
 * of the last five minutes. Met when the lag is at most the declared RPO,
 * or at most {@link RPO_RESOLUTION_SECONDS} for a smaller one (RPO 0).
 */
export function rpoObjective(
  declared: string | undefined,
  reading: ReplicationLagReading | undefined,
): DrObjective {
  const lag = reading?.lag;
  const measured = lag && {
    measured: formatLagSeconds(lag.seconds),
    lag,
  };
  if (declared === undefined) {
    const sentence = lag ? lagSentence(lag) : '';
    return {
      ...measured,
      note: `No RPO is declared on the entity.${
        sentence && ` ${sentence[0].toUpperCase()}${sentence.slice(1)}.`
      }`,
    };
  }
  const targetMs = parseDuration(declared);
  if (!lag || targetMs === undefined) {
    const why =
      targetMs === undefined
        ? `${declared} is not a duration`
        : reading?.unavailable ?? 'replication lag is not measured';
    return {
      declared,
      status: 'not-measured',
      note: `RPO ${declared} declared; not measured: ${why}.`,
    };
  }
  const targetSeconds = targetMs / 1000;
  const met = lag.seconds <= Math.max(targetSeconds, RPO_RESOLUTION_SECONDS);
  let verdict = ', more than the target';
  if (met) {
    verdict =
      targetSeconds < RPO_RESOLUTION_SECONDS
        ? `, within ${RPO_RESOLUTION_SECONDS}s, which counts as ${declared}`
        : '';
  }
  return {
    declared,
    ...measured,
    met,
    status: met ? 'met' : 'breached',
    note: `RPO ${declared} declared; ${lagSentence(lag)}${verdict}.`,
  };
}
