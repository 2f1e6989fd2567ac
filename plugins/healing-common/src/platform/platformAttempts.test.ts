import { KubeEventLike, KubeObjectLike } from './kube';
import { platformAttemptId, platformAttempts } from './platformAttempts';

const NOW = new Date('2026-01-10T12:00:00Z');
const at = (hhmm: string) => `2026-01-10T${hhmm}:00Z`;

function deployment(
  name: string,
  status: object = {},
  extra: object = {},
): KubeObjectLike {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: {
      name,
      namespace: 'shop',
      uid: `uid-${name}`,
      labels: { 'backstage.io/kubernetes-id': name },
    },
    spec: { replicas: 3 },
    status: { replicas: 3, readyReplicas: 3, availableReplicas: 3, ...status },
    ...extra,
  };
}

function replicaSet(
  name: string,
  owner: string,
  annotations: Record<string, string> = {},
): KubeObjectLike {
  return {
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: {
      name,
      namespace: 'shop',
      uid: `uid-${name}`,
      annotations,
      ownerReferences: [
        {
          apiVersion: 'apps/v1',
          kind: 'Deployment',
          name: owner,
          uid: `uid-${owner}`,
          controller: true,
        },
      ],
    },
  };
}

function pod(
  name: string,
  rs: string,
  fields: {
    node?: string;
    ready?: boolean;
    created?: string;
    status?: object;
    ownerKind?: string;
  },
): KubeObjectLike {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name,
      namespace: 'shop',
      uid: `uid-${name}`,
      creationTimestamp: fields.created ?? at('00:00'),
      ownerReferences: [
        {
          apiVersion: 'apps/v1',
          kind: fields.ownerKind ?? 'ReplicaSet',
          name: rs,
          uid: `uid-${rs}`,
          controller: true,
        },
      ],
    },
    spec: { nodeName: fields.node ?? 'node-1' },
    status: {
      phase: 'Running',
      conditions: [
        {
          type: 'Ready',
          status: fields.ready === false ? 'False' : 'True',
          lastTransitionTime: fields.created ?? at('00:00'),
        },
      ],
      ...fields.status,
    },
  };
}

function event(
  kind: string,
  name: string,
  reason: string,
  time: string,
  fields: Partial<KubeEventLike> = {},
): KubeEventLike {
  return {
    involvedObject: {
      kind,
      name,
      namespace: kind === 'Node' ? undefined : 'shop',
      ...fields.involvedObject,
    },
    reason,
    firstTimestamp: time,
    lastTimestamp: fields.lastTimestamp ?? time,
    type: 'Warning',
    ...fields,
  } as KubeEventLike;
}

function container(
  state: object,
  restartCount: number,
  ready: boolean,
  lastState: object = {},
) {
  return {
    containerStatuses: [{ name: 'api', restartCount, ready, state, lastState }],
  };
}

describe('platformAttempts', () => {
  const app = [deployment('api'), replicaSet('api-5d9f', 'api')];

  it('records a crash loop Kubernetes recovered, owned by the Deployment', () => {
    const objects = [
      ...app,
      pod('api-5d9f-aaaaa', 'api-5d9f', {
        status: container({ running: { startedAt: at('10:20') } }, 4, true, {
          terminated: { exitCode: 2, reason: 'Error', finishedAt: at('10:19') },
        }),
      }),
    ];
    const events = [
      event('Pod', 'api-5d9f-aaaaa', 'BackOff', at('10:00'), {
        count: 9,
        involvedObject: {
          kind: 'Pod',
          name: 'api-5d9f-aaaaa',
          namespace: 'shop',
          fieldPath: 'spec.containers{api}',
        },
      }),
    ];
    const seen: string[] = [];
    const [attempt] = platformAttempts({
      cluster: 'c1',
      objects,
      events,
      now: NOW,
      entityRefOf: w => {
        seen.push(w.kind);
        return `component:default/${w.metadata.name}`;
      },
    });
    expect(attempt).toMatchObject({
      kind: 'platform',
      cluster: 'c1',
      target: {
        cluster: 'c1',
        namespace: 'shop',
        kind: 'Deployment',
        name: 'api',
        entityRef: 'component:default/api',
      },
      action: 'restart',
      mode: 'enforce',
      status: 'healed',
      createdAt: '2026-01-10T10:00:00.000Z',
      resolvedAt: '2026-01-10T10:20:00.000Z',
      mttrSeconds: 1200,
    });
    expect(attempt.id).toMatch(/^platform-[0-9a-f]{16}$/);
    expect(attempt.steps[0]).toMatchObject({
      name: 'action',
      summary: 'kubelet restarted container api 4 times (Error)',
    });
    expect(seen).toEqual(['Deployment']);
  });

  it('keeps the id of a crash loop while it goes on and once it recovers', () => {
    const looping = (restarts: number, state: object) => [
      ...app,
      pod('api-5d9f-aaaaa', 'api-5d9f', {
        status: container(state, restarts, 'running' in state),
      }),
    ];
    const events = [event('Pod', 'api-5d9f-aaaaa', 'BackOff', at('10:00'))];
    const first = platformAttempts({
      cluster: 'c1',
      objects: looping(3, { waiting: { reason: 'CrashLoopBackOff' } }),
      events,
      now: NOW,
    });
    const later = platformAttempts({
      cluster: 'c1',
      objects: looping(9, { running: { startedAt: at('11:00') } }),
      events,
      now: NOW,
    });
    expect(first[0].status).toBe('failed');
    expect(first[0].reason).toMatch(
      /^container api still in CrashLoopBackOff after 120 min$/,
    );
    expect(later[0].status).toBe('healed');
    expect(later[0].id).toBe(first[0].id);
    expect(
      platformAttempts({
        cluster: 'c2',
        objects: looping(3, {}),
        events,
        now: NOW,
      })[0].id,
    ).not.toBe(first[0].id);
  });

  it('heals an eviction once a replacement is ready on another node', () => {
    const evicted = event('Pod', 'api-5d9f-gone1', 'Evicted', at('09:00'), {
      message: 'The node was low on resource: memory.',
      source: { component: 'kubelet', host: 'node-1' },
    });
    const replacement = pod('api-5d9f-new01', 'api-5d9f', {
      node: 'node-2',
      created: at('09:01'),
    });
    const [healed] = platformAttempts({
      cluster: 'c1',
      objects: [...app, replacement],
      events: [evicted],
      now: NOW,
    });
    expect(healed).toMatchObject({
      action: 'evict',
      status: 'healed',
      target: { kind: 'Deployment', name: 'api' },
      mttrSeconds: 60,
    });
    expect(healed.steps.map(s => s.summary)).toEqual([
      'kubelet evicted pod api-5d9f-gone1 from node node-1 (The node was low on resource: memory.)',
      'Deployment controller replaced it with pod api-5d9f-new01, ready on node-2',
    ]);

    const stuck = pod('api-5d9f-new02', 'api-5d9f', {
      created: at('09:01'),
      status: {
        phase: 'Pending',
        conditions: [
          {
            type: 'PodScheduled',
            status: 'False',
            reason: 'Unschedulable',
            message:
              '0/3 nodes are available: 3 Insufficient memory. preemption: 0/3 nodes',
          },
        ],
      },
    });
    const [failed] = platformAttempts({
      cluster: 'c1',
      objects: [...app, stuck],
      events: [evicted],
      now: NOW,
    });
    expect(failed.status).toBe('failed');
    expect(failed.reason).toBe(
      '1 replacement pod Pending after 3.0 h: 0/3 nodes are available: 3 Insufficient memory.',
    );
  });

  it('follows a NotReady node to Ready, or to its pods evicted', () => {
    const node = (ready: boolean, since: string): KubeObjectLike => ({
      apiVersion: 'v1',
      kind: 'Node',
      metadata: { name: 'node-3', uid: 'uid-node-3' },
      status: {
        conditions: [
          {
            type: 'Ready',
            status: ready ? 'True' : 'Unknown',
            lastTransitionTime: since,
            message: 'Kubelet stopped posting node status.',
          },
        ],
      },
    });
    const notReady = event('Node', 'node-3', 'NodeNotReady', at('08:00'), {
      type: 'Normal',
    });
    const [back] = platformAttempts({
      cluster: 'c1',
      objects: [node(true, at('08:05'))],
      events: [notReady],
      now: NOW,
    });
    expect(back).toMatchObject({
      target: { kind: 'Node', name: 'node-3' },
      action: 'evict',
      status: 'healed',
      mttrSeconds: 300,
    });

    const onNode = pod('api-5d9f-bbbbb', 'api-5d9f', {
      node: 'node-3',
      ready: false,
    });
    const [down] = platformAttempts({
      cluster: 'c1',
      objects: [...app, node(false, at('08:00')), onNode],
      events: [notReady],
      now: NOW,
    });
    expect(down.status).toBe('failed');
    expect(down.reason).toBe(
      'node node-3 still NotReady after 4.0 h; 1 workload pod still bound to it (api-5d9f-bbbbb)',
    );

    const eviction = event(
      'Pod',
      'api-5d9f-bbbbb',
      'TaintManagerEviction',
      at('08:06'),
      { type: 'Normal', source: { component: 'taint-eviction-controller' } },
    );
    const moved = platformAttempts({
      cluster: 'c1',
      objects: [
        ...app,
        node(false, at('08:00')),
        pod('api-5d9f-ccccc', 'api-5d9f', {
          node: 'node-1',
          created: at('08:07'),
        }),
      ],
      events: [notReady, eviction],
      now: NOW,
    });
    expect(moved.find(a => a.target.kind === 'Node')).toMatchObject({
      status: 'healed',
      resolvedAt: '2026-01-10T08:06:00.000Z',
    });
    expect(moved.find(a => a.target.kind === 'Deployment')).toMatchObject({
      action: 'evict',
      status: 'healed',
    });
  });

  it('checks an HPA rescale against the ready replicas', () => {
    const hpa: KubeObjectLike = {
      apiVersion: 'autoscaling/v2',
      kind: 'HorizontalPodAutoscaler',
      metadata: { name: 'api', namespace: 'shop', uid: 'uid-hpa' },
      spec: {
        scaleTargetRef: { kind: 'Deployment', name: 'api' },
        minReplicas: 2,
        maxReplicas: 10,
      },
      status: { desiredReplicas: 5, currentReplicas: 5 },
    };
    const rescale = event(
      'HorizontalPodAutoscaler',
      'api',
      'SuccessfulRescale',
      at('11:00'),
      {
        type: 'Normal',
        message:
          'New size: 5; reason: cpu resource utilization (percentage of request) above target',
      },
    );
    const run = (ready: number) =>
      platformAttempts({
        cluster: 'c1',
        objects: [deployment('api', { readyReplicas: ready }), hpa],
        events: [rescale],
        now: NOW,
      })[0];
    expect(run(5)).toMatchObject({
      action: 'scale',
      status: 'healed',
      target: { kind: 'Deployment', name: 'api' },
    });
    expect(run(5).steps[0].summary).toBe(
      'horizontal-pod-autoscaler rescaled Deployment shop/api to 5 replicas (cpu resource utilization (percentage of request) above target)',
    );
    expect(run(3)).toMatchObject({
      status: 'failed',
      reason: 'Deployment shop/api has 3/5 replicas ready after 60 min',
    });
  });

  it('records an Argo Rollouts abort and a Deployment going back a revision', () => {
    const rollout: KubeObjectLike = {
      apiVersion: 'argoproj.io/v1alpha1',
      kind: 'Rollout',
      metadata: { name: 'checkout', namespace: 'shop', uid: 'uid-ro' },
      spec: { replicas: 2 },
      status: {
        abort: true,
        abortedAt: at('10:30'),
        stableRS: '6f7c',
        phase: 'Degraded',
        availableReplicas: 2,
      },
    };
    const aborted = event(
      'Rollout',
      'checkout',
      'RolloutAborted',
      at('10:30'),
      {
        message: 'Rollout aborted update to revision 4',
      },
    );
    const [abort] = platformAttempts({
      cluster: 'c1',
      objects: [rollout],
      events: [aborted],
      now: NOW,
    });
    expect(abort).toMatchObject({
      action: 'rollback',
      status: 'healed',
      target: { kind: 'Rollout', name: 'checkout' },
    });
    expect(abort.steps[0].summary).toBe(
      'Argo Rollouts aborted the update of Rollout shop/checkout (Rollout aborted update to revision 4); traffic back on the stable ReplicaSet checkout-6f7c',
    );

    const annotations = { 'deployment.kubernetes.io/revision': '6' };
    const objects = [
      {
        ...deployment('api'),
        metadata: { ...deployment('api').metadata, annotations },
      },
      replicaSet('api-5d9f', 'api', {
        ...annotations,
        'deployment.kubernetes.io/revision-history': '3,5',
      }),
      replicaSet('api-7b1c', 'api', {
        'deployment.kubernetes.io/revision': '4',
      }),
    ];
    const scaled = event(
      'Deployment',
      'api',
      'ScalingReplicaSet',
      at('11:00'),
      {
        type: 'Normal',
        message: 'Scaled up replica set api-5d9f to 3 from 0',
      },
    );
    const [back] = platformAttempts({
      cluster: 'c1',
      objects,
      events: [scaled],
      now: NOW,
    });
    expect(back).toMatchObject({
      action: 'rollback',
      status: 'healed',
      createdAt: '2026-01-10T11:00:00.000Z',
    });
    expect(back.steps[0].summary).toBe(
      'deployment-controller rolled back Deployment shop/api: brought back the template of revision 5 as revision 6 (ReplicaSet api-5d9f)',
    );
    expect(back.id).toBe(
      platformAttemptId('c1', ['rollback', 'uid-api', 'revision 6']),
    );
  });

  it('ignores ordinary rollouts, scale events and healthy pods', () => {
    const objects = [
      ...app,
      pod('api-5d9f-ddddd', 'api-5d9f', {
        status: container({ running: {} }, 0, true),
      }),
    ];
    const events = [
      event('Pod', 'api-5d9f-ddddd', 'Killing', at('10:00'), {
        type: 'Normal',
        message: 'Stopping container api',
      }),
      event('Deployment', 'api', 'ScalingReplicaSet', at('10:00'), {
        type: 'Normal',
        message: 'Scaled down replica set api-1 to 0 from 1',
      }),
    ];
    expect(
      platformAttempts({ cluster: 'c1', objects, events, now: NOW }),
    ).toEqual([]);
  });
});
