import type { HealingStatsBucket } from '@cloud-native-platform/plugin-healing-common';

/** The drawing area of a chart, in SVG user units. */
export interface ChartBox {
  width: number;
  height: number;
  left: number;
  right: number;
  top: number;
  bottom: number;
}

/** A bucket's bar, placed. */
export interface PlacedBar {
  x: number;
  y: number;
  width: number;
  height: number;
  value: number;
  bucket: HealingStatsBucket;
}

/** A bucket's point on a line, placed. */
export interface PlacedPoint {
  x: number;
  y: number;
  value: number;
  bucket: HealingStatsBucket;
}

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

/** The smallest 1, 2 or 5 × 10ⁿ at or above a value, for a round axis top. */
export function niceCeiling(value: number): number {
  if (!(value > 0)) {
    return 1;
  }
  const magnitude = 10 ** Math.floor(Math.log10(value));
  const step = [1, 2, 5, 10].find(s => s * magnitude >= value)!;
  return step * magnitude;
}

const innerWidth = (box: ChartBox) => box.width - box.left - box.right;
const innerHeight = (box: ChartBox) => box.height - box.top - box.bottom;

/** X of the centre of the i-th of n equal slots. */
export function slotCentre(index: number, count: number, box: ChartBox) {
  return box.left + ((index + 0.5) * innerWidth(box)) / Math.max(count, 1);
}

/**
 * One bar per bucket with a value, in equal slots so that a day without
 * data leaves a gap rather than closing up.
 */
export function placeBars(
  buckets: readonly HealingStatsBucket[],
  valueOf: (bucket: HealingStatsBucket) => number | undefined,
  max: number,
  box: ChartBox,
): PlacedBar[] {
  const slot = innerWidth(box) / Math.max(buckets.length, 1);
  const width = Math.max(1, slot * 0.7);
  const bars: PlacedBar[] = [];
  buckets.forEach((bucket, i) => {
    const value = valueOf(bucket);
    if (value === undefined) {
      return;
    }
    const height = (Math.min(value, max) / max) * innerHeight(box);
    bars.push({
      x: slotCentre(i, buckets.length, box) - width / 2,
      y: box.top + innerHeight(box) - height,
      width,
      height,
      value,
      bucket,
    });
  });
  return bars;
}

/** Y of a ratio 0–1 on the chart's axis. */
export function ratioY(ratio: number, box: ChartBox): number {
  return box.top + (1 - Math.max(0, Math.min(1, ratio))) * innerHeight(box);
}

/** One point per bucket with a ratio 0–1, at the centre of its slot. */
export function placeRatioPoints(
  buckets: readonly HealingStatsBucket[],
  valueOf: (bucket: HealingStatsBucket) => number | undefined,
  box: ChartBox,
): Array<PlacedPoint | undefined> {
  return buckets.map((bucket, i) => {
    const value = valueOf(bucket);
    return value === undefined
      ? undefined
      : {
          x: slotCentre(i, buckets.length, box),
          y: ratioY(value, box),
          value,
          bucket,
        };
  });
}

/** An SVG path through the points, broken where a bucket has none. */
export function brokenLinePath(
  points: ReadonlyArray<PlacedPoint | undefined>,
): string {
  const parts: string[] = [];
  let drawing = false;
  for (const p of points) {
    if (!p) {
      drawing = false;
      continue;
    }
    parts.push(`${drawing ? 'L' : 'M'}${p.x.toFixed(1)},${p.y.toFixed(1)}`);
    drawing = true;
  }
  return parts.join(' ');
}
