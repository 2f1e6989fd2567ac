/*
 * Entity page views against a simulated fleet: the upstream Kubernetes
 * backend, which asks every cluster on every view, against the shared
 * cluster state, which watches once and answers from memory.
 *
 *   npm run bench:cluster-state -- [--clusters 20] [--pods 2500]
 *     [--latency 10] [--views 50] [--seed 1]
 *
 * --pods is per cluster; --latency is added by the fake API server to every
 * request. The last lines are `name: value` pairs for scripts to read.
 */
import { createServiceFactory } from '@backstage/backend-plugin-api';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
// The bench ships with nothing (see "files" in package.json), so these come
// hoisted from the workspace, where the backend package and the
// cluster-topology plugin depend on them. Declaring them here would make
// this library depend on a plugin that depends on it.
/* eslint-disable @backstage/no-undeclared-imports */
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import kubernetesPlugin from '@backstage/plugin-kubernetes-backend';
import clusterTopologyPlugin from '@cloud-native-platform/plugin-cluster-topology-backend';
/* eslint-enable @backstage/no-undeclared-imports */
import { ClusterDefinition } from '../src/clusters/ClusterDefinition';
import { DefaultClusterStateService } from '../src/state/ClusterStateService';
import { clusterStateServiceRef } from '../src/state/clusterStateServiceRef';
import { DEFAULT_KINDS } from '../src/state/kinds';
import { kubernetesClusterSourceFactory } from '../src/state/KubernetesClusterSource';
import {
  FakeKubernetesApi,
  FakeResource,
} from '../src/testUtils/FakeKubernetesApi';
import { buildTestFleet, TestFleet } from '../src/testUtils';
import {
  heapUsed,
  honourLabelSelectors,
  measureViews,
  round,
  ViewResult,
  waitFor,
} from './lib/measure';
import { exitAfter, log, parseNumericOptions, UsageError } from './lib/options';

type Options = {
  clusters: number;
  pods: number;
  latency: number;
  views: number;
  seed: number;
};

const DEFAULTS: Options = {
  clusters: 20,
  pods: 2500,
  latency: 10,
  views: 50,
  seed: 1,
};
const WARMUPS = 3;
const PODS_PER_DEPLOYMENT = 50;
/** Measured upstream views may take this long; more views are cut. */
const UPSTREAM_BUDGET_MS = 120_000;
const MIN_UPSTREAM_VIEWS = 10;
/** Nothing here should come near it; a hang must not block a CI job. */
const HARD_LIMIT_MS = 15 * 60_000;

function parseOptions(argv: string[]): Options {
  return parseNumericOptions(argv, DEFAULTS);
}

/**
 * Kinds the fake serves: those the cluster state lists, plus the three the
 * upstream backend also asks for. Without them upstream would get 404s, and
 * a real cluster always has them.
 */
function fakeResources(): FakeResource[] {
  const core = (kind: string, plural: string): FakeResource => ({
    group: '',
    version: 'v1',
    kind,
    plural,
    namespaced: true,
  });
  return [
    ...DEFAULT_KINDS.filter(k => !k.optional && k.kind !== '*').map(k => ({
      group: k.group,
      version: k.version,
      kind: k.kind,
      plural: k.plural,
      namespaced: k.namespaced,
    })),
    core('ConfigMap', 'configmaps'),
    core('LimitRange', 'limitranges'),
    core('ResourceQuota', 'resourcequotas'),
  ];
}

const authHeader = () => ({ Authorization: mockCredentials.user.header() });

function entityFor(fleet: TestFleet, index: number): Entity {
  return fleet.entities[index % fleet.entities.length];
}

/** Pods the fleet runs for an entity: what a correct answer must count. */
function expectedPods(fleet: TestFleet, entity: Entity): number {
  return Object.values(fleet.clusters).reduce(
    (sum, objects) =>
      sum +
      objects.filter(
        o =>
          o.kind === 'Pod' && o.metadata.labels?.app === entity.metadata.name,
      ).length,
    0,
  );
}

function check(what: string, actual: number, expected: number) {
  if (actual !== expected) {
    throw new Error(`${what}: ${actual} pods in the answer, ${expected} run`);
  }
}

interface OursResult extends ViewResult {
  syncMs: number;
  syncRequests: number;
  heapBytesPerPod: number;
  viaHttp: boolean;
}

async function runOurs(
  fake: FakeKubernetesApi,
  fleet: TestFleet,
  options: Options,
): Promise<OursResult> {
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
  const watchedKinds = DEFAULT_KINDS.filter(k => !k.optional).length;
  const state = new DefaultClusterStateService({
    clusters,
    logger: mockServices.rootLogger({ level: 'warn' }),
    sourceFactories: { kubernetes: kubernetesClusterSourceFactory },
  });

  const heapBefore = heapUsed();
  const requestsBefore = fake.requests.length;
  const started = performance.now();
  await state.start();
  await waitFor(
    () => state.clusters().every(c => c.status().state === 'ready'),
    'every cluster to be ready',
    300_000,
  );
  const syncMs = performance.now() - started;
  const notReady = state
    .clusters()
    .map(c => c.status())
    .filter(s => s.state !== 'ready');
  if (notReady.length > 0) {
    throw new Error(`clusters not ready: ${notReady.map(s => s.name)}`);
  }
  // The watches open just after each kind is listed: wait for them, so
  // they count as sync and not as requests of the first views.
  await waitFor(
    () => names.every(name => fake.openWatches(name) >= watchedKinds),
    'the watches to open',
    60_000,
  );
  const syncRequests = fake.requests.length - requestsBefore;
  const heapAfter = heapUsed();
  const totalPods = names.length * fleet.podsPerCluster;

  let backend: Awaited<ReturnType<typeof startTestBackend>> | undefined;
  let viaHttp = true;
  try {
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
  } catch (error) {
    viaHttp = false;
    log(
      `cluster-topology backend did not start (${
        (error as Error).message
      }); views call resolveEntityWorkloads in-process instead`,
    );
  }

  let view: (index: number) => Promise<number>;
  if (backend) {
    const base = `http://localhost:${backend.server.port()}/api/cluster-topology`;
    view = async index => {
      const entity = entityFor(fleet, index);
      const res = await fetch(
        `${base}/workloads?entityRef=${encodeURIComponent(
          `component:default/${entity.metadata.name}`,
        )}`,
        { headers: authHeader() },
      );
      const body = await res.text();
      if (!res.ok) throw new Error(`ours: HTTP ${res.status}: ${body}`);
      if (index < WARMUPS) {
        const answer = JSON.parse(body) as {
          items: Array<{ pods: { total: number } }>;
        };
        check(
          `ours, ${entity.metadata.name}`,
          answer.items.reduce((sum, item) => sum + item.pods.total, 0),
          expectedPods(fleet, entity),
        );
      }
      return body.length;
    };
  } else {
    const { resolveEntityWorkloads } = await import(
      '../src/state/resolveEntityWorkloads'
    );
    const { summarizePods } = await import('../src/state/podHealth');
    view = async index => {
      const entity = entityFor(fleet, index);
      const result = resolveEntityWorkloads(entity, state.clusters());
      const body = JSON.stringify(
        result.workloads.map(w => ({
          cluster: w.cluster,
          name: w.workload.metadata.name,
          pods: summarizePods(w.pods),
        })),
      );
      return body.length;
    };
  }

  try {
    const views = await measureViews(fake, view, {
      warmups: WARMUPS,
      views: options.views,
    });
    return {
      ...views,
      syncMs,
      syncRequests,
      heapBytesPerPod: (heapAfter - heapBefore) / totalPods,
      viaHttp,
    };
  } finally {
    await backend?.stop();
    await state.stop();
  }
}

interface UpstreamResult extends ViewResult {
  reducedFrom?: number;
}

async function runUpstream(
  fake: FakeKubernetesApi,
  fleet: TestFleet,
  options: Options,
): Promise<UpstreamResult> {
  const backend = await startTestBackend({
    features: [
      kubernetesPlugin,
      catalogServiceMock.factory({ entities: fleet.entities }),
      mockServices.rootLogger.factory({ level: 'error' }),
      mockServices.rootConfig.factory({
        data: {
          kubernetes: {
            serviceLocatorMethod: { type: 'multiTenant' },
            clusterLocatorMethods: [
              {
                type: 'config',
                clusters: Object.keys(fleet.clusters).map(name => ({
                  name,
                  url: fake.url(name),
                  authProvider: 'serviceAccount',
                  serviceAccountToken: 'x',
                  skipTLSVerify: true,
                  // The fake has no metrics API; asking it would add
                  // failing requests to every view.
                  skipMetricsLookup: true,
                })),
              },
            ],
          },
        },
      }),
    ],
  });
  const base = `http://localhost:${backend.server.port()}/api/kubernetes`;
  // What the entity page's Kubernetes tab sends: KubernetesBackendClient
  // getObjectsByEntity, with the auth the browser collected (none is
  // needed for service-account clusters).
  const view = async (index: number) => {
    const entity = entityFor(fleet, index);
    const res = await fetch(
      `${base}/services/${encodeURIComponent(entity.metadata.name)}`,
      {
        method: 'POST',
        headers: { ...authHeader(), 'Content-Type': 'application/json' },
        body: JSON.stringify({ entity, auth: {} }),
      },
    );
    const body = await res.text();
    if (!res.ok) throw new Error(`upstream: HTTP ${res.status}: ${body}`);
    if (index < WARMUPS) {
      const answer = JSON.parse(body) as {
        items: Array<{
          errors: unknown[];
          resources: Array<{ type: string; resources: unknown[] }>;
        }>;
      };
      const errors = answer.items.flatMap(item => item.errors);
      if (errors.length > 0) {
        throw new Error(`upstream errors: ${JSON.stringify(errors[0])}`);
      }
      check(
        `upstream, ${entity.metadata.name}`,
        answer.items
          .flatMap(item => item.resources)
          .filter(r => r.type === 'pods')
          .reduce((sum, r) => sum + r.resources.length, 0),
        expectedPods(fleet, entity),
      );
    }
    return body.length;
  };

  let reducedFrom: number | undefined;
  try {
    const views = await measureViews(fake, view, {
      warmups: WARMUPS,
      views: options.views,
      plan: (warmupMs, planned) => {
        // The first warm-up pays for connection set-up; the last is typical.
        const estimate = warmupMs[warmupMs.length - 1];
        const affordable = Math.max(
          MIN_UPSTREAM_VIEWS,
          Math.floor(UPSTREAM_BUDGET_MS / estimate),
        );
        if (affordable >= planned) return planned;
        reducedFrom = planned;
        return affordable;
      },
    });
    return { ...views, reducedFrom };
  } finally {
    await backend.stop();
  }
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
  const fake = await FakeKubernetesApi.start({
    clusters: fleet.clusters,
    resources: fakeResources(),
    latencyMs: options.latency,
  });
  honourLabelSelectors(fake);
  log(
    `fleet: ${options.clusters} clusters × ${options.pods} pods = ${totalPods} pods, ` +
      `${fleet.deployments.length} deployments per cluster ` +
      `(${PODS_PER_DEPLOYMENT} pods each, one entity per deployment name), ` +
      `API latency ${options.latency} ms, seed ${options.seed}; ` +
      `generated in ${Math.round(performance.now() - generating)} ms`,
  );

  try {
    const ours = await runOurs(fake, fleet, options);
    log(
      `ours: synced ${totalPods} pods in ${Math.round(ours.syncMs)} ms with ` +
        `${ours.syncRequests} requests (lists, discovery, watches); ` +
        `${Math.round(ours.heapBytesPerPod)} heap bytes per cached pod`,
    );
    log(
      `ours: ${ours.views} views ${
        ours.viaHttp
          ? 'GET /api/cluster-topology/workloads'
          : 'in-process (resolveEntityWorkloads + summarizePods, no HTTP)'
      }: p50 ${ours.p50.toFixed(2)} ms, p99 ${ours.p99.toFixed(2)} ms, ` +
        `${ours.requestsPerView} API requests per view, ` +
        `${Math.round(ours.bytesPerView / 1024)} KiB per answer`,
    );

    heapUsed();
    const upstream = await runUpstream(fake, fleet, options);
    if (upstream.reducedFrom !== undefined) {
      log(
        `upstream: views cut from ${upstream.reducedFrom} to ${upstream.views} ` +
          `to stay within ${UPSTREAM_BUDGET_MS / 1000} s`,
      );
    }
    log(
      `upstream: ${upstream.views} views POST /api/kubernetes/services/<name>: ` +
        `p50 ${upstream.p50.toFixed(2)} ms, p99 ${upstream.p99.toFixed(
          2,
        )} ms, ` +
        `${upstream.requestsPerView} API requests per view, ` +
        `${Math.round(upstream.bytesPerView / 1024)} KiB per answer`,
    );

    const speedup = upstream.p50 / ours.p50;
    log(
      `p50 speedup ${speedup.toFixed(
        1,
      )}×; p99 is the slowest view when fewer than 100 were measured`,
    );
    const lines: Array<[string, number]> = [
      ['upstream_p50_ms', round(upstream.p50, 2)],
      ['upstream_p99_ms', round(upstream.p99, 2)],
      ['upstream_api_requests_per_view', round(upstream.requestsPerView, 1)],
      ['ours_p50_ms', round(ours.p50, 2)],
      ['ours_p99_ms', round(ours.p99, 2)],
      ['ours_api_requests_per_view', round(ours.requestsPerView, 1)],
      ['ours_sync_ms', Math.round(ours.syncMs)],
      ['ours_heap_bytes_per_pod', Math.round(ours.heapBytesPerPod)],
      ['speedup_p50', round(speedup, 1)],
    ];
    for (const [name, value] of lines) log(`${name}: ${value}`);
  } finally {
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
