import {
  areaPath,
  linePath,
  niceCeiling,
  placeBars,
  placeSlotPoints,
  placeTimePoints,
  valueY,
} from './chartGeometry';

const box = {
  width: 140,
  height: 120,
  left: 20,
  right: 0,
  top: 10,
  bottom: 10,
};

describe('chart geometry', () => {
  it('places one bar per value in equal slots, leaving a gap for a missing one', () => {
    const bars = placeBars([180, undefined, 120, 94], [0, 200], box);
    // Four slots of 30 across 120.
    expect(bars.map(b => [b.index, b.x, b.height, b.y])).toEqual([
      [0, 20 + 15 - 10.5, 90, 20],
      [2, 20 + 75 - 10.5, 60, 50],
      [3, 20 + 105 - 10.5, 47, 63],
    ]);
    expect(bars[0].width).toBe(21);
  });

  it('clamps values to the domain', () => {
    expect(valueY(150, [0, 100], box)).toBe(10);
    expect(valueY(-3, [0, 100], box)).toBe(110);
    expect(placeBars([400], [0, 200], box)[0].height).toBe(100);
  });

  it('rounds the axis up to 1, 2 or 5 of a power of ten', () => {
    expect(niceCeiling(180)).toBe(200);
    expect(niceCeiling(94)).toBe(100);
    expect(niceCeiling(408)).toBe(500);
    expect(niceCeiling(0)).toBe(1);
  });

  it('breaks the line where a value is missing', () => {
    const points = placeSlotPoints([0.75, undefined, 0.6, 1], [0, 1], box);
    expect(linePath(points)).toBe('M35.0,35.0 M95.0,50.0 L125.0,10.0');
  });

  it('places points by time, not by index', () => {
    const day = 86_400_000;
    const placed = placeTimePoints(
      [
        { time: 0, value: 100 },
        { time: 2 * day, value: 50 },
        { time: 4 * day, value: 0 },
      ],
      [0, 100],
      { ...box, width: 120 },
    );
    expect(placed.map(p => [p?.x, p?.y])).toEqual([
      [20, 10],
      [70, 60],
      [120, 110],
    ]);
  });

  it('centres a single point in time', () => {
    const [p] = placeTimePoints([{ time: 5, value: 1 }], [0, 1], box);
    expect(p?.x).toBe(80);
  });

  it('shades each unbroken run down to the baseline', () => {
    const points = placeSlotPoints([1, 0.5, undefined, 1], [0, 1], box);
    expect(areaPath(points, 110)).toBe(
      'M35.0,10.0 L65.0,60.0 L65.0,110.0 L35.0,110.0 Z',
    );
  });
});
