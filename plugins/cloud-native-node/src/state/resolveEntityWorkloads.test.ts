import { mockServices } from '@backstage/backend-test-utils';
import { Deployment } from '@cloud-native-platform/plugin-cloud-native-common';
import { Entity } from '@backstage/catalog-model';
import path from 'node:path';
import { DefaultClusterStateService } from './ClusterStateService';
import { ManifestsClusterSource } from './ManifestsClusterSource';
import { resolveEntityWorkloads } from './resolveEntityWorkloads';
import { ClusterDefinition } from '../clusters/ClusterDefinition';

const EXAMPLES = path.resolve(__dirname, '../../../../examples/clusters');

const demo: Array<[string, ClusterDefinition['role']]> = [
  ['prod-east-a', 'production'],
  ['prod-east-b', 'production'],
  ['dr-west', 'disaster-recovery'],
  ['staging', 'staging'],
];

function component(name: string, annotations: Record<string, string>): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name, annotations },
    spec: {},
  };
}

describe('resolveEntityWorkloads on the demo fleet', () => {
  const state = new DefaultClusterStateService({
    clusters: demo.map(([name, role]) => ({
      name,
      role,
      labels: {},
      source: { type: 'manifests', path: path.join(EXAMPLES, name) },
      origin: 'test',
    })),
    logger: mockServices.logger.mock(),
    sourceFactories: {
      manifests: context => new ManifestsClusterSource(context),
    },
  });

  beforeAll(() => state.start());
  afterAll(() => state.stop());

  it('loads every demo cluster without problems', () => {
    for (const cluster of state.clusters()) {
      expect(cluster.status()).toMatchObject({ state: 'ready', problems: [] });
    }
  });

  it('finds a component in every cluster by its kubernetes-id, pods rolled up', () => {
    const result = resolveEntityWorkloads(
      component('trading-engine', {
        'backstage.io/kubernetes-id': 'trading-engine',
        'backstage.io/kubernetes-namespace': 'trading',
      }),
      state.clusters(),
    );
    const deployments = result.workloads.filter(
      w => w.workload.metadata.name === 'trading-engine',
    );
    expect(deployments.map(w => w.cluster).sort()).toEqual([
      'dr-west',
      'prod-east-a',
      'prod-east-b',
      'staging',
    ]);
    for (const w of deployments) {
      expect(w.workload.kind).toBe('Deployment');
      expect(w.pods.length).toBe((w.workload as Deployment).status?.replicas);
      expect(w.pods.every(p => p.kind === 'Pod')).toBe(true);
    }
    expect(result.errors).toEqual([]);
  });

  it('limits the search to the clusters the entity names', () => {
    const result = resolveEntityWorkloads(
      component('flash-sale', {
        'backstage.io/kubernetes-id': 'flash-sale',
        'cloud-native-platform.io/clusters': 'prod-east-a',
      }),
      state.clusters(),
    );
    expect(result.clusters).toEqual(['prod-east-a']);
    expect(result.workloads).toHaveLength(1);
    expect(result.workloads[0].pods).toHaveLength(100);
  });

  it('finds explicit workloads such as a virtual machine', () => {
    const result = resolveEntityWorkloads(
      component('settlement-legacy', {
        'cloud-native-platform.io/workloads':
          'trading/VirtualMachine/settlement-legacy',
        'cloud-native-platform.io/clusters': 'prod-east-a',
      }),
      state.clusters(),
    );
    expect(result.workloads.map(w => w.workload.kind)).toEqual([
      'VirtualMachine',
    ]);
    expect(result.workloads[0].pods.map(p => p.metadata.name)).toEqual([
      expect.stringMatching(/^virt-launcher-settlement-legacy-/),
    ]);
  });

  it('returns nothing for an entity without Kubernetes annotations', () => {
    expect(
      resolveEntityWorkloads(component('docs', {}), state.clusters()).workloads,
    ).toEqual([]);
  });
});
