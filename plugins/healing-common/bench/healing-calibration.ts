/*
 * Produces the calibration table of the healing pipeline's confidence
 * (src/engine/calibrationTable.ts). With --source synthetic (the committed
 * table) the labelled series come from syntheticIncidents; with --source nab
 * from the NAB corpus: segments shaped like
 * the pipeline's feature windows (HISTORY_POINTS of history, then
 * DETECTION_POINTS scored) are cut from every series, centred on a labelled
 * window (a real incident) or far from all of them (no incident), scored by
 * detectionScore, and counted per score bin.
 *
 *   npm run bench:healing-calibration -- [--data ../shared/data/nab/data]
 *     [--windows ../shared/data/nab/labels/combined_windows.json]
 *     [--source synthetic|nab] [--count 2000]
 *
 * It prints the table as TypeScript, then `name: value` lines.
 */
import fs from 'node:fs';
import path from 'node:path';
import { calibrate } from '../src/detection/calibrate';
import {
  DETECTION_POINTS,
  HISTORY_POINTS,
  detectionScore,
} from '../src/engine/detectionScore';
import { syntheticIncidents } from '../src/engine/syntheticIncidents';
import { UsageError, log, parseOptions, userPath } from './lib/args';
import { loadNabCorpus } from './lib/nabCorpus';

const BIN = 0.05;
/** Rows kept clear of any window around a negative segment's detection part. */
const MARGIN = 100;
const STRIDE = 140;

type Pair = { score: number; label: boolean };

function syntheticPairs(count: number): Pair[] {
  return syntheticIncidents(count).map(s => ({
    score: detectionScore([s.values]).raw,
    label: s.incident,
  }));
}

function main() {
  const options = parseOptions(process.argv.slice(2), {
    source: 'synthetic',
    count: '2000',
    data: path.join('..', 'shared', 'data', 'nab', 'data'),
    windows: path.join(
      '..',
      'shared',
      'data',
      'nab',
      'labels',
      'combined_windows.json',
    ),
  });
  if (options.source !== 'synthetic' && options.source !== 'nab') {
    throw new UsageError(`--source must be synthetic or nab`);
  }
  const pairs =
    options.source === 'nab'
      ? nabPairs(options.data, options.windows)
      : syntheticPairs(Number(options.count));
  report(pairs, options.source);
}

function nabPairs(data: string, windows: string): Pair[] {
  const windowsFile = userPath(windows);
  if (!fs.existsSync(windowsFile))
    throw new UsageError(`no windows file at ${windowsFile}`);
  const corpus = loadNabCorpus(userPath(data), windowsFile);
  if (corpus.length === 0) throw new UsageError('no NAB series found');
  const pairs: Pair[] = [];
  for (const series of corpus) {
    const { window } = series.weights;
    const rows = series.values.length;
    const bounds = new Map<number, { start: number; end: number }>();
    window.forEach((w, i) => {
      if (w < 0) return;
      const b = bounds.get(w) ?? { start: i, end: i };
      b.end = i;
      bounds.set(w, b);
    });
    const score = (detectStart: number) =>
      detectionScore([
        series.values.subarray(
          detectStart - HISTORY_POINTS,
          detectStart + DETECTION_POINTS,
        ),
      ]).raw;
    for (const { start, end } of bounds.values()) {
      const centre = Math.floor((start + end) / 2);
      const detectStart = centre - DETECTION_POINTS / 2;
      if (
        detectStart - HISTORY_POINTS < 0 ||
        detectStart + DETECTION_POINTS > rows
      )
        continue;
      pairs.push({ score: score(detectStart), label: true });
    }
    const windowNear = (a: number) => {
      for (
        let i = Math.max(0, a - MARGIN);
        i < Math.min(rows, a + DETECTION_POINTS + MARGIN);
        i++
      ) {
        if (window[i] >= 0) return true;
      }
      return false;
    };
    for (let a = HISTORY_POINTS; a + DETECTION_POINTS <= rows; a += STRIDE) {
      if (!windowNear(a)) pairs.push({ score: score(a), label: false });
    }
  }
  return pairs;
}

function report(pairs: Pair[], source: string) {
  const bins = new Map<number, { positives: number; negatives: number }>();
  for (const p of pairs) {
    const bin = Math.min(Math.floor(p.score / BIN), Math.round(1 / BIN) - 1);
    const b = bins.get(bin) ?? { positives: 0, negatives: 0 };
    if (p.label) b.positives++;
    else b.negatives++;
    bins.set(bin, b);
  }
  const table = [...bins.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([bin, c]) => [
      Number(((bin + 0.5) * BIN).toFixed(3)),
      c.positives,
      c.negatives,
    ]);
  log(
    'export const CALIBRATION_TABLE: ReadonlyArray<readonly [number, number, number]> = [',
  );
  for (const row of table) log(`  [${row.join(', ')}],`);
  log('];');
  const fitted = calibrate(pairs);
  const positives = pairs.filter(p => p.label).length;
  log(`source: ${source}`);
  log(`positive_segments: ${positives}`);
  log(`negative_segments: ${pairs.length - positives}`);
  for (const s of [0.5, 0.7, 0.8, 0.9, 0.95])
    log(`confidence_at_${s}: ${fitted(s).toFixed(3)}`);
}

try {
  main();
} catch (error) {
  process.stderr.write(`${(error as Error).message}\n`);
  process.exitCode = error instanceof UsageError ? 2 : 1;
}
