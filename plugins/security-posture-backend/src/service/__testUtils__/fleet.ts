import { mockServices } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** A root container with no probes or limits: many findings, one of them run-as-non-root. */
const ROOT_POD_SPEC = `
      containers:
        - name: engine
          image: registry.example.com/trading/engine:2.4.1
          securityContext: { runAsUser: 0 }`;

const CLUSTER = `
apiVersion: v1
kind: Node
metadata: { name: node-1, uid: n1 }
---
apiVersion: v1
kind: Namespace
metadata: { name: trading, uid: ns1 }
`;

const WORKLOADS = `
apiVersion: apps/v1
kind: Deployment
metadata:
  name: trading-engine
  namespace: trading
  uid: d1
  labels: { backstage.io/kubernetes-id: trading-engine }
spec:
  replicas: 2
  template:
    metadata: { labels: { app: trading-engine, backstage.io/kubernetes-id: trading-engine } }
    spec:${ROOT_POD_SPEC}
---
apiVersion: apps/v1
kind: ReplicaSet
metadata:
  name: trading-engine-5d4f
  namespace: trading
  uid: rs1
  ownerReferences: [{ apiVersion: apps/v1, kind: Deployment, name: trading-engine, uid: d1, controller: true }]
---
apiVersion: v1
kind: Pod
metadata:
  name: trading-engine-5d4f-abcde
  namespace: trading
  uid: p1
  labels: { app: trading-engine, backstage.io/kubernetes-id: trading-engine }
  ownerReferences: [{ apiVersion: apps/v1, kind: ReplicaSet, name: trading-engine-5d4f, uid: rs1, controller: true }]
spec:${ROOT_POD_SPEC.replace(/\n {4}/g, '\n')}
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: risk-service
  namespace: trading
  uid: d2
  annotations:
    cloud-native-platform.io/posture-exceptions: '[{"check":"run-as-non-root","reason":"vendor image","owner":"group:default/trading-team","expires":"2099-12-31"}]'
spec:
  replicas: 2
  template:
    metadata: { labels: { app: risk-service } }
    spec:${ROOT_POD_SPEC}
`;

/**
 * dr only: a namespace in the mesh whose one workload has STRICT mTLS and an
 * AuthorizationPolicy, so that dr's mesh coverage is 1 of 3 workloads.
 */
const MESH_NAMESPACE = `
apiVersion: v1
kind: Namespace
metadata: { name: payments, uid: ns2, labels: { istio-injection: enabled } }
---
apiVersion: apps/v1
kind: Deployment
metadata: { name: payments-api, namespace: payments, uid: d3 }
spec:
  replicas: 2
  template:
    metadata: { labels: { app: payments-api } }
    spec:
      containers:
        - name: api
          image: registry.example.com/payments/api:1.0.0
---
apiVersion: security.istio.io/v1
kind: PeerAuthentication
metadata: { name: default, namespace: payments, uid: pa1 }
spec: { mtls: { mode: STRICT } }
---
apiVersion: security.istio.io/v1
kind: AuthorizationPolicy
metadata: { name: payments-api, namespace: payments, uid: ap1 }
spec:
  selector: { matchLabels: { app: payments-api } }
  rules: [{ from: [{ source: { principals: [cluster.local/ns/shop/sa/checkout] } }] }]
`;

/** Cluster directories of a small fleet: prod and dr load, staging is degraded by a broken file. */
export function writeFleet(): { dir: string; clusters: any[] } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'posture-'));
  for (const cluster of ['prod', 'staging', 'dr']) {
    fs.mkdirSync(path.join(dir, cluster, 'trading'), { recursive: true });
    fs.writeFileSync(path.join(dir, cluster, 'cluster.yaml'), CLUSTER);
    fs.writeFileSync(
      path.join(dir, cluster, 'trading', 'workloads.yaml'),
      WORKLOADS,
    );
  }
  fs.writeFileSync(path.join(dir, 'dr', 'payments.yaml'), MESH_NAMESPACE);
  fs.writeFileSync(
    path.join(dir, 'staging', 'trading', 'broken.yaml'),
    'apiVersion: v1\nkind: Service\nmetadata:\n  name: [unclosed\n',
  );
  return {
    dir,
    clusters: [
      {
        name: 'prod',
        role: 'production',
        manifests: { path: path.join(dir, 'prod') },
      },
      {
        name: 'staging',
        role: 'staging',
        manifests: { path: path.join(dir, 'staging') },
      },
      {
        name: 'dr',
        role: 'disaster-recovery',
        manifests: { path: path.join(dir, 'dr') },
      },
    ],
  };
}

/** The catalog of the fleet: one component with an entity exception, its team, and a component of another team. */
export function fleetCatalog() {
  return catalogServiceMock.factory({
    entities: [
      {
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'Component',
        metadata: {
          name: 'trading-engine',
          namespace: 'default',
          annotations: {
            'backstage.io/kubernetes-id': 'trading-engine',
            'cloud-native-platform.io/clusters': 'prod,staging,dr',
            'cloud-native-platform.io/posture-exceptions':
              '[{"check":"readiness-probe-missing","reason":"batch-style engine","owner":"group:default/trading-team","expires":"2099-12-31"}]',
          },
        },
        spec: {
          type: 'service',
          owner: 'trading-team',
          lifecycle: 'production',
        },
      },
      {
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'Component',
        metadata: { name: 'docs-site', namespace: 'default' },
        spec: {
          type: 'website',
          owner: 'group:default/web-team',
          lifecycle: 'production',
        },
      },
      {
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'Group',
        metadata: { name: 'trading-team', namespace: 'default' },
        spec: { type: 'team', children: [] },
      },
    ],
  });
}

/** Root config of the fleet with optional extra keys. */
export function fleetConfig(
  clusters: any[],
  extra: Record<string, unknown> = {},
) {
  return mockServices.rootConfig.factory({
    data: { cloudNativePlatform: { clusters }, ...extra },
  });
}

/** Polls until the probe returns a value or 10 s have passed. */
export async function waitFor<T>(
  probe: () => Promise<T | undefined>,
): Promise<T> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise(resolve => setTimeout(resolve, 50));
  }
}
