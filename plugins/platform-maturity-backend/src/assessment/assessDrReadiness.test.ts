import type { Pod } from '@cloud-native-platform/plugin-cloud-native-common';
import { assessDrReadiness } from './assessDrReadiness';
import { MaturityWorkload, WorkloadObject } from './types';

function workload(
  cluster: string,
  image: string,
  replicas: number,
  ready = replicas,
): MaturityWorkload {
  const deployment: WorkloadObject = {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'pay', namespace: 'shop' },
    spec: {
      replicas,
      template: {
        spec: {
          containers: [
            {
              name: 'pay',
              image,
              resources: { requests: { cpu: '1', memory: '1Gi' } },
            },
          ],
        },
      },
    },
  };
  const pods = Array.from(
    { length: replicas },
    (_, i): Pod => ({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: `pay-${i}`, namespace: 'shop' },
      status: {
        phase: 'Running',
        conditions: [{ type: 'Ready', status: i < ready ? 'True' : 'False' }],
      },
    }),
  );
  return { cluster, workload: deployment, pods, related: [] };
}

const GiB = 2 ** 30;

/** Gives the workload's pods scheduled → Ready times of the given seconds. */
function withStartup(w: MaturityWorkload, seconds: number[]): MaturityWorkload {
  const scheduled = Date.parse('2026-11-04T11:02:00Z');
  w.pods.forEach((pod, i) => {
    pod.status!.conditions = [
      {
        type: 'PodScheduled',
        status: 'True',
        lastTransitionTime: new Date(scheduled).toISOString(),
      },
      {
        type: 'Ready',
        status: 'True',
        lastTransitionTime: new Date(
          scheduled + seconds[i] * 1000,
        ).toISOString(),
      },
    ];
  });
  return w;
}

/** The production cluster and a DR cluster with the given room to scale into. */
function clustersWithFree(free: {
  freeCpuMillis?: number;
  freeMemoryBytes?: number;
}) {
  return [
    { name: 'prod', role: 'production' },
    { name: 'dr', role: 'disaster-recovery', ...free },
  ];
}

const clusters = clustersWithFree({
  freeCpuMillis: 1000,
  freeMemoryBytes: 4 * GiB,
});
const base = { clusters, rto: '15s', rpo: '0s', replication: [] };

describe('assessDrReadiness', () => {
  it('is ready when the DR copy matches, has the replicas and is healthy', () => {
    const result = assessDrReadiness({
      ...base,
      workloads: [workload('prod', 'pay:1', 2), workload('dr', 'pay:1', 2)],
    });
    expect(result.status).toBe('ready');
    expect(result.findings).toEqual([]);
    expect(result.workloads[0].checks).toEqual({
      image: {
        ok: true,
        findings: [],
        production: { pay: 'pay:1' },
        dr: { pay: 'pay:1' },
      },
      replicas: { ok: true, findings: [], required: 2, actual: 2 },
      capacity: {
        ok: true,
        findings: [],
        neededCpuMillis: 0,
        freeCpuMillis: 1000,
        neededMemoryBytes: 0,
        freeMemoryBytes: 4 * GiB,
      },
      health: { ok: true, findings: [], state: 'healthy' },
      failover: { ok: true, findings: [], scaleUp: false },
    });
  });

  it('reports an unhealthy DR copy in the health check', () => {
    const result = assessDrReadiness({
      ...base,
      workloads: [workload('prod', 'pay:1', 2), workload('dr', 'pay:1', 2, 0)],
    });
    const checks = result.workloads[0].checks!;
    expect(checks.health.ok).toBe(false);
    expect(checks.health.findings).toEqual(result.workloads[0].findings);
    expect(checks.image.ok && checks.replicas.ok && checks.capacity.ok).toBe(
      true,
    );
  });

  it('reports tag drift', () => {
    const result = assessDrReadiness({
      ...base,
      workloads: [workload('prod', 'pay:2', 2), workload('dr', 'pay:1', 2)],
    });
    expect(result.status).toBe('at-risk');
    expect(result.findings).toEqual([
      'Deployment shop/pay (prod): container pay runs pay:1 in dr but pay:2 in prod.',
    ]);
    expect(result.workloads[0].checks?.image).toEqual({
      ok: false,
      findings: ['container pay runs pay:1 in dr but pay:2 in prod'],
      production: { pay: 'pay:2' },
      dr: { pay: 'pay:1' },
    });
  });

  it('reports too few replicas and too little CPU to scale up', () => {
    const result = assessDrReadiness({
      ...base,
      workloads: [workload('prod', 'pay:1', 4), workload('dr', 'pay:1', 1)],
    });
    expect(result.findings).toEqual([
      'Deployment shop/pay (prod): dr runs 1 replica(s) where prod needs at least 4.',
      'Deployment shop/pay (prod): dr lacks CPU to scale up: 3000m more requested, 1000m free on Ready nodes.',
    ]);
    const checks = result.workloads[0].checks!;
    expect(checks.replicas).toMatchObject({
      ok: false,
      required: 4,
      actual: 1,
    });
    expect(checks.capacity).toEqual({
      ok: false,
      findings: [
        'dr lacks CPU to scale up: 3000m more requested, 1000m free on Ready nodes',
      ],
      neededCpuMillis: 3000,
      freeCpuMillis: 1000,
      neededMemoryBytes: 3 * GiB,
      freeMemoryBytes: 4 * GiB,
    });
    expect(checks.image.ok && checks.health.ok).toBe(true);
  });

  it('reports too little memory to scale up while the CPU suffices', () => {
    const result = assessDrReadiness({
      ...base,
      clusters: clustersWithFree({
        freeCpuMillis: 4000,
        freeMemoryBytes: 1.5 * GiB,
      }),
      workloads: [workload('prod', 'pay:1', 4), workload('dr', 'pay:1', 1)],
    });
    expect(result.findings).toEqual([
      'Deployment shop/pay (prod): dr runs 1 replica(s) where prod needs at least 4.',
      'Deployment shop/pay (prod): dr lacks memory to scale up: 3.0 GiB more requested, 1.5 GiB free on Ready nodes.',
    ]);
    expect(result.workloads[0].checks!.capacity).toEqual({
      ok: false,
      findings: [
        'dr lacks memory to scale up: 3.0 GiB more requested, 1.5 GiB free on Ready nodes',
      ],
      neededCpuMillis: 3000,
      freeCpuMillis: 4000,
      neededMemoryBytes: 3 * GiB,
      freeMemoryBytes: 1.5 * GiB,
    });
  });

  it('reports both resources, CPU first, when both are short', () => {
    const result = assessDrReadiness({
      ...base,
      clusters: clustersWithFree({
        freeCpuMillis: 1000,
        freeMemoryBytes: 512 * 2 ** 20,
      }),
      workloads: [workload('prod', 'pay:1', 4), workload('dr', 'pay:1', 1)],
    });
    const capacity = result.workloads[0].checks!.capacity;
    expect(capacity.ok).toBe(false);
    expect(capacity.findings).toEqual([
      'dr lacks CPU to scale up: 3000m more requested, 1000m free on Ready nodes',
      'dr lacks memory to scale up: 3.0 GiB more requested, 512.0 MiB free on Ready nodes',
    ]);
    expect(result.workloads[0].findings).toEqual([
      'dr runs 1 replica(s) where prod needs at least 4',
      ...capacity.findings,
    ]);
  });

  it('passes the capacity check when the DR cluster has room to scale', () => {
    const result = assessDrReadiness({
      ...base,
      workloads: [workload('prod', 'pay:1', 2), workload('dr', 'pay:1', 1)],
    });
    const checks = result.workloads[0].checks!;
    expect(checks.replicas.ok).toBe(false);
    expect(checks.capacity).toEqual({
      ok: true,
      findings: [],
      neededCpuMillis: 1000,
      freeCpuMillis: 1000,
      neededMemoryBytes: GiB,
      freeMemoryBytes: 4 * GiB,
    });
  });

  it('passes a resource whose free amount is unknown', () => {
    const result = assessDrReadiness({
      ...base,
      clusters: clustersWithFree({ freeCpuMillis: 4000 }),
      workloads: [workload('prod', 'pay:1', 4), workload('dr', 'pay:1', 1)],
    });
    const capacity = result.workloads[0].checks!.capacity;
    expect(capacity).toMatchObject({
      ok: true,
      findings: [],
      neededMemoryBytes: 3 * GiB,
    });
    expect(capacity.freeMemoryBytes).toBeUndefined();
  });

  it('reports a missing DR workload, an unhealthy replication and undeclared objectives', () => {
    const result = assessDrReadiness({
      clusters,
      workloads: [workload('prod', 'pay:1', 2)],
      replication: [
        {
          entityRef: 'component:default/mirror',
          healthy: false,
          detail: 'Deployment mirror not healthy in dr',
        },
      ],
    });
    expect(result.status).toBe('not-ready');
    expect(result.workloads[0].checks).toBeUndefined();
    expect(result.findings).toEqual([
      'Deployment shop/pay (prod): no Deployment shop/pay runs in dr.',
      'Replication component component:default/mirror is not healthy: Deployment mirror not healthy in dr.',
      'No RTO is declared on the entity.',
      'No RPO is declared on the entity.',
    ]);
  });

  it('fails over slower than the RTO when the copy must scale up and its pods start slowly', () => {
    const result = assessDrReadiness({
      ...base,
      clusters: clustersWithFree({
        freeCpuMillis: 10_000,
        freeMemoryBytes: 64 * GiB,
      }),
      workloads: [
        withStartup(workload('prod', 'pay:1', 4), [5, 5, 5, 5]),
        withStartup(workload('dr', 'pay:1', 2), [18, 22]),
      ],
    });
    const failover = result.workloads[0].checks!.failover;
    expect(failover).toEqual({
      ok: false,
      findings: [
        'failing over means scaling the copy in dr up, and a new pod takes 20s to become ready (median in dr), longer than the 15s RTO',
      ],
      scaleUp: true,
      startupSeconds: 20,
    });
    expect(result.rto.failoverSeconds).toBe(20);
    expect(result.rto.note).toBe(
      'RTO 15s declared; not measured. A failover has to scale a DR copy up first: about 20s of pod start-up.',
    );
    expect(result.findings).toContain(
      'Deployment shop/pay (prod): failing over means scaling the copy in dr up, and a new pod takes 20s to become ready (median in dr), longer than the 15s RTO.',
    );
  });

  it('measures start-up on production when the copy has no ready pod, and passes a fast one', () => {
    const result = assessDrReadiness({
      ...base,
      clusters: clustersWithFree({ freeCpuMillis: 10_000 }),
      workloads: [
        withStartup(workload('prod', 'pay:1', 3), [4, 8, 30]),
        workload('dr', 'pay:1', 0),
      ],
    });
    expect(result.workloads[0].checks!.failover).toEqual({
      ok: true,
      findings: [],
      scaleUp: true,
      startupSeconds: 8,
    });
    expect(result.rto.failoverSeconds).toBe(8);
  });

  it('compares the RTO with the measured MTTR, or says why it is not measured', () => {
    const ready = [workload('prod', 'pay:1', 1), workload('dr', 'pay:1', 1)];
    expect(
      assessDrReadiness({ ...base, workloads: ready, measuredMttrMs: 9_400 })
        .rto,
    ).toEqual({
      declared: '15s',
      measured: '9s',
      met: true,
      note: 'RTO 15s declared; healing recovered in 9s (median).',
    });
    const slow = assessDrReadiness({
      ...base,
      workloads: ready,
      measuredMttrMs: 240_000,
    });
    expect(slow.rto.met).toBe(false);
    expect(slow.status).toBe('at-risk');
    expect(slow.findings).toContain(
      'RTO 15s declared; healing recovered in 240s (median), slower than the target.',
    );
    expect(
      assessDrReadiness({
        ...base,
        workloads: ready,
        mttrUnavailable: 'nothing healed in the last 30 days',
      }).rto.note,
    ).toBe(
      'RTO 15s declared; not measured: nothing healed in the last 30 days.',
    );
    expect(
      assessDrReadiness({
        ...base,
        rto: undefined,
        workloads: ready,
        measuredMttrMs: 60_000,
      }).rto,
    ).toEqual({
      measured: '60s',
      note: 'No RTO is declared on the entity. Healing recovered in 60s (median).',
    });
  });

  it('compares the RPO with the measured replication lag: 1 s counts as RPO 0', () => {
    const ready = [workload('prod', 'pay:1', 2), workload('dr', 'pay:1', 2)];
    const lag = (seconds: number) => ({
      lag: {
        seconds,
        source: 'postgres' as const,
        cluster: 'dr',
        replica: 'shop/pay-0',
        at: '2026-12-03T17:00:00.000Z',
      },
    });
    const rpo = (declared: string | undefined, seconds: number) =>
      assessDrReadiness({
        ...base,
        rpo: declared,
        workloads: ready,
        replicationLag: lag(seconds),
      });
    expect(rpo('0s', 1).rpo.status).toBe('met');
    expect(rpo('0s', 1).status).toBe('ready');
    const over = rpo('0s', 1.05);
    expect(over.rpo).toMatchObject({
      measured: '1.1s',
      met: false,
      status: 'breached',
    });
    expect(over.status).toBe('at-risk');
    expect(over.findings).toEqual([over.rpo.note]);
    expect(rpo('30s', 30).rpo.status).toBe('met');
    expect(rpo('30s', 95).rpo).toMatchObject({
      measured: '95s',
      status: 'breached',
    });
    // Without a declared RPO the lag is shown but neither met nor breached.
    expect(rpo(undefined, 0.4).rpo).toEqual({
      measured: '0.4s',
      lag: lag(0.4).lag,
      note: 'No RPO is declared on the entity. Replication lagged up to 0.4s over the last 5 minutes (postgres_exporter pg_replication_lag, shop/pay-0 in dr).',
    });
    // Without a reading, as before the lag was read: not measured.
    expect(assessDrReadiness({ ...base, workloads: ready }).rpo).toEqual({
      declared: '0s',
      status: 'not-measured',
      note: 'RPO 0s declared; not measured: replication lag is not measured.',
    });
  });

  it('does not apply to entities without production workloads', () => {
    expect(
      assessDrReadiness({ ...base, workloads: [workload('dr', 'pay:1', 1)] })
        .status,
    ).toBe('not-applicable');
  });
});
