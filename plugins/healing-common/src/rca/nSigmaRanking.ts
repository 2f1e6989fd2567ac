import {
  MetricEvidence,
  MetricSeries,
  RootCauseCandidate,
  candidatesFromEvidence,
  meanStd,
  parseMetricName,
} from './metrics';

/**
 * The NSigma baseline: each metric scores max |x - mean| / std of its
 * normal period over the anomalous period; a service scores its highest
 * metric.
 *
 * @public
 */
export function nSigmaRanking(
  normal: MetricSeries,
  anomalous: MetricSeries,
): RootCauseCandidate[] {
  const evidence: MetricEvidence[] = [];
  for (const [metric, after] of Object.entries(anomalous)) {
    const parsed = parseMetricName(metric);
    const before = normal[metric];
    if (!parsed || !before) continue;
    const { mean, std } = meanStd(before);
    // A metric constant in the normal period has no sigma to count in; the
    // usual preprocessing drops such columns.
    if (!(std > 0)) continue;
    let sigmas = 0;
    for (let i = 0; i < after.length; i++) {
      const s = Math.abs(after[i] - mean) / std;
      if (s > sigmas) sigmas = s;
    }
    evidence.push({ metric, kind: parsed.kind, sigmas });
  }
  return candidatesFromEvidence(evidence);
}
