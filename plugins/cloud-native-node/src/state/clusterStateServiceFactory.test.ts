import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ClusterStateService } from './ClusterStateService';
import {
  clusterStateServiceFactory,
  clusterStateServiceRef,
} from './clusterStateServiceRef';

/** A plugin that only reads the shared state, as posture or healing do. */
function reader(seen: { state?: ClusterStateService }) {
  return createBackendPlugin({
    pluginId: 'reader',
    register(env) {
      env.registerInit({
        deps: { clusterState: clusterStateServiceRef, _: coreServices.logger },
        async init({ clusterState }) {
          seen.state = clusterState;
        },
      });
    },
  });
}

const widgets = {
  group: 'example.com',
  version: 'v1',
  kind: 'Widget',
  plural: 'widgets',
  namespaced: true,
  optional: true,
};

describe('clusterStateServiceFactory', () => {
  it('wraps sources and adds kinds without any plugin owning the state', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'state-factory-'));
    fs.writeFileSync(
      path.join(dir, 'ns.yaml'),
      'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: lab\n',
    );
    const seen: { state?: ClusterStateService } = {};
    const started: Array<{
      cluster: string;
      kinds: string[];
      wrapsDefault: boolean;
    }> = [];
    try {
      await startTestBackend({
        features: [
          reader(seen),
          clusterStateServiceFactory({
            sources: {
              manifests: defaultFactory => context => {
                started.push({
                  cluster: context.cluster.name,
                  kinds: context.kinds.map(k => k.kind),
                  wrapsDefault: defaultFactory !== undefined,
                });
                return defaultFactory!(context);
              },
            },
            kinds: [widgets],
          }),
          mockServices.rootConfig.factory({
            data: {
              cloudNativePlatform: {
                clusters: [
                  { name: 'one', role: 'test', manifests: { path: dir } },
                ],
              },
            },
          }),
        ],
      });
      expect(started).toEqual([
        {
          cluster: 'one',
          kinds: expect.arrayContaining(['Pod', 'Widget']),
          wrapsDefault: true,
        },
      ]);
      const one = seen.state!.cluster('one')!;
      expect(one.store.get('Namespace', undefined, 'lab')).toBeDefined();
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('is the default: without it the state serves the configured clusters as before', async () => {
    const seen: { state?: ClusterStateService } = {};
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'state-default-'));
    await startTestBackend({
      features: [
        reader(seen),
        mockServices.rootConfig.factory({
          data: {
            cloudNativePlatform: {
              clusters: [
                { name: 'two', role: 'test', manifests: { path: dir } },
              ],
            },
          },
        }),
      ],
    });
    expect(seen.state!.clusters().map(c => c.definition.name)).toEqual(['two']);
  });
});
