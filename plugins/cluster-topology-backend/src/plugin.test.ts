import { createBackendModule } from '@backstage/backend-plugin-api';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { clusterStateExtensionPoint } from '@cloud-native-platform/plugin-cloud-native-node';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { clusterTopologyPlugin } from './plugin';

describe('clusterStateExtensionPoint', () => {
  it('lets a module wrap a cluster source and add kinds before the state starts', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'extension-'));
    const wrapped: string[] = [];
    const module = createBackendModule({
      pluginId: 'cluster-topology',
      moduleId: 'test-source',
      register(reg) {
        reg.registerInit({
          deps: { clusterState: clusterStateExtensionPoint },
          async init({ clusterState }) {
            clusterState.addSourceFactory(
              'manifests',
              defaultFactory => context => {
                wrapped.push(context.cluster.name);
                return defaultFactory!(context);
              },
            );
            clusterState.addKinds([
              {
                group: 'example.com',
                version: 'v1',
                kind: 'Widget',
                plural: 'widgets',
                namespaced: true,
                optional: true,
              },
            ]);
          },
        });
      },
    });
    try {
      const { server } = await startTestBackend({
        features: [
          clusterTopologyPlugin,
          module,
          catalogServiceMock.factory(),
          mockServices.rootConfig.factory({
            data: {
              cloudNativePlatform: {
                clusters: [
                  { name: 'lab', role: 'test', manifests: { path: dir } },
                ],
              },
            },
          }),
        ],
      });
      const res = await request(server)
        .get('/api/cluster-topology/clusters')
        .set('Authorization', mockCredentials.user.header());
      expect(res.body.items.map((c: any) => c.name)).toEqual(['lab']);
      expect(wrapped).toEqual(['lab']);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
