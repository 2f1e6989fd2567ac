import type { Deployment } from '@cloud-native-platform/plugin-cloud-native-common';
import { ClusterObject, objectsView } from '../objects';
import { changeDiff } from './changeDiff';
import { planEviction } from './planEviction';
import { planRestart } from './planRestart';
import { planRollback, REVISION_ANNOTATION } from './planRollback';
import { planScale } from './planScale';
import { planTrafficShift } from './planTrafficShift';
import { PlanResult } from './HealingPlan';

const now = new Date('2026-11-26T10:00:00Z');

// Built from parts so no scanner takes the fixtures for real secrets.
const SECRET = {
  url: 'Ledg3r-url-pass',
  pem: 'MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7VJTUt9Us8cKj',
  bearer: 'mF_9.B5f-4.1JqMbearer',
  jwt: [
    'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9',
    'eyJzdWIiOiIxMjM0NTY3ODkwIn0',
    'SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c',
  ].join('.'),
  random: 'q8Vt3Rk2Lp9XzW4mNc7JhYb6Fs1D',
  named: 'plain-named-secret',
};
const PEM = [
  `-----BEGIN ${'PRIVATE'} KEY-----`,
  SECRET.pem,
  `-----END ${'PRIVATE'} KEY-----`,
].join('\n');

const env = (suffix = '') => [
  { name: 'LEDGER_URL', value: `postgres://u:${SECRET.url}${suffix}@db/x` },
  { name: 'SIGNING_MATERIAL', value: PEM },
  { name: 'UPSTREAM_AUTH', value: `Bearer ${SECRET.bearer}${suffix}` },
  { name: 'SESSION', value: SECRET.jwt },
  { name: 'SEED', value: SECRET.random },
  { name: 'RISK_PASSWORD', value: `${SECRET.named}${suffix}` },
  { name: 'LOG_LEVEL', value: 'INFO' },
];

const template = (image: string, suffix = '') => ({
  metadata: { labels: { app: 'risk-service' } },
  spec: {
    containers: [
      { name: 'risk', image, env: env(suffix), args: ['--port', '8080'] },
      { name: 'proxy', image: 'istio/proxyv2:1.22.0' },
    ],
  },
});

const deployment: ClusterObject = {
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: {
    name: 'risk-service',
    namespace: 'trading',
    uid: 'd1',
    labels: { app: 'risk-service' },
    annotations: { [REVISION_ANNOTATION]: '4' },
    managedFields: [{ manager: 'kubectl' }],
  },
  spec: { replicas: 3, template: template('risk:2.4.1') },
  status: { replicas: 3 },
};

const replicaSet = (revision: number, image: string, suffix = '') => ({
  apiVersion: 'apps/v1',
  kind: 'ReplicaSet',
  metadata: {
    name: `risk-service-${revision}`,
    namespace: 'trading',
    uid: `rs${revision}`,
    annotations: { [REVISION_ANNOTATION]: String(revision) },
    ownerReferences: [
      {
        apiVersion: 'apps/v1',
        kind: 'Deployment',
        name: 'risk-service',
        uid: 'd1',
        controller: true,
      },
    ],
  },
  spec: {
    template: {
      ...template(image, suffix),
      metadata: {
        labels: { app: 'risk-service', 'pod-template-hash': `h${revision}` },
      },
    },
  },
});

const pod: ClusterObject = {
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: {
    name: 'risk-service-4-abcde',
    namespace: 'trading',
    uid: 'p1',
    ownerReferences: [
      {
        apiVersion: 'apps/v1',
        kind: 'ReplicaSet',
        name: 'risk-service-4',
        uid: 'rs4',
      },
    ],
  },
  spec: template('risk:2.4.1').spec,
  status: { phase: 'Running' },
};

const virtualService: ClusterObject = {
  apiVersion: 'networking.istio.io/v1',
  kind: 'VirtualService',
  metadata: { name: 'risk-service', namespace: 'trading', uid: 'vs' },
  spec: {
    hosts: ['risk-service.trading.svc.cluster.local'],
    http: [
      {
        name: 'primary',
        headers: {
          request: { set: { authorization: `Bearer ${SECRET.bearer}` } },
        },
        route: [
          {
            destination: { host: 'risk-service', subset: 'stable' },
            weight: 90,
          },
          {
            destination: { host: 'risk-service', subset: 'canary' },
            weight: 10,
          },
        ],
      },
    ],
  },
};

const view = objectsView([
  deployment,
  replicaSet(3, 'risk:2.4.0', '-old'),
  replicaSet(4, 'risk:2.4.1'),
  pod,
  virtualService,
]);
const context = { view, workload: deployment, now };

function changeOf(result: PlanResult) {
  if (!result.ok) throw new Error(result.reason);
  const { before, after } = result.plan.change;
  for (const text of [before, after]) {
    for (const secret of Object.values(SECRET)) {
      expect({ secret, leaked: (text ?? '').includes(secret) }).toEqual({
        secret,
        leaked: false,
      });
    }
  }
  return { before, after };
}

const lines = (...rows: string[]) => `${rows.join('\n')}\n`;

describe('the diff of a change holds only what the action changes', () => {
  it('restart: the pod-template annotation it adds', () => {
    expect(changeOf(planRestart(context))).toEqual({
      before: lines('spec:', '  template:', '    metadata: {}'),
      after: lines(
        'spec:',
        '  template:',
        '    metadata:',
        '      annotations:',
        `        kubectl.kubernetes.io/restartedAt: ${now.toISOString()}`,
      ),
    });
  });

  it('scale: spec.replicas', () => {
    expect(changeOf(planScale(context, { step: 2, max: 10 }))).toEqual({
      before: lines('spec:', '  replicas: 3'),
      after: lines('spec:', '  replicas: 5'),
    });
  });

  it('traffic shift: the route weights, named by their destinations', () => {
    const { before, after } = changeOf(
      planTrafficShift(context, { percent: 100, toSubset: 'stable' }),
    );
    const route = (stable: number, canary: number) =>
      lines(
        'spec:',
        '  http:',
        '  - name: primary',
        '    route:',
        '    - destination:',
        '        host: risk-service',
        '        subset: stable',
        `      weight: ${stable}`,
        '    - destination:',
        '        host: risk-service',
        '        subset: canary',
        `      weight: ${canary}`,
      );
    expect(before).toBe(route(90, 10));
    expect(after).toBe(route(100, 0));
  });

  it('rollback: the pod template fields that differ, secrets redacted', () => {
    const { before, after } = changeOf(planRollback(context));
    const container = (image: string) =>
      lines(
        'spec:',
        '  template:',
        '    spec:',
        '      containers:',
        '      - name: risk',
        `        image: ${image}`,
        '        env:',
        '        - name: LEDGER_URL',
        '          value: "postgres://<redacted>@db/x"',
        '        - name: UPSTREAM_AUTH',
        '          value: "Bearer <redacted>"',
        '        - name: RISK_PASSWORD',
        '          value: "<redacted>"',
      );
    expect(before).toBe(container('risk:2.4.1'));
    expect(after).toBe(container('risk:2.4.0'));
  });

  it('eviction: the pod by its name only', () => {
    expect(changeOf(planEviction(context, pod.metadata.name))).toEqual({
      before: lines(
        'apiVersion: v1',
        'kind: Pod',
        'metadata:',
        '  name: risk-service-4-abcde',
        '  namespace: trading',
      ),
      after: undefined,
    });
  });

  it('adds and removes list elements whole, matched by name', () => {
    const next = structuredClone(deployment) as Deployment;
    next.spec!.template.spec!.containers = [
      next.spec!.template.spec!.containers[0],
      {
        name: 'sidecar',
        image: 'envoy:1.30',
        env: [{ name: 'TOKEN', value: 'x' }],
      },
    ];
    expect(changeDiff(deployment, next)).toEqual({
      before: lines(
        'spec:',
        '  template:',
        '    spec:',
        '      containers:',
        '      - name: proxy',
        '        image: istio/proxyv2:1.22.0',
      ),
      after: lines(
        'spec:',
        '  template:',
        '    spec:',
        '      containers:',
        '      - name: sidecar',
        '        image: envoy:1.30',
        '        env:',
        '        - name: TOKEN',
        '          value: "<redacted>"',
      ),
    });
  });

  it('records nothing when nothing changes', () => {
    expect(changeDiff(deployment, structuredClone(deployment))).toEqual({});
  });
});
