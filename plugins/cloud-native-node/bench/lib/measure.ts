import {
  parseLabelSelector,
  matchesLabelSelector,
} from '@cloud-native-platform/plugin-cloud-native-common';
import { FakeKubernetesApi } from '../../src/testUtils/FakeKubernetesApi';
import { KubeObject } from '../../src/state/KubeObject';

/** Nearest-rank percentile: with fewer than 100 samples p99 is the slowest. */
export function percentile(samples: number[], p: number): number {
  if (samples.length === 0) return NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
}

export function round(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  return Math.round(value * factor) / factor;
}

export function heapUsed(): number {
  const gc = (global as { gc?: () => void }).gc;
  if (!gc) {
    throw new Error('run with --expose-gc (npm run bench:cluster-state does)');
  }
  // Twice: the first pass can leave objects whose finalizers free more.
  gc();
  gc();
  return process.memoryUsage().heapUsed;
}

export async function waitFor(
  condition: () => boolean,
  what: string,
  timeoutMs: number,
) {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise(resolve => setTimeout(resolve, 10));
  }
}

type Reply = (code: number, body: unknown) => void;
interface FakeInternals {
  list(
    cluster: unknown,
    key: string,
    query: Record<string, string>,
    reply: Reply,
  ): void;
}

/**
 * The fake ignores `labelSelector`, which a real API server applies before
 * answering. The upstream backend asks every cluster for one entity's
 * objects by label, so without this it would receive whole clusters and
 * look far slower than it is. Filtering happens before serialisation, as on
 * a real server.
 */
export function honourLabelSelectors(fake: FakeKubernetesApi) {
  const internals = fake as unknown as FakeInternals;
  const list = internals.list.bind(fake);
  internals.list = (cluster, key, query, reply) => {
    if (!query.labelSelector) {
      list(cluster, key, query, reply);
      return;
    }
    const requirements = parseLabelSelector(query.labelSelector);
    list(cluster, key, query, (code, body) => {
      if (code !== 200) {
        reply(code, body);
        return;
      }
      const answer = body as { items: KubeObject[] };
      reply(code, {
        ...answer,
        items: answer.items.filter(item =>
          matchesLabelSelector(requirements, item.metadata.labels),
        ),
      });
    });
  };
}

/** Timings of one contender's page views. */
export interface ViewResult {
  views: number;
  p50: number;
  p99: number;
  mean: number;
  requestsPerView: number;
  bytesPerView: number;
}

/** One page view: resolves with the response size once the body is read. */
export type PageView = (index: number) => Promise<number>;

/**
 * Runs warm-up views, then measured ones one after the other, counting the
 * requests the fake received in between. `plan` may lower the number of
 * measured views from the warm-up timings, to bound the run.
 */
export async function measureViews(
  fake: FakeKubernetesApi,
  view: PageView,
  options: {
    warmups: number;
    views: number;
    plan?: (warmupMs: number[], views: number) => number;
  },
): Promise<ViewResult> {
  const warmupMs: number[] = [];
  for (let i = 0; i < options.warmups; i++) {
    const started = performance.now();
    await view(i);
    warmupMs.push(performance.now() - started);
  }
  const views = options.plan
    ? options.plan(warmupMs, options.views)
    : options.views;
  const requestsBefore = fake.requests.length;
  const durations: number[] = [];
  let bytes = 0;
  for (let i = 0; i < views; i++) {
    const started = performance.now();
    bytes += await view(options.warmups + i);
    durations.push(performance.now() - started);
  }
  const requests = fake.requests.length - requestsBefore;
  return {
    views,
    p50: percentile(durations, 50),
    p99: percentile(durations, 99),
    mean: durations.reduce((a, b) => a + b, 0) / views,
    requestsPerView: requests / views,
    bytesPerView: bytes / views,
  };
}
