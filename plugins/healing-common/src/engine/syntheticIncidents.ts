import { Random, seededRandom } from '../detection/random';
import { DETECTION_POINTS, HISTORY_POINTS } from './detectionScore';

/**
 * One generated feature series with whether it holds an incident.
 *
 * @public
 */
export interface SyntheticIncident {
  values: Float64Array;
  incident: boolean;
  shape: string;
}

function gaussian(random: Random): number {
  const u = Math.max(random(), 1e-12);
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random());
}

/**
 * Deterministic labelled series shaped like the pipeline's feature
 * windows (HISTORY_POINTS then DETECTION_POINTS): a noisy level with a slow
 * oscillation, and in half of them an incident starting early in the
 * detection window, a step, a ramp or a burst of 0.5 to 8 noise sigmas, so
 * weak incidents overlap with the benign bumps and lone outliers of the
 * other half and the calibration has real uncertainty to fit.
 *
 * @public
 */
export function syntheticIncidents(
  count: number,
  seed = 42,
): SyntheticIncident[] {
  const random = seededRandom(seed);
  const length = HISTORY_POINTS + DETECTION_POINTS;
  const out: SyntheticIncident[] = [];
  for (let n = 0; n < count; n++) {
    const level = 1 + random() * 10;
    const sigma = level * (0.02 + random() * 0.08);
    const wave = level * random() * 0.05;
    const period = 60 + random() * 200;
    const values = new Float64Array(length);
    for (let i = 0; i < length; i++) {
      values[i] =
        level +
        wave * Math.sin((2 * Math.PI * i) / period) +
        sigma * gaussian(random);
    }
    const incident = n % 2 === 0;
    const start = HISTORY_POINTS + Math.floor(random() * 10);
    const magnitude = sigma * (0.5 + random() * 7.5);
    let shape: string;
    if (incident) {
      const kind = Math.floor(random() * 3);
      shape = ['step', 'ramp', 'burst'][kind];
      for (let i = start; i < length; i++) {
        const t = i - start;
        if (kind === 0) values[i] += magnitude;
        else if (kind === 1) values[i] += magnitude * Math.min(1, t / 15);
        else if (t < 8) values[i] += magnitude * 1.5;
      }
    } else {
      const kind = Math.floor(random() * 3);
      shape = ['quiet', 'outlier', 'bump'][kind];
      if (kind === 1) {
        values[Math.floor(random() * HISTORY_POINTS)] +=
          sigma * (4 + random() * 4);
      } else if (kind === 2) {
        for (let i = start; i < start + 3; i++)
          values[i] += sigma * random() * 2;
      }
    }
    out.push({ values, incident, shape });
  }
  return out;
}
