/*
 * Topology graph views over HTTP against a simulated fleet: the fleet view,
 * one cluster view and one entity view of the cluster-topology backend,
 * answered from the shared cluster state.
 *
 *   npm run bench:topology-api -- [--clusters 20] [--pods 2500] [--views 50]
 *     [--seed 1]
 *
 * --pods is per cluster. Every view asks for `layers=static,catalog`: no
 * Prometheus is configured, so the traffic layer would only add a notice.
 * The last lines are `name: value` pairs for scripts to read.
 */
import { createServiceFactory } from '@backstage/backend-plugin-api';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { TopologyGraph } from '@cloud-native-platform/plugin-cloud-native-common';
// Hoisted from the workspace, as in cluster-state.ts: declaring them would
// make this library depend on a plugin that depends on it.
/* eslint-disable @backstage/no-undeclared-imports */
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import clusterTopologyPlugin from '@cloud-native-platform/plugin-cluster-topology-backend';
/* eslint-enable @backstage/no-undeclared-imports */
import { ClusterDefinition } from '../src/clusters/ClusterDefinition';
import { DefaultClusterStateService } from '../src/state/ClusterStateService';
import { clusterStateServiceRef } from '../src/state/clusterStateServiceRef';
import { DEFAULT_KINDS } from '../src/state/kinds';
import { kubernetesClusterSourceFactory } from '../src/state/KubernetesClusterSource';
import { FakeKubernetesApi } from '../src/testUtils/FakeKubernetesApi';
import { buildEntityGraph } from '../src/topology/buildEntityGraph';
import {
  buildClusterGraph,
  buildFleetGraph,
} from '../src/topology/buildTopologyGraph';
import { buildTestFleet } from '../src/testUtils';
import {
  measureViews,
  percentile,
  round,
  ViewResult,
  waitFor,
} from './lib/measure';
import { exitAfter, log, parseNumericOptions, UsageError } from './lib/options';

type Options = {
  clusters: number;
  pods: number;
  views: number;
  seed: number;
};

const DEFAULTS: Options = { clusters: 20, pods: 2500, views: 50, seed: 1 };
const WARMUPS = 3;
const PODS_PER_DEPLOYMENT = 50;
const LAYERS = 'static,catalog';
/** The goal the figures are reported against, at 20 × 2,500 pods. */
const GOAL_P99_MS = 100;
/** Measured views of one kind may take this long; more views are cut. */
const VIEW_BUDGET_MS = 30_000;
const MIN_VIEWS = 10;
/** Calls of each graph builder timed in-process, without HTTP. */
const BUILDER_RUNS = 10;
/** Nothing here should come near it; a hang must not block a CI job. */
const HARD_LIMIT_MS = 5 * 60_000;

function parseOptions(argv: string[]): Options {
  return parseNumericOptions(argv, DEFAULTS);
}

const authHeader = () => ({ Authorization: mockCredentials.user.header() });

/** Counts of one graph, to check the answer and describe it. */
function shape(graph: TopologyGraph) {
  const count = (kind: string) => graph.nodes.filter(n => n.kind === kind);
  return {
    nodes: graph.nodes.length,
    edges: graph.edges.length,
    clusters: count('cluster').length,
    workloads: count('workload').length,
    services: count('service').length,
    pods: count('workload').reduce((sum, n) => sum + (n.pods?.total ?? 0), 0),
  };
}

type Shape = ReturnType<typeof shape>;

interface View {
  name: 'fleet' | 'cluster' | 'entity';
  query: string;
  /** What the router calls for this view, in-process. */
  build: () => TopologyGraph;
  /** Throws when the answer is not the one the fleet implies. */
  check: (s: Shape) => void;
}

function expect(view: string, what: string, actual: number, wanted: number) {
  if (actual !== wanted) {
    throw new Error(`${view} view: ${actual} ${what}, expected ${wanted}`);
  }
}

interface Measured extends ViewResult {
  view: View;
  shape: Shape;
  bytes: number;
  reducedFrom?: number;
  /** p50 of the builder alone, and of serialising its graph. */
  buildMs: number;
  stringifyMs: number;
}

/** p50 of the graph builder and of JSON.stringify on its result. */
function timeBuilder(build: () => TopologyGraph) {
  const buildMs: number[] = [];
  const stringifyMs: number[] = [];
  for (let i = 0; i < BUILDER_RUNS; i++) {
    const started = performance.now();
    const graph = build();
    const built = performance.now();
    JSON.stringify(graph);
    buildMs.push(built - started);
    stringifyMs.push(performance.now() - built);
  }
  return {
    buildMs: percentile(buildMs, 50),
    stringifyMs: percentile(stringifyMs, 50),
  };
}

async function main() {
  const options = parseOptions(process.argv.slice(2));
  exitAfter(HARD_LIMIT_MS);

  const generating = performance.now();
  const fleet = buildTestFleet({
    clusters: options.clusters,
    podsPerCluster: options.pods,
    podsPerWorkload: PODS_PER_DEPLOYMENT,
    seed: options.seed,
  });
  const totalPods = options.clusters * options.pods;
  const deploymentsPerCluster = fleet.deployments.length;
  // Only the kinds the cluster state lists; optional ones answer 404.
  const fake = await FakeKubernetesApi.start({
    clusters: fleet.clusters,
    latencyMs: 0,
  });
  log(
    `fleet: ${options.clusters} clusters × ${options.pods} pods = ${totalPods} pods, ` +
      `${deploymentsPerCluster} deployments per cluster ` +
      `(${PODS_PER_DEPLOYMENT} pods each, one entity per deployment name), ` +
      `seed ${options.seed}; generated in ${Math.round(
        performance.now() - generating,
      )} ms`,
  );

  const names = Object.keys(fleet.clusters);
  const clusters: ClusterDefinition[] = names.map(name => ({
    name,
    role: 'production',
    labels: {},
    origin: 'bench',
    source: {
      type: 'kubernetes',
      url: fake.url(name),
      authProvider: 'serviceAccount',
      serviceAccountToken: 'x',
      skipTLSVerify: true,
    },
  }));
  const state = new DefaultClusterStateService({
    clusters,
    logger: mockServices.rootLogger({ level: 'warn' }),
    sourceFactories: { kubernetes: kubernetesClusterSourceFactory },
  });

  let backend: Awaited<ReturnType<typeof startTestBackend>> | undefined;
  try {
    const syncing = performance.now();
    await state.start();
    await waitFor(
      () => state.clusters().every(c => c.status().state === 'ready'),
      'every cluster to be ready',
      120_000,
    );
    // The watches open just after each kind is listed: let them, so their
    // set-up does not land in the first views.
    const watchedKinds = DEFAULT_KINDS.filter(k => !k.optional).length;
    await waitFor(
      () => names.every(name => fake.openWatches(name) >= watchedKinds),
      'the watches to open',
      60_000,
    );
    log(
      `synced ${totalPods} pods from the fake API (no added latency) in ${Math.round(
        performance.now() - syncing,
      )} ms`,
    );

    backend = await startTestBackend({
      features: [
        clusterTopologyPlugin,
        createServiceFactory({
          service: clusterStateServiceRef,
          deps: {},
          factory: () => state,
        }),
        catalogServiceMock.factory({ entities: fleet.entities }),
        mockServices.rootLogger.factory({ level: 'error' }),
      ],
    });
    const base = `http://localhost:${backend.server.port()}/api/cluster-topology/graph`;

    // Every deployment name runs in every cluster; the first is as good as any.
    const entity = fleet.entities[0];
    const entityRef = `component:default/${entity.metadata.name}`;
    const oneCluster = names[0];
    // The same calls the router makes, minus the catalog lookup and HTTP.
    const graphCluster = (c: ReturnType<typeof state.clusters>[number]) => ({
      definition: c.definition,
      store: c.store,
      status: c.status(),
    });
    const buildOptions = { expand: new Set<string>(), staticLayer: true };
    const views: View[] = [
      {
        name: 'fleet',
        query: '',
        build: () => buildFleetGraph(state.clusters().map(graphCluster)),
        check: s => {
          expect('fleet', 'clusters', s.clusters, options.clusters);
        },
      },
      {
        name: 'cluster',
        query: `cluster=${encodeURIComponent(oneCluster)}`,
        build: () =>
          buildClusterGraph(graphCluster(state.cluster(oneCluster)!), {
            ...buildOptions,
            namespace: undefined,
          }),
        check: s => {
          expect('cluster', 'clusters', s.clusters, 1);
          expect('cluster', 'workloads', s.workloads, deploymentsPerCluster);
          expect('cluster', 'pods', s.pods, options.pods);
        },
      },
      {
        name: 'entity',
        query: `entityRef=${encodeURIComponent(entityRef)}`,
        build: () =>
          buildEntityGraph(entity, state.clusters(), {
            ...buildOptions,
            catalogLayer: true,
          }),
        check: s => {
          expect('entity', 'clusters', s.clusters, options.clusters);
          expect('entity', 'workloads', s.workloads, options.clusters);
        },
      },
    ];

    const results: Measured[] = [];
    for (const view of views) {
      const url = `${base}?${
        view.query ? `${view.query}&` : ''
      }layers=${LAYERS}`;
      let answerShape: Shape | undefined;
      let answerBytes = 0;
      let reducedFrom: number | undefined;
      const result = await measureViews(
        fake,
        async index => {
          const res = await fetch(url, { headers: authHeader() });
          const body = await res.text();
          if (!res.ok) {
            throw new Error(`${view.name} view: HTTP ${res.status}: ${body}`);
          }
          const bytes = Buffer.byteLength(body);
          if (index === 0) {
            answerShape = shape(JSON.parse(body) as TopologyGraph);
            view.check(answerShape);
            answerBytes = bytes;
          }
          return bytes;
        },
        {
          warmups: WARMUPS,
          views: options.views,
          plan: (warmupMs, planned) => {
            // The first warm-up pays for connection set-up; the last is typical.
            const estimate = Math.max(1, warmupMs[warmupMs.length - 1]);
            const affordable = Math.max(
              MIN_VIEWS,
              Math.floor(VIEW_BUDGET_MS / estimate),
            );
            if (affordable >= planned) return planned;
            reducedFrom = planned;
            return affordable;
          },
        },
      );
      results.push({
        ...result,
        view,
        shape: answerShape!,
        bytes: answerBytes,
        reducedFrom,
        ...timeBuilder(view.build),
      });
    }

    for (const r of results) {
      log(
        `${r.view.name}: ${r.views} views GET /api/cluster-topology/graph?${
          r.view.query ? `${r.view.query}&` : ''
        }layers=${LAYERS}` +
          `${
            r.reducedFrom !== undefined
              ? ` (cut from ${r.reducedFrom} to stay within ${
                  VIEW_BUDGET_MS / 1000
                } s)`
              : ''
          }: p50 ${r.p50.toFixed(2)} ms, p99 ${r.p99.toFixed(2)} ms, ` +
          `mean ${r.mean.toFixed(2)} ms; ${r.shape.nodes} nodes ` +
          `(${r.shape.clusters} clusters, ${r.shape.workloads} workloads, ` +
          `${r.shape.services} services), ${r.shape.edges} edges, ` +
          `${Math.round(r.bytes / 1024)} KiB; in-process p50 of ` +
          `${BUILDER_RUNS} calls: graph builder ${r.buildMs.toFixed(2)} ms, ` +
          `JSON.stringify ${r.stringifyMs.toFixed(2)} ms`,
      );
    }
    const byName = Object.fromEntries(results.map(r => [r.view.name, r]));
    const goal = (['fleet', 'entity'] as const).map(name => {
      const met = byName[name].p99 < GOAL_P99_MS;
      return `${name} ${met ? 'meets' : 'MISSES'} it (${byName[
        name
      ].p99.toFixed(1)} ms)`;
    });
    log(
      `goal p99 < ${GOAL_P99_MS} ms for fleet and entity views ` +
        `(stated for 20 × 2,500 pods): ${goal.join(', ')}; ` +
        'p99 is the slowest view when fewer than 100 were measured',
    );

    const lines: Array<[string, number]> = [];
    for (const r of results) {
      lines.push([`${r.view.name}_p50_ms`, round(r.p50, 2)]);
      lines.push([`${r.view.name}_p99_ms`, round(r.p99, 2)]);
    }
    for (const r of results) lines.push([`${r.view.name}_bytes`, r.bytes]);
    for (const [name, value] of lines) log(`${name}: ${value}`);
  } finally {
    await backend?.stop();
    await state.stop();
    await fake.close();
  }
}

main().then(
  // Keep-alive sockets and backend timers may linger; the numbers are out.
  () => process.exit(0),
  error => {
    if (error instanceof UsageError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(2);
    }
    process.stderr.write(`benchmark failed: ${(error as Error).stack}\n`);
    process.exit(1);
  },
);
