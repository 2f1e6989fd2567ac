import {
  DrObjective,
  DrReplicationLag,
  DrWorkloadChecks,
  formatBytes,
} from '@cloud-native-platform/plugin-platform-maturity-common';
import type { DrStatus } from '../../api';
import { statusColors } from '@cloud-native-platform/plugin-cloud-native-react';

/** The checks a DR copy must pass (keys of `checks`), in table order. */
export type DrCheck = 'image' | 'replicas' | 'capacity' | 'health' | 'failover';

export const drChecks: DrCheck[] = [
  'image',
  'replicas',
  'capacity',
  'health',
  'failover',
];

/**
 * What a failover of the copy involves: a scale-up and how long its pods
 * take to start, or nothing but moving traffic.
 */
export function failoverFigure(failover: DrWorkloadChecks['failover']): string {
  const startup =
    failover.startupSeconds === undefined
      ? 'pod start-up not measured'
      : `pods start in ${failover.startupSeconds}s`;
  return failover.scaleUp ? `scale-up first; ${startup}` : 'traffic shift only';
}

export const drStatusColors: Record<DrStatus, string> = {
  ready: statusColors.healthy,
  'at-risk': statusColors.degraded,
  'not-ready': statusColors.failing,
  'not-applicable': statusColors.idle,
};

export const drStatusText: Record<DrStatus, string> = {
  ready: 'Every production workload can fail over.',
  'at-risk':
    'A DR copy exists for every production workload, but some would not carry the load as it is.',
  'not-ready': 'At least one production workload has no copy in a DR cluster.',
  'not-applicable': 'This entity runs no workload in a production cluster.',
};

function neededAndFree(
  needed: number,
  free: number | undefined,
  format: (amount: number) => string,
): string {
  const freeText = free === undefined ? 'free unknown' : `${format(free)} free`;
  return needed > 0 ? `${format(needed)} needed, ${freeText}` : freeText;
}

/**
 * The figures of the capacity check, one line per resource: what scaling
 * the copy up needs (when it needs to) and what the DR cluster has free.
 */
export function capacityFigures(
  capacity: DrWorkloadChecks['capacity'],
): string[] {
  return [
    `CPU ${neededAndFree(
      capacity.neededCpuMillis,
      capacity.freeCpuMillis,
      millis => `${millis}m`,
    )}`,
    `memory ${neededAndFree(
      capacity.neededMemoryBytes,
      capacity.freeMemoryBytes,
      formatBytes,
    )}`,
  ];
}

/** Colours of an objective's status chip (the RPO's, against its measured lag). */
export const objectiveStatusColors: Record<
  NonNullable<DrObjective['status']>,
  string
> = {
  met: statusColors.healthy,
  breached: statusColors.failing,
  'not-measured': statusColors.unknown,
};

const LAG_SOURCES: Record<DrReplicationLag['source'], string> = {
  postgres: 'PostgreSQL replication lag',
  mirrormaker: 'MirrorMaker 2 latency',
  custom: 'custom lag query',
};

/** Where a measured lag comes from: the source, then the replica and its cluster. */
export function lagFigure(lag: DrReplicationLag): string {
  return `${LAG_SOURCES[lag.source]}, ${
    lag.replica ? `${lag.replica} in ` : ''
  }${lag.cluster}`;
}
