import fs from 'node:fs';
import path from 'node:path';
import { CHECKS } from './runChecks';

describe('the README check list', () => {
  it('lists every check, in catalogue order, with its title and standards', () => {
    const readme = fs.readFileSync(
      path.resolve(__dirname, '..', 'README.md'),
      'utf8',
    );
    const section = readme.slice(readme.indexOf('## Checks\n'));
    const rows = section
      .slice(0, section.indexOf('\nReferences:'))
      .split('\n')
      .map(line =>
        /^\| `([^`]+)` \|[^|]+\|[^|]+\| ([^|]+) \| ([^|]+) \|$/.exec(line),
      )
      .filter((m): m is RegExpExecArray => m !== null);
    expect(rows.map(m => m[1])).toEqual(CHECKS.map(c => c.id));
    for (const [check, row] of CHECKS.map((c, i) => [c, rows[i]] as const)) {
      expect([check.id, row[2].trim()]).toEqual([check.id, check.title]);
      for (const name of check.references.polaris ?? []) {
        expect([check.id, row[3]]).toEqual([
          check.id,
          expect.stringContaining(name),
        ]);
      }
      if (check.references.kubescape) {
        expect([check.id, row[3]]).toEqual([
          check.id,
          expect.stringContaining(check.references.kubescape),
        ]);
      }
    }
  });
});
