/*
 * A streaming detector over NAB-format series, scored by NAB's rules under
 * leave-one-category-out cross-validation: for each category in turn, the
 * configuration (out of a small candidate set declared below) and the alert
 * threshold are chosen by the standard score of the other categories, and
 * the held-out category is scored with that choice under all three
 * profiles. Every series runs with one configuration, nothing per file.
 * `--detector streaming` puts the older StreamingDetector, with its one
 * configuration, through the same protocol.
 *
 *   npm run bench:nab -- [--data ../shared/data/nab/data]
 *     [--windows ../shared/data/nab/labels/combined_windows.json] [--out <dir>]
 *     [--detector contextual|streaming] [--candidates default|neighbours]
 *
 * A category without windows (artificialNoAnomaly) has no normalised score
 * of its own (perfect = null = 0): its fold reports false positives and the
 * raw penalty, the fold mean is taken over the scorable folds, and the
 * pooled score (each series scored with the choice of the fold that held it
 * out, normalised over the whole corpus) includes its false positives. The
 * in-sample figure (choice made on all series) is printed beside them.
 *
 * With --out, each series is written as `<dir>/<category>/<file>.csv` with
 * `timestamp,value,anomaly_score` of the in-sample choice, the raw scores
 * NAB's own scorer reads. The last lines are `name: value` pairs.
 */
import fs from 'node:fs';
import path from 'node:path';
import {
  ContextualDetectorOptions,
  DEFAULT_CONTEXTUAL_DETECTOR_OPTIONS,
  detectContextual,
} from '../src/detection/ContextualDetector';
import { detectStream } from '../src/detection/StreamingDetector';
import {
  CrossValidationCandidate,
  ProfileScore,
  crossValidate,
} from '../src/nab/crossValidate';
import { UsageError, log, parseOptions, userPath } from './lib/args';
import { loadNabCorpus } from './lib/nabCorpus';

/**
 * Candidate sets, declared before the cross-validated runs. `default` is
 * the detector's one configuration, so a fold chooses only the threshold;
 * `neighbours` adds the configurations one step away along the two
 * settings that decide what a context is (grid resolution, context length),
 * so each fold also chooses among them.
 */
const CANDIDATE_SETS: Record<
  string,
  ReadonlyArray<{ name: string; options: Partial<ContextualDetectorOptions> }>
> = {
  default: [{ name: 'grid16-order3', options: {} }],
  neighbours: [
    { name: 'grid16-order3', options: {} },
    { name: 'grid12-order3', options: { levels: 12 } },
    { name: 'grid16-order2', options: { order: 2 } },
    { name: 'grid16-order4', options: { order: 4 } },
  ],
};

function main() {
  const options = parseOptions(process.argv.slice(2), {
    data: path.join('..', 'shared', 'data', 'nab', 'data'),
    windows: path.join(
      '..',
      'shared',
      'data',
      'nab',
      'labels',
      'combined_windows.json',
    ),
    out: '',
    detector: 'contextual',
    candidates: 'default',
  });
  const dataDir = userPath(options.data);
  const windowsFile = userPath(options.windows);
  if (!fs.existsSync(windowsFile))
    throw new UsageError(`no windows file at ${windowsFile}`);
  if (!['contextual', 'streaming'].includes(options.detector))
    throw new UsageError(
      `--detector must be contextual or streaming, got '${options.detector}'`,
    );
  const candidateSet = CANDIDATE_SETS[options.candidates];
  if (!candidateSet)
    throw new UsageError(
      `--candidates must be one of ${Object.keys(CANDIDATE_SETS).join(
        ', ',
      )}, got '${options.candidates}'`,
    );
  const corpus = loadNabCorpus(dataDir, windowsFile);
  if (corpus.length === 0)
    throw new UsageError(`no series of ${windowsFile} under ${dataDir}`);

  const categories = new Set(corpus.map(s => s.key.split('/')[0]));
  if (categories.size < 2)
    throw new UsageError(
      `cross-validation needs series of two categories or more under ${dataDir}, found ${[
        ...categories,
      ].join(', ')}`,
    );

  const started = process.hrtime.bigint();
  const candidates: CrossValidationCandidate[] =
    options.detector === 'streaming'
      ? [
          {
            name: 'streaming',
            scores: corpus.map(s => detectStream(s.values)),
          },
        ]
      : candidateSet.map(c => ({
          name: c.name,
          scores: corpus.map(s =>
            detectContextual(s.values, {
              ...DEFAULT_CONTEXTUAL_DETECTOR_OPTIONS,
              ...c.options,
            }),
          ),
        }));
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const points = corpus.reduce((n, s) => n + s.values.length, 0);
  const windows = corpus.reduce((n, s) => n + s.weights.windowCount, 0);

  const result = crossValidate(
    corpus.map(s => ({
      key: s.key,
      category: s.key.split('/')[0],
      weights: s.weights,
    })),
    candidates,
  );

  if (options.out) {
    const outDir = userPath(options.out);
    const chosen = candidates.find(c => c.name === result.inSample.candidate)!;
    corpus.forEach((series, i) => {
      const file = path.join(outDir, series.key);
      fs.mkdirSync(path.dirname(file), { recursive: true });
      const rows = series.timestampText.map(
        (t, r) => `${t},${series.values[r]},${chosen.scores[i][r]}`,
      );
      fs.writeFileSync(
        file,
        `timestamp,value,anomaly_score\n${rows.join('\n')}\n`,
      );
    });
    log(`wrote ${corpus.length} series to ${outDir}`);
  }

  log(`candidates: ${candidates.map(c => c.name).join(', ')}`);
  for (const fold of result.folds) {
    log(
      `fold ${fold.heldOut} (${fold.series} series): chose ${
        fold.candidate
      }, threshold ${fold.threshold.toFixed(
        4,
      )} (training standard ${fold.trainingStandard.toFixed(1)})`,
    );
    for (const s of fold.scores) log(`  ${describe(s)}`);
  }
  log(`pooled held-out, every series scored by the fold that held it out:`);
  for (const s of result.pooled) log(`  ${describe(s)}`);
  log(
    `in-sample (chosen on all ${corpus.length} series, optimistic): ${
      result.inSample.candidate
    }, threshold ${result.inSample.threshold.toFixed(4)}`,
  );
  for (const s of result.inSample.scores) log(`  ${describe(s)}`);

  log(`series: ${corpus.length}`);
  log(`points: ${points}`);
  log(`windows: ${windows}`);
  log(`detector_seconds: ${seconds.toFixed(1)}`);
  for (const [name, value] of Object.entries(result.foldMean))
    log(`fold_mean_${name}: ${value.toFixed(1)}`);
  for (const s of result.pooled) log(`pooled_${s.profile}: ${figure(s)}`);
  for (const s of result.inSample.scores)
    log(`in_sample_${s.profile}: ${figure(s)}`);
}

function figure(s: ProfileScore): string {
  return s.normalised === null ? 'n/a' : s.normalised.toFixed(1);
}

function describe(s: ProfileScore): string {
  const score =
    s.normalised === null
      ? `no windows, raw penalty ${s.raw.toFixed(2)}`
      : s.normalised.toFixed(1);
  return `${s.profile}: ${score} (tp ${s.tp}/${s.windows}, fp ${s.fp})`;
}

try {
  main();
} catch (error) {
  if (error instanceof UsageError) {
    process.stderr.write(`${error.message}\n`);
    process.exitCode = 2;
  } else throw error;
}
