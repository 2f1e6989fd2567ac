/*
 * Installs Debian packages the test suites need, when they are missing.
 */
'use strict';

const { spawnSync } = require('node:child_process');
const fs = require('node:fs');

let updated = false;

function isRoot() {
  return typeof process.getuid === 'function' && process.getuid() === 0;
}

/**
 * Installs `packages` with apt-get unless `present()` already holds.
 * Throws an Error that says what to do when that is not possible.
 */
function ensureDebianPackages(packages, present, purpose) {
  if (present()) return;
  if (!fs.existsSync('/usr/bin/apt-get')) {
    throw new Error(
      `${purpose} needs ${packages.join(
        ', ',
      )}, and this machine has no apt-get; install them with your package manager`,
    );
  }
  if (!isRoot()) {
    throw new Error(
      `${purpose} needs ${packages.join(
        ', ',
      )}; run as root, or install them first: sudo apt-get install -y ${packages.join(
        ' ',
      )}`,
    );
  }
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  if (!updated) {
    process.stderr.write('[test] apt-get update\n');
    const update = spawnSync('apt-get', ['update', '-qq'], {
      stdio: 'inherit',
      env,
    });
    if (update.status !== 0) {
      throw new Error(
        `apt-get update failed (exit ${update.status}); is the Debian archive reachable?`,
      );
    }
    updated = true;
  }
  process.stderr.write(`[test] apt-get install ${packages.join(' ')}\n`);
  const install = spawnSync(
    'apt-get',
    ['install', '-y', '-qq', '--no-install-recommends', ...packages],
    { stdio: 'inherit', env },
  );
  if (install.status !== 0) {
    throw new Error(
      `apt-get install ${packages.join(' ')} failed (exit ${install.status})`,
    );
  }
  if (!present()) {
    throw new Error(
      `apt-get installed ${packages.join(
        ' ',
      )}, but it does not give what ${purpose} needs (too old a version?); install a newer one`,
    );
  }
}

module.exports = { ensureDebianPackages, isRoot };
