import { ClusterObjectStore } from '@cloud-native-platform/plugin-cloud-native-node';
import {
  ClusterFindingsCache,
  computeClusterFindings,
} from './ClusterFindings';

function cluster(store: ClusterObjectStore) {
  return {
    definition: { name: 'prod', role: 'production' },
    store,
    status: () => ({}),
  } as any;
}

const deployment = (name: string) => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name, namespace: 'shop', uid: name },
  spec: {
    template: { spec: { containers: [{ name: 'app', image: 'app:latest' }] } },
  },
});

describe('ClusterFindingsCache', () => {
  it('recomputes only when the store has changed', () => {
    const store = new ClusterObjectStore();
    store.upsert(deployment('web'));
    const compute = jest.fn(computeClusterFindings);
    const cache = new ClusterFindingsCache({ compute });
    const handle = cluster(store);

    const first = cache.get(handle);
    expect(cache.get(handle)).toBe(first);
    expect(compute).toHaveBeenCalledTimes(1);
    expect(first.workloads).toEqual([
      { cluster: 'prod', kind: 'Deployment', namespace: 'shop', name: 'web' },
    ]);

    store.upsert(deployment('api'));
    const second = cache.get(handle);
    expect(compute).toHaveBeenCalledTimes(2);
    expect(second.workloads.map(w => w.name).sort()).toEqual(['api', 'web']);
  });

  it('reuses a recent result under churn', () => {
    const store = new ClusterObjectStore();
    const compute = jest.fn(computeClusterFindings);
    const cache = new ClusterFindingsCache({ compute, minAgeMs: 60_000 });
    const handle = cluster(store);
    cache.get(handle);
    store.upsert(deployment('web'));
    cache.get(handle);
    expect(compute).toHaveBeenCalledTimes(1);
  });

  it('scores workloads, not the pods they own', () => {
    const store = new ClusterObjectStore();
    store.upsert(deployment('web'));
    store.upsert({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: {
        name: 'web-1',
        namespace: 'shop',
        uid: 'p1',
        ownerReferences: [
          {
            apiVersion: 'apps/v1',
            kind: 'Deployment',
            name: 'web',
            uid: 'web',
            controller: true,
          },
        ],
      },
      spec: { containers: [{ name: 'app', image: 'app:latest' }] },
    });
    const result = computeClusterFindings(cluster(store));
    // The owned pod is a copy of its template: not evaluated, not scored.
    expect(result.workloads.map(w => w.kind)).toEqual(['Deployment']);
    expect(result.findings.every(f => f.resource.kind === 'Deployment')).toBe(
      true,
    );
  });
});
