import { mockServices } from '@backstage/backend-test-utils';
import {
  DefaultClusterStateService,
  KubeObject,
} from '@cloud-native-platform/plugin-cloud-native-node';

const uid = (name: string) => `uid-${name}`;

/** A risk-service Deployment with a ReplicaSet and three pods, one crash-looping. */
export function riskServiceObjects(): KubeObject[] {
  const labels = {
    app: 'risk-service',
    'backstage.io/kubernetes-id': 'risk-service',
  };
  const pod = (i: number, ready: boolean): KubeObject => ({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name: `risk-service-abc-${i}`,
      namespace: 'trading',
      uid: uid(`pod-${i}`),
      labels,
      ownerReferences: [
        {
          apiVersion: 'apps/v1',
          kind: 'ReplicaSet',
          name: 'risk-service-abc',
          uid: uid('rs'),
          controller: true,
        },
      ],
    },
    status: {
      phase: 'Running',
      conditions: [{ type: 'Ready', status: ready ? 'True' : 'False' }],
    },
  });
  return [
    { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'trading' } },
    {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: {
        name: 'risk-service',
        namespace: 'trading',
        uid: uid('deploy'),
        labels,
        annotations: { 'deployment.kubernetes.io/revision': '2' },
      },
      spec: {
        replicas: 3,
        template: {
          metadata: { labels },
          spec: { containers: [{ name: 'risk', image: 'risk:2' }] },
        },
      },
    },
    {
      apiVersion: 'apps/v1',
      kind: 'ReplicaSet',
      metadata: {
        name: 'risk-service-abc',
        namespace: 'trading',
        uid: uid('rs'),
        labels,
        annotations: { 'deployment.kubernetes.io/revision': '2' },
        ownerReferences: [
          {
            apiVersion: 'apps/v1',
            kind: 'Deployment',
            name: 'risk-service',
            uid: uid('deploy'),
            controller: true,
          },
        ],
      },
      spec: { replicas: 3 },
    },
    pod(1, true),
    pod(2, true),
    pod(3, false),
  ];
}

/** A started cluster state with one manifests-type cluster holding `objects`. */
export async function testClusterState(
  objects: KubeObject[] = riskServiceObjects(),
  name = 'prod-east-b',
) {
  const state = new DefaultClusterStateService({
    clusters: [
      {
        name,
        role: 'production',
        labels: {},
        source: { type: 'manifests', path: '/nowhere' },
        origin: 'test',
      },
    ],
    logger: mockServices.logger.mock(),
    sourceFactories: {
      manifests: context => ({
        async start() {
          for (const o of objects) context.store.upsert(structuredClone(o));
          context.status.markSynced();
        },
        async stop() {},
      }),
    },
  });
  await state.start();
  return state;
}

/** An Alertmanager v4 payload. */
export function alertmanagerPayload(
  alerts: Array<
    Partial<{
      fingerprint: string;
      status: string;
      labels: Record<string, string>;
      startsAt: string;
    }>
  >,
) {
  return {
    version: '4',
    groupKey: '{}:{alertname="PodCrashLooping"}',
    status: 'firing',
    receiver: 'healing',
    alerts: alerts.map((a, i) => ({
      status: a.status ?? 'firing',
      labels: a.labels ?? {
        alertname: 'PodCrashLooping',
        cluster: 'prod-east-b',
        namespace: 'trading',
        deployment: 'risk-service',
      },
      annotations: {},
      startsAt: a.startsAt ?? '2026-11-26T10:00:00Z',
      endsAt: '0001-01-01T00:00:00Z',
      fingerprint: a.fingerprint ?? `fp-${i}`,
    })),
  };
}
