/** A predicted probability with what actually happened. */
export interface Prediction {
  /** Predicted probability of a real incident, in [0, 1]. */
  probability: number;
  label: boolean;
}

/** One bin of predicted probability in a reliability table. */
export interface ReliabilityBin {
  /** Lower edge (included) and upper edge (excluded, but 1 is in the last bin). */
  lower: number;
  upper: number;
  count: number;
  /** Mean predicted probability of the bin's predictions (NaN when empty). */
  meanPredicted: number;
  /** Share of the bin's predictions that were real incidents (NaN when empty). */
  observed: number;
}

function checkPredictions(predictions: readonly Prediction[]): void {
  predictions.forEach((p, i) => {
    if (
      !Number.isFinite(p.probability) ||
      p.probability < 0 ||
      p.probability > 1
    ) {
      throw new RangeError(
        `prediction ${i} has probability ${p.probability}, outside [0, 1]`,
      );
    }
  });
}

/**
 * Bins predictions into `bins` equal-width bins of predicted probability
 * and compares each bin's mean prediction with how often it was right.
 */
export function reliabilityTable(
  predictions: readonly Prediction[],
  bins = 10,
): ReliabilityBin[] {
  if (!Number.isInteger(bins) || bins < 1) {
    throw new RangeError(`bins must be a positive integer, got ${bins}`);
  }
  checkPredictions(predictions);
  const sums = Array.from({ length: bins }, () => ({
    count: 0,
    predicted: 0,
    positives: 0,
  }));
  for (const p of predictions) {
    const s = sums[Math.min(bins - 1, Math.floor(p.probability * bins))];
    s.count++;
    s.predicted += p.probability;
    if (p.label) s.positives++;
  }
  return sums.map((s, b) => ({
    lower: b / bins,
    upper: (b + 1) / bins,
    count: s.count,
    meanPredicted: s.count ? s.predicted / s.count : NaN,
    observed: s.count ? s.positives / s.count : NaN,
  }));
}

/**
 * Expected calibration error: the gap between mean prediction and observed
 * frequency in each bin of {@link reliabilityTable}, weighted by the bin's
 * share of the predictions. 0 when there are none.
 */
export function expectedCalibrationError(
  predictions: readonly Prediction[],
  bins = 10,
): number {
  if (predictions.length === 0) return 0;
  let error = 0;
  for (const bin of reliabilityTable(predictions, bins)) {
    if (bin.count === 0) continue;
    error +=
      (bin.count / predictions.length) *
      Math.abs(bin.meanPredicted - bin.observed);
  }
  return error;
}

/**
 * How many predictions reach `threshold` and the share of them that were
 * real incidents (NaN when none reach it).
 */
export function precisionAt(
  predictions: readonly Prediction[],
  threshold: number,
): { count: number; positives: number; precision: number } {
  checkPredictions(predictions);
  const reached = predictions.filter(p => p.probability >= threshold);
  const positives = reached.filter(p => p.label).length;
  return {
    count: reached.length,
    positives,
    precision: reached.length ? positives / reached.length : NaN,
  };
}

/**
 * Cross-validation by groups: for each fold, fits on every item of the
 * other folds and predicts the fold's items, so each item is predicted by
 * a model that never saw its fold. Returns the items with their held-out
 * probability, in input order.
 */
export function crossValidate<T>(
  items: readonly T[],
  foldOf: (item: T) => string,
  labelOf: (item: T) => boolean,
  fit: (training: readonly T[]) => (item: T) => number,
): Array<{ item: T; fold: string } & Prediction> {
  const folds = [...new Set(items.map(foldOf))].sort();
  if (folds.length < 2) {
    throw new RangeError(
      `cross-validation needs at least two folds, got ${folds.length}`,
    );
  }
  const out = new Array<{ item: T; fold: string } & Prediction>(items.length);
  for (const fold of folds) {
    const training = items.filter(item => foldOf(item) !== fold);
    const predict = fit(training);
    items.forEach((item, i) => {
      if (foldOf(item) !== fold) return;
      out[i] = {
        item,
        fold,
        probability: predict(item),
        label: labelOf(item),
      };
    });
  }
  return out;
}
