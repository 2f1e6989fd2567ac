/*
 * Pod logs for the demo: a loopback server speaking enough of Loki's HTTP
 * API (`/ready` and `/loki/api/v1/query_range`) for the topology backend's
 * GET /logs, serving deterministic simulated lines for the pods of
 * examples/clusters. Each cluster is served under `/clusters/<name>`, the
 * URL its `loki.url` names.
 *
 *   const { url, urlOf, stop } = await startDemoLoki();
 *
 * Lines sit on a fixed time grid, so any window asks the same lines again:
 * access logs for the traffic edges of examples/traffic/model.yaml (on the
 * destination's pods), crash messages while a crash loop of the model is
 * failing, and a periodic status line for every other container.
 */
'use strict';

const fs = require('node:fs');
const http = require('node:http');
const path = require('node:path');
const { ROOT } = require('./daemon');
const { loadModel, crashLoopState } = require('./demoTraffic');

const CLUSTERS_DIR = path.join(ROOT, 'examples', 'clusters');
const NS = 1_000_000_000n;
/** Seconds between two access lines of one edge on one pod. */
const ACCESS_EVERY = 5;
/** Seconds between two status lines of a container without traffic. */
const STATUS_EVERY = 30;
const PATHS = ['/orders', '/quotes', '/positions', '/health/ready', '/cart'];

/** A small deterministic number in [0, 1) from a string. */
function hash(text) {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) {
    h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  }
  return (h >>> 0) / 4294967296;
}

/** Every file named pods.yaml below a directory. */
function podFiles(dir) {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap(entry => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return podFiles(full);
    return entry.name === 'pods.yaml' ? [full] : [];
  });
}

/** The workload a pod belongs to, as Istio names it. */
function workloadOf(pod) {
  const owner = (pod.metadata.ownerReferences || []).find(o => o.controller);
  if (!owner) return pod.metadata.name;
  if (owner.kind === 'ReplicaSet') return owner.name.replace(/-[a-z0-9]+$/, '');
  return owner.name;
}

/** The pods of the demo clusters: `{ cluster, namespace, pod, workload, containers }`. */
function loadPods(dir = CLUSTERS_DIR) {
  const YAML = require('yaml');
  const pods = [];
  if (!fs.existsSync(dir)) return pods;
  for (const cluster of fs.readdirSync(dir)) {
    for (const file of podFiles(path.join(dir, cluster))) {
      for (const doc of YAML.parseAllDocuments(fs.readFileSync(file, 'utf8'))) {
        const pod = doc.toJSON();
        if (pod?.kind !== 'Pod') continue;
        pods.push({
          cluster,
          namespace: pod.metadata.namespace,
          pod: pod.metadata.name,
          workload: workloadOf(pod),
          containers: (pod.spec?.containers || []).map(c => c.name),
        });
      }
    }
  }
  return pods;
}

/**
 * The line generators of one container: each `{ every, phase, line(k, t) }`
 * yields a line at t = (k + phase) × every seconds, or none.
 */
function generatorsOf(pod, container, model, startMs) {
  const generators = [];
  const main = container === pod.containers[0];
  for (const edge of model.edges) {
    const d = edge.destination;
    if (
      !main ||
      d.cluster !== pod.cluster ||
      d.namespace !== pod.namespace ||
      d.workload !== pod.workload
    ) {
      continue;
    }
    const from = `${edge.source.workload}.${edge.source.namespace}`;
    const key = `${pod.pod}/${edge.source.cluster}/${from}`;
    const p50 = Number(edge.p50Ms) || 10;
    const p99 = Number(edge.p99Ms) || p50 * 4;
    generators.push({
      every: ACCESS_EVERY,
      phase: hash(key),
      line: k => {
        const r = hash(`${key}/${k}`);
        const failed =
          hash(`${key}/error/${k}`) < (Number(edge.errorRatio) || 0);
        const ms = Math.round(p50 + (p99 - p50) * r * r);
        const route =
          PATHS[Math.floor(hash(`${key}/path/${k}`) * PATHS.length)];
        return `"GET ${route} HTTP/1.1" ${failed ? 503 : 200} ${
          failed ? 19 : 200 + Math.floor(r * 1800)
        } ${ms}ms from ${from} (${edge.source.cluster})${
          failed
            ? ' upstream connect error or disconnect/reset before headers'
            : ''
        }`;
      },
    });
  }
  for (const loop of model.crashLoops) {
    if (
      loop.cluster !== pod.cluster ||
      loop.namespace !== pod.namespace ||
      loop.pod !== pod.pod ||
      loop.container !== container
    ) {
      continue;
    }
    const every = Math.max(Number(loop.restartEverySeconds) || 30, 1);
    generators.push({
      every,
      phase: 0.5,
      line: (k, t) => {
        const seconds = t - startMs / 1000;
        if (!crashLoopState(loop, seconds).crashing) return undefined;
        return `FATAL config: ${
          loop.note || 'invalid configuration'
        }; exiting with code 1 (restart ${k})`;
      },
    });
  }
  if (generators.length === 0) {
    const key = `${pod.cluster}/${pod.pod}/${container}`;
    generators.push({
      every: STATUS_EVERY,
      phase: hash(key),
      line: k =>
        `level=info msg="${container} healthy" uptime_checks=${
          k % 1000
        } goroutines=${20 + Math.floor(hash(`${key}/${k}`) * 40)}`,
    });
  }
  return generators;
}

/** The lines of a generator in [start, end) nanoseconds, as [ns, line]. */
function linesOf(generator, start, end, limit, backward) {
  const out = [];
  const every = BigInt(Math.round(generator.every * 1000)) * 1_000_000n;
  const offset =
    BigInt(Math.round(generator.phase * generator.every * 1000)) * 1_000_000n;
  const first = (start - offset + every - 1n) / every;
  const last = (end - offset - 1n) / every;
  const step = backward ? -1n : 1n;
  for (
    let k = backward ? last : first;
    backward ? k >= first : k <= last;
    k += step
  ) {
    if (out.length >= limit) break;
    const ns = k * every + offset;
    const line = generator.line(Number(k), Number(ns / 1_000_000n) / 1000);
    if (line !== undefined) out.push([String(ns), line]);
  }
  return out;
}

/** The exact-match labels of a LogQL stream selector `{a="b", c="d"}`. */
function parseSelector(query) {
  const match = /^\s*\{(.*)\}\s*$/.exec(query || '');
  if (!match) return undefined;
  const labels = {};
  const pair =
    /\s*([a-zA-Z_][a-zA-Z0-9_]*)\s*=\s*("(?:[^"\\]|\\.)*")\s*(?:,|$)/y;
  let rest = match[1];
  while (rest.trim() !== '') {
    pair.lastIndex = 0;
    const found = pair.exec(rest);
    if (!found) return undefined;
    labels[found[1]] = JSON.parse(found[2]);
    rest = rest.slice(pair.lastIndex);
  }
  return labels;
}

/** Answers one query_range of a cluster: Loki's streams JSON. */
function queryRange(cluster, params, pods, model, startMs) {
  const selector = parseSelector(params.get('query'));
  if (!selector)
    return {
      status: 400,
      body: 'parse error: only stream selectors of exact matches are simulated\n',
    };
  const nowNs = BigInt(Date.now()) * 1_000_000n;
  const end = params.has('end') ? BigInt(params.get('end')) : nowNs;
  const start = params.has('start')
    ? BigInt(params.get('start'))
    : end - 3600n * NS;
  const limit = Math.min(Number(params.get('limit')) || 100, 5000);
  const backward = (params.get('direction') || 'backward') === 'backward';
  const result = [];
  for (const pod of pods) {
    if (pod.cluster !== cluster) continue;
    for (const container of pod.containers) {
      const labels = {
        cluster,
        namespace: pod.namespace,
        pod: pod.pod,
        container,
        workload: pod.workload,
      };
      if (!Object.entries(selector).every(([k, v]) => labels[k] === v))
        continue;
      const values = generatorsOf(pod, container, model, startMs)
        .flatMap(g =>
          linesOf(g, start, end < nowNs ? end : nowNs, limit, backward),
        )
        .sort((a, b) => {
          const diff = BigInt(a[0]) - BigInt(b[0]);
          if (diff === 0n) return 0;
          return diff < 0n === backward ? 1 : -1;
        })
        .slice(0, limit);
      if (values.length > 0) result.push({ stream: labels, values });
    }
  }
  return {
    status: 200,
    body: JSON.stringify({
      status: 'success',
      data: { resultType: 'streams', result, stats: {} },
    }),
  };
}

/**
 * Serves the demo's simulated Loki on 127.0.0.1; resolves to
 * `{ url, urlOf(cluster), port, stop() }`.
 */
async function startDemoLoki({
  model = loadModel(),
  pods = loadPods(),
  port = 0,
  startMs = Date.now(),
} = {}) {
  const server = http.createServer((req, res) => {
    const url = new URL(req.url, 'http://loki');
    const match = /^\/clusters\/([^/]+)(\/.*)$/.exec(url.pathname);
    const rest = match ? match[2] : url.pathname;
    if (rest === '/ready') {
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.end('ready\n');
      return;
    }
    if (match && rest === '/loki/api/v1/query_range') {
      let answer;
      try {
        answer = queryRange(match[1], url.searchParams, pods, model, startMs);
      } catch (error) {
        answer = { status: 400, body: `bad request: ${error.message}\n` };
      }
      res.writeHead(answer.status, {
        'content-type':
          answer.status === 200 ? 'application/json' : 'text/plain',
      });
      res.end(answer.body);
      return;
    }
    res.writeHead(404, { 'content-type': 'text/plain' });
    res.end(
      '404 page not found; query /clusters/<cluster>/loki/api/v1/query_range\n',
    );
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', resolve);
  });
  // The simulator must never keep a process alive on its own.
  server.unref();
  const actual = server.address().port;
  const url = `http://127.0.0.1:${actual}`;
  return {
    port: actual,
    url,
    urlOf: cluster => `${url}/clusters/${encodeURIComponent(cluster)}`,
    stop: () =>
      new Promise(resolve => {
        server.closeAllConnections?.();
        server.close(() => resolve());
      }),
  };
}

module.exports = { loadPods, parseSelector, startDemoLoki };

// `node scripts/services/demoLoki.js` serves the simulator in its own
// process, for a parent whose event loop is blocked while it waits on a
// child (the browser test's runner): it prints its URL and runs until killed.
if (require.main === module) {
  startDemoLoki().then(loki => {
    process.stdout.write(`${loki.url}\n`);
    setInterval(() => {}, 1 << 30);
    process.on('SIGTERM', () => loki.stop().then(() => process.exit(0)));
  });
}
