/*
 * `npm run bench:<name> -- [options]`: runs the benchmark <name>.ts (or .js)
 * from one of the bench folders below on the repository's Node.js. Every
 * such file directly in a bench folder is a benchmark; what they share lives
 * in that folder's lib/.
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

const BENCH_DIRS = [
  path.join(ROOT, 'plugins', 'cloud-native-node', 'bench'),
  path.join(ROOT, 'plugins', 'cluster-topology', 'bench'),
  path.join(ROOT, 'plugins', 'security-posture-common', 'bench'),
  path.join(ROOT, 'plugins', 'healing-common', 'bench'),
  path.join(ROOT, 'plugins', 'healing-backend', 'bench'),
  path.join(ROOT, 'plugins', 'scaffolder-backend-module-cloud-native', 'bench'),
  path.join(ROOT, 'packages', 'backend', 'bench'),
];

/** Benchmark names mapped to their files; the first folder wins a clash. */
function benchmarks() {
  const found = new Map();
  for (const dir of BENCH_DIRS) {
    if (!fs.existsSync(dir)) continue;
    for (const file of fs.readdirSync(dir).sort()) {
      const match = /^(.+)\.(ts|js)$/.exec(file);
      if (!match || file.endsWith('.d.ts') || found.has(match[1])) continue;
      found.set(match[1], path.join(dir, file));
    }
  }
  return found;
}

function main() {
  const [name, ...args] = process.argv.slice(2);
  const known = benchmarks();
  if (!name || !known.has(name)) {
    process.stderr.write(
      `${name ? `unknown benchmark '${name}'` : 'no benchmark named'}; ` +
        `benchmarks: ${[...known.keys()].sort().join(', ') || '(none)'}\n` +
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
    ['--expose-gc', '--require', hook, known.get(name), ...args],
    { stdio: 'inherit', cwd: ROOT, env: process.env },
  );
  if (result.error) throw result.error;
  return result.status === null ? 1 : result.status;
}

process.exitCode = main();
