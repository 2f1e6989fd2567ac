import {
  crossValidate,
  expectedCalibrationError,
  precisionAt,
  reliabilityTable,
} from './reliability';

// Two bins: [0, 0.5) holds 0.2 (quiet) and 0.4 (anomaly); [0.5, 1] holds
// 0.6 and 0.8 (anomalies) and 1.0 (quiet).
const predictions = [
  { probability: 0.2, label: false },
  { probability: 0.4, label: true },
  { probability: 0.6, label: true },
  { probability: 0.8, label: true },
  { probability: 1, label: false },
];

describe('reliabilityTable', () => {
  it('compares mean prediction with observed frequency per bin', () => {
    const [low, high] = reliabilityTable(predictions, 2);
    expect(low).toMatchObject({ lower: 0, upper: 0.5, count: 2 });
    expect(low.meanPredicted).toBeCloseTo(0.3);
    expect(low.observed).toBeCloseTo(0.5);
    // 1.0 falls in the last bin, not past it.
    expect(high).toMatchObject({ lower: 0.5, upper: 1, count: 3 });
    expect(high.meanPredicted).toBeCloseTo(0.8);
    expect(high.observed).toBeCloseTo(2 / 3);
  });

  it('leaves empty bins empty and rejects bad input', () => {
    const table = reliabilityTable([{ probability: 0.95, label: true }]);
    expect(table).toHaveLength(10);
    expect(table[0].count).toBe(0);
    expect(table[0].observed).toBeNaN();
    expect(table[9]).toMatchObject({ count: 1, observed: 1 });
    expect(() => reliabilityTable([{ probability: 1.2, label: true }])).toThrow(
      'prediction 0 has probability 1.2, outside [0, 1]',
    );
    expect(() => reliabilityTable(predictions, 0)).toThrow(
      'bins must be a positive integer',
    );
  });
});

describe('expectedCalibrationError', () => {
  it('weights each bin gap by its share of predictions', () => {
    // 2/5 * |0.3 - 0.5| + 3/5 * |0.8 - 2/3| = 0.08 + 0.08
    expect(expectedCalibrationError(predictions, 2)).toBeCloseTo(0.16);
    // Ten bins: 0.2 → 0.2, 0.4 → 0.6, 0.6 → 0.4, 0.8 → 0.2, 1.0 → 1; each 1/5.
    expect(expectedCalibrationError(predictions)).toBeCloseTo(2.4 / 5);
  });

  it('is 0 for perfect predictions and for none', () => {
    expect(
      expectedCalibrationError([
        { probability: 0, label: false },
        { probability: 1, label: true },
      ]),
    ).toBe(0);
    expect(expectedCalibrationError([])).toBe(0);
  });
});

describe('precisionAt', () => {
  it('counts the predictions reaching the threshold and how many were right', () => {
    expect(precisionAt(predictions, 0.6)).toEqual({
      count: 3,
      positives: 2,
      precision: 2 / 3,
    });
    expect(precisionAt(predictions, 0.9)).toEqual({
      count: 1,
      positives: 0,
      precision: 0,
    });
    expect(precisionAt(predictions, 1.5).precision).toBeNaN();
  });
});

describe('crossValidate', () => {
  const items = [
    { fold: 'a', label: true },
    { fold: 'a', label: true },
    { fold: 'b', label: false },
    { fold: 'b', label: true },
    { fold: 'c', label: false },
  ];

  it('predicts each fold with a model fitted on the other folds only', () => {
    const seen: number[] = [];
    const out = crossValidate(
      items,
      i => i.fold,
      i => i.label,
      training => {
        seen.push(training.length);
        // The training share of anomalies.
        const p = training.filter(i => i.label).length / training.length;
        return () => p;
      },
    );
    expect(seen).toEqual([3, 3, 4]);
    expect(out.map(o => o.fold)).toEqual(['a', 'a', 'b', 'b', 'c']);
    // a: trained on b and c (1 of 3); b: on a and c (2 of 3); c: 3 of 4.
    expect(out.map(o => o.probability)).toEqual([
      1 / 3,
      1 / 3,
      2 / 3,
      2 / 3,
      3 / 4,
    ]);
    expect(out.map(o => o.label)).toEqual(items.map(i => i.label));
  });

  it('needs two folds', () => {
    expect(() =>
      crossValidate(
        [items[0]],
        i => i.fold,
        i => i.label,
        () => () => 0,
      ),
    ).toThrow('at least two folds, got 1');
  });
});
