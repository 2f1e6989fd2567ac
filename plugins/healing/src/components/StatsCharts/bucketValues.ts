import type { HealingStatsBucket } from '@cloud-native-platform/plugin-healing-common';
import { formatDay } from '../../lib/format';

/**
 * Share of the verified attempts of a bucket that worked; undefined when
 * none was verified, which is not the same as 0 %.
 */
export function successRateOf(bucket: HealingStatsBucket): number | undefined {
  const verified = bucket.succeeded + bucket.failed + bucket.inconclusive;
  return verified === 0 ? undefined : bucket.succeeded / verified;
}

/** The median MTTR of a bucket, or its mean when the median is missing. */
export function mttrOf(bucket: HealingStatsBucket): number | undefined {
  return bucket.medianMttrSeconds ?? bucket.meanMttrSeconds;
}

/** Labels at the ends of a daily chart: its first and last day. */
export function dayEdges(buckets: readonly HealingStatsBucket[]) {
  if (buckets.length === 0) {
    return undefined;
  }
  return {
    start: formatDay(buckets[0].bucket),
    end:
      buckets.length > 1
        ? formatDay(buckets[buckets.length - 1].bucket)
        : undefined,
  };
}
