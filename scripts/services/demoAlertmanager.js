/*
 * The demo's Alertmanager (Debian's prometheus-alertmanager, 0.25): it
 * receives the alerts of the demo Prometheus and routes them to the healing
 * webhook of the backend, with a static token made at start-up.
 *
 *   const { url, stop, kill } = await startDemoAlertmanager({ webhookUrl, token });
 *
 * The token is written only to a file of the throw-away directory
 * (mode 0600), which Alertmanager reads through `credentials_file`.
 */
'use strict';

const crypto = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');
const { freePort, startDaemon, throwAwayDir } = require('./daemon');

const ALERTMANAGER = '/usr/bin/prometheus-alertmanager';

function alertmanagerInstalled() {
  return fs.existsSync(ALERTMANAGER);
}

/** A random bearer token, for `backend.auth.externalAccess`. */
function demoWebhookToken() {
  return crypto.randomBytes(32).toString('base64url');
}

/**
 * The alertmanager.yml of the demo: every alert to the healing webhook,
 * resolved notifications included, grouped per alert name, cluster and
 * namespace, with short waits so the Healing page follows within seconds.
 */
function alertmanagerConfig({ webhookUrl, tokenFile }) {
  return [
    'route:',
    '  receiver: healing',
    '  group_by: [alertname, cluster, namespace]',
    '  group_wait: 10s',
    '  group_interval: 30s',
    '  repeat_interval: 1h',
    'receivers:',
    '  - name: healing',
    '    webhook_configs:',
    `      - url: ${JSON.stringify(webhookUrl)}`,
    '        send_resolved: true',
    '        http_config:',
    '          authorization:',
    '            type: Bearer',
    `            credentials_file: ${JSON.stringify(tokenFile)}`,
    '',
  ].join('\n');
}

/**
 * Starts Alertmanager on a free loopback port (clustering off), its data
 * in a fresh directory under .tools/ removed when it stops; resolves to
 * `{ url, pid, stop(), kill() }` once it is ready.
 */
async function startDemoAlertmanager({
  webhookUrl,
  token,
  readyTimeoutMs = 30_000,
}) {
  if (!alertmanagerInstalled()) {
    throw new Error(
      `${ALERTMANAGER} is missing; install Debian's prometheus-alertmanager package (apt-get install prometheus-alertmanager)`,
    );
  }
  if (!token || /\s/.test(token)) {
    throw new Error(
      'startDemoAlertmanager: token must be a non-empty string without spaces',
    );
  }
  const dir = throwAwayDir('demo-alertmanager');
  const tokenFile = path.join(dir, 'healing-webhook-token');
  fs.writeFileSync(tokenFile, token, { mode: 0o600 });
  const config = path.join(dir, 'alertmanager.yml');
  fs.writeFileSync(config, alertmanagerConfig({ webhookUrl, tokenFile }));
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const daemon = await startDaemon({
    name: 'alertmanager',
    command: ALERTMANAGER,
    args: [
      `--config.file=${config}`,
      `--storage.path=${path.join(dir, 'data')}`,
      `--web.listen-address=127.0.0.1:${port}`,
      // One instance: no gossip port, no wait for peers to settle.
      '--cluster.listen-address=',
    ],
    dir,
    readyUrl: `${url}/-/ready`,
    readyTimeoutMs,
  });
  return { url, pid: daemon.pid, stop: daemon.stop, kill: daemon.kill };
}

module.exports = {
  ALERTMANAGER,
  alertmanagerConfig,
  alertmanagerInstalled,
  demoWebhookToken,
  startDemoAlertmanager,
};
