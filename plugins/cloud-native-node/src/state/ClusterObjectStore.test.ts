import {
  Pod,
  parseLabelSelector,
} from '@cloud-native-platform/plugin-cloud-native-common';
import { ClusterObjectStore } from './ClusterObjectStore';
import { KubeObject } from './KubeObject';

function obj(
  kind: string,
  name: string,
  extra: Partial<KubeObject['metadata']> = {},
  apiVersion = 'v1',
): KubeObject {
  return {
    apiVersion,
    kind,
    metadata: { name, namespace: 'trading', uid: `${kind}-${name}`, ...extra },
  };
}

const owner = (kind: string, name: string) => ({
  apiVersion: 'apps/v1',
  kind,
  name,
  uid: `${kind}-${name}`,
  controller: true,
});

describe('ClusterObjectStore', () => {
  it('strips managed fields and the last-applied annotation', () => {
    const store = new ClusterObjectStore();
    store.upsert(
      obj('Pod', 'a', {
        managedFields: [{ manager: 'kubectl' }],
        annotations: {
          'kubectl.kubernetes.io/last-applied-configuration': '{"big":1}',
          keep: 'me',
        },
      }),
    );
    const pod = store.get('Pod', 'trading', 'a')!;
    expect(pod.metadata.managedFields).toBeUndefined();
    expect(pod.metadata.annotations).toEqual({ keep: 'me' });
  });

  it('lists by namespace and label selector, and keeps indexes right on update and delete', () => {
    const store = new ClusterObjectStore();
    store.upsert(obj('Pod', 'a', { labels: { app: 'web', tier: 'front' } }));
    store.upsert(
      obj('Pod', 'b', { labels: { app: 'web' }, namespace: 'other' }),
    );
    store.upsert(obj('Pod', 'c', { labels: { app: 'db' } }));
    const web = parseLabelSelector('app=web');
    expect(
      store
        .list('Pod', { labelSelector: web })
        .map(p => p.metadata.name)
        .sort(),
    ).toEqual(['a', 'b']);
    expect(
      store
        .list('Pod', { namespace: 'trading', labelSelector: web })
        .map(p => p.metadata.name),
    ).toEqual(['a']);
    expect(
      store
        .list('Pod', {
          labelSelector: parseLabelSelector('app in (web,db),!tier'),
        })
        .map(p => p.metadata.name)
        .sort(),
    ).toEqual(['b', 'c']);

    store.upsert(obj('Pod', 'a', { labels: { app: 'db' } }));
    expect(
      store.list('Pod', { labelSelector: web }).map(p => p.metadata.name),
    ).toEqual(['b']);
    expect(store.delete(obj('Pod', 'b', { namespace: 'other' }))).toBe(true);
    expect(store.delete(obj('Pod', 'b', { namespace: 'other' }))).toBe(false);
    expect(store.list('Pod', { labelSelector: web })).toEqual([]);
    expect(store.count('Pod')).toBe(2);
  });

  it('replaces a kind wholesale after a relist', () => {
    const store = new ClusterObjectStore();
    store.upsert(obj('Pod', 'gone'));
    store.upsert(obj('Service', 'svc'));
    store.replaceKind('Pod', [obj('Pod', 'new')]);
    expect(store.list('Pod').map(p => p.metadata.name)).toEqual(['new']);
    expect(store.getByUid('Pod-gone')).toBeUndefined();
    expect(store.count('Service')).toBe(1);
  });

  it('walks owners up to the workload', () => {
    const store = new ClusterObjectStore();
    const deployment = store.upsert(obj('Deployment', 'engine', {}, 'apps/v1'));
    store.upsert(
      obj(
        'ReplicaSet',
        'engine-1',
        { ownerReferences: [owner('Deployment', 'engine')] },
        'apps/v1',
      ),
    );
    const pod = store.upsert(
      obj('Pod', 'engine-1-x', {
        ownerReferences: [owner('ReplicaSet', 'engine-1')],
      }),
    );
    store.upsert(obj('CronJob', 'backup', {}, 'batch/v1'));
    store.upsert(
      obj(
        'Job',
        'backup-1',
        { ownerReferences: [owner('CronJob', 'backup')] },
        'batch/v1',
      ),
    );
    const jobPod = store.upsert(
      obj('Pod', 'backup-1-y', { ownerReferences: [owner('Job', 'backup-1')] }),
    );
    const naked = store.upsert(obj('Pod', 'debug'));

    expect(store.topLevelOwner(pod)).toBe(deployment);
    expect(store.topLevelOwner(jobPod).metadata.name).toBe('backup');
    expect(store.topLevelOwner(naked)).toBe(naked);
    expect(
      store.ownedBy('ReplicaSet-engine-1').map(o => o.metadata.name),
    ).toEqual(['engine-1-x']);
  });

  it('groups kinds by API group', () => {
    const store = new ClusterObjectStore();
    store.upsert({
      ...obj('K8sRequiredLabels', 'must-have-owner', { namespace: undefined }),
      apiVersion: 'constraints.gatekeeper.sh/v1beta1',
    });
    store.upsert({
      ...obj('K8sPSPPrivilegedContainer', 'no-privileged', {
        namespace: undefined,
      }),
      apiVersion: 'constraints.gatekeeper.sh/v1beta1',
    });
    expect(store.kindsInGroup('constraints.gatekeeper.sh').sort()).toEqual([
      'K8sPSPPrivilegedContainer',
      'K8sRequiredLabels',
    ]);
  });

  it('shares repeated strings between objects', () => {
    const store = new ClusterObjectStore();
    // join() builds a new string each time, as JSON.parse does per object.
    const image = () =>
      ['registry.example.com', 'trading', 'engine:2.4.1'].join('/');
    const a = store.upsert({
      ...obj('Pod', 'a'),
      spec: { containers: [{ image: image() }] },
    });
    const b = store.upsert({
      ...obj('Pod', 'b'),
      spec: { containers: [{ image: image() }] },
    });
    expect((a as Pod).spec!.containers[0].image).toBe(
      (b as Pod).spec!.containers[0].image,
    );
  });
});
