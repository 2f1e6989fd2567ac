import { crossValidate } from './crossValidate';
import { nabRowWeights } from './nabScorer';

// Three one-series categories of 100 rows (probation: 15 rows). A and B
// have one window, rows 50..59, so a detection at row 50 earns exactly 1;
// C has none. A detection before any window costs a full fp weight.
const ROWS = 100;
const WINDOW = [{ start: 50, end: 59 }];
const series = [
  { key: 'A/a.csv', category: 'A', weights: nabRowWeights(ROWS, WINDOW) },
  { key: 'B/b.csv', category: 'B', weights: nabRowWeights(ROWS, WINDOW) },
  { key: 'C/c.csv', category: 'C', weights: nabRowWeights(ROWS, []) },
];

function scores(points: Record<number, number>): Float64Array {
  const out = new Float64Array(ROWS);
  for (const [row, score] of Object.entries(points)) out[Number(row)] = score;
  return out;
}

// alpha misses A, catches B and fires once in C; beta fires twice early in
// A then catches it, and misses B.
const candidates = [
  {
    name: 'alpha',
    scores: [scores({}), scores({ 50: 0.9 }), scores({ 30: 0.9 })],
  },
  {
    name: 'beta',
    scores: [scores({ 20: 0.8, 21: 0.8, 50: 0.7 }), scores({}), scores({})],
  },
];

describe('crossValidate', () => {
  const result = crossValidate(series, candidates);
  const fold = (c: string) => result.folds.find(f => f.heldOut === c)!;

  it('chooses on the training categories and scores the held-out one with that choice', () => {
    // Training B + C: alpha earns 1 - 0.11 against beta's never-fire -1.
    expect(fold('A')).toMatchObject({ candidate: 'alpha', threshold: 0.9 });
    expect(fold('A').trainingStandard).toBeCloseTo(94.5, 9);
    // alpha never fires on A, although beta would have caught it.
    expect(fold('A').scores[0]).toMatchObject({ tp: 0, fp: 0, windows: 1 });
    expect(fold('A').scores[0].normalised).toBeCloseTo(0, 9);

    // Training A + C: beta earns -1 - 2 * 0.11 + 2; alpha is best silent.
    expect(fold('B')).toMatchObject({ candidate: 'beta', threshold: 0.7 });
    expect(fold('B').trainingStandard).toBeCloseTo(89, 9);
    expect(fold('B').scores[0].raw).toBeCloseTo(-1, 9);
  });

  it('reports a category without windows by its false positives', () => {
    const c = fold('C');
    expect(c).toMatchObject({ candidate: 'alpha', threshold: 0.9 });
    const [standard, lowFp, lowFn] = c.scores;
    expect(standard).toMatchObject({ normalised: null, fp: 1, windows: 0 });
    expect(standard.raw).toBeCloseTo(-0.11, 9);
    expect(lowFp.raw).toBeCloseTo(-0.22, 9);
    expect(lowFn.raw).toBeCloseTo(-0.11, 9);
  });

  it('averages the scorable folds and pools every held-out series', () => {
    expect(result.foldMean.standard).toBeCloseTo(0, 9);
    // Pooled raw -1 - 1 - 0.11 over two windows: 100 * (-0.11) / 4.
    expect(result.pooled[0].normalised).toBeCloseTo(-2.75, 9);
    expect(result.pooled[0]).toMatchObject({ tp: 0, fp: 1, windows: 2 });
    // Low-FN profile: raw -2 - 2 - 0.11, null -4, perfect 2.
    expect(result.pooled[2].normalised).toBeCloseTo((100 * -0.11) / 6, 9);
  });

  it('reports the in-sample choice separately', () => {
    // alpha on all: -2 + 2 - 0.11; beta: -2 - 0.22 + 2.
    expect(result.inSample).toMatchObject({
      candidate: 'alpha',
      threshold: 0.9,
    });
    expect(result.inSample.scores[0].normalised).toBeCloseTo(47.25, 9);
  });

  it('names what is wrong with its input', () => {
    expect(() => crossValidate(series, [])).toThrow(/at least one candidate/);
    expect(() =>
      crossValidate(series, [{ name: 'short', scores: [scores({})] }]),
    ).toThrow(/short has scores for 1 series, the corpus has 3/);
    expect(() =>
      crossValidate(
        series.map(s => ({ ...s, category: 'A' })),
        candidates,
      ),
    ).toThrow(/at least two categories/);
  });
});
