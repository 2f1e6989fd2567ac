/*
 * Live Istio mesh traffic for the demo: a simulator that serves the standard
 * Istio metrics of examples/traffic/model.yaml on a loopback port, and a
 * throw-away Prometheus (Debian's prometheus package) that scrapes it, so the
 * topology map draws traffic edges from a real Prometheus.
 *
 *   const { url, stop } = await startDemoPrometheus();
 *
 * Counters grow with wall-clock time at each edge's rate, with a slow,
 * deterministic wobble so graphs are not flat; request durations follow a
 * log-normal distribution fitted to the edge's p50 and p99 over Istio's
 * default buckets.
 */
'use strict';

const fs = require('node:fs');
const http = require('node:http');
const path = require('node:path');
const { ROOT, freePort, startDaemon, throwAwayDir } = require('./daemon');

const PROMETHEUS = '/usr/bin/prometheus';
const MODEL = path.join(ROOT, 'examples', 'traffic', 'model.yaml');
/** The demo's alert rules, on the simulated metrics. */
const RULES = path.join(ROOT, 'examples', 'alerting', 'demo-rules.yaml');
const SCRAPE_SECONDS = 5;
/**
 * Bounds of istio_request_duration_milliseconds: Istio's defaults with 200
 * added, as a Telemetry histogram override would, for trading-engine's
 * p99 < 200 ms objective.
 */
const BUCKETS = [
  0.5, 1, 5, 10, 25, 50, 100, 200, 250, 500, 1000, 2500, 5000, 10000, 30000,
  60000, 300000, 600000, 1800000, 3600000,
];
/** z of the 99th percentile of a standard normal distribution. */
const Z99 = 2.3263478740408408;

/** The traffic model: `{ edges: [...] }` with defaults applied. */
function loadModel(file = MODEL) {
  const text = fs.readFileSync(file, 'utf8');
  const raw = file.endsWith('.json')
    ? JSON.parse(text)
    : require('yaml').parse(text);
  const defaults = raw.defaults || {};
  return {
    edges: (raw.edges || []).map(edge => ({ ...defaults, ...edge })),
    crashLoops: raw.crashLoops || [],
    replicationLag: raw.replicationLag || [],
  };
}

/**
 * Where a crash loop stands `seconds` after the simulator started:
 * whether its container is crash-looping now, and its restarts so far.
 */
function crashLoopState(loop, seconds) {
  const start = (Number(loop.startAfterMinutes) || 0) * 60;
  const crash = Math.max(Number(loop.crashMinutes) || 0, 0) * 60;
  const cycle = crash + Math.max(Number(loop.healthyMinutes) || 0, 0) * 60;
  const every = Math.max(Number(loop.restartEverySeconds) || 30, 1);
  if (seconds < start || crash === 0) return { crashing: false, restarts: 0 };
  const since = seconds - start;
  const cycles = cycle > 0 ? Math.floor(since / cycle) : 0;
  const into = cycle > 0 ? since - cycles * cycle : since;
  const crashing = into < crash;
  const restarts =
    cycles * Math.floor(crash / every) +
    Math.floor(Math.min(into, crash) / every);
  return { crashing, restarts };
}

/** kube-state-metrics' series of the model's crash loops. */
function renderCrashLoops(model, seconds) {
  const restarts = ['# TYPE kube_pod_container_status_restarts_total counter'];
  // Like kube-state-metrics 2, a container that is not waiting has no
  // waiting_reason series.
  const waiting = ['# TYPE kube_pod_container_status_waiting_reason gauge'];
  for (const loop of model.crashLoops || []) {
    const labels = {
      cluster: loop.cluster,
      namespace: loop.namespace,
      pod: loop.pod,
      container: loop.container,
    };
    const state = crashLoopState(loop, seconds);
    restarts.push(
      `kube_pod_container_status_restarts_total{${labelText(labels)}} ${
        state.restarts
      }`,
    );
    if (state.crashing) {
      waiting.push(
        `kube_pod_container_status_waiting_reason{${labelText({
          ...labels,
          reason: 'CrashLoopBackOff',
        })}} 1`,
      );
    }
  }
  return [...restarts, ...waiting];
}

/**
 * The exporters' replication-lag gauges of the model at `seconds` after the
 * start: a constant, or a swing between min and max with a 5-minute period,
 * phased per pod so the replicas differ.
 */
function renderReplicationLag(model, seconds) {
  const lines = [];
  const typed = new Set();
  for (const entry of model.replicationLag || []) {
    if (!typed.has(entry.metric)) {
      lines.push(`# TYPE ${entry.metric} gauge`);
      typed.add(entry.metric);
    }
    for (const pod of entry.pods || []) {
      const labels = {
        cluster: entry.cluster,
        namespace: entry.namespace,
        pod,
        ...(entry.labels || {}),
      };
      let value = Number(entry.value);
      if (!Number.isFinite(value)) {
        const min = Number(entry.min) || 0;
        const max = Number(entry.max) || min;
        const phase = hash(`${entry.cluster}/${pod}`) * 2 * Math.PI;
        const swing = (1 + Math.sin((2 * Math.PI * seconds) / 300 + phase)) / 2;
        value = min + (max - min) * swing;
      }
      lines.push(`${entry.metric}{${labelText(labels)}} ${number(value)}`);
    }
  }
  return lines;
}

/** Standard normal CDF (Abramowitz and Stegun 7.1.26 of erf). */
function normalCdf(z) {
  const x = Math.abs(z) / Math.SQRT2;
  const t = 1 / (1 + 0.3275911 * x);
  const erf =
    1 -
    ((((1.061405429 * t - 1.453152027) * t + 1.421413741) * t - 0.284496736) *
      t +
      0.254829592) *
      t *
      Math.exp(-x * x);
  return z >= 0 ? (1 + erf) / 2 : (1 - erf) / 2;
}

/** Share of requests within each bucket bound, for a log-normal duration. */
function bucketShares(p50, p99) {
  const mu = Math.log(Math.max(p50, 0.01));
  const sigma = Math.max(
    (Math.log(Math.max(p99, p50 * 1.01)) - mu) / Z99,
    0.01,
  );
  return BUCKETS.map(le => normalCdf((Math.log(le) - mu) / sigma));
}

/** A small deterministic number from a string, for phases. */
function hash(text) {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) {
    h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  }
  return (h >>> 0) / 4294967296;
}

/**
 * Events since `start` of a rate that wobbles ±15 % around `perSecond`:
 * the integral of perSecond × (1 + 0.1 sin(ωt + φ) + 0.05 sin(3.7ωt + 2φ)).
 */
function cumulative(perSecond, phase, start, nowSeconds) {
  const omega = (2 * Math.PI) / 300;
  const integral = t =>
    t -
    (0.1 / omega) * Math.cos(omega * t + phase) -
    (0.05 / (3.7 * omega)) * Math.cos(3.7 * omega * t + 2 * phase);
  return perSecond * (integral(nowSeconds) - integral(start));
}

function labelText(labels) {
  return Object.entries(labels)
    .map(([k, v]) => `${k}="${String(v).replace(/["\\\n]/g, '\\$&')}"`)
    .join(',');
}

function edgeLabels(edge) {
  return {
    reporter: 'destination',
    source_cluster: edge.source.cluster,
    source_workload: edge.source.workload,
    source_workload_namespace: edge.source.namespace,
    destination_cluster: edge.destination.cluster,
    destination_workload: edge.destination.workload,
    destination_workload_namespace: edge.destination.namespace,
    destination_service_name: edge.destination.workload,
    destination_service_namespace: edge.destination.namespace,
  };
}

function number(value) {
  return Number.isFinite(value) ? String(Math.round(value * 1000) / 1000) : '0';
}

/** The Prometheus text exposition of the whole model at `nowMs`. */
function renderMetrics(model, startMs, nowMs = Date.now()) {
  const start = startMs / 1000;
  const now = Math.max(nowMs / 1000, start);
  const requests = ['# TYPE istio_requests_total counter'];
  const durations = ['# TYPE istio_request_duration_milliseconds histogram'];
  const tcp = ['# TYPE istio_tcp_sent_bytes_total counter'];
  for (const edge of model.edges) {
    const base = edgeLabels(edge);
    const phase = hash(JSON.stringify(base)) * 2 * Math.PI;
    const rps = Number(edge.rps) || 0;
    if (rps > 0) {
      const total = cumulative(rps, phase, start, now);
      const errorRatio = Math.min(1, Math.max(0, Number(edge.errorRatio) || 0));
      const mtls = Math.min(1, Math.max(0, edge.mtls ?? 1));
      const shares = bucketShares(
        Number(edge.p50Ms) || 10,
        Number(edge.p99Ms) || 100,
      );
      const mean = Math.exp(
        Math.log(Math.max(Number(edge.p50Ms) || 10, 0.01)) +
          Math.pow(
            (Math.log(Number(edge.p99Ms) || 100) -
              Math.log(Number(edge.p50Ms) || 10)) /
              Z99,
            2,
          ) /
            2,
      );
      for (const [code, codeShare] of [
        ['200', 1 - errorRatio],
        ['503', errorRatio],
      ]) {
        for (const [policy, policyShare] of [
          ['mutual_tls', mtls],
          ['none', 1 - mtls],
        ]) {
          const count = total * codeShare * policyShare;
          if (codeShare <= 0 || policyShare <= 0) continue;
          const labels = {
            ...base,
            request_protocol: 'http',
            response_code: code,
            response_flags: code === '503' ? 'UF' : '-',
            connection_security_policy: policy,
          };
          requests.push(
            `istio_requests_total{${labelText(labels)}} ${number(count)}`,
          );
          BUCKETS.forEach((le, i) => {
            durations.push(
              `istio_request_duration_milliseconds_bucket{${labelText({
                ...labels,
                le,
              })}} ${number(count * shares[i])}`,
            );
          });
          durations.push(
            `istio_request_duration_milliseconds_bucket{${labelText({
              ...labels,
              le: '+Inf',
            })}} ${number(count)}`,
            `istio_request_duration_milliseconds_sum{${labelText(
              labels,
            )}} ${number(count * mean)}`,
            `istio_request_duration_milliseconds_count{${labelText(
              labels,
            )}} ${number(count)}`,
          );
        }
      }
    }
    const bytes = Number(edge.tcpBytesPerSecond) || 0;
    if (bytes > 0) {
      const mtls = (edge.mtls ?? 1) > 0 ? 'mutual_tls' : 'none';
      tcp.push(
        `istio_tcp_sent_bytes_total{${labelText({
          ...base,
          request_protocol: 'tcp',
          connection_security_policy: mtls,
        })}} ${number(cumulative(bytes, phase, start, now))}`,
      );
    }
  }
  return `${[
    ...requests,
    ...durations,
    ...tcp,
    ...renderCrashLoops(model, now - start),
    ...renderReplicationLag(model, now - start),
  ].join('\n')}\n`;
}

/**
 * Serves /metrics of the model on 127.0.0.1; resolves to
 * `{ url, metricsUrl, port, stop() }`.
 */
async function startDemoTraffic({ model = loadModel(), port = 0 } = {}) {
  const startMs = Date.now();
  const server = http.createServer((req, res) => {
    if (req.url === '/metrics' || req.url.startsWith('/metrics?')) {
      res.writeHead(200, {
        'content-type': 'text/plain; version=0.0.4; charset=utf-8',
      });
      res.end(renderMetrics(model, startMs));
      return;
    }
    res.writeHead(404, { 'content-type': 'text/plain' });
    res.end('not found; the metrics are at /metrics\n');
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', resolve);
  });
  // The simulator must never keep a process alive on its own.
  server.unref();
  const actual = server.address().port;
  return {
    port: actual,
    url: `http://127.0.0.1:${actual}`,
    metricsUrl: `http://127.0.0.1:${actual}/metrics`,
    stop: () =>
      new Promise(resolve => {
        server.closeAllConnections?.();
        server.close(() => resolve());
      }),
  };
}

function prometheusInstalled() {
  return fs.existsSync(PROMETHEUS);
}

/** The prometheus.yml of the demo: the simulator, rules and Alertmanager. */
function prometheusConfig({ trafficPort, ruleFiles, alertmanagerUrl }) {
  const lines = [
    'global:',
    `  scrape_interval: ${SCRAPE_SECONDS}s`,
    `  evaluation_interval: ${SCRAPE_SECONDS}s`,
  ];
  if (ruleFiles.length > 0) {
    lines.push(
      'rule_files:',
      ...ruleFiles.map(f => `  - ${JSON.stringify(f)}`),
    );
  }
  if (alertmanagerUrl) {
    lines.push(
      'alerting:',
      '  alertmanagers:',
      `    - static_configs: [{ targets: [${JSON.stringify(
        new URL(alertmanagerUrl).host,
      )}] }]`,
    );
  }
  lines.push(
    'scrape_configs:',
    '  - job_name: demo-traffic',
    '    honor_labels: true',
    `    scrape_interval: ${SCRAPE_SECONDS}s`,
    '    static_configs:',
    `      - targets: ['127.0.0.1:${trafficPort}']`,
    '',
  );
  return lines.join('\n');
}

/**
 * Starts the simulator and a Prometheus scraping it every 5 s, its data in a
 * fresh directory under .tools/; resolves to `{ url, traffic, stop() }`
 * once Prometheus is ready. It evaluates `ruleFiles` (the demo's alert
 * rules by default) and sends their alerts to `alertmanagerUrl` when given.
 * `stop()` resolves when Prometheus has exited; `kill()` does the same
 * synchronously, for exit handlers.
 */
async function startDemoPrometheus({
  port,
  model,
  ruleFiles = [RULES],
  alertmanagerUrl,
  readyTimeoutMs = 30_000,
} = {}) {
  if (!prometheusInstalled()) {
    throw new Error(
      `${PROMETHEUS} is missing; install Debian's prometheus package (apt-get install prometheus)`,
    );
  }
  const traffic = await startDemoTraffic(model ? { model } : {});
  const dir = throwAwayDir('demo-prometheus');
  const config = path.join(dir, 'prometheus.yml');
  fs.writeFileSync(
    config,
    prometheusConfig({ trafficPort: traffic.port, ruleFiles, alertmanagerUrl }),
  );
  const listen = port || (await freePort());
  const url = `http://127.0.0.1:${listen}`;
  // The simulator stops with Prometheus, also when it never got ready.
  const daemon = await startDaemon({
    name: 'prometheus',
    command: PROMETHEUS,
    args: [
      `--config.file=${config}`,
      `--storage.tsdb.path=${path.join(dir, 'data')}`,
      `--web.listen-address=127.0.0.1:${listen}`,
      '--storage.tsdb.retention.time=1d',
    ],
    dir,
    readyUrl: `${url}/-/ready`,
    readyTimeoutMs,
    onStop: () => traffic.stop(),
  });
  return {
    url,
    pid: daemon.pid,
    traffic,
    stop: daemon.stop,
    kill: daemon.kill,
  };
}

module.exports = {
  PROMETHEUS,
  MODEL,
  RULES,
  loadModel,
  crashLoopState,
  renderMetrics,
  startDemoTraffic,
  startDemoPrometheus,
  prometheusInstalled,
};

// `node scripts/services/demoTraffic.js` runs the simulator and its
// Prometheus in their own process, for a parent whose event loop is blocked
// while it waits on a child (the browser test's runner): it prints
// Prometheus's URL and runs until killed.
if (require.main === module) {
  startDemoPrometheus().then(
    prometheus => {
      process.stdout.write(`${prometheus.url}\n`);
      setInterval(() => {}, 1 << 30);
      process.on('SIGTERM', () =>
        prometheus.stop().then(() => process.exit(0)),
      );
    },
    error => {
      process.stderr.write(`${error.message}\n`);
      process.exit(1);
    },
  );
}
