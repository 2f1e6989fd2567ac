/*
 * Starts a server binary of the demo (Prometheus, Alertmanager) in a
 * throw-away directory under .tools/, its output in a log file there, and
 * waits until its ready URL answers.
 *
 *   const { pid, stop, kill } = await startDaemon({ name, command, args, dir, readyUrl });
 */
'use strict';

const { spawn } = require('node:child_process');
const fs = require('node:fs');
const net = require('node:net');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..', '..');

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** A fresh directory under .tools/ named after `prefix`. */
function throwAwayDir(prefix) {
  const toolsDir = path.join(ROOT, '.tools');
  fs.mkdirSync(toolsDir, { recursive: true });
  return fs.mkdtempSync(path.join(toolsDir, `${prefix}-`));
}

/**
 * Spawns `command` in `dir` and polls `readyUrl`; resolves to
 * `{ pid, stop(), kill() }`. `stop()` sends SIGTERM (SIGKILL after 5 s)
 * and resolves once the process exited, `kill()` does it at once for exit
 * handlers; both remove `dir` and run `onStop`. A process that exits or
 * is not ready in time is stopped and the error quotes its log.
 */
async function startDaemon({
  name,
  command,
  args,
  dir,
  readyUrl,
  readyTimeoutMs = 30_000,
  onStop = () => {},
}) {
  const logFile = path.join(dir, `${name}.log`);
  const log = fs.openSync(logFile, 'a');
  const child = spawn(command, args, { stdio: ['ignore', log, log], cwd: dir });
  fs.closeSync(log);
  const exited = new Promise(resolve => child.once('exit', resolve));
  child.once('error', () => {});

  let removed = false;
  const cleanUp = () => {
    if (removed) return;
    removed = true;
    fs.rmSync(dir, { recursive: true, force: true });
    onStop();
  };
  const running = () => child.exitCode === null && child.signalCode === null;
  const kill = () => {
    if (running()) child.kill('SIGKILL');
    cleanUp();
  };
  const stop = async () => {
    if (running()) {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
      await exited;
      clearTimeout(timer);
    }
    cleanUp();
  };
  const tail = () => {
    try {
      return fs.readFileSync(logFile, 'utf8').slice(-1500);
    } catch {
      return '';
    }
  };

  const deadline = Date.now() + readyTimeoutMs;
  for (;;) {
    if (!running()) {
      const output = tail();
      cleanUp();
      throw new Error(
        `${name} exited with ${child.exitCode ?? child.signalCode}: ${output}`,
      );
    }
    try {
      const res = await fetch(readyUrl);
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      const output = tail();
      await stop();
      throw new Error(
        `${name} was not ready within ${readyTimeoutMs / 1000} s: ${output}`,
      );
    }
    await new Promise(resolve => setTimeout(resolve, 200));
  }
  return { pid: child.pid, stop, kill };
}

module.exports = { ROOT, freePort, startDaemon, throwAwayDir };
