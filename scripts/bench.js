/*
 * `npm run bench:<name> -- [options]`: runs the TypeScript benchmark
 * plugins/cloud-native-node/bench/<name>.ts on the repository's Node.js.
 * Every .ts file directly in that folder is a benchmark; what they share
 * lives in its lib/ folder.
 *
 * The benchmark is not compiled ahead of time: it goes through the same
 * SWC require hook that `backstage-cli package start` gives a backend, so it
 * imports the workspace packages from source exactly as the backend does.
 * `--expose-gc` lets it force collections around its heap measurements.
 */
'use strict';

const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const { ROOT } = require('./toolchain');

const BENCH_DIR = path.join(ROOT, 'plugins', 'cloud-native-node', 'bench');

function benchmarks() {
  if (!fs.existsSync(BENCH_DIR)) return [];
  return fs
    .readdirSync(BENCH_DIR)
    .filter(file => file.endsWith('.ts') && !file.endsWith('.d.ts'))
    .map(file => file.slice(0, -'.ts'.length))
    .sort();
}

function main() {
  const [name, ...args] = process.argv.slice(2);
  const known = benchmarks();
  if (!name || !known.includes(name)) {
    process.stderr.write(
      `${name ? `unknown benchmark '${name}'` : 'no benchmark named'}; ` +
        `benchmarks: ${known.join(', ') || '(none)'}\n` +
        'usage: node scripts/run.js bench <name> [options]\n',
    );
    return 2;
  }
  // Resolved from the root, where @backstage/cli is a devDependency, so the
  // hook matches the CLI version the workspace builds with.
  const hook = require.resolve('@backstage/cli/config/nodeTransform.cjs', {
    paths: [ROOT],
  });
  const result = spawnSync(
    process.execPath,
    [
      '--expose-gc',
      '--require',
      hook,
      path.join(BENCH_DIR, `${name}.ts`),
      ...args,
    ],
    { stdio: 'inherit', cwd: ROOT, env: process.env },
  );
  if (result.error) throw result.error;
  return result.status === null ? 1 : result.status;
}

process.exitCode = main();
