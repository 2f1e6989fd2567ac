import { KubeObject } from '../kube';
import { Mutation, deployment, messagesFor } from '../testing/fixtures';
import { hardeningChecks, imageTag } from './hardening';

interface Case {
  id: string;
  pass: Mutation;
  fail: Mutation;
  message: string;
}

const cases: Case[] = [
  {
    id: 'cpu-requests-missing',
    pass: () => undefined,
    fail: (_, c) => delete c.resources.requests.cpu,
    message: 'container app has no cpu request (resources.requests.cpu unset)',
  },
  {
    id: 'memory-requests-missing',
    pass: () => undefined,
    fail: (_, c) => delete c.resources.requests,
    message:
      'container app has no memory request (resources.requests.memory unset)',
  },
  {
    id: 'cpu-limits-missing',
    pass: () => undefined,
    fail: (_, c) => delete c.resources.limits.cpu,
    message: 'container app has no cpu limit (resources.limits.cpu unset)',
  },
  {
    id: 'memory-limits-missing',
    pass: () => undefined,
    fail: (_, c) => delete c.resources.limits,
    message:
      'container app has no memory limit (resources.limits.memory unset)',
  },
  {
    id: 'liveness-probe-missing',
    pass: () => undefined,
    fail: (_, c) => delete c.livenessProbe,
    message: 'container app has no liveness probe (livenessProbe unset)',
  },
  {
    id: 'readiness-probe-missing',
    pass: () => undefined,
    fail: (_, c) => delete c.readinessProbe,
    message: 'container app has no readiness probe (readinessProbe unset)',
  },
  {
    id: 'image-tag-latest',
    pass: (_, c) => (c.image = 'registry:5000/app:latest@sha256:abc'),
    fail: (_, c) => (c.image = 'registry:5000/app:latest'),
    message: 'container app uses image registry:5000/app:latest (tag latest)',
  },
  {
    id: 'image-tag-latest',
    pass: (_, c) => (c.image = 'registry:5000/app:1.0'),
    fail: (_, c) => (c.image = 'registry:5000/app'),
    message: 'container app uses image registry:5000/app (no tag)',
  },
  {
    id: 'image-pull-policy',
    pass: (_, c) => {
      c.image = 'app:latest';
      c.imagePullPolicy = 'Always';
    },
    fail: (_, c) => (c.image = 'app:latest'),
    message:
      'container app pulls a floating tag with imagePullPolicy IfNotPresent',
  },
  {
    id: 'read-only-root-filesystem',
    pass: () => undefined,
    fail: (_, c) => (c.securityContext.readOnlyRootFilesystem = false),
    message:
      'container app has a writable root file system (readOnlyRootFilesystem false)',
  },
  {
    id: 'automount-service-account-token',
    pass: () => undefined,
    fail: pod => delete pod.automountServiceAccountToken,
    message:
      'pod mounts the service account token (automountServiceAccountToken unset)',
  },
  {
    id: 'single-replica',
    pass: (_p, _c, o) => (o.spec.replicas = 2),
    fail: (_p, _c, o) => delete o.spec.replicas,
    message: 'Deployment has 1 replica(s)',
  },
];

function nakedPod(owned: boolean): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name: 'web-1',
      namespace: 'shop',
      ...(owned && {
        ownerReferences: [
          {
            apiVersion: 'apps/v1',
            kind: 'ReplicaSet',
            name: 'web-abc',
            uid: '1',
          },
        ],
      }),
    },
    spec: deployment().spec.template.spec,
  };
}

describe('workload hardening checks', () => {
  it('covers every hardening check with a case', () => {
    const ids = hardeningChecks.map(c => c.definition.id);
    expect(new Set([...cases.map(c => c.id), 'naked-pod'])).toEqual(
      new Set(ids),
    );
  });

  it.each(cases)('$id passes a compliant variant', ({ id, pass }) => {
    expect(messagesFor(id, [deployment(pass)])).toEqual([]);
  });

  it.each(cases)('$id fails: $message', ({ id, fail, message }) => {
    expect(messagesFor(id, [deployment(fail)])).toEqual([message]);
  });

  it('reports single replicas in production clusters only', () => {
    const object = deployment((_p, _c, o) => (o.spec.replicas = 1));
    expect(messagesFor('single-replica', [object])).toHaveLength(1);
    expect(
      messagesFor('single-replica', [object], { clusterRole: 'staging' }),
    ).toEqual([]);
  });

  it("lets the pod's ServiceAccount decide when the pod leaves it unset", () => {
    const account = (automount?: boolean): KubeObject => ({
      apiVersion: 'v1',
      kind: 'ServiceAccount',
      metadata: { name: 'web', namespace: 'shop' },
      ...(automount !== undefined && {
        automountServiceAccountToken: automount,
      }),
    });
    const unset = deployment(pod => {
      delete pod.automountServiceAccountToken;
      pod.serviceAccountName = 'web';
    });
    const id = 'automount-service-account-token';
    expect(messagesFor(id, [unset, account(false)])).toEqual([]);
    expect(messagesFor(id, [unset, account(true)])).toEqual([
      'pod mounts the service account token (automountServiceAccountToken unset, and ServiceAccount web does not set it false)',
    ]);
    expect(messagesFor(id, [unset, account()])).toHaveLength(1);
    // Another namespace's account of the same name is not the pod's.
    const elsewhere = {
      ...account(false),
      metadata: { name: 'web', namespace: 'other' },
    };
    expect(messagesFor(id, [unset, elsewhere])).toEqual([
      'pod mounts the service account token (automountServiceAccountToken unset)',
    ]);
    // The pod's own setting wins over its account's.
    const mounted = deployment(pod => {
      pod.automountServiceAccountToken = true;
      pod.serviceAccountName = 'web';
    });
    expect(messagesFor(id, [mounted, account(false)])).toEqual([
      'pod mounts the service account token (automountServiceAccountToken true)',
    ]);
    // Without serviceAccountName the pod runs as the namespace's default.
    const byDefault = deployment(
      pod => delete pod.automountServiceAccountToken,
    );
    const defaultAccount = {
      ...account(false),
      metadata: { name: 'default', namespace: 'shop' },
    };
    expect(messagesFor(id, [byDefault, defaultAccount])).toEqual([]);
  });

  it('reports naked pods and skips pods a controller owns', () => {
    expect(messagesFor('naked-pod', [nakedPod(false)])).toEqual([
      'pod has no owner (metadata.ownerReferences unset)',
    ]);
    expect(messagesFor('naked-pod', [nakedPod(true)])).toEqual([]);
    expect(messagesFor('naked-pod', [deployment()])).toEqual([]);
  });

  it('evaluates the jobTemplate of CronJobs without probe checks', () => {
    const { spec } = deployment(pod => {
      delete pod.containers[0].livenessProbe;
      delete pod.containers[0].readinessProbe;
      pod.containers[0].securityContext.privileged = true;
    });
    const cronJob: KubeObject = {
      apiVersion: 'batch/v1',
      kind: 'CronJob',
      metadata: { name: 'backup', namespace: 'shop' },
      spec: {
        schedule: '0 * * * *',
        jobTemplate: { spec: { template: spec.template } },
      },
    };
    expect(messagesFor('privileged-container', [cronJob])).toEqual([
      'container app runs privileged (privileged true)',
    ]);
    expect(messagesFor('liveness-probe-missing', [cronJob])).toEqual([]);
    expect(messagesFor('readiness-probe-missing', [cronJob])).toEqual([]);
  });

  it('parses image tags', () => {
    expect(imageTag('nginx')).toBeUndefined();
    expect(imageTag('nginx:1.27')).toBe('1.27');
    expect(imageTag('localhost:5000/nginx')).toBeUndefined();
    expect(imageTag('localhost:5000/nginx:latest')).toBe('latest');
    expect(imageTag('nginx@sha256:0123')).toBe('@digest');
  });
});
