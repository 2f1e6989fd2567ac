/** The drawing area of a chart and the room kept around its plot, in SVG user units. */
export interface ChartBox {
  width: number;
  height: number;
  left: number;
  right: number;
  top: number;
  bottom: number;
}

/** A value placed in a chart; `index` is its position in the data given. */
export interface PlacedPoint {
  index: number;
  x: number;
  y: number;
  value: number;
}

/** A value's bar, placed. */
export interface PlacedBar extends PlacedPoint {
  width: number;
  height: number;
}

/**
 * The lowest and highest value of an axis.
 *
 * @public
 */
export type ChartDomain = readonly [number, number];

const innerWidth = (box: ChartBox) => box.width - box.left - box.right;
const innerHeight = (box: ChartBox) => box.height - box.top - box.bottom;

/**
 * The smallest 1, 2 or 5 × 10ⁿ at or above a value, for a round axis top.
 *
 * @public
 */
export function niceCeiling(value: number): number {
  if (!(value > 0)) {
    return 1;
  }
  const magnitude = 10 ** Math.floor(Math.log10(value));
  const step = [1, 2, 5, 10].find(s => s * magnitude >= value)!;
  return step * magnitude;
}

/** X of the centre of the i-th of n equal slots. */
export function slotCentre(index: number, count: number, box: ChartBox) {
  return box.left + ((index + 0.5) * innerWidth(box)) / Math.max(count, 1);
}

/** Y of a value on the axis, clamped to the domain so outliers stay in the frame. */
export function valueY(
  value: number,
  domain: ChartDomain,
  box: ChartBox,
): number {
  const [min, max] = domain;
  const span = max - min;
  const share =
    span > 0 ? (Math.max(min, Math.min(max, value)) - min) / span : 0.5;
  return box.height - box.bottom - share * innerHeight(box);
}

/**
 * One point per value at the centre of its slot, so that a missing value
 * leaves a gap rather than closing up; undefined where the value is.
 */
export function placeSlotPoints(
  values: ReadonlyArray<number | undefined>,
  domain: ChartDomain,
  box: ChartBox,
): Array<PlacedPoint | undefined> {
  return values.map((value, index) =>
    value === undefined || !Number.isFinite(value)
      ? undefined
      : {
          index,
          x: slotCentre(index, values.length, box),
          y: valueY(value, domain, box),
          value,
        },
  );
}

/** X of a time between the first and the last, or the middle when they coincide. */
export function timeX(
  time: number,
  range: readonly [number, number],
  box: ChartBox,
): number {
  const [first, last] = range;
  return (
    box.left +
    (last === first
      ? innerWidth(box) / 2
      : ((time - first) / (last - first)) * innerWidth(box))
  );
}

/** The earliest and latest of the times, [0, 0] for none. */
export function timeRange(times: readonly number[]): [number, number] {
  const finite = times.filter(t => Number.isFinite(t));
  return finite.length === 0
    ? [0, 0]
    : [Math.min(...finite), Math.max(...finite)];
}

/**
 * Points placed by time on x, so that gaps in a history show as gaps, and
 * by value on y; undefined where a value or its time is missing.
 */
export function placeTimePoints(
  samples: ReadonlyArray<{ time: number; value: number | undefined }>,
  domain: ChartDomain,
  box: ChartBox,
): Array<PlacedPoint | undefined> {
  const range = timeRange(samples.map(s => s.time));
  return samples.map(({ time, value }, index) =>
    value === undefined || !Number.isFinite(value) || !Number.isFinite(time)
      ? undefined
      : {
          index,
          x: timeX(time, range, box),
          y: valueY(value, domain, box),
          value,
        },
  );
}

/**
 * One bar per value in equal slots, rising from the bottom of the domain;
 * a missing value leaves its slot empty.
 */
export function placeBars(
  values: ReadonlyArray<number | undefined>,
  domain: ChartDomain,
  box: ChartBox,
): PlacedBar[] {
  const slot = innerWidth(box) / Math.max(values.length, 1);
  const width = Math.max(1, slot * 0.7);
  const baseline = valueY(domain[0], domain, box);
  const bars: PlacedBar[] = [];
  values.forEach((value, index) => {
    if (value === undefined || !Number.isFinite(value)) {
      return;
    }
    const y = valueY(value, domain, box);
    bars.push({
      index,
      x: slotCentre(index, values.length, box) - width / 2,
      y,
      width,
      height: baseline - y,
      value,
    });
  });
  return bars;
}

/** An SVG path through the points in order, broken where one is missing. */
export function linePath(
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

/**
 * An SVG path of the area under each unbroken run of points, down to the
 * bottom of the domain.
 */
export function areaPath(
  points: ReadonlyArray<PlacedPoint | undefined>,
  baseline: number,
): string {
  const runs: PlacedPoint[][] = [];
  let run: PlacedPoint[] = [];
  for (const p of points) {
    if (p) {
      run.push(p);
    } else if (run.length > 0) {
      runs.push(run);
      run = [];
    }
  }
  if (run.length > 0) runs.push(run);
  const y = baseline.toFixed(1);
  return runs
    .filter(r => r.length > 1)
    .map(
      r =>
        `${linePath(r)} L${r[r.length - 1].x.toFixed(1)},${y} L${r[0].x.toFixed(
          1,
        )},${y} Z`,
    )
    .join(' ');
}
