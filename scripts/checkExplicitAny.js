/*
 * Counts the `no-explicit-any` exceptions in source code (everything under a
 * package's src/ that is not test code, as scripts/eslintConfig.js defines
 * it) and fails when there are more than MAX_EXCEPTIONS, naming the files.
 * An exception must be a next-line or same-line disable with a reason
 * (`-- why`); a disable for a whole file or block is refused in source.
 *
 *   node scripts/checkExplicitAny.js
 */
'use strict';

const fs = require('node:fs');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..');
const MAX_EXCEPTIONS = 10;
const RULE = '@typescript-eslint/no-explicit-any';

// The test code of scripts/eslintConfig.js's TEST_CODE, inside src/.
const TEST_FILE = /\.test\.[jt]sx?$/;
const TEST_DIRS = new Set([
  '__testUtils__',
  'testUtils',
  '__fixtures__',
  'testing',
]);

function isTestCode(relative) {
  const parts = relative.split(path.sep);
  return (
    TEST_FILE.test(parts[parts.length - 1]) ||
    parts.some(part => TEST_DIRS.has(part))
  );
}

function* sourceFiles(dir, relative = '') {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules') continue;
    const full = path.join(dir, entry.name);
    const rel = path.join(relative, entry.name);
    if (entry.isDirectory()) yield* sourceFiles(full, rel);
    else if (/\.[jt]sx?$/.test(entry.name) && !isTestCode(rel)) yield full;
  }
}

function packageDirs() {
  const dirs = [];
  for (const group of ['plugins', 'packages']) {
    const base = path.join(ROOT, group);
    if (!fs.existsSync(base)) continue;
    for (const name of fs.readdirSync(base)) {
      const src = path.join(base, name, 'src');
      if (fs.existsSync(src)) dirs.push(src);
    }
  }
  return dirs;
}

/** The exceptions of one file: `{ line, text, problem? }`. */
function exceptionsIn(file) {
  const found = [];
  const lines = fs.readFileSync(file, 'utf8').split('\n');
  lines.forEach((text, i) => {
    const match = /eslint-disable(-next-line|-line)?\b(.*)/.exec(text);
    if (!match || !match[2].includes(RULE)) return;
    let problem;
    if (!match[1]) problem = 'disables the rule for more than one line';
    else if (!/--\s*\S/.test(match[2])) problem = 'gives no reason (`-- why`)';
    found.push({ line: i + 1, text: text.trim(), problem });
  });
  return found;
}

function main() {
  const byFile = new Map();
  for (const src of packageDirs()) {
    for (const file of sourceFiles(src)) {
      const found = exceptionsIn(file);
      if (found.length > 0) byFile.set(path.relative(ROOT, file), found);
    }
  }
  const total = [...byFile.values()].reduce((n, f) => n + f.length, 0);
  const problems = [...byFile].flatMap(([file, found]) =>
    found.filter(f => f.problem).map(f => `${file}:${f.line}: ${f.problem}`),
  );
  for (const [file, found] of byFile) {
    process.stdout.write(`${found.length}\t${file}\n`);
  }
  process.stdout.write(
    `no-explicit-any exceptions in source: ${total} (at most ${MAX_EXCEPTIONS})\n`,
  );
  for (const problem of problems) process.stderr.write(`${problem}\n`);
  if (total > MAX_EXCEPTIONS) {
    process.stderr.write(
      `too many no-explicit-any exceptions: ${total} > ${MAX_EXCEPTIONS}; type the values in the files above, or narrow unknown\n`,
    );
  }
  return total > MAX_EXCEPTIONS || problems.length > 0 ? 1 : 0;
}

if (require.main === module) {
  process.exitCode = main();
}

module.exports = { exceptionsIn, isTestCode, MAX_EXCEPTIONS };
