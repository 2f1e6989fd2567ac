import { KubeObject } from '../kube';
import {
  autoscaler,
  deployment,
  findingLines,
  messagesFor,
  podDisruptionBudget,
} from '../testing/fixtures';

function withReplicas(replicas: number | undefined): KubeObject {
  return deployment((_p, _c, o) => {
    if (replicas === undefined) {
      delete o.spec.replicas;
    } else {
      o.spec.replicas = replicas;
    }
  });
}

describe('pdb-missing', () => {
  const id = 'pdb-missing';

  it('passes a replicated workload a budget selects', () => {
    expect(messagesFor(id, [deployment(), podDisruptionBudget()])).toEqual([]);
    // policy/v1: an empty selector selects every pod of the namespace.
    expect(
      messagesFor(id, [deployment(), podDisruptionBudget({ selector: {} })]),
    ).toEqual([]);
  });

  it('fails a replicated workload no budget selects', () => {
    const other = podDisruptionBudget({
      selector: { matchLabels: { app: 'api' } },
    });
    expect(messagesFor(id, [deployment(), other])).toEqual([
      'no PodDisruptionBudget in shop selects pods labelled app=web',
    ]);
    // A budget without a selector selects nothing.
    const { selector: _, ...noSelector } = podDisruptionBudget().spec;
    expect(
      messagesFor(id, [
        deployment(),
        { ...podDisruptionBudget(), spec: noSelector },
      ]),
    ).toHaveLength(1);
  });

  it('skips single replicas, unless an autoscaler may add more', () => {
    expect(messagesFor(id, [withReplicas(1)])).toEqual([]);
    expect(messagesFor(id, [withReplicas(undefined)])).toEqual([]);
    expect(messagesFor(id, [withReplicas(1), autoscaler()])).toHaveLength(1);
  });
});

describe('pdb-disruptions-zero', () => {
  const id = 'pdb-disruptions-zero';

  it.each([
    [{ maxUnavailable: 1 }],
    [{ maxUnavailable: '25%' }],
    [{ minAvailable: 2 }],
    [{ minAvailable: '50%' }],
  ])('passes %j on 3 replicas', spec => {
    expect(messagesFor(id, [deployment(), podDisruptionBudget(spec)])).toEqual(
      [],
    );
  });

  it.each([
    [
      { maxUnavailable: 0 },
      'maxUnavailable 0: no pod it selects may ever be evicted',
    ],
    [
      { maxUnavailable: '0%' },
      'maxUnavailable 0%: no pod it selects may ever be evicted',
    ],
    [
      { minAvailable: '100%' },
      'minAvailable 100%: no pod it selects may ever be evicted',
    ],
    [
      { minAvailable: 3 },
      'minAvailable 3 and Deployment web runs 3 replica(s): none of its pods may be evicted',
    ],
    [
      { minAvailable: '4' },
      'minAvailable 4 and Deployment web runs 3 replica(s): none of its pods may be evicted',
    ],
  ])('fails %j, on the budget', (spec, message) => {
    expect(findingLines(id, [deployment(), podDisruptionBudget(spec)])).toEqual(
      [`medium PodDisruptionBudget shop/web: ${message}`],
    );
  });

  it('leaves autoscaled workloads to pdb-min-available-hpa', () => {
    expect(
      messagesFor(id, [
        deployment(),
        autoscaler(),
        podDisruptionBudget({ minAvailable: 3 }),
      ]),
    ).toEqual([]);
  });
});

describe('pdb-min-available-hpa', () => {
  const id = 'pdb-min-available-hpa';

  it('passes a minAvailable below minReplicas', () => {
    expect(
      messagesFor(id, [
        deployment(),
        autoscaler({ minReplicas: 3 }),
        podDisruptionBudget({ minAvailable: 2 }),
      ]),
    ).toEqual([]);
    // An autoscaler of another namespace does not scale this workload.
    const elsewhere = autoscaler();
    elsewhere.metadata.namespace = 'elsewhere';
    expect(
      messagesFor(id, [
        deployment(),
        elsewhere,
        podDisruptionBudget({ minAvailable: 3 }),
      ]),
    ).toEqual([]);
  });

  it.each([
    [3, 3],
    [4, 3],
    [1, undefined],
  ])(
    'fails minAvailable %i with minReplicas %s',
    (minAvailable, minReplicas) => {
      const hpa = autoscaler({ minReplicas });
      if (minReplicas === undefined) {
        delete hpa.spec.minReplicas;
      }
      expect(
        messagesFor(id, [
          deployment(),
          hpa,
          podDisruptionBudget({ minAvailable }),
        ]),
      ).toEqual([
        `PodDisruptionBudget web has minAvailable ${minAvailable}, not below the minReplicas ${
          minReplicas ?? 1
        } of HorizontalPodAutoscaler web`,
      ]);
    },
  );
});

describe('hpa-cannot-scale', () => {
  const id = 'hpa-cannot-scale';

  it('passes maxReplicas above minReplicas', () => {
    expect(messagesFor(id, [autoscaler()])).toEqual([]);
  });

  it('fails maxReplicas equal to minReplicas, unset meaning 1', () => {
    expect(
      findingLines(id, [autoscaler({ minReplicas: 4, maxReplicas: 4 })]),
    ).toEqual([
      'low HorizontalPodAutoscaler shop/web: minReplicas 4 and maxReplicas 4: it cannot scale',
    ]);
    const unset = autoscaler({ maxReplicas: 1 });
    delete unset.spec.minReplicas;
    expect(messagesFor(id, [unset])).toEqual([
      'minReplicas 1 (unset) and maxReplicas 1: it cannot scale',
    ]);
  });
});

describe('hpa-min-replicas-low', () => {
  const id = 'hpa-min-replicas-low';

  it('passes minReplicas 2 or more', () => {
    expect(messagesFor(id, [autoscaler({ minReplicas: 2 })])).toEqual([]);
  });

  it('fails minReplicas 1, and an unset one, in production', () => {
    expect(messagesFor(id, [autoscaler({ minReplicas: 1 })])).toEqual([
      'minReplicas 1: scaled down, it runs one pod',
    ]);
    const unset = autoscaler();
    delete unset.spec.minReplicas;
    expect(messagesFor(id, [unset])).toEqual([
      'minReplicas 1 (unset): scaled down, it runs one pod',
    ]);
    expect(messagesFor(id, [unset], { clusterRole: 'staging' })).toEqual([]);
  });
});

describe('priority-class-not-set', () => {
  const id = 'priority-class-not-set';

  it('passes a pod with a priority class', () => {
    expect(messagesFor(id, [deployment()])).toEqual([]);
  });

  it('fails a pod without one', () => {
    expect(
      messagesFor(id, [deployment(pod => delete pod.priorityClassName)]),
    ).toEqual(['pod has no priority class (priorityClassName unset)']);
  });
});

describe('topology-spread-missing', () => {
  const id = 'topology-spread-missing';
  const unspread = (replicas: number) =>
    deployment((pod, _c, o) => {
      delete pod.topologySpreadConstraints;
      o.spec.replicas = replicas;
    });

  it('passes spread replicas and single ones', () => {
    expect(messagesFor(id, [deployment()])).toEqual([]);
    expect(messagesFor(id, [unspread(1)])).toEqual([]);
  });

  it('fails replicas without topologySpreadConstraints', () => {
    expect(messagesFor(id, [unspread(3)])).toEqual([
      'Deployment runs up to 3 replicas without topologySpreadConstraints',
    ]);
    expect(messagesFor(id, [unspread(1), autoscaler()])).toEqual([
      'Deployment runs up to 10 replicas without topologySpreadConstraints',
    ]);
  });
});
