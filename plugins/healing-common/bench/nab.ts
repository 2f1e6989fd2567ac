/*
 * The streaming detector over NAB-format series, scored by NAB's rules:
 * every series is scored point by point with one fixed configuration, one
 * alert threshold is chosen by sweeping the standard profile over the whole
 * corpus, and that threshold scores all three profiles.
 *
 *   npm run bench:nab -- [--data ../shared/data/nab/data]
 *     [--windows ../shared/data/nab/labels/combined_windows.json] [--out <dir>]
 *
 * With --out, each series is written as `<dir>/<category>/<file>.csv` with
 * `timestamp,value,anomaly_score`, the raw scores NAB's own scorer reads.
 * The last lines are `name: value` pairs for scripts to read.
 */
import fs from 'node:fs';
import path from 'node:path';
import { detectStream } from '../src/detection/StreamingDetector';
import {
  NAB_PROFILES,
  nabBestThreshold,
  nabNormalise,
  nabScoreAt,
} from '../src/nab/nabScorer';
import { UsageError, log, parseOptions, userPath } from './lib/args';
import { loadNabCorpus } from './lib/nabCorpus';

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
  });
  const dataDir = userPath(options.data);
  const windowsFile = userPath(options.windows);
  if (!fs.existsSync(windowsFile))
    throw new UsageError(`no windows file at ${windowsFile}`);
  const corpus = loadNabCorpus(dataDir, windowsFile);
  if (corpus.length === 0)
    throw new UsageError(`no series of ${windowsFile} under ${dataDir}`);

  const started = process.hrtime.bigint();
  const files = corpus.map(series => ({
    scores: detectStream(series.values),
    weights: series.weights,
  }));
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const points = corpus.reduce((n, s) => n + s.values.length, 0);
  const windows = files.reduce((n, f) => n + f.weights.windowCount, 0);

  if (options.out) {
    const outDir = userPath(options.out);
    corpus.forEach((series, i) => {
      const file = path.join(outDir, series.key);
      fs.mkdirSync(path.dirname(file), { recursive: true });
      const rows = series.timestampText.map(
        (t, r) => `${t},${series.values[r]},${files[i].scores[r]}`,
      );
      fs.writeFileSync(
        file,
        `timestamp,value,anomaly_score\n${rows.join('\n')}\n`,
      );
    });
    log(`wrote ${corpus.length} series to ${outDir}`);
  }

  const [standard] = NAB_PROFILES;
  const { threshold } = nabBestThreshold(files, standard);
  const figures: string[] = [];
  for (const profile of NAB_PROFILES) {
    let raw = 0;
    let tp = 0;
    let fp = 0;
    for (const file of files) {
      const r = nabScoreAt(file.scores, file.weights, threshold, profile);
      raw += r.raw;
      tp += r.tp;
      fp += r.fp;
    }
    // What NAB's optimiser reports, which picks a threshold per profile.
    const own = nabBestThreshold(files, profile);
    log(
      `${
        profile.name
      }: tp ${tp}/${windows}, fp ${fp}; with its own best threshold ${own.threshold.toFixed(
        4,
      )}: ${nabNormalise(own.raw, windows, profile).toFixed(1)}`,
    );
    figures.push(
      `${profile.name}: ${nabNormalise(raw, windows, profile).toFixed(1)}`,
    );
  }
  log(`series: ${corpus.length}`);
  log(`points: ${points}`);
  log(`windows: ${windows}`);
  log(`detector_seconds: ${seconds.toFixed(1)}`);
  log(`threshold: ${threshold.toFixed(4)}`);
  for (const line of figures) log(line);
}

try {
  main();
} catch (error) {
  if (error instanceof UsageError) {
    process.stderr.write(`${error.message}\n`);
    process.exitCode = 2;
  } else throw error;
}
