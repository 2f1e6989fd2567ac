import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import path from 'node:path';
import request from 'supertest';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import type {
  ClustersResponse,
  TopologyGraphResponse,
} from '@cloud-native-platform/plugin-cluster-topology-common';
import { clusterTopologyPlugin } from '../plugin';
import { DEMO_EXAMPLES_DIR } from '@cloud-native-platform/plugin-cloud-native-node/testUtils';

describe('storage of the demo clusters', () => {
  async function start() {
    const { server } = await startTestBackend({
      features: [
        clusterTopologyPlugin,
        catalogServiceMock.factory({ entities: [] }),
        mockServices.rootConfig.factory({
          data: {
            cloudNativePlatform: {
              clusters: ['prod-east-a', 'dr-west', 'staging'].map(name => ({
                name,
                role: name === 'dr-west' ? 'disaster-recovery' : 'production',
                manifests: {
                  path: path.join(DEMO_EXAMPLES_DIR, 'clusters', name),
                },
              })),
            },
          },
        }),
      ],
    });
    const get = (url: string) =>
      request(server)
        .get(`/api/cluster-topology${url}`)
        .set('Authorization', mockCredentials.user.header());
    const deadline = Date.now() + 20_000;
    for (;;) {
      const res = await get('/clusters');
      const body = res.body as Partial<ClustersResponse>;
      if (body.items?.every(c => c.status !== 'syncing')) break;
      if (Date.now() > deadline) throw new Error('clusters did not sync');
      await new Promise(resolve => setTimeout(resolve, 50));
    }
    return get;
  }

  let get: Awaited<ReturnType<typeof start>>;
  // Four demo clusters' manifests take a while to read on a shared machine.
  beforeAll(async () => {
    get = await start();
  }, 60_000);

  it('reports claims, Ceph health and pool mirroring per cluster', async () => {
    const res = await get('/clusters');
    expect(res.status).toBe(200);
    const byName = Object.fromEntries(
      (res.body as ClustersResponse).items.map(c => [c.name, c.storage]),
    );
    expect(byName['prod-east-a']).toEqual({
      claims: { bound: 3, pending: 0, lost: 0 },
      ceph: {
        clusters: [
          {
            name: 'rook-ceph',
            health: 'HEALTH_OK',
            message: 'Cluster created successfully',
          },
        ],
        blockPools: [
          {
            name: 'replicapool',
            mirroring: {
              enabled: true,
              mode: 'image',
              health: 'OK',
              daemonHealth: 'OK',
            },
          },
        ],
      },
    });
    expect(byName['dr-west']?.ceph?.clusters).toEqual([
      {
        name: 'rook-ceph',
        health: 'HEALTH_WARN',
        message: 'MON_DISK_LOW: mon c is low on available space',
      },
    ]);
    expect(byName['dr-west']?.ceph?.blockPools[0].mirroring.health).toBe(
      'WARNING',
    );
    // Staging's ledger database claims a volume, but no claim object is in its manifests.
    expect(byName.staging).toBeUndefined();
  });

  it('draws storage unless the storage layer is left out', async () => {
    const all = await get('/graph?cluster=prod-east-a&namespace=trading');
    expect(all.status).toBe(200);
    const graph = all.body as TopologyGraphResponse;
    const storage = graph.nodes.filter(n => n.kind === 'volume');
    expect(storage.map(n => n.objectKind).sort()).toEqual([
      'PersistentVolume',
      'PersistentVolume',
      'PersistentVolume',
      'PersistentVolumeClaim',
      'PersistentVolumeClaim',
      'PersistentVolumeClaim',
      'StorageClass',
    ]);
    expect(graph.edges.filter(e => e.kind === 'mounts')).toEqual([
      expect.objectContaining({
        source: 'workload:prod-east-a/trading/StatefulSet/ledger-db',
      }),
      expect.objectContaining({
        source: 'workload:prod-east-a/trading/StatefulSet/ledger-db',
      }),
      expect.objectContaining({
        source: 'workload:prod-east-a/trading/StatefulSet/ledger-db',
      }),
    ]);
    const staticOnly = await get(
      '/graph?cluster=prod-east-a&namespace=trading&layers=static',
    );
    const staticGraph = staticOnly.body as TopologyGraphResponse;
    expect(staticGraph.nodes.some(n => n.kind === 'volume')).toBe(false);
    expect(staticGraph.nodes).toHaveLength(graph.nodes.length - storage.length);
  });
});
