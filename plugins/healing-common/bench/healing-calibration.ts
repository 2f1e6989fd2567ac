/*
 * Fits and measures the healing pipeline's confidence on real labels
 * (src/engine/calibrationTable.ts). Segments shaped like the pipeline's
 * input (HISTORY_POINTS of history, then DETECTION_POINTS scored) are cut
 * from the NAB series (positive when the detection window overlaps a
 * labelled window, negative when it is far from all of them) and from the
 * RCD Sock Shop cases (positive: the root-cause service's metrics right
 * after the fault; negative: every service in the normal periods), then
 * scored by detectionScore as the pipeline scores an alert's target.
 *
 * Folds: each NAB category and each RCD root-cause service (its cases'
 * faults and normal periods) is held out in turn, the calibration fitted on
 * the other eight, and the held-out predictions pooled into a reliability
 * table, the expected calibration error and the precision of confidence ≥
 * 0.9. Then the table is fitted on everything and printed as TypeScript.
 *
 *   npm run bench:healing-calibration -- [--nab ../shared/data/nab/data]
 *     [--windows ../shared/data/nab/labels/combined_windows.json]
 *     [--rcd ../shared/data/rcd-sock-shop] [--stride 40]
 *
 * The last lines are `name: value` pairs for scripts to read.
 */
import fs from 'node:fs';
import path from 'node:path';
import { calibrate } from '../src/detection/calibrate';
import {
  Prediction,
  crossValidate,
  expectedCalibrationError,
  precisionAt,
  reliabilityTable,
} from '../src/detection/reliability';
import {
  calibrationCounts,
  confidenceFeature,
  fitCalibration,
} from '../src/engine/calibrationTable';
import { detectionScore } from '../src/engine/detectionScore';
import {
  LabelledSegment,
  RcdRun,
  nabSegments,
  rcdSegments,
  rcdSymptomSegments,
} from '../src/engine/labelledSegments';
import { parseNabTimestamp, windowRows } from '../src/nab/nabScorer';
import { UsageError, log, parseOptions, userPath } from './lib/args';
import { loadNabCorpus } from './lib/nabCorpus';
import { loadRcdCases } from './lib/rcdCases';

const THRESHOLD = 0.9;

interface Scored {
  source: 'nab' | 'rcd';
  fold: string;
  name: string;
  label: boolean;
  raw: number;
  feature: number;
}

function score(source: Scored['source'], segment: LabelledSegment): Scored {
  const scores = detectionScore(segment.series);
  return {
    source,
    fold: `${source}:${segment.fold}`,
    name: segment.name,
    label: segment.label,
    raw: scores.raw,
    feature: confidenceFeature(scores),
  };
}

function nabScored(data: string, windows: string, stride: number): Scored[] {
  const windowsFile = userPath(windows);
  if (!fs.existsSync(windowsFile))
    throw new UsageError(`no NAB windows file at ${windowsFile}`);
  const corpus = loadNabCorpus(userPath(data), windowsFile);
  if (corpus.length === 0)
    throw new UsageError(`no NAB series under ${userPath(data)}`);
  const labelled: Record<string, string[][]> = JSON.parse(
    fs.readFileSync(windowsFile, 'utf8'),
  );
  return corpus.flatMap(series => {
    const rows = windowRows(
      series.timestamps,
      labelled[series.key].map(([a, b]) => [
        parseNabTimestamp(a),
        parseNabTimestamp(b),
      ]),
    );
    return nabSegments(
      series.key,
      series.key.split('/')[0],
      series.values,
      rows,
      { stride },
    ).map(s => score('nab', s));
  });
}

function rcdCases(root: string): Map<string, RcdRun[]> {
  if (!fs.existsSync(root)) throw new UsageError(`no RCD data at ${root}`);
  const byCase = new Map<string, RcdRun[]>();
  for (const run of loadRcdCases(root)) {
    const name = run.name.split('/')[0];
    byCase.set(name, [...(byCase.get(name) ?? []), run]);
  }
  if (byCase.size === 0) throw new UsageError(`no RCD cases under ${root}`);
  return byCase;
}

function fitOn(training: readonly Scored[]) {
  const probability = fitCalibration(calibrationCounts(training));
  return (s: Scored) => probability(s.feature);
}

function fitOnRaw(training: readonly Scored[]) {
  const probability = calibrate(
    training.map(s => ({ score: s.raw, label: s.label })),
  );
  return (s: Scored) => probability(s.raw);
}

const fixed = (v: number, digits = 3) =>
  Number.isFinite(v) ? v.toFixed(digits) : 'n/a';

function printReliability(title: string, predictions: Prediction[]) {
  log(`\n${title} (${predictions.length} held-out segments)`);
  log('| confidence | segments | mean predicted | observed |');
  log('| --- | --- | --- | --- |');
  for (const bin of reliabilityTable(predictions)) {
    if (bin.count === 0) continue;
    log(
      `| ${bin.lower.toFixed(1)}–${bin.upper.toFixed(1)} | ${
        bin.count
      } | ${fixed(bin.meanPredicted)} | ${fixed(bin.observed)} |`,
    );
  }
  const at = precisionAt(predictions, THRESHOLD);
  log(
    `ECE ${fixed(expectedCalibrationError(predictions), 4)}; ${
      at.count
    } reach ${THRESHOLD}, ${at.positives} of them anomalies (precision ${fixed(
      at.precision,
    )})`,
  );
}

function main() {
  const options = parseOptions(process.argv.slice(2), {
    nab: path.join('..', 'shared', 'data', 'nab', 'data'),
    windows: path.join(
      '..',
      'shared',
      'data',
      'nab',
      'labels',
      'combined_windows.json',
    ),
    rcd: path.join('..', 'shared', 'data', 'rcd-sock-shop'),
    stride: '40',
  });
  const stride = Number(options.stride);
  if (!Number.isInteger(stride) || stride < 1)
    throw new UsageError(`--stride must be a positive integer`);
  const started = Date.now();
  const cases = rcdCases(userPath(options.rcd));
  const scored = [
    ...nabScored(options.nab, options.windows, stride),
    ...[...cases.values()].flatMap(runs =>
      rcdSegments(runs, { stride }).map(s => score('rcd', s)),
    ),
  ];
  const symptoms = [...cases.values()].flatMap(runs =>
    rcdSymptomSegments(runs).map(s => ({
      name: s.name,
      feature: confidenceFeature(detectionScore(s.series)),
    })),
  );
  const seconds = (Date.now() - started) / 1000;

  const count = (source: string, label: boolean) =>
    scored.filter(s => s.source === source && s.label === label).length;
  log(
    `segments: NAB ${count('nab', true)} anomalies + ${count(
      'nab',
      false,
    )} quiet, RCD ${count('rcd', true)} faults + ${count(
      'rcd',
      false,
    )} normal; scored in ${seconds.toFixed(1)} s`,
  );

  const heldOut = crossValidate(
    scored,
    s => s.fold,
    s => s.label,
    fitOn,
  );
  const rawHeldOut = crossValidate(
    scored,
    s => s.fold,
    s => s.label,
    fitOnRaw,
  );
  printReliability('Held-out, pooled', heldOut);
  for (const source of ['nab', 'rcd'] as const)
    printReliability(
      `Held-out, ${source.toUpperCase()}`,
      heldOut.filter(p => p.item.source === source),
    );

  log('\n| held-out fold | segments | anomalies | ≥ 0.9 | of them anomalies |');
  log('| --- | --- | --- | --- | --- |');
  for (const fold of [...new Set(scored.map(s => s.fold))].sort()) {
    const inFold = heldOut.filter(p => p.fold === fold);
    const at = precisionAt(inFold, THRESHOLD);
    log(
      `| ${fold} | ${inFold.length} | ${inFold.filter(p => p.label).length} | ${
        at.count
      } | ${at.positives} |`,
    );
  }
  const falseAlarms = heldOut.filter(
    p => p.probability >= THRESHOLD && !p.label,
  );
  for (const p of falseAlarms)
    log(`quiet segment at ${fixed(p.probability)}: ${p.item.name}`);

  const table = calibrationCounts(scored);
  const final = fitCalibration(table);
  const symptomHigh = symptoms.filter(s => final(s.feature) >= THRESHOLD);
  log(
    `\nRCD services other than the root cause at the fault start (not fitted): ${symptoms.length}, ${symptomHigh.length} of them at ≥ ${THRESHOLD}`,
  );

  log('\nexport const CALIBRATION_TABLE: ReadonlyArray<');
  log('  readonly [number, number, number]');
  log('> = [');
  for (const row of table) log(`  [${row.join(', ')}],`);
  log('];');
  const thresholdAt = table.find(([centre]) => final(centre) >= THRESHOLD);
  log(
    `confidence reaches ${THRESHOLD} at a shift of ${
      thresholdAt ? fixed(10 ** thresholdAt[0] - 1, 0) : 'n/a'
    } sigmas or more`,
  );

  const figures: Record<string, string | number> = {
    segments: scored.length,
    positive_segments: scored.filter(s => s.label).length,
  };
  const sources: Array<[string, typeof heldOut]> = [
    ['', heldOut],
    ['nab_', heldOut.filter(p => p.item.source === 'nab')],
    ['rcd_', heldOut.filter(p => p.item.source === 'rcd')],
    ['raw_score_', rawHeldOut],
  ];
  for (const [prefix, predictions] of sources) {
    const at = precisionAt(predictions, THRESHOLD);
    figures[`${prefix}ece`] = fixed(expectedCalibrationError(predictions), 4);
    figures[`${prefix}precision_at_0_9`] = fixed(at.precision);
    figures[`${prefix}count_at_0_9`] = at.count;
  }
  figures.symptom_segments_at_0_9 = symptomHigh.length;
  log('');
  for (const [name, value] of Object.entries(figures)) log(`${name}: ${value}`);
}

try {
  main();
} catch (error) {
  process.stderr.write(`${(error as Error).message}\n`);
  process.exitCode = error instanceof UsageError ? 2 : 1;
}
