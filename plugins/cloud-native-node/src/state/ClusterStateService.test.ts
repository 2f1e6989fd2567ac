import { mockServices } from '@backstage/backend-test-utils';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ClusterDefinition } from '../clusters/ClusterDefinition';
import { DefaultClusterStateService } from './ClusterStateService';
import { kubernetesClusterSourceFactory } from './KubernetesClusterSource';
import { ManifestsClusterSource } from './ManifestsClusterSource';
import { FakeKubernetesApi } from '../testUtils/FakeKubernetesApi';
import { KubeObject } from './KubeObject';

const pod = (name: string): KubeObject => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name, namespace: 'trading', uid: name, resourceVersion: '1' },
  status: { phase: 'Running' },
});

describe('DefaultClusterStateService', () => {
  let api: FakeKubernetesApi;
  let dir: string;

  beforeAll(async () => {
    api = await FakeKubernetesApi.start({
      clusters: { 'prod-east-a': [pod('a'), pod('b')] },
    });
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'state-'));
    fs.writeFileSync(
      path.join(dir, 'pods.yaml'),
      'apiVersion: v1\nkind: Pod\nmetadata: { name: c, namespace: trading }\n',
    );
  });

  afterAll(async () => {
    await api.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('keeps a down cluster to itself: the others answer, it reports why', async () => {
    const live = (name: string, url: string): ClusterDefinition => ({
      name,
      role: 'production',
      labels: {},
      source: {
        type: 'kubernetes',
        url,
        authProvider: 'serviceAccount',
        skipTLSVerify: false,
      },
      origin: 'test',
    });
    const state = new DefaultClusterStateService({
      clusters: [
        live('prod-east-a', api.url('prod-east-a')),
        // Nothing listens on port 9 of the loopback address.
        live('prod-east-b', 'http://127.0.0.1:9'),
        {
          name: 'staging',
          role: 'staging',
          labels: {},
          source: { type: 'manifests', path: dir },
          origin: 'test',
        },
      ],
      logger: mockServices.logger.mock(),
      sourceFactories: {
        manifests: context => new ManifestsClusterSource(context),
        kubernetes: kubernetesClusterSourceFactory,
      },
    });
    const changed = jest.fn();
    state.onChange(changed);
    await state.start();
    try {
      const [a, b, staging] = state.clusters();
      expect(a.status().state).toBe('ready');
      expect(a.store.count('Pod')).toBe(2);
      expect(b.status()).toMatchObject({
        state: 'degraded',
        error: expect.stringContaining('ECONNREFUSED'),
      });
      expect(b.store.count('Pod')).toBe(0);
      expect(staging.status().state).toBe('ready');
      expect(staging.store.count('Pod')).toBe(1);
      expect(changed).toHaveBeenCalledWith('prod-east-a');
      expect(changed).toHaveBeenCalledWith('staging');
      expect(() => state.addKinds([])).toThrow(
        'after the cluster state has started',
      );
    } finally {
      await state.stop();
    }
  });

  it('reports a cluster whose source type nothing handles', async () => {
    const state = new DefaultClusterStateService({
      clusters: [
        {
          name: 'x',
          role: 'test',
          labels: {},
          source: { type: 'manifests', path: dir },
          origin: 'test',
        },
      ],
      logger: mockServices.logger.mock(),
      sourceFactories: {},
    });
    await state.start();
    expect(state.cluster('x')!.status()).toMatchObject({
      state: 'degraded',
      error: 'no source handles clusters of type manifests',
    });
  });

  it('lets a module wrap a source type', async () => {
    const started: string[] = [];
    const state = new DefaultClusterStateService({
      clusters: [
        {
          name: 'staging',
          role: 'staging',
          labels: {},
          source: { type: 'manifests', path: dir },
          origin: 'test',
        },
      ],
      logger: mockServices.logger.mock(),
      sourceFactories: {
        manifests: context => new ManifestsClusterSource(context),
      },
    });
    state.addSourceFactory('manifests', defaultFactory => context => {
      started.push(context.cluster.name);
      return defaultFactory!(context);
    });
    await state.start();
    await state.stop();
    expect(started).toEqual(['staging']);
    expect(state.cluster('staging')!.store.count('Pod')).toBe(1);
  });
});
