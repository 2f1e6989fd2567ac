import {
  mockServices,
  startTestBackend,
  TestDatabases,
} from '@backstage/backend-test-utils';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import request from 'supertest';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import { catalogModuleCloudNative } from './module';

jest.setTimeout(120_000);

const ENTITIES = `
apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: trading-engine
  annotations:
    backstage.io/kubernetes-id: trading-engine
    cloud-native-platform.io/clusters: prod-east-a
    cloud-native-platform.io/rto: 15s
spec: { type: service, owner: trading, lifecycle: production }
---
apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: typo-service
  annotations:
    cloud-native-platform.io/clusters: prod-north
spec: { type: service, owner: trading, lifecycle: production }
`;

describe('catalogModuleCloudNative', () => {
  const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });
  let dir: string;

  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'catalog-'));
    fs.mkdirSync(path.join(dir, 'clusters/prod-east-a'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'entities.yaml'), ENTITIES);
  });

  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it.each(databases.eachSupportedId())(
    'keeps entities with bad annotations out and publishes clusters, on %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      const { server } = await startTestBackend({
        features: [
          catalogPlugin,
          catalogModuleCloudNative,
          mockServices.database.factory({ knex }),
          mockServices.rootConfig.factory({
            data: {
              catalog: {
                processingInterval: { milliseconds: 200 },
                rules: [{ allow: ['Component', 'Resource'] }],
                locations: [
                  { type: 'file', target: path.join(dir, 'entities.yaml') },
                ],
              },
              cloudNativePlatform: {
                clusters: [
                  {
                    name: 'prod-east-a',
                    role: 'production',
                    region: 'cn-east-1',
                    owner: 'group:default/platform-team',
                    manifests: { path: path.join(dir, 'clusters/prod-east-a') },
                  },
                ],
              },
            },
          }),
        ],
      });

      const valid = await waitFor(async () => {
        const res = await request(server).get(
          '/api/catalog/entities/by-name/component/default/trading-engine',
        );
        return res.status === 200 ? res.body : undefined;
      });
      expect(valid.metadata.annotations['cloud-native-platform.io/rto']).toBe(
        '15s',
      );

      const invalid = await request(server).get(
        '/api/catalog/entities/by-name/component/default/typo-service',
      );
      expect(invalid.status).toBe(404);

      // Every configured cluster is published as a Resource with its state.
      const cluster = await waitFor(async () => {
        const res = await request(server).get(
          '/api/catalog/entities/by-name/resource/default/prod-east-a',
        );
        return res.status === 200 &&
          res.body.metadata.annotations[
            'cloud-native-platform.io/cluster-status'
          ] === 'ready'
          ? res.body
          : undefined;
      });
      expect(cluster).toMatchObject({
        metadata: {
          labels: {
            'cloud-native-platform.io/cluster-role': 'production',
            'cloud-native-platform.io/cluster-region': 'cn-east-1',
          },
          tags: ['production', 'cn-east-1'],
        },
        spec: {
          type: 'kubernetes-cluster',
          owner: 'group:default/platform-team',
        },
      });
    },
  );
});

async function waitFor<T>(probe: () => Promise<T | undefined>): Promise<T> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline)
      throw new Error('timed out waiting for the catalog');
    await new Promise(resolve => setTimeout(resolve, 200));
  }
}
