import type {
  KubeObject,
  Pod,
} from '@cloud-native-platform/plugin-cloud-native-common';
import { assessMaturity } from './assessMaturity';
import { MaturityWorkload, WorkloadObject } from './types';

const labels = { app: 'pay' };
const deployment: WorkloadObject = {
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'pay', namespace: 'shop', labels },
  spec: {
    replicas: 3,
    template: {
      metadata: { labels },
      spec: { containers: [{ name: 'pay', image: 'pay:1' }] },
    },
  },
};
const pod: Pod = {
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name: 'pay-1', namespace: 'shop', labels },
  spec: { containers: [{ name: 'pay' }, { name: 'istio-proxy' }] },
};
const obj = (
  kind: string,
  name: string,
  spec: any,
  extra: Partial<KubeObject['metadata']> = {},
): KubeObject => ({
  apiVersion: 'x/v1',
  kind,
  metadata: { name, namespace: 'shop', ...extra },
  spec,
});
const service = obj(
  'Service',
  'pay',
  { selector: labels },
  { labels: { app: 'pay' } },
);
const mesh = [
  obj('VirtualService', 'pay', { hosts: ['pay.shop.svc.cluster.local'] }),
  obj('PeerAuthentication', 'default', { mtls: { mode: 'STRICT' } }),
];
const monitoring = [
  obj('ServiceMonitor', 'pay', { selector: { matchLabels: { app: 'pay' } } }),
  obj('PrometheusRule', 'pay', {
    groups: [
      {
        rules: [
          {
            alert: 'PaySloBurnRateHigh',
            expr: 'rate(errors{service="pay"}[5m]) > 1',
          },
        ],
      },
    ],
  }),
];
const scaling = [
  obj('HorizontalPodAutoscaler', 'pay', {
    scaleTargetRef: { kind: 'Deployment', name: 'pay' },
    minReplicas: 3,
    maxReplicas: 10,
    behavior: { scaleDown: { stabilizationWindowSeconds: 300 } },
  }),
  obj('PodDisruptionBudget', 'pay', {
    minAvailable: 2,
    selector: { matchLabels: labels },
  }),
];

function workload(related: KubeObject[], gitops = false): MaturityWorkload {
  const w = gitops
    ? {
        ...deployment,
        metadata: {
          ...deployment.metadata,
          labels: { ...labels, 'argocd.argoproj.io/instance': 'pay' },
        },
      }
    : deployment;
  return {
    cluster: 'prod',
    clusterRole: 'production',
    workload: w,
    pods: [pod],
    related: [service, ...related],
  };
}

const points = (a: ReturnType<typeof assessMaturity>) =>
  Object.fromEntries(a.terms.map(t => [t.component, t.points]));

describe('assessMaturity', () => {
  it('gives not-deployed terms and a score of 0 without workloads', () => {
    const result = assessMaturity({ workloads: [] });
    expect(result.deployed).toBe(false);
    expect(result.score).toBe(0);
    expect(result.terms.every(t => t.status === 'not-deployed')).toBe(true);
    expect(result.findings[0].template).toBe('cloud-native-service');
  });

  it('scores the mesh alone: 20 × 1 × manual 0.5', () => {
    const result = assessMaturity({ workloads: [workload(mesh)] });
    expect(points(result)).toEqual({
      mesh: 10,
      monitoring: 0,
      scaling: 0,
      healing: 0,
      security: 0,
    });
    expect(result.terms[0].signals).toEqual([
      'sidecar',
      'VirtualService',
      'STRICT mTLS',
    ]);
  });

  it('counts GitOps-managed config as enforced', () => {
    const result = assessMaturity({ workloads: [workload(mesh, true)] });
    expect(points(result).mesh).toBe(20);
  });

  it('scores monitoring alone, and halves SLO-less alerting', () => {
    expect(
      points(assessMaturity({ workloads: [workload(monitoring, true)] }))
        .monitoring,
    ).toBe(20);
    const noSlo = obj('PrometheusRule', 'pay', {
      groups: [{ rules: [{ alert: 'PayDown', expr: 'up{job="pay"} == 0' }] }],
    });
    const result = assessMaturity({
      workloads: [workload([monitoring[0], noSlo], true)],
    });
    expect(points(result).monitoring).toBe(15);
    expect(result.findings.map(f => f.message)).toContain(
      'Deployment shop/pay in prod has alert rules but none on an SLO (burn rate or error budget).',
    );
  });

  it('counts SLOs with budget data from the SLO API as SLO monitoring', () => {
    const noSlo = obj('PrometheusRule', 'pay', {
      groups: [{ rules: [{ alert: 'PayDown', expr: 'up{job="pay"} == 0' }] }],
    });
    const related = [monitoring[0], noSlo];
    const budgeted = assessMaturity({
      workloads: [workload(related, true)],
      slos: { total: 2, withBudget: ['pay-availability'] },
    });
    expect(points(budgeted).monitoring).toBe(20);
    expect(
      budgeted.terms.find(t => t.component === 'monitoring')?.signals,
    ).toContain('1 SLO(s) with budget data (pay-availability)');
    // Defined, but no cluster's Prometheus has their events: no share.
    const empty = assessMaturity({
      workloads: [workload(related, true)],
      slos: { total: 1, withBudget: [] },
    });
    expect(points(empty).monitoring).toBe(15);
    expect(empty.findings.map(f => f.message)).toContain(
      "Deployment shop/pay in prod: the entity's 1 SLO(s) have no error-budget data: no cluster's Prometheus has their events.",
    );
  });

  it('scores scaling alone and flags a PDB that blocks evictions at the HPA minimum', () => {
    expect(
      points(assessMaturity({ workloads: [workload(scaling)] })).scaling,
    ).toBe(20);
    const strict = obj('PodDisruptionBudget', 'pay', {
      minAvailable: 3,
      selector: { matchLabels: labels },
    });
    const result = assessMaturity({
      workloads: [workload([scaling[0], strict])],
    });
    expect(points(result).scaling).toBe(14);
    expect(
      result.findings.some(f =>
        /leaves no eviction possible at 3/.test(f.message),
      ),
    ).toBe(true);
  });

  it('scores healing by the strongest covering policy, capped by the annotation', () => {
    const policies = [{ name: 'restart', mode: 'enforce' }];
    expect(
      points(
        assessMaturity({ workloads: [workload([])], healing: { policies } }),
      ).healing,
    ).toBe(20);
    expect(
      points(
        assessMaturity({
          workloads: [workload([])],
          healing: { policies, annotationMode: 'dry-run' },
        }),
      ).healing,
    ).toBe(14);
    expect(
      points(
        assessMaturity({
          workloads: [workload([])],
          healing: { policies: [{ name: 'p', mode: 'approval' }] },
        }),
      ).healing,
    ).toBe(17);
    expect(
      points(
        assessMaturity({
          workloads: [workload([])],
          healing: { policies, annotationMode: 'disabled' },
        }),
      ).healing,
    ).toBe(0);
  });

  it('scores security as posture × 0.2', () => {
    expect(
      points(assessMaturity({ workloads: [workload([])], postureScore: 85 }))
        .security,
    ).toBe(17);
  });

  it('leaves security not assessed, with the reason, when there is no posture score', () => {
    const result = assessMaturity({
      workloads: [workload([])],
      postureUnavailable: 'the security-posture backend answered HTTP 403',
    });
    const security = result.terms.find(t => t.component === 'security')!;
    expect(security).toMatchObject({
      status: 'not-assessed',
      integration: 0,
      points: 0,
      signals: ['not assessed: the security-posture backend answered HTTP 403'],
    });
    expect(result.findings).toContainEqual(
      expect.objectContaining({
        component: 'security',
        message:
          'The security posture of this service was not assessed: the security-posture backend answered HTTP 403.',
      }),
    );
  });

  it('adds every term up to 100 when everything is in place and enforced', () => {
    const result = assessMaturity({
      workloads: [workload([...mesh, ...monitoring, ...scaling], true)],
      postureScore: 100,
      healing: { policies: [{ name: 'restart', mode: 'enforce' }] },
    });
    expect(result.score).toBe(100);
    expect(result.findings).toEqual([]);
  });

  it('scores production workloads only, when there are any', () => {
    const staging = {
      ...workload([...mesh], true),
      cluster: 'stage',
      clusterRole: 'staging',
    };
    const result = assessMaturity({ workloads: [workload([]), staging] });
    expect(points(result).mesh).toBe(4);
  });
});
