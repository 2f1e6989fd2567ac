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
    // Each row: the check's title, and every Polaris and Kubescape name it carries.
    const wrong = CHECKS.flatMap((check, i) => {
      const [, , title, references] = rows[i];
      const names = [
        ...(check.references.polaris ?? []),
        ...(check.references.kubescape ? [check.references.kubescape] : []),
      ];
      const missing = names.filter(name => !references.includes(name));
      return title.trim() === check.title && missing.length === 0
        ? []
        : [{ id: check.id, title: title.trim(), missing }];
    });
    expect(wrong).toEqual([]);
  });
});
