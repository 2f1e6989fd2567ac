/*
 * A throw-away PostgreSQL 15 server on a loopback port for the database
 * tests: Debian's postgresql package, a fresh data directory, trust auth.
 */
'use strict';

const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { ensureDebianPackages, isRoot } = require('./apt');
const { freePort } = require('./daemon');

const PG_BIN = '/usr/lib/postgresql/15/bin';

/** Runs a PostgreSQL binary, as the postgres user when we are root (the server refuses root). */
function pgRun(binary, args) {
  const command = path.join(PG_BIN, binary);
  const result = isRoot()
    ? spawnSync('runuser', ['-u', 'postgres', '--', command, ...args], {
        encoding: 'utf8',
      })
    : spawnSync(command, args, { encoding: 'utf8' });
  if (result.status !== 0) {
    throw new Error(
      `${binary} failed (exit ${result.status}): ${(
        result.stderr ||
        result.stdout ||
        ''
      )
        .trim()
        .slice(-800)}`,
    );
  }
  return result.stdout;
}

/** Starts PostgreSQL 15; resolves to { connectionString, stop }. */
async function startPostgres() {
  ensureDebianPackages(
    ['postgresql-15'],
    () => fs.existsSync(path.join(PG_BIN, 'postgres')),
    'The PostgreSQL database tests',
  );
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cnp-postgres-'));
  const dataDir = path.join(dir, 'data');
  if (isRoot()) {
    spawnSync('chown', ['-R', 'postgres:postgres', dir]);
  }
  pgRun('initdb', [
    '-D',
    dataDir,
    '-U',
    'postgres',
    '--auth=trust',
    '-E',
    'UTF8',
    '--no-sync',
  ]);
  const port = await freePort();
  pgRun('pg_ctl', [
    '-D',
    dataDir,
    '-l',
    path.join(dir, 'server.log'),
    '-o',
    `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200`,
    '-w',
    '-t',
    '60',
    'start',
  ]);
  return {
    connectionString: `postgresql://postgres:postgres@127.0.0.1:${port}`,
    version: pgRun('postgres', ['--version']).trim(),
    stop() {
      try {
        pgRun('pg_ctl', ['-D', dataDir, '-m', 'immediate', '-w', 'stop']);
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}

module.exports = { startPostgres };
