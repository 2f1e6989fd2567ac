import fs from 'node:fs';

/** Reads a numeric CSV with a header row into one array per column. */
export function readNumericCsv(file: string): Record<string, Float64Array> {
  const lines = fs.readFileSync(file, 'utf8').split(/\r?\n/).filter(Boolean);
  const header = lines[0].split(',');
  const columns = header.map(() => new Float64Array(lines.length - 1));
  for (let r = 1; r < lines.length; r++) {
    const cells = lines[r].split(',');
    for (let c = 0; c < header.length; c++) {
      columns[c][r - 1] = cells[c] === '' ? NaN : Number(cells[c]);
    }
  }
  return Object.fromEntries(header.map((name, c) => [name, columns[c]]));
}
