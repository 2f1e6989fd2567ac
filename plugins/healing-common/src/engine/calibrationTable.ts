import { LabelledScore, calibrate } from '../detection/calibrate';

/**
 * Labelled detection scores behind the pipeline's confidence, as
 * [bin centre, incidents, non-incidents] per 0.05 bin of the raw score.
 *
 * Produced by `node scripts/run.js bench healing-calibration` (the default
 * `--source synthetic --count 2000`): 2,000 deterministic series from
 * syntheticIncidents (seed 42), half with an injected step, ramp or burst of
 * 0.5–8 noise sigmas, scored by detectionScore. These are synthetic
 * incidents, not production ones. The same script with `--source nab` fits
 * NAB windows instead (54 incident and 1,045 quiet segments); there the
 * confidence never rises above 0.33, because many NAB anomalies are too
 * subtle for a 40-point window, so no policy threshold of 0.9 could ever be
 * met — the synthetic table is used until labelled production attempts exist.
 *
 * @public
 */
export const CALIBRATION_TABLE: ReadonlyArray<
  readonly [number, number, number]
> = [
  [0.025, 2, 15],
  [0.075, 2, 13],
  [0.125, 1, 16],
  [0.175, 1, 36],
  [0.225, 5, 50],
  [0.275, 5, 90],
  [0.325, 5, 127],
  [0.375, 12, 113],
  [0.425, 24, 160],
  [0.475, 65, 159],
  [0.525, 250, 148],
  [0.575, 368, 60],
  [0.625, 250, 12],
  [0.675, 10, 1],
];

function pairsOf(
  table: ReadonlyArray<readonly [number, number, number]>,
): LabelledScore[] {
  const pairs: LabelledScore[] = [];
  for (const [score, positives, negatives] of table) {
    for (let i = 0; i < positives; i++) pairs.push({ score, label: true });
    for (let i = 0; i < negatives; i++) pairs.push({ score, label: false });
  }
  return pairs;
}

let fitted: ((score: number) => number) | undefined;

/**
 * The calibrated probability that a raw detection score is a real
 * incident, from {@link CALIBRATION_TABLE} (fitted once, on first use).
 *
 * @public
 */
export function calibratedConfidence(raw: number): number {
  if (!fitted) fitted = calibrate(pairsOf(CALIBRATION_TABLE));
  const p = fitted(raw);
  return Math.round(p * 1000) / 1000;
}
