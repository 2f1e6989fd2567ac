import {
  MetricEvidence,
  MetricKind,
  MetricSeries,
  RootCauseCandidate,
  byScore,
  candidatesFromEvidence,
  meanStd,
  parseMetricName,
  quantile,
} from './metrics';

/**
 * Settings of {@link rankRootCauses}.
 *
 * @public
 */
export interface RootCauseOptions {
  /** Weight per metric kind: resource metrics point at the faulty service, latency spreads to its callers. */
  weights?: Partial<Record<MetricKind, number>>;
  /** Share of the anomalous period that must sit this far out (0.5: the median deviation). */
  persistence?: number;
  /** Smallest sigma as a share of the normal median (0.01). */
  relativeFloor?: number;
  /** Service → services it calls; lets a callee's evidence explain its callers'. */
  dependencies?: Record<string, readonly string[]>;
  /** A caller is ranked after an anomalous callee scoring at least this share of it. */
  explainedShare?: number;
  /** Candidates returned (all when omitted). */
  limit?: number;
}

const DEFAULT_WEIGHTS: Record<MetricKind, number> = {
  cpu: 1,
  mem: 1,
  lod: 0.5,
  lat_50: 0.5,
  lat_90: 0.5,
  lat_99: 0.5,
  // Errors rising where the service answers are as direct a sign of the
  // faulty service as its own resources.
  error_rate: 1,
};

/**
 * Robust deviation of one metric: how many normal-period sigmas (median and
 * MAD, falling back to IQR and then the standard deviation when the normal
 * period is nearly flat) the anomalous period sits from the normal median,
 * taken at the `persistence` quantile so one stray sample is not a fault.
 *
 * @public
 */
export function robustSigmas(
  normal: ArrayLike<number>,
  anomalous: ArrayLike<number>,
  persistence = 0.5,
  relativeFloor = 0.01,
): number {
  const center = quantile(normal, 0.5);
  if (!Number.isFinite(center)) return 0;
  const deviations = Array.from(normal, v => Math.abs(v - center));
  let scale = 1.4826 * quantile(deviations, 0.5);
  if (!(scale > 0))
    scale = (quantile(normal, 0.75) - quantile(normal, 0.25)) / 1.349;
  if (!(scale > 0)) scale = meanStd(normal).std;
  // Quantised or nearly flat metrics (memory in pages) would turn noise into
  // thousands of sigmas: a move below this share of the level is no evidence.
  scale = Math.max(scale, Math.abs(center) * relativeFloor, 1e-9);
  const shifted = Array.from(anomalous, v => Math.abs(v - center) / scale);
  return quantile(shifted, 1 - persistence) || 0;
}

/**
 * Ranks services as the root cause of an incident from their metrics before
 * and after it started: each service scores its strongest weighted robust
 * deviation; with a dependency graph, a caller whose anomaly a callee
 * explains goes after that callee.
 *
 * @public
 */
export function rankRootCauses(
  normal: MetricSeries,
  anomalous: MetricSeries,
  options: RootCauseOptions = {},
): RootCauseCandidate[] {
  const weights = { ...DEFAULT_WEIGHTS, ...options.weights };
  const evidence: MetricEvidence[] = [];
  for (const [metric, after] of Object.entries(anomalous)) {
    const parsed = parseMetricName(metric);
    const before = normal[metric];
    if (!parsed || !before) continue;
    evidence.push({
      metric,
      kind: parsed.kind,
      sigmas: robustSigmas(
        before,
        after,
        options.persistence,
        options.relativeFloor,
      ),
    });
  }
  let ranked = candidatesFromEvidence(evidence, kind => weights[kind]);
  if (options.dependencies) {
    ranked = preferCallees(
      ranked,
      options.dependencies,
      options.explainedShare ?? 0.5,
    );
  }
  return options.limit === undefined ? ranked : ranked.slice(0, options.limit);
}

/**
 * A fault slows every caller of the faulty service, so when a caller and
 * one of its (transitive) callees are both anomalous, the callee is the
 * likelier origin: the caller is moved just behind it.
 */
function preferCallees(
  ranked: RootCauseCandidate[],
  dependencies: Record<string, readonly string[]>,
  share: number,
): RootCauseCandidate[] {
  const score = new Map(ranked.map(c => [c.service, c.score]));
  const callees = (service: string): Set<string> => {
    const seen = new Set<string>();
    const stack = [...(dependencies[service] ?? [])];
    while (stack.length) {
      const next = stack.pop()!;
      if (seen.has(next) || next === service) continue;
      seen.add(next);
      stack.push(...(dependencies[next] ?? []));
    }
    return seen;
  };
  const adjusted = ranked.map(candidate => {
    let best = candidate.score;
    for (const callee of callees(candidate.service)) {
      const s = score.get(callee) ?? 0;
      if (s >= share * candidate.score && s < best) best = s;
    }
    // Just below the callee that explains it, keeping its own evidence.
    const rankScore =
      best < candidate.score ? best * (1 - 1e-9) : candidate.score;
    return { candidate, rankScore };
  });
  return adjusted
    .sort(
      (a, b) => b.rankScore - a.rankScore || byScore(a.candidate, b.candidate),
    )
    .map(a => a.candidate);
}
