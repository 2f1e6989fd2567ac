import fs from 'node:fs';
import path from 'node:path';
import {
  NabRowWeights,
  nabRowWeights,
  parseNabTimestamp,
  windowRows,
} from '../../src/nab/nabScorer';

/** One NAB series with its windows. */
export interface NabSeries {
  /** Key in the windows file, `category/file.csv`. */
  key: string;
  timestampText: string[];
  timestamps: number[];
  values: Float64Array;
  weights: NabRowWeights;
}

/** Reads every series named in the windows file from the data folder. */
export function loadNabCorpus(
  dataDir: string,
  windowsFile: string,
): NabSeries[] {
  const windows: Record<string, string[][]> = JSON.parse(
    fs.readFileSync(windowsFile, 'utf8'),
  );
  const out: NabSeries[] = [];
  for (const key of Object.keys(windows).sort()) {
    const file = path.join(dataDir, key);
    if (!fs.existsSync(file)) continue;
    const lines = fs.readFileSync(file, 'utf8').split(/\r?\n/).filter(Boolean);
    const timestampText: string[] = [];
    const values: number[] = [];
    for (const line of lines.slice(1)) {
      const comma = line.indexOf(',');
      timestampText.push(line.slice(0, comma));
      values.push(Number(line.slice(comma + 1)));
    }
    const timestamps = timestampText.map(parseNabTimestamp);
    const rows = windowRows(
      timestamps,
      windows[key].map(([a, b]) => [
        parseNabTimestamp(a),
        parseNabTimestamp(b),
      ]),
    );
    out.push({
      key,
      timestampText,
      timestamps,
      values: Float64Array.from(values),
      weights: nabRowWeights(values.length, rows),
    });
  }
  return out;
}
