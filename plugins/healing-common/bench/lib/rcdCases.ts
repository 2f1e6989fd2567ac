import fs from 'node:fs';
import path from 'node:path';
import { MetricSeries } from '../../src/rca/metrics';
import { readNumericCsv } from './csv';

/** One RCD Sock Shop run: a normal and an anomalous period of every metric. */
export interface RcdCase {
  /** `<service>-<fault>/<run>`. */
  name: string;
  /** The root-cause service, from the folder name. */
  truth: string;
  /** The injected fault, from the folder name (`cpu`, `mem`). */
  fault: string;
  /** Unix seconds of each normal and anomalous row. */
  normalTimes: Float64Array;
  anomalousTimes: Float64Array;
  normal: MetricSeries;
  anomalous: MetricSeries;
}

/** Reads every `<service>-<fault>/<run>/{normal,anomalous}.csv` under `root`. */
export function loadRcdCases(root: string): RcdCase[] {
  const cases: RcdCase[] = [];
  for (const folder of fs.readdirSync(root).sort()) {
    const match = /^(.+)-([a-z]+)$/.exec(folder);
    if (!match || !fs.statSync(path.join(root, folder)).isDirectory()) continue;
    for (const run of fs.readdirSync(path.join(root, folder)).sort()) {
      const dir = path.join(root, folder, run);
      if (!fs.existsSync(path.join(dir, 'anomalous.csv'))) continue;
      const normal = readNumericCsv(path.join(dir, 'normal.csv'));
      const anomalous = readNumericCsv(path.join(dir, 'anomalous.csv'));
      const normalTimes = normal.time;
      const anomalousTimes = anomalous.time;
      delete normal.time;
      delete anomalous.time;
      cases.push({
        name: `${folder}/${run}`,
        truth: match[1],
        fault: match[2],
        normalTimes,
        anomalousTimes,
        normal,
        anomalous,
      });
    }
  }
  return cases;
}
