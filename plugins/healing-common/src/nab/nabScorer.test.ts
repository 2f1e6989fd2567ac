import {
  NAB_PROFILES,
  nabBestThreshold,
  nabNormalise,
  nabProbationaryPeriod,
  nabRowWeights,
  nabScaledSigmoid,
  nabScoreAt,
  parseNabTimestamp,
  windowRows,
} from './nabScorer';

const [standard, lowFp, lowFn] = NAB_PROFILES;
const ROWS = 1000; // probation: 150 rows
const WINDOW = { start: 400, end: 499 };

function detections(...rows: number[]): Float64Array {
  const scores = new Float64Array(ROWS);
  for (const r of rows) scores[r] = 1;
  return scores;
}

describe('NAB scorer', () => {
  const weights = nabRowWeights(ROWS, [WINDOW]);

  it('has NAB probation and sigmoid', () => {
    expect(nabProbationaryPeriod(1000)).toBe(150);
    expect(nabProbationaryPeriod(20000)).toBe(750);
    expect(nabScaledSigmoid(-1)).toBeCloseTo(0.9866, 4);
    expect(nabScaledSigmoid(0)).toBe(0);
    expect(nabScaledSigmoid(4)).toBe(-1);
  });

  it('maps timestamp windows to rows', () => {
    const t = [
      '2014-01-01 00:00:00',
      '2014-01-01 00:05:00',
      '2014-01-01 00:10:00',
    ].map(parseNabTimestamp);
    const rows = windowRows(t, [
      [parseNabTimestamp('2014-01-01 00:05:00.000000'), t[2]],
    ]);
    expect(rows).toEqual([{ start: 1, end: 2 }]);
  });

  it('gives a detection at the left edge a tp weight of 1', () => {
    const r = nabScoreAt(detections(400), weights, 0.5, standard);
    expect(r.tp).toBe(1);
    expect(r.raw).toBeCloseTo(1, 9);
    expect(nabNormalise(r.raw, 1, standard)).toBeCloseTo(100, 6);
  });

  it('counts only the earliest detection in a window', () => {
    const late = nabScoreAt(detections(480), weights, 0.5, standard).raw;
    const both = nabScoreAt(detections(420, 480), weights, 0.5, standard).raw;
    const early = nabScoreAt(detections(420), weights, 0.5, standard).raw;
    expect(late).toBeLessThan(early);
    expect(both).toBe(early);
  });

  it('charges a miss -fnWeight and never firing scores 0', () => {
    const none = nabScoreAt(detections(), weights, 0.5, lowFn);
    expect(none.raw).toBe(-2);
    expect(nabNormalise(none.raw, 1, lowFn)).toBe(0);
    expect(
      nabNormalise(
        nabScoreAt(detections(), weights, 0.5, standard).raw,
        1,
        standard,
      ),
    ).toBe(0);
  });

  it('charges a false positive before any window -fpWeight', () => {
    const r = nabScoreAt(detections(200, 400), weights, 0.5, lowFp);
    expect(r.fp).toBe(1);
    expect(r.raw).toBeCloseTo(1 - 0.22, 9);
  });

  it('charges little just after a window and a full fp far past it', () => {
    const near = nabScoreAt(detections(400, 501), weights, 0.5, standard).raw;
    const far = nabScoreAt(detections(400, 900), weights, 0.5, standard).raw;
    expect(1 - near).toBeLessThan(0.01);
    expect(far).toBeCloseTo(1 - 0.11, 9);
  });

  it('ignores the probationary period', () => {
    const r = nabScoreAt(detections(10, 400), weights, 0.5, standard);
    expect(r.fp).toBe(0);
    expect(r.raw).toBeCloseTo(1, 9);
  });

  it('sweeps the threshold over the corpus', () => {
    const scores = new Float64Array(ROWS).fill(0.1);
    scores[300] = 0.9; // a false positive above the true detection
    scores[410] = 0.8;
    const best = nabBestThreshold([{ scores, weights }], standard);
    expect(best.threshold).toBe(0.8);
    expect(best.raw).toBeCloseTo(
      nabScoreAt(scores, weights, 0.8, standard).raw,
      12,
    );
  });
});
