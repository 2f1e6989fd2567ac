import { MiddlewareFactory } from '@backstage/backend-defaults/rootHttpRouter';
import { mockServices } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import type { KubeObject } from '@cloud-native-platform/plugin-cloud-native-common';
import {
  ClusterDefinition,
  ClusterSourceContext,
  DefaultClusterStateService,
  PrometheusClient,
} from '@cloud-native-platform/plugin-cloud-native-node';
import {
  backfillRange,
  describeWithTestPrometheus,
  startTestPrometheus,
  TestPrometheus,
  TestPrometheusSeries,
  unreachableUrl,
} from '@cloud-native-platform/plugin-cloud-native-node/testUtils';
import type {
  SloObjectivesResponse,
  SloTrendResponse,
} from '@cloud-native-platform/plugin-slo-common';
import express from 'express';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { createRouter } from './router';
import { SloService } from './SloService';

jest.setTimeout(120_000);

const STEP = 60;
const WEEK = 7 * 86_400;
/** Seven days of data and two hours more, so every window is covered. */
const { startSeconds, endSeconds } = backfillRange(WEEK + 7_200, STEP);
/** prod-east-a's error rate rises tenfold-and-more for the last hour. */
const CHANGE = endSeconds - 3_600;

/** A counter growing at `rate` per second from the start, `later` per second after `CHANGE`. */
function counter(rate: number, later = rate) {
  return (t: number) =>
    t <= CHANGE
      ? rate * (t - startSeconds)
      : rate * (CHANGE - startSeconds) + later * (t - CHANGE);
}

/*
 * The traffic, as per-second rates (Prometheus 2.42 reads a rate over
 * [T − w, T] from the samples at both ends: exactly the mean rate).
 *
 *   prod-east-a: 9 req/s; 5xx 0.0045/s, then 0.09/s in the last hour.
 *   prod-east-b: 1 req/s; 5xx 0.0005/s throughout.
 *
 * Latency histogram (seconds), rates of each cumulative bucket:
 *   le:           0.1   0.2   0.5   +Inf
 *   prod-east-a:  6     8.73  8.95  9
 *   prod-east-b:  0.5   0.9   0.99  1
 */
function traffic(
  total: number,
  errors: number,
  laterErrors: number,
  buckets: [number, number, number],
): TestPrometheusSeries[] {
  const labels = { namespace: 'trading', service: 'trading-engine' };
  return [
    {
      name: 'http_requests_total',
      labels: { ...labels, code: '200' },
      value: counter(total - errors, total - laterErrors),
    },
    {
      name: 'http_requests_total',
      labels: { ...labels, code: '503' },
      value: counter(errors, laterErrors),
    },
    ...(['0.1', '0.2', '0.5'] as const).map((le, i) => ({
      name: 'http_request_duration_seconds_bucket',
      labels: { ...labels, le },
      value: counter(buckets[i]),
    })),
    {
      name: 'http_request_duration_seconds_bucket',
      labels: { ...labels, le: '+Inf' },
      value: counter(total),
    },
    {
      name: 'http_request_duration_seconds_count',
      labels,
      value: counter(total),
    },
  ];
}

/** Pyrra's alert of this SLO, and one of another SLO of the same name. */
const RULES = `groups:
  - name: pyrra
    rules:
      - alert: ErrorBudgetBurn
        expr: sum(rate(http_requests_total{code=~"5.."}[30m])) / sum(rate(http_requests_total[30m])) > 6 * 0.001
        labels: { slo: trading-engine-availability, severity: critical }
      - alert: ErrorBudgetBurn
        expr: vector(1)
        labels: { slo: ledger-availability, severity: critical }
`;

const pyrra = (cluster: string): KubeObject => ({
  apiVersion: 'pyrra.dev/v1alpha1',
  kind: 'ServiceLevelObjective',
  metadata: {
    name: 'trading-engine-availability',
    namespace: 'trading',
    labels: { 'backstage.io/kubernetes-id': 'trading-engine' },
    uid: `${cluster}-slo`,
  },
  spec: {
    target: '99.9',
    window: '7d',
    indicator: {
      ratio: {
        errors: {
          metric: 'http_requests_total{service="trading-engine",code=~"5.."}',
        },
        total: { metric: 'http_requests_total{service="trading-engine"}' },
      },
    },
  },
});

const deployment = (cluster: string): KubeObject => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: {
    name: 'trading-engine',
    namespace: 'trading',
    uid: `${cluster}-deploy`,
    labels: { 'backstage.io/kubernetes-id': 'trading-engine' },
  },
  spec: {},
});

const ENTITY: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name: 'trading-engine',
    namespace: 'default',
    annotations: {
      'backstage.io/kubernetes-id': 'trading-engine',
      'cloud-native-platform.io/slo': JSON.stringify([
        {
          name: 'trading-engine-latency',
          kind: 'latency',
          objective: 99,
          window: '7d',
          thresholdMs: 500,
          histogram: 'http_request_duration_seconds',
          matchers: 'service="trading-engine"',
        },
      ]),
    },
  },
  spec: { type: 'service', owner: 'trading-team', lifecycle: 'production' },
  relations: [{ type: 'ownedBy', targetRef: 'group:default/trading-team' }],
};

const TEAM: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Group',
  metadata: { name: 'trading-team', namespace: 'default' },
  spec: { type: 'team', children: [] },
};

function clusterDefinition(
  name: string,
  prometheusUrl?: string,
): ClusterDefinition {
  return {
    name,
    role: 'production',
    labels: {},
    source: {
      type: 'static',
      path: name,
    } as unknown as ClusterDefinition['source'],
    ...(prometheusUrl && { prometheus: { url: prometheusUrl } }),
    origin: 'test',
  };
}

describeWithTestPrometheus('SLO routes against two real Prometheus', () => {
  let east: TestPrometheus;
  let west: TestPrometheus;
  let app: express.Express;
  let state: DefaultClusterStateService;
  let rulesDir: string;

  beforeAll(async () => {
    rulesDir = fs.mkdtempSync(path.join(os.tmpdir(), 'slo-rules-'));
    const rules = path.join(rulesDir, 'rules.yaml');
    fs.writeFileSync(rules, RULES);
    const range = { startSeconds, endSeconds, stepSeconds: STEP };
    [east, west] = await Promise.all([
      startTestPrometheus({
        ...range,
        series: traffic(9, 0.0045, 0.09, [6, 8.73, 8.95]),
        ruleFiles: [rules],
      }),
      startTestPrometheus({
        ...range,
        series: traffic(1, 0.0005, 0.0005, [0.5, 0.9, 0.99]),
      }),
    ]);
    const objects: Record<string, KubeObject[]> = {
      'prod-east-a': [pyrra('prod-east-a'), deployment('prod-east-a')],
      'prod-east-b': [pyrra('prod-east-b'), deployment('prod-east-b')],
      // Down: its Pyrra object is read, its Prometheus does not answer.
      'prod-east-c': [pyrra('prod-east-c')],
      // Runs the workload, has no Prometheus at all.
      'prod-east-d': [deployment('prod-east-d')],
    };
    state = new DefaultClusterStateService({
      clusters: [
        clusterDefinition('prod-east-a', east.url),
        clusterDefinition('prod-east-b', west.url),
        // Its URL carries a password, which no answer may repeat.
        clusterDefinition(
          'prod-east-c',
          (await unreachableUrl()).replace('//', '//slo:s3cret-Pa55@'),
        ),
        clusterDefinition('prod-east-d'),
      ],
      logger: mockServices.logger.mock(),
      sourceFactories: {
        // The objects as a source fills the shared store.
        static: (context: ClusterSourceContext) => ({
          async start() {
            for (const o of objects[context.cluster.name])
              context.store.upsert(o);
            context.status.markSynced();
          },
          async stop() {},
        }),
      },
    });
    await state.start();
    const slos = new SloService({
      clusterState: state,
      catalog: catalogServiceMock({ entities: [ENTITY, TEAM] }),
      now: () => new Date(endSeconds * 1000),
    });
    const middleware = MiddlewareFactory.create({
      config: mockServices.rootConfig(),
      logger: mockServices.logger.mock(),
    });
    app = express().use(
      await createRouter({
        httpAuth: mockServices.httpAuth(),
        permissions: mockServices.permissions({
          result: AuthorizeResult.ALLOW,
        }),
        catalog: catalogServiceMock({ entities: [ENTITY, TEAM] }),
        slos,
      }),
      middleware.error(),
    );
    // The rule is evaluated every second; wait until its alert fires.
    const client = new PrometheusClient({ url: east.url });
    for (let i = 0; i < 60; i++) {
      const alerts = await client.alerts();
      if (alerts.filter(a => a.state === 'firing').length === 2) break;
      await new Promise(r => setTimeout(r, 500));
    }
  });

  afterAll(async () => {
    await state?.stop();
    await Promise.all([east?.stop(), west?.stop()]);
    fs.rmSync(rulesDir, { recursive: true, force: true });
  });

  async function objectives(query: string): Promise<SloObjectivesResponse> {
    const res = await request(app).get(`/objectives${query}`);
    expect([res.status, res.body.error]).toEqual([200, undefined]);
    return res.body;
  }

  it('sums the availability SLO over the clusters, with hand-computed budget and burn rates', async () => {
    const body = await objectives(
      '?entityRef=component:default/trading-engine',
    );
    const slo = body.items.find(i => i.name === 'trading-engine-availability')!;
    /*
     * Over the 7-day window W = 604800 s:
     *   a: errors 0.0045 × 601200 + 0.09 × 3600 = 3029.4 of 9 × W = 5443200
     *   b: errors 0.0005 × W = 302.4 of W = 604800
     *   error ratio 3331.8 / 6048000 = 0.000550892857…
     *   budget 1 − 0.000550892857 / 0.001 = 0.449107142857…
     * Burn rates (errors / total / 0.001), summed over a and b:
     *   5m, 1h: (0.09 + 0.0005) / 10 / 0.001 = 9.05
     *   6h: a (0.0045 × 18000 + 324) / 21600 = 0.01875; (0.01875 + 0.0005) / 10 / 0.001 = 1.925
     *   3d: a (0.0045 × 255600 + 324) / 259200 = 0.0056875; (0.0056875 + 0.0005) / 10 / 0.001 = 0.61875
     */
    expect(slo).toMatchObject({
      service: 'trading-engine',
      entityRef: 'component:default/trading-engine',
      team: 'group:default/trading-team',
      kind: 'availability',
      source: 'pyrra',
      definedIn:
        'prod-east-a/trading/ServiceLevelObjective/trading-engine-availability',
      objective: 0.999,
      window: '7d',
    });
    expect(slo.errorRatio).toBeCloseTo(3331.8 / 6048000, 9);
    expect(slo.errorBudgetRemaining).toBeCloseTo(0.449107142857, 6);
    expect(slo.burnRates['5m']).toBeCloseTo(9.05, 6);
    expect(slo.burnRates['1h']).toBeCloseTo(9.05, 6);
    expect(slo.burnRates['6h']).toBeCloseTo(1.925, 6);
    expect(slo.burnRates['3d']).toBeCloseTo(0.61875, 6);
    const [a, b, c] = slo.clusters;
    expect(a.cluster).toBe('prod-east-a');
    expect(a.total).toBeCloseTo(5443200, 3);
    expect(a.good).toBeCloseTo(5443200 - 3029.4, 3);
    expect(a.share).toBeCloseTo(0.9, 9);
    expect(a.errorRatio).toBeCloseTo(3029.4 / 5443200, 9);
    expect(b.total).toBeCloseTo(604800, 3);
    expect(b.good).toBeCloseTo(604800 - 302.4, 3);
    expect(b.share).toBeCloseTo(0.1, 9);
    expect(c).toMatchObject({
      cluster: 'prod-east-c',
      good: null,
      total: null,
      share: null,
      error: expect.stringContaining('is unreachable'),
    });
    expect(JSON.stringify(body)).not.toContain('s3cret-Pa55');
    // Pyrra's alert of this SLO fires in prod-east-a; the other SLO's does not count.
    expect(slo.alerting).toEqual({
      rules: ['ErrorBudgetBurn'],
      active: [
        expect.objectContaining({
          name: 'ErrorBudgetBurn',
          cluster: 'prod-east-a',
          state: 'firing',
          severity: 'critical',
        }),
      ],
    });
    expect(slo.status).toBe('burning');
    expect(body.errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          cluster: 'prod-east-c',
          message: expect.stringContaining(
            'trading-engine-availability: Prometheus at',
          ),
        }),
      ]),
    );
  });

  it('reads the latency SLO of the annotation where the workloads run, with the p99 of the summed histogram', async () => {
    const body = await objectives('?entityRef=trading-engine');
    const slo = body.items.find(i => i.name === 'trading-engine-latency')!;
    /*
     * Bad: slower than 0.5 s. a: 9 − 8.95 = 0.05/s, b: 1 − 0.99 = 0.01/s.
     *   error ratio 0.06 / 10 = 0.006; budget 1 − 0.006 / 0.01 = 0.4.
     * p99 of the summed buckets (6.5, 9.63, 9.94, 10): rank 9.9 falls in
     *   (0.2, 0.5]: 0.2 + 0.3 × (9.9 − 9.63) / (9.94 − 9.63) = 0.461290…
     */
    expect(slo).toMatchObject({
      kind: 'latency',
      source: 'annotation',
      definedIn: 'component:default/trading-engine',
      objective: 0.99,
    });
    expect(slo.errorRatio).toBeCloseTo(0.006, 9);
    expect(slo.errorBudgetRemaining).toBeCloseTo(0.4, 6);
    expect(slo.burnRates['5m']).toBeCloseTo(0.6, 6);
    expect(slo.latency!.quantile).toBe(0.99);
    expect(slo.latency!.thresholdSeconds).toBe(0.5);
    expect(slo.latency!.observedSeconds).toBeCloseTo(
      0.2 + (0.3 * 0.27) / 0.31,
      6,
    );
    expect(slo.latency!.met).toBe(true);
    expect(slo.status).toBe('ok');
    expect(slo.clusters.map(c => [c.cluster, c.error])).toEqual([
      ['prod-east-a', undefined],
      ['prod-east-b', undefined],
      ['prod-east-d', expect.stringContaining('has no Prometheus configured')],
    ]);
    expect(slo.clusters[0].share).toBeCloseTo(0.9, 9);
  });

  it('lists the same SLOs for the owning team and the fleet', async () => {
    const team = await objectives('?team=trading-team');
    const all = await objectives('');
    const names = (b: SloObjectivesResponse) => b.items.map(i => i.name).sort();
    expect(names(team)).toEqual([
      'trading-engine-availability',
      'trading-engine-latency',
    ]);
    expect(names(all)).toEqual(names(team));
  });

  it('samples the budget over the window, summed across clusters', async () => {
    const res = await request(app).get(
      '/trend?entityRef=component:default/trading-engine&name=trading-engine-availability&points=3',
    );
    expect(res.status).toBe(200);
    const body: SloTrendResponse = res.body;
    expect(body).toMatchObject({
      name: 'trading-engine-availability',
      entityRef: 'component:default/trading-engine',
      window: '7d',
    });
    // Points at end − 7d, end − 3.5d and end; the first window has no data behind it.
    expect(body.points.map(p => p.time)).toEqual([
      new Date((endSeconds - WEEK) * 1000).toISOString(),
      new Date((endSeconds - WEEK / 2) * 1000).toISOString(),
      new Date(endSeconds * 1000).toISOString(),
    ]);
    expect(body.points[2].errorBudgetRemaining).toBeCloseTo(0.449107142857, 6);
    // Half a week back the error ratio was 0.0005 in both clusters: budget 0.5.
    expect(body.points[1].errorBudgetRemaining).toBeCloseTo(0.5, 3);
  });

  it('answers 404 for an SLO the entity does not have', async () => {
    const res = await request(app).get(
      '/trend?entityRef=trading-engine&name=nope',
    );
    expect(res.status).toBe(404);
  });
});
