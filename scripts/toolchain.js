/*
 * The repository's own toolchain: a Node.js release new enough for Backstage,
 * Yarn from .yarn/releases, and the workspace's node_modules. Everything comes
 * from the npm registry the local npm is configured with, so a machine that has
 * only Node.js and npm can run every root script.
 *
 * This file runs on whatever Node.js the user has (18 or later), so it uses
 * only Node's standard library.
 */
'use strict';

const { spawnSync, execFileSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..');
const TOOLS_DIR = path.join(ROOT, '.tools');
/** The Node.js release the repository runs on when the local one is older. */
const NODE_VERSION = '22.23.3';
const MIN_NODE_MAJOR = 22;

function log(message) {
  process.stderr.write(`[toolchain] ${message}\n`);
}

class ToolchainError extends Error {}

function yarnRelease() {
  const rc = fs.readFileSync(path.join(ROOT, '.yarnrc.yml'), 'utf8');
  const match = rc.match(/^yarnPath:\s*(\S+)\s*$/m);
  if (!match) {
    throw new ToolchainError('.yarnrc.yml has no yarnPath entry');
  }
  return path.join(ROOT, match[1]);
}

function npmCommand() {
  return process.platform === 'win32' ? 'npm.cmd' : 'npm';
}

/** The registry the local npm uses; Yarn is pointed at the same one. */
function npmRegistry() {
  if (process.env.YARN_NPM_REGISTRY_SERVER) {
    return process.env.YARN_NPM_REGISTRY_SERVER;
  }
  try {
    const out = execFileSync(npmCommand(), ['config', 'get', 'registry'], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim();
    return out.replace(/\/+$/, '');
  } catch (e) {
    throw new ToolchainError(
      'could not read the npm registry from `npm config get registry`: is npm installed and on the PATH?',
    );
  }
}

function nodePackageName() {
  const platform = { linux: 'linux', darwin: 'darwin', win32: 'win' }[
    process.platform
  ];
  const arch = { x64: 'x64', arm64: 'arm64' }[process.arch];
  if (!platform || !arch) {
    throw new ToolchainError(
      `no Node.js ${MIN_NODE_MAJOR} package for ${process.platform}/${process.arch} on the npm registry; install Node.js ${MIN_NODE_MAJOR} or 24 yourself`,
    );
  }
  return `node-${platform}-${arch}`;
}

/**
 * Returns the directory holding bin/node (and include/node for native
 * modules), fetching a Node.js 22 package from the npm registry when the
 * running Node.js is older.
 */
function ensureNode() {
  const major = Number(process.versions.node.split('.')[0]);
  if (major >= MIN_NODE_MAJOR && !process.env.CNP_FORCE_TOOLCHAIN_NODE) {
    return {
      home: path.resolve(path.dirname(process.execPath), '..'),
      bin: process.execPath,
      own: false,
    };
  }
  const home = path.join(TOOLS_DIR, `node-v${NODE_VERSION}`);
  const bin = path.join(
    home,
    'bin',
    process.platform === 'win32' ? 'node.exe' : 'node',
  );
  if (fs.existsSync(bin)) {
    return { home, bin, own: true };
  }
  const pkg = `${nodePackageName()}@${NODE_VERSION}`;
  log(
    `Node.js ${process.versions.node} is older than ${MIN_NODE_MAJOR}; fetching ${pkg} from the npm registry`,
  );
  fs.mkdirSync(TOOLS_DIR, { recursive: true });
  const download = fs.mkdtempSync(path.join(TOOLS_DIR, 'download-'));
  try {
    const packed = spawnSync(
      npmCommand(),
      ['pack', pkg, '--pack-destination', download, '--silent'],
      { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] },
    );
    if (packed.status !== 0) {
      throw new ToolchainError(
        `npm could not fetch ${pkg} (exit ${
          packed.status
        }); check that the npm registry (${npmRegistry()}) is reachable, or install Node.js ${MIN_NODE_MAJOR} yourself`,
      );
    }
    const tarball = path.join(download, packed.stdout.trim().split('\n').pop());
    const unpacked = path.join(download, 'x');
    fs.mkdirSync(unpacked);
    const tar = spawnSync('tar', ['xzf', tarball, '-C', unpacked], {
      stdio: 'inherit',
    });
    if (tar.status !== 0) {
      throw new ToolchainError(`could not unpack ${tarball} with tar`);
    }
    fs.renameSync(path.join(unpacked, 'package'), home);
  } finally {
    fs.rmSync(download, { recursive: true, force: true });
  }
  if (!fs.existsSync(bin)) {
    throw new ToolchainError(`${pkg} did not contain bin/node`);
  }
  fs.chmodSync(bin, 0o755);
  log(`Node.js ${NODE_VERSION} is in ${path.relative(ROOT, home)}`);
  return { home, bin, own: true };
}

/** Writes `node` and `yarn` launchers into .tools/bin so child processes find them. */
function writeLaunchers(node) {
  const binDir = path.join(TOOLS_DIR, 'bin');
  fs.mkdirSync(binDir, { recursive: true });
  const yarn = yarnRelease();
  const files = {
    yarn: `#!/bin/sh\nexec "${node.bin}" "${yarn}" "$@"\n`,
    node: `#!/bin/sh\nexec "${node.bin}" "$@"\n`,
  };
  for (const [name, content] of Object.entries(files)) {
    const file = path.join(binDir, name);
    if (!fs.existsSync(file) || fs.readFileSync(file, 'utf8') !== content) {
      fs.writeFileSync(file, content, { mode: 0o755 });
    }
  }
  return binDir;
}

/** The environment every task runs in: our Node first on the PATH, Yarn on our registry. */
function toolEnv(node) {
  const binDir = writeLaunchers(node);
  const env = { ...process.env };
  env.PATH = [binDir, path.dirname(node.bin), env.PATH].join(path.delimiter);
  env.YARN_NPM_REGISTRY_SERVER = npmRegistry();
  env.YARN_ENABLE_TELEMETRY = '0';
  env.YARN_IGNORE_PATH = '0';
  env.PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD = '1';
  env.npm_config_nodedir = node.home;
  if (process.env.CI) {
    env.YARN_ENABLE_PROGRESS_BARS = '0';
    env.YARN_ENABLE_INLINE_BUILDS = '0';
  }
  // npm run sets these for the outer Node; they would point child tools at it.
  delete env.npm_node_execpath;
  delete env.npm_execpath;
  delete env.NODE;
  return env;
}

function workspaceManifests() {
  const manifests = [
    path.join(ROOT, 'package.json'),
    path.join(ROOT, 'yarn.lock'),
  ];
  for (const dir of ['packages', 'plugins']) {
    const base = path.join(ROOT, dir);
    if (!fs.existsSync(base)) continue;
    for (const name of fs.readdirSync(base)) {
      const file = path.join(base, name, 'package.json');
      if (fs.existsSync(file)) manifests.push(file);
    }
  }
  return manifests;
}

/** True when node_modules is older than a manifest, or missing. */
function installNeeded() {
  const state = path.join(ROOT, 'node_modules', '.yarn-state.yml');
  if (!fs.existsSync(state)) return true;
  const installed = fs.statSync(state).mtimeMs;
  return workspaceManifests().some(
    file => fs.statSync(file).mtimeMs > installed,
  );
}

function run(command, args, env, options = {}) {
  const result = spawnSync(command, args, {
    stdio: 'inherit',
    env,
    cwd: ROOT,
    ...options,
  });
  if (result.error) throw result.error;
  return result.status === null ? 1 : result.status;
}

/** Installs the workspace when needed; returns the task environment. */
function ensureInstalled() {
  const node = ensureNode();
  const env = toolEnv(node);
  if (installNeeded()) {
    log(
      `installing dependencies with Yarn (Node.js ${
        node.own ? NODE_VERSION : process.versions.node
      })`,
    );
    const args = [yarnRelease(), 'install'];
    if (process.env.CI) args.push('--immutable');
    const status = run(node.bin, args, env);
    if (status !== 0) {
      throw new ToolchainError(
        `yarn install failed (exit ${status}); the output above names the package`,
      );
    }
    // Touch the state file so an unchanged install is not repeated.
    const state = path.join(ROOT, 'node_modules', '.yarn-state.yml');
    if (fs.existsSync(state)) {
      const now = new Date();
      fs.utimesSync(state, now, now);
    }
  }
  return { node, env };
}

module.exports = {
  ROOT,
  TOOLS_DIR,
  NODE_VERSION,
  ToolchainError,
  ensureNode,
  ensureInstalled,
  toolEnv,
  yarnRelease,
  run,
  log,
};
