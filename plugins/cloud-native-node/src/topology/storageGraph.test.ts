import { mockServices } from '@backstage/backend-test-utils';
import path from 'node:path';
import { ClusterDefinition } from '../clusters/ClusterDefinition';
import { ClusterObjectStore } from '../state/ClusterObjectStore';
import { DefaultClusterStateService } from '../state/ClusterStateService';
import { ClusterStatus } from '../state/ClusterStatusTracker';
import { ManifestsClusterSource } from '../state/ManifestsClusterSource';
import { buildClusterGraph } from './buildTopologyGraph';

const definition: ClusterDefinition = {
  name: 'vault',
  role: 'production',
  labels: {},
  source: { type: 'manifests', path: '/nowhere' },
  origin: 'test',
};
const status: ClusterStatus = {
  name: 'vault',
  role: 'production',
  labels: {},
  source: 'manifests',
  state: 'ready',
  kinds: [],
  problems: [],
};

function claim(name: string, phase: string | undefined, extra = {}) {
  return {
    apiVersion: 'v1',
    kind: 'PersistentVolumeClaim',
    metadata: { name, namespace: 'db' },
    spec: { storageClassName: 'fast', ...extra },
    status: phase ? { phase } : undefined,
  };
}

function storeWithClaims(): ClusterObjectStore {
  const store = new ClusterObjectStore();
  store.upsert({
    apiVersion: 'v1',
    kind: 'Namespace',
    metadata: { name: 'db' },
  });
  store.upsert({
    apiVersion: 'apps/v1',
    kind: 'StatefulSet',
    metadata: { name: 'pg', namespace: 'db', uid: 's1' },
    spec: { replicas: 1 },
  });
  store.upsert({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name: 'pg-0',
      namespace: 'db',
      uid: 'p1',
      ownerReferences: [
        {
          apiVersion: 'apps/v1',
          kind: 'StatefulSet',
          name: 'pg',
          uid: 's1',
          controller: true,
        },
      ],
    },
    spec: {
      containers: [{ name: 'pg', image: 'postgres:16' }],
      volumes: [
        { name: 'data', persistentVolumeClaim: { claimName: 'data-pg-0' } },
        { name: 'tmp', emptyDir: {} },
      ],
    },
    status: { phase: 'Pending' },
  });
  store.upsert(
    claim('data-pg-0', 'Bound', {
      volumeName: 'pv-1',
      storageClassName: 'fast',
    }),
  );
  store.upsert(claim('data-pg-1', 'Pending', { storageClassName: 'missing' }));
  store.upsert(claim('data-pg-2', 'Lost'));
  store.upsert({
    apiVersion: 'v1',
    kind: 'PersistentVolume',
    metadata: { name: 'pv-1' },
    spec: {
      storageClassName: 'fast',
      capacity: { storage: '10Gi' },
      claimRef: { namespace: 'db', name: 'data-pg-0' },
    },
    status: { phase: 'Bound' },
  });
  store.upsert({
    apiVersion: 'v1',
    kind: 'PersistentVolume',
    metadata: { name: 'pv-old' },
    spec: { storageClassName: 'fast' },
    status: { phase: 'Released' },
  });
  store.upsert({
    apiVersion: 'storage.k8s.io/v1',
    kind: 'StorageClass',
    metadata: { name: 'fast' },
    provisioner: 'rook-ceph.rbd.csi.ceph.com',
  });
  return store;
}

describe('storage on the map', () => {
  it('draws claims in their namespace and volumes and classes in the cluster, with health from their phase', () => {
    const graph = buildClusterGraph({
      definition,
      store: storeWithClaims(),
      status,
    });
    const storage = graph.nodes
      .filter(n => n.kind === 'volume')
      .map(n => [n.id, n.objectKind, n.parent, n.status]);
    expect(storage).toEqual([
      [
        'pvc:vault/db/data-pg-0',
        'PersistentVolumeClaim',
        'namespace:vault/db',
        'healthy',
      ],
      [
        'pvc:vault/db/data-pg-1',
        'PersistentVolumeClaim',
        'namespace:vault/db',
        'degraded',
      ],
      [
        'pvc:vault/db/data-pg-2',
        'PersistentVolumeClaim',
        'namespace:vault/db',
        'failing',
      ],
      ['pv:vault/pv-1', 'PersistentVolume', 'cluster:vault', 'healthy'],
      ['pv:vault/pv-old', 'PersistentVolume', 'cluster:vault', 'idle'],
      ['storageclass:vault/fast', 'StorageClass', 'cluster:vault', 'healthy'],
      // Named by the pending claim, absent from the cluster: why it waits.
      [
        'storageclass:vault/missing',
        'StorageClass',
        'cluster:vault',
        'failing',
      ],
    ]);
    expect(
      graph.nodes.find(n => n.id === 'pvc:vault/db/data-pg-0'),
    ).toMatchObject({ detail: 'Bound · fast' });
  });

  it('links the workload (pods collapsed) or the pod to its claim, the claim to its volume and the volume to its class', () => {
    const store = storeWithClaims();
    const edgesOf = (expand?: ReadonlySet<string>) =>
      buildClusterGraph({ definition, store, status }, { expand })
        .edges.filter(e =>
          ['mounts', 'binds', 'provisioned-by'].includes(e.kind),
        )
        .map(e => `${e.kind} ${e.source} -> ${e.target}`)
        .sort();
    expect(edgesOf()).toEqual([
      'binds pvc:vault/db/data-pg-0 -> pv:vault/pv-1',
      'mounts workload:vault/db/StatefulSet/pg -> pvc:vault/db/data-pg-0',
      'provisioned-by pv:vault/pv-1 -> storageclass:vault/fast',
      'provisioned-by pv:vault/pv-old -> storageclass:vault/fast',
      'provisioned-by pvc:vault/db/data-pg-1 -> storageclass:vault/missing',
      'provisioned-by pvc:vault/db/data-pg-2 -> storageclass:vault/fast',
    ]);
    const expanded = edgesOf(new Set(['workload:vault/db/StatefulSet/pg']));
    expect(expanded).toContain(
      'mounts pod:vault/db/pg-0 -> pvc:vault/db/data-pg-0',
    );
    expect(expanded.filter(e => e.startsWith('mounts'))).toHaveLength(1);
  });

  it('leaves storage out when the storage layer is off, and other layers as they were', () => {
    const store = storeWithClaims();
    const full = buildClusterGraph({ definition, store, status });
    const without = buildClusterGraph(
      { definition, store, status },
      { storageLayer: false },
    );
    expect(without.nodes.some(n => n.kind === 'volume')).toBe(false);
    expect(without.edges.some(e => ['mounts', 'binds'].includes(e.kind))).toBe(
      false,
    );
    expect(without.nodes.map(n => n.id)).toEqual(
      full.nodes.filter(n => n.kind !== 'volume').map(n => n.id),
    );
  });

  it('draws in a namespace only the volumes and classes its claims use', () => {
    const graph = buildClusterGraph(
      { definition, store: storeWithClaims(), status },
      { namespace: 'db' },
    );
    const ids = graph.nodes.filter(n => n.kind === 'volume').map(n => n.id);
    expect(ids).toContain('pv:vault/pv-1');
    expect(ids).not.toContain('pv:vault/pv-old');
  });
});

describe('storage of the demo fleet', () => {
  const EXAMPLES = path.resolve(__dirname, '../../../../examples/clusters');
  const state = new DefaultClusterStateService({
    clusters: [
      {
        name: 'prod-east-a',
        role: 'production',
        labels: {},
        source: { type: 'manifests', path: path.join(EXAMPLES, 'prod-east-a') },
        origin: 'test',
      },
    ],
    logger: mockServices.logger.mock(),
    sourceFactories: {
      manifests: context => new ManifestsClusterSource(context),
    },
  });
  beforeAll(() => state.start());
  afterAll(() => state.stop());

  it('mounts the ledger database claims, bound to Ceph RBD volumes of rook-ceph-block', () => {
    const c = state.cluster('prod-east-a')!;
    const graph = buildClusterGraph(
      { definition: c.definition, store: c.store, status: c.status() },
      { namespace: 'trading' },
    );
    const claims = graph.nodes.filter(
      n => n.objectKind === 'PersistentVolumeClaim',
    );
    expect(claims.map(n => [n.name, n.status])).toEqual([
      ['pgdata-ledger-db-0', 'healthy'],
      ['pgdata-ledger-db-1', 'healthy'],
      ['pgdata-ledger-db-2', 'healthy'],
    ]);
    expect(graph.edges).toContainEqual(
      expect.objectContaining({
        kind: 'mounts',
        source: 'workload:prod-east-a/trading/StatefulSet/ledger-db',
        target: 'pvc:prod-east-a/trading/pgdata-ledger-db-0',
      }),
    );
    expect(graph.edges.filter(e => e.kind === 'binds')).toHaveLength(3);
    expect(
      graph.nodes.find(n => n.objectKind === 'StorageClass'),
    ).toMatchObject({
      name: 'rook-ceph-block',
      status: 'healthy',
      detail: 'rook-ceph.rbd.csi.ceph.com',
    });
  });
});
