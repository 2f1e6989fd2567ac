import { DETECTION_POINTS, HISTORY_POINTS } from './detectionScore';

/**
 * The features the pipeline reads per service.
 *
 * @public
 */
export type FeatureMetric = 'error_rate' | 'lat_99' | 'cpu' | 'mem';

/**
 * Every feature, in the order series are kept.
 *
 * @public
 */
export const FEATURE_METRICS: readonly FeatureMetric[] = [
  'error_rate',
  'lat_99',
  'cpu',
  'mem',
];

/**
 * Seconds between feature samples.
 *
 * @public
 */
export const FEATURE_STEP_SECONDS = 15;

/**
 * One range the pipeline asks for.
 *
 * @public
 */
export interface FeatureRequest {
  cluster: string;
  namespace?: string;
  /** Workload name of the service. */
  service: string;
  metric: FeatureMetric;
  start: Date;
  end: Date;
  stepSeconds: number;
}

/**
 * The feature range around an alert: history then the detection window,
 * ending half a detection window after the alert started (or now, if
 * sooner), since the anomaly precedes the alert's `for:` delay.
 *
 * @public
 */
export function featureRange(
  startsAt: Date,
  now: Date,
): { start: Date; end: Date } {
  const stepMs = FEATURE_STEP_SECONDS * 1000;
  const endMs = Math.min(
    now.getTime(),
    startsAt.getTime() + (DETECTION_POINTS / 2) * stepMs,
  );
  return {
    start: new Date(endMs - (HISTORY_POINTS + DETECTION_POINTS - 1) * stepMs),
    end: new Date(endMs),
  };
}
