import {
  formatTimeTick,
  timeAxisTicks,
  timeTicks,
  timeTickStep,
} from './timeTicks';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

describe('timeTickStep', () => {
  it('picks the smallest step that keeps the span within the ticks', () => {
    expect(timeTickStep(5 * HOUR, 6)).toEqual({ unit: 'hour', count: 1 });
    expect(timeTickStep(10 * HOUR, 6)).toEqual({ unit: 'hour', count: 2 });
    expect(timeTickStep(30 * HOUR, 6)).toEqual({ unit: 'hour', count: 6 });
    expect(timeTickStep(3 * DAY, 6)).toEqual({ unit: 'hour', count: 12 });
    expect(timeTickStep(30 * DAY, 6)).toEqual({ unit: 'day', count: 7 });
    expect(timeTickStep(365 * DAY, 6)).toEqual({ unit: 'day', count: 90 });
    expect(timeTickStep(3000 * DAY, 6)).toEqual({ unit: 'day', count: 500 });
  });
});

describe('timeTicks', () => {
  // Local times, so the test holds in any time zone.
  const local = (...parts: [number, number, number, number?, number?]) =>
    new Date(
      parts[0],
      parts[1],
      parts[2],
      parts[3] ?? 0,
      parts[4] ?? 0,
    ).getTime();

  it('puts hour ticks on whole hours divisible by the step', () => {
    const start = local(2026, 10, 26, 7, 20);
    const end = local(2026, 10, 26, 17, 5);
    const { step, ticks } = timeTicks(start, end, 6);

    expect(step).toEqual({ unit: 'hour', count: 2 });
    expect(ticks.map(t => new Date(t).getHours())).toEqual([8, 10, 12, 14, 16]);
    expect(ticks.every(t => new Date(t).getMinutes() === 0)).toBe(true);
  });

  it('puts day ticks on local midnights within the span', () => {
    const start = local(2026, 10, 1, 13);
    const end = local(2026, 10, 30, 13);
    const { step, ticks } = timeTicks(start, end, 6);

    expect(step).toEqual({ unit: 'day', count: 7 });
    expect(ticks.map(t => new Date(t).getDate())).toEqual([2, 9, 16, 23, 30]);
    expect(ticks.every(t => new Date(t).getHours() === 0)).toBe(true);
    expect(ticks.every(t => t >= start && t <= end)).toBe(true);
  });

  it('has no tick when the span falls between two', () => {
    const start = local(2026, 10, 26, 7, 20);
    expect(timeTicks(start, start + 60_000, 6).ticks).toEqual([]);
  });
});

describe('formatTimeTick', () => {
  const time = new Date(2026, 10, 26, 10, 0).getTime();

  it('shows the time of day only for hour ticks', () => {
    expect(
      formatTimeTick(time, { unit: 'day', count: 1 }, { locale: 'en-GB' }),
    ).toBe('26 Nov');
    expect(
      formatTimeTick(time, { unit: 'hour', count: 2 }, { locale: 'en-GB' }),
    ).toBe('26 Nov, 10:00');
    expect(
      formatTimeTick(
        time,
        { unit: 'day', count: 30 },
        { locale: 'en-GB', withYear: true },
      ),
    ).toBe('26 Nov 2026');
  });
});

describe('timeAxisTicks', () => {
  it('labels day ticks between the first and the last time, in any order', () => {
    const first = new Date(2026, 10, 4, 13).getTime();
    const last = new Date(2026, 11, 4, 13).getTime();
    const ticks = timeAxisTicks([last, Number.NaN, first], 6, {
      locale: 'en-GB',
    });

    expect(ticks.map(t => t.label)).toEqual([
      '5 Nov',
      '12 Nov',
      '19 Nov',
      '26 Nov',
      '3 Dec',
    ]);
    expect(ticks[0].at).toBe(new Date(2026, 10, 5).getTime());
  });

  it('adds the year when the axis spans two', () => {
    const ticks = timeAxisTicks(
      [new Date(2026, 11, 20).getTime(), new Date(2027, 0, 10).getTime()],
      4,
      { locale: 'en-GB' },
    );
    expect(ticks[0].label).toBe('20 Dec 2026');
    expect(ticks[ticks.length - 1].label).toMatch(/ 2027$/);
  });

  it('has no ticks without a time', () => {
    expect(timeAxisTicks([], 6)).toEqual([]);
  });
});
