import { LabelledScore, calibrate } from '../detection/calibrate';
import { DetectionScores } from './detectionScore';

/**
 * Width of the table's bins of {@link confidenceFeature}.
 *
 * @public
 */
export const CONFIDENCE_BIN = 0.1;

/**
 * What the confidence is read from: log10(1 + the largest shift, in robust
 * sigmas, of the target's series), 0 when no series had a shift. The
 * streaming detector's raw score is left out: on real labels it does not
 * separate anomalies from quiet periods (see bench/healing-calibration.ts).
 *
 * @public
 */
export function confidenceFeature(
  scores: Pick<DetectionScores, 'shift'>,
): number {
  const finite = scores.shift.filter(s => Number.isFinite(s) && s >= 0);
  return finite.length ? Math.log10(1 + Math.max(...finite)) : 0;
}

/**
 * A feature value with whether it was a real anomaly.
 *
 * @public
 */
export interface LabelledFeature {
  feature: number;
  label: boolean;
}

/**
 * Counts labelled features per bin of {@link CONFIDENCE_BIN}, as
 * [bin centre, anomalies, quiet] rows sorted by centre: the shape of
 * {@link CALIBRATION_TABLE}.
 *
 * @public
 */
export function calibrationCounts(
  pairs: readonly LabelledFeature[],
): Array<[number, number, number]> {
  const bins = new Map<number, [number, number]>();
  pairs.forEach(({ feature, label }, i) => {
    if (!Number.isFinite(feature) || feature < 0) {
      throw new RangeError(`feature ${i} is ${feature}, not a number ≥ 0`);
    }
    const bin = Math.floor(feature / CONFIDENCE_BIN);
    const counts = bins.get(bin) ?? [0, 0];
    counts[label ? 0 : 1]++;
    bins.set(bin, counts);
  });
  return [...bins.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([bin, [positives, negatives]]) => [
      Number(((bin + 0.5) * CONFIDENCE_BIN).toFixed(3)),
      positives,
      negatives,
    ]);
}

/**
 * The probability of a real anomaly as a monotone function of the
 * feature: isotonic regression over the table's bin centres, each weighted
 * by its counts.
 *
 * @public
 */
export function fitCalibration(
  table: ReadonlyArray<readonly [number, number, number]>,
): (feature: number) => number {
  const pairs: LabelledScore[] = [];
  for (const [score, positives, negatives] of table) {
    for (let i = 0; i < positives; i++) pairs.push({ score, label: true });
    for (let i = 0; i < negatives; i++) pairs.push({ score, label: false });
  }
  return calibrate(pairs);
}

/**
 * Labelled segments behind the pipeline's confidence, as [bin centre of
 * {@link confidenceFeature}, anomalies, quiet segments] per bin.
 *
 * Produced by `npm run bench:healing-calibration` from real labels, every
 * segment shaped like the pipeline's input (240 points of history, 40
 * scored) and scored by detectionScore: 4,055 NAB segments of the 35 series
 * (434 whose detection window overlaps a labelled window, 3,621 at least 100
 * rows from every window) and 2,027 RCD Sock Shop segments (90 of the
 * root-cause service 0, 10 and 20 s after the fault started, 1,937 of every
 * service in the normal periods). On held-out folds (a NAB category or an
 * RCD root-cause service at a time) its ECE is 0.019 and 49 of the 54
 * segments reaching 0.9 were anomalies (0.907), 46 of them RCD faults:
 * NAB's subtler anomalies stay well below 0.9. It reaches 0.9 from a shift
 * of about 1,100 sigmas held over half the detection window.
 *
 * @public
 */
export const CALIBRATION_TABLE: ReadonlyArray<
  readonly [number, number, number]
> = [
  [0.05, 80, 920],
  [0.15, 86, 1159],
  [0.25, 144, 1999],
  [0.35, 27, 624],
  [0.45, 25, 270],
  [0.55, 7, 138],
  [0.65, 10, 87],
  [0.75, 5, 44],
  [0.85, 9, 60],
  [0.95, 6, 19],
  [1.05, 7, 13],
  [1.15, 3, 18],
  [1.25, 2, 35],
  [1.35, 6, 84],
  [1.45, 3, 19],
  [1.55, 6, 18],
  [1.65, 2, 0],
  [1.75, 0, 3],
  [1.85, 1, 0],
  [1.95, 1, 0],
  [2.05, 0, 3],
  [2.15, 0, 1],
  [2.25, 0, 2],
  [2.35, 0, 4],
  [2.45, 1, 32],
  [2.55, 1, 0],
  [2.65, 1, 0],
  [2.75, 4, 0],
  [2.85, 12, 1],
  [2.95, 15, 1],
  [3.05, 19, 1],
  [3.15, 12, 1],
  [3.25, 4, 0],
  [3.45, 5, 0],
  [3.55, 1, 1],
  [3.75, 0, 1],
  [3.85, 1, 0],
  [3.95, 6, 0],
  [4.05, 8, 0],
  [4.15, 3, 0],
  [4.35, 1, 0],
];

let fitted: ((feature: number) => number) | undefined;

/**
 * The calibrated probability that a detection is a real anomaly, from
 * {@link CALIBRATION_TABLE} (fitted once, on first use).
 *
 * @public
 */
export function calibratedConfidence(
  scores: Pick<DetectionScores, 'shift'>,
): number {
  if (!fitted) fitted = fitCalibration(CALIBRATION_TABLE);
  const p = fitted(confidenceFeature(scores));
  return Math.round(p * 1000) / 1000;
}
