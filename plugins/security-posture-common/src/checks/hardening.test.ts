import { KubeObject } from '../kube';
import { CHECKS } from '../runChecks';
import { Mutation, deployment, messagesFor } from '../testing/fixtures';
import { imageTag } from './hardening';

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
  {
    id: 'plaintext-credentials',
    pass: (_, c) =>
      (c.env = [
        { name: 'LOG_LEVEL', value: 'info' },
        {
          name: 'API_TOKEN',
          valueFrom: { secretKeyRef: { name: 's', key: 'token' } },
        },
      ]),
    fail: (_, c) => (c.env = [{ name: 'db_password', value: 'hunter2' }]),
    message:
      'container app sets db_password as a plaintext value (env[].value)',
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
        ownerReferences: [{ kind: 'ReplicaSet', name: 'web-abc', uid: '1' }],
      }),
    },
    spec: deployment().spec.template.spec,
  };
}

describe('workload hardening checks', () => {
  it('covers every hardening check with a case', () => {
    const ids = CHECKS.filter(c =>
      ['workload-hardening', 'reliability', 'efficiency'].includes(c.category),
    ).map(c => c.id);
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

  it('never echoes a credential value', () => {
    const object = deployment(
      (_, c) => (c.env = [{ name: 'DB_PASSWORD', value: 'hunter2' }]),
    );
    expect(
      JSON.stringify(messagesFor('plaintext-credentials', [object])),
    ).not.toContain('hunter2');
  });

  it('reports single replicas in production clusters only', () => {
    const object = deployment((_p, _c, o) => (o.spec.replicas = 1));
    expect(messagesFor('single-replica', [object])).toHaveLength(1);
    expect(
      messagesFor('single-replica', [object], { clusterRole: 'staging' }),
    ).toEqual([]);
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
