import { KubeObject } from '../state/KubeObject';
import { assessDrReadiness } from './assessDrReadiness';
import { MaturityWorkload } from './types';

function workload(
  cluster: string,
  image: string,
  replicas: number,
  ready = replicas,
): MaturityWorkload {
  const deployment: KubeObject = {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'pay', namespace: 'shop' },
    spec: {
      replicas,
      template: {
        spec: {
          containers: [
            { name: 'pay', image, resources: { requests: { cpu: '1' } } },
          ],
        },
      },
    },
  };
  const pods = Array.from(
    { length: replicas },
    (_, i): KubeObject => ({
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

const clusters = [
  { name: 'prod', role: 'production' },
  { name: 'dr', role: 'disaster-recovery', freeCpuMillis: 1000 },
];
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
      },
      health: { ok: true, findings: [], state: 'healthy' },
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
    expect(checks.capacity).toMatchObject({
      ok: false,
      neededCpuMillis: 3000,
      freeCpuMillis: 1000,
    });
    expect(checks.image.ok && checks.health.ok).toBe(true);
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
    });
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

  it('does not apply to entities without production workloads', () => {
    expect(
      assessDrReadiness({ ...base, workloads: [workload('dr', 'pay:1', 1)] })
        .status,
    ).toBe('not-applicable');
  });
});
