#!/usr/bin/env node
/*
 * Entry point of every root script: `npm run <task> -- <args>` (or `yarn <task>`).
 * It makes sure the toolchain and node_modules are in place, then runs the
 * task on the repository's Node.js.
 */
'use strict';

const path = require('node:path');
const {
  ROOT,
  ToolchainError,
  ensureInstalled,
  yarnRelease,
  run,
} = require('./toolchain');

/** Paths given on the command line are relative to where the user typed them. */
function userPath(p) {
  return path.resolve(process.env.INIT_CWD || process.cwd(), p);
}

/** Turns `--config extra.yaml` into absolute paths after the base app-config.yaml. */
function configArgs(args) {
  const out = ['--config', path.join(ROOT, 'app-config.yaml')];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === '--config' && i + 1 < args.length) {
      out.push('--config', userPath(args[++i]));
    } else if (arg.startsWith('--config=')) {
      out.push('--config', userPath(arg.slice('--config='.length)));
    } else {
      out.push(arg);
    }
  }
  return out;
}

const tasks = {
  setup: () => 0,
  start: ({ yarn }, args) => yarn(['backstage-cli', 'repo', 'start', ...args]),
  backend: ({ yarn }, args) =>
    yarn([
      'workspace',
      'backend',
      'backstage-cli',
      'package',
      'start',
      ...configArgs(args),
    ]),
  test: ({ node }, args) => node([path.join(__dirname, 'test.js'), ...args]),
  bench: ({ node }, args) => node([path.join(__dirname, 'bench.js'), ...args]),
  tsc: ({ yarn }, args) => yarn(['run', '--binaries-only', 'tsc', ...args]),
  lint: ({ yarn }, args) => yarn(['backstage-cli', 'repo', 'lint', ...args]),
  yarn: ({ yarn }, args) => yarn(args),
};

function main() {
  const [task, ...args] = process.argv.slice(2);
  const handler = tasks[task];
  if (!handler) {
    process.stderr.write(
      `unknown task '${task ?? ''}'; tasks: ${Object.keys(tasks).join(', ')}\n`,
    );
    return 2;
  }
  // A root script that calls itself through Yarn would fork without end.
  if (process.env.CNP_ROOT_TASK === task) {
    process.stderr.write(`task '${task}' started itself again; stopping\n`);
    return 2;
  }
  const { node, env } = ensureInstalled();
  env.CNP_ROOT_TASK = task;
  const helpers = {
    node: nodeArgs => run(node.bin, nodeArgs, env),
    yarn: yarnArgs => run(node.bin, [yarnRelease(), ...yarnArgs], env),
  };
  return handler(helpers, args);
}

try {
  process.exitCode = main();
} catch (error) {
  if (error instanceof ToolchainError) {
    process.stderr.write(`error: ${error.message}\n`);
    process.exitCode = 1;
  } else {
    throw error;
  }
}
