import {
  NAB_PROFILES,
  NabProfile,
  NabRowWeights,
  nabBestThreshold,
  nabNormalise,
  nabScoreAt,
} from './nabScorer';

/**
 * One series of a labelled corpus: its category and NAB row weights.
 *
 * @public
 */
export interface CrossValidationSeries {
  /** Name of the series, e.g. `realKnownCause/nyc_taxi.csv`. */
  key: string;
  /** The group held out together, e.g. `realKnownCause`. */
  category: string;
  weights: NabRowWeights;
}

/**
 * One configuration of the candidate set: its scores for every series, in corpus order.
 *
 * @public
 */
export interface CrossValidationCandidate {
  name: string;
  scores: ReadonlyArray<ArrayLike<number>>;
}

/**
 * Summed counts and raw score of a set of series under one profile.
 *
 * @public
 */
export interface ProfileScore {
  profile: string;
  raw: number;
  /** NAB's normalised score; null when the series hold no window (null = perfect). */
  normalised: number | null;
  tp: number;
  fp: number;
  windows: number;
}

/**
 * What one fold chose on its training categories and scored on the held-out one.
 *
 * @public
 */
export interface CrossValidationFold {
  heldOut: string;
  series: number;
  /** The candidate with the best training standard score. */
  candidate: string;
  threshold: number;
  /** Normalised standard score of the choice on the training categories. */
  trainingStandard: number;
  /** Held-out scores, one per profile, in {@link NAB_PROFILES} order. */
  scores: ProfileScore[];
}

/**
 * Result of leave-one-category-out cross-validation.
 *
 * @public
 */
export interface CrossValidationResult {
  folds: CrossValidationFold[];
  /**
   * Per profile, the mean normalised held-out score over the folds that
   * hold at least one window (a fold without windows has no normalised score).
   */
  foldMean: Record<string, number>;
  /**
   * Per profile, every series scored with the choice of the fold that held
   * it out, summed and normalised over the whole corpus: this one includes
   * the false positives of a category without windows.
   */
  pooled: ProfileScore[];
  /** Choice made on every series and scored on the same series: optimistic. */
  inSample: {
    candidate: string;
    threshold: number;
    scores: ProfileScore[];
  };
}

interface Choice {
  candidate: number;
  threshold: number;
  raw: number;
}

/**
 * Leave-one-category-out: for each category, the candidate and the alert
 * threshold that maximise the standard score of the other categories are
 * chosen, then the held-out category is scored with them under every
 * profile. Ties go to the earlier candidate, so the declared order decides.
 *
 * @public
 */
export function crossValidate(
  series: readonly CrossValidationSeries[],
  candidates: readonly CrossValidationCandidate[],
  profiles: readonly NabProfile[] = NAB_PROFILES,
): CrossValidationResult {
  if (series.length === 0) throw new Error('crossValidate needs series');
  if (candidates.length === 0)
    throw new Error('crossValidate needs at least one candidate');
  for (const c of candidates) {
    if (c.scores.length !== series.length)
      throw new Error(
        `candidate ${c.name} has scores for ${c.scores.length} series, the corpus has ${series.length}`,
      );
    c.scores.forEach((s, i) => {
      if (s.length !== series[i].weights.window.length)
        throw new Error(
          `candidate ${c.name} has ${s.length} scores for ${series[i].key}, which has ${series[i].weights.window.length} rows`,
        );
    });
  }
  const [standard] = profiles;
  const categories = [...new Set(series.map(s => s.category))];
  if (categories.length < 2)
    throw new Error(
      `crossValidate needs at least two categories, got ${categories.join(
        ', ',
      )}`,
    );

  const choose = (indices: number[]): Choice => {
    let best: Choice | undefined;
    candidates.forEach((c, ci) => {
      const files = indices.map(i => ({
        scores: c.scores[i],
        weights: series[i].weights,
      }));
      const { threshold, raw } = nabBestThreshold(files, standard);
      if (!best || raw > best.raw) best = { candidate: ci, threshold, raw };
    });
    return best!;
  };

  // Held-out choice of every series, for the pooled score.
  const pooledChoice: Choice[] = new Array(series.length);
  const folds: CrossValidationFold[] = categories.map(heldOut => {
    const train: number[] = [];
    const test: number[] = [];
    series.forEach((s, i) => (s.category === heldOut ? test : train).push(i));
    const choice = choose(train);
    for (const i of test) pooledChoice[i] = choice;
    return {
      heldOut,
      series: test.length,
      candidate: candidates[choice.candidate].name,
      threshold: choice.threshold,
      trainingStandard: nabNormalise(
        choice.raw,
        windowsOf(series, train),
        standard,
      ),
      scores: profiles.map(p =>
        scoreSet(series, test, () => choice, candidates, p),
      ),
    };
  });

  const foldMean: Record<string, number> = {};
  profiles.forEach((p, pi) => {
    const scored = folds
      .map(f => f.scores[pi].normalised)
      .filter((v): v is number => v !== null);
    foldMean[p.name] = scored.length
      ? scored.reduce((a, b) => a + b, 0) / scored.length
      : NaN;
  });

  const all = series.map((_, i) => i);
  const inSampleChoice = choose(all);
  return {
    folds,
    foldMean,
    pooled: profiles.map(p =>
      scoreSet(series, all, i => pooledChoice[i], candidates, p),
    ),
    inSample: {
      candidate: candidates[inSampleChoice.candidate].name,
      threshold: inSampleChoice.threshold,
      scores: profiles.map(p =>
        scoreSet(series, all, () => inSampleChoice, candidates, p),
      ),
    },
  };
}

function windowsOf(
  series: readonly CrossValidationSeries[],
  indices: number[],
): number {
  return indices.reduce((n, i) => n + series[i].weights.windowCount, 0);
}

function scoreSet(
  series: readonly CrossValidationSeries[],
  indices: number[],
  choiceOf: (i: number) => Choice,
  candidates: readonly CrossValidationCandidate[],
  profile: NabProfile,
): ProfileScore {
  let raw = 0;
  let tp = 0;
  let fp = 0;
  for (const i of indices) {
    const choice = choiceOf(i);
    const r = nabScoreAt(
      candidates[choice.candidate].scores[i],
      series[i].weights,
      choice.threshold,
      profile,
    );
    raw += r.raw;
    tp += r.tp;
    fp += r.fp;
  }
  const windows = windowsOf(series, indices);
  return {
    profile: profile.name,
    raw,
    normalised: windows > 0 ? nabNormalise(raw, windows, profile) : null,
    tp,
    fp,
    windows,
  };
}
