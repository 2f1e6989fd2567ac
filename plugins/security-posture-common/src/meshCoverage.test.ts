import { KubeObject } from './kube';
import {
  combineMeshCoverage,
  summarizeMeshCoverage,
  workloadMeshCoverage,
} from './meshCoverage';
import { assessObjects, runChecks } from './runChecks';
import { deployment, istio, namespace } from './testing/fixtures';

function workload(
  namespaceName: string,
  name: string,
  kind = 'Deployment',
): KubeObject {
  return deployment((_pod, _container, object) => {
    object.kind = kind;
    object.metadata = { name, namespace: namespaceName };
    object.spec.template.metadata.labels = { app: name };
  });
}

const selecting = (app: string) => ({ selector: { matchLabels: { app } } });

// Cluster a: mesh-wide STRICT; in shop, web has its AuthorizationPolicy, api
// none, db a PERMISSIVE policy of its own; legacy runs no sidecars. Not
// counted: the CronJob, kube-system and the gateway.
const clusterA: KubeObject[] = [
  namespace('shop', { 'istio-injection': 'enabled' }),
  namespace('legacy'),
  istio('PeerAuthentication', 'default', 'istio-system', {
    mtls: { mode: 'STRICT' },
  }),
  istio('AuthorizationPolicy', 'web', 'shop', selecting('web')),
  istio('PeerAuthentication', 'db', 'shop', {
    ...selecting('db'),
    mtls: { mode: 'PERMISSIVE' },
  }),
  istio('AuthorizationPolicy', 'db', 'shop', selecting('db')),
  workload('shop', 'web'),
  workload('shop', 'api'),
  workload('shop', 'db', 'StatefulSet'),
  workload('legacy', 'old'),
  {
    apiVersion: 'batch/v1',
    kind: 'CronJob',
    metadata: { name: 'backup', namespace: 'shop' },
    spec: {
      jobTemplate: {
        spec: { template: { spec: { containers: [{ name: 'backup' }] } } },
      },
    },
  },
  workload('kube-system', 'coredns'),
  deployment((_p, container, object) => {
    container.name = 'istio-proxy';
    object.metadata = { name: 'ingressgateway', namespace: 'shop' };
  }),
];

// Cluster b: pay is injected by revision, STRICT namespace-wide, and a
// root-namespace AuthorizationPolicy applies everywhere; c disables mTLS.
const clusterB: KubeObject[] = [
  namespace('pay', { 'istio.io/rev': 'stable' }),
  istio('PeerAuthentication', 'default', 'pay', { mtls: { mode: 'STRICT' } }),
  istio('PeerAuthentication', 'c', 'pay', {
    ...selecting('c'),
    mtls: { mode: 'DISABLE' },
  }),
  istio('AuthorizationPolicy', 'deny-nothing', 'istio-system', {
    action: 'DENY',
    rules: [{ to: [{ operation: { paths: ['/admin'] } }] }],
  }),
  workload('pay', 'a'),
  workload('pay', 'b', 'StatefulSet'),
  workload('pay', 'c'),
];

describe('workloadMeshCoverage', () => {
  it('judges each serving workload on sidecar, STRICT mTLS and authorization', () => {
    expect(
      workloadMeshCoverage(clusterA, { cluster: 'a' }).map(
        w =>
          `${w.resource.cluster} ${w.resource.kind} ${w.resource.namespace}/${
            w.resource.name
          }: sidecar ${w.sidecar}, mtls ${w.mtls ?? '-'}, authorized ${
            w.authorized
          }, covered ${w.covered}`,
      ),
    ).toEqual([
      'a Deployment shop/web: sidecar true, mtls STRICT, authorized true, covered true',
      'a Deployment shop/api: sidecar true, mtls STRICT, authorized false, covered false',
      'a StatefulSet shop/db: sidecar true, mtls PERMISSIVE, authorized true, covered false',
      'a Deployment legacy/old: sidecar false, mtls -, authorized false, covered false',
    ]);
  });

  it('counts a small fleet as worked out by hand', () => {
    const a = summarizeMeshCoverage(workloadMeshCoverage(clusterA));
    const b = summarizeMeshCoverage(workloadMeshCoverage(clusterB));
    // a: web of web, api, db, old. b: a and b of a, b, c.
    expect(a).toEqual({ covered: 1, total: 4, ratio: 0.25 });
    expect(b).toEqual({ covered: 2, total: 3, ratio: 2 / 3 });
    expect(combineMeshCoverage([a, b])).toEqual({
      covered: 3,
      total: 7,
      ratio: 3 / 7,
    });
  });

  it('comes with the findings from one index in assessObjects', () => {
    const options = { cluster: 'a', clusterRole: 'production' };
    const assessed = assessObjects(clusterA, options);
    expect(assessed.findings).toEqual(runChecks(clusterA, options));
    expect(assessed.meshCoverage).toEqual(
      workloadMeshCoverage(clusterA, { cluster: 'a' }),
    );
    expect(summarizeMeshCoverage(assessed.meshCoverage).covered).toBe(1);
  });

  it('has no ratio without a workload', () => {
    expect(summarizeMeshCoverage([])).toEqual({
      covered: 0,
      total: 0,
      ratio: null,
    });
    expect(combineMeshCoverage([])).toEqual({
      covered: 0,
      total: 0,
      ratio: null,
    });
  });
});
