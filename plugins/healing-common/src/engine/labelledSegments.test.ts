import { DETECTION_POINTS, HISTORY_POINTS } from './detectionScore';
import {
  RcdRun,
  nabSegments,
  rcdSegments,
  rcdServices,
  rcdSymptomSegments,
} from './labelledSegments';

const LENGTH = HISTORY_POINTS + DETECTION_POINTS;

describe('nabSegments', () => {
  const values = Float64Array.from({ length: 1000 }, (_, i) => i);

  it('labels detection windows overlapping a window and skips those near one', () => {
    const segments = nabSegments('cat/f.csv', 'cat', values, [
      { start: 500, end: 520 },
    ]);
    // Detection windows start at 240, 280, … 920.
    const starts = segments.map(s => Number(s.name.split('@')[1]));
    expect(segments.every(s => s.fold === 'cat')).toBe(true);
    const positives = segments.filter(s => s.label).map(s => s.name);
    // [480, 519] and [520, 559] overlap [500, 520].
    expect(positives).toEqual(['cat/f.csv@480', 'cat/f.csv@520']);
    // Within 100 rows of the window: 360 (ends 399), 400, 440, 560, 600 are out.
    expect(starts).not.toContain(400);
    expect(starts).not.toContain(600);
    expect(starts).toContain(640);
    expect(starts).toContain(320);
    const first = segments[0];
    expect(first.series).toHaveLength(1);
    expect(first.series[0]).toHaveLength(LENGTH);
    // History then detection: the segment at 240 starts at row 0.
    expect(first.series[0][0]).toBe(0);
    expect(first.series[0][LENGTH - 1]).toBe(279);
  });

  it('rejects a bad stride', () => {
    expect(() => nabSegments('f', 'c', values, [], { stride: 0 })).toThrow(
      'stride must be a positive integer, got 0',
    );
  });
});

function run(name: string, truth: string, rows: number): RcdRun {
  const column = (base: number, shift: number) =>
    Float64Array.from({ length: rows }, (_, i) => base + i + shift);
  return {
    name,
    truth,
    normal: {
      carts_cpu: column(0, 0),
      carts_mem: column(1000, 0),
      carts_lat_99: column(2000, 0),
      user_cpu: column(3000, 0),
      user_lod: column(4000, 0),
    },
    anomalous: {
      carts_cpu: column(0, 10_000),
      carts_mem: column(1000, 10_000),
      carts_lat_99: column(2000, 10_000),
      user_cpu: column(3000, 10_000),
      user_lod: column(4000, 10_000),
    },
  };
}

describe('rcdSegments', () => {
  const runs = [
    run('carts-cpu/1', 'carts', 300),
    run('carts-cpu/2', 'carts', 300),
  ];

  it('finds the services with resource metrics', () => {
    expect(rcdServices(runs[0].normal)).toEqual(['carts', 'user']);
  });

  it('cuts positives at the fault start and negatives from the joined normal periods', () => {
    const segments = rcdSegments(runs);
    const positives = segments.filter(s => s.label);
    expect(positives.map(s => s.name)).toEqual([
      'carts-cpu/1:carts+0',
      'carts-cpu/1:carts+10',
      'carts-cpu/1:carts+20',
      'carts-cpu/2:carts+0',
      'carts-cpu/2:carts+10',
      'carts-cpu/2:carts+20',
    ]);
    const first = positives[0];
    expect(first.fold).toBe('carts');
    // The pipeline's order: lat_99, cpu, mem (no error rate in RCD).
    expect(first.series).toHaveLength(3);
    const cpu = first.series[1];
    expect(cpu).toHaveLength(LENGTH);
    // History: the last 240 normal rows; detection: the first 40 anomalous.
    expect(cpu[0]).toBe(60);
    expect(cpu[HISTORY_POINTS - 1]).toBe(299);
    expect(cpu[HISTORY_POINTS]).toBe(10_000);
    const later = positives[1].series[1];
    // Ten rows later: the fault's first ten rows are history.
    expect(later[HISTORY_POINTS - 1]).toBe(10_009);
    expect(later[LENGTH - 1]).toBe(10_049);

    const negatives = segments.filter(s => !s.label);
    // 600 joined normal rows: windows at 0, 40, … 320 per service.
    expect(negatives.filter(s => s.name.includes(':carts@'))).toHaveLength(9);
    const user = negatives.find(s => s.name === 'carts-cpu/normal:user@280')!;
    expect(user.series).toHaveLength(1);
    // Row 280 of the joined normal periods is row 280 of run 1.
    expect(user.series[0][0]).toBe(3280);
    // ... and it runs on into run 2's normal rows.
    expect(user.series[0][LENGTH - 1]).toBe(3000 + 259);
  });

  it('leaves other services of the anomalous periods to the symptom segments', () => {
    const symptoms = rcdSymptomSegments(runs);
    expect(symptoms.map(s => s.name)).toEqual([
      'carts-cpu/1:user',
      'carts-cpu/2:user',
    ]);
    expect(symptoms[0].series[0][HISTORY_POINTS]).toBe(13_000);
  });

  it('rejects runs of different root causes and bad offsets', () => {
    expect(() =>
      rcdSegments([runs[0], run('user-cpu/1', 'user', 300)]),
    ).toThrow('run user-cpu/1 has root cause user, not carts');
    expect(() => rcdSegments(runs, { offsets: [-1] })).toThrow(
      'offsets must be integers in [0, 240), got -1',
    );
  });
});
