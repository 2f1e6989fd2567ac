import fs from 'node:fs';
import { buildTestFleet } from './buildTestFleet';
import {
  isKubectlAvailable,
  isPromtoolAvailable,
  TEST_TOOL_PATHS,
} from './testTools';

const count = (objects: Array<{ kind: string }>, kind: string) =>
  objects.filter(o => o.kind === kind).length;

describe('buildTestFleet', () => {
  it('builds the clusters, nodes, namespaces, workloads and pods asked for', () => {
    const fleet = buildTestFleet({
      clusters: 2,
      nodesPerCluster: 4,
      workloadsPerCluster: 7,
      workloadsPerNamespace: 3,
      podsPerWorkload: 2,
    });
    expect(Object.keys(fleet.clusters)).toEqual(['prod-01', 'prod-02']);
    for (const objects of Object.values(fleet.clusters)) {
      expect(count(objects, 'Node')).toBe(4);
      expect(count(objects, 'Namespace')).toBe(3);
      expect(count(objects, 'Deployment')).toBe(7);
      expect(count(objects, 'ReplicaSet')).toBe(14);
      expect(count(objects, 'Service')).toBe(7);
      expect(count(objects, 'Pod')).toBe(14);
    }
    expect(fleet.podsPerCluster).toBe(14);
    expect(fleet.entities.map(e => e.metadata.name)).toEqual(fleet.deployments);
    expect(fleet.entities[0].metadata.annotations).toEqual({
      'backstage.io/kubernetes-id': fleet.deployments[0],
    });
  });

  it('fills a pod budget, the last workload taking what is left', () => {
    const fleet = buildTestFleet({
      clusters: 1,
      podsPerCluster: 10,
      podsPerWorkload: 4,
    });
    const objects = fleet.clusters['prod-01'];
    expect(fleet.deployments).toHaveLength(3);
    expect(count(objects, 'Pod')).toBe(10);
    expect(
      objects
        .filter(o => o.kind === 'Deployment')
        .map(o => (o.spec as { replicas: number }).replicas),
    ).toEqual([4, 4, 2]);
    // One node per 30 pods, at least 3.
    expect(fleet.nodesPerCluster).toBe(3);
  });

  it('owns each pod by the current replica set of its workload, on a node of its cluster', () => {
    const objects = buildTestFleet({ clusters: 1 }).clusters['prod-01'];
    const replicaSets = new Set(
      objects.filter(o => o.kind === 'ReplicaSet').map(o => o.metadata.name),
    );
    const nodes = new Set(
      objects.filter(o => o.kind === 'Node').map(o => o.metadata.name),
    );
    const pods = objects.filter(o => o.kind === 'Pod');
    expect(pods.length).toBe(30);
    for (const pod of pods) {
      expect(replicaSets.has(pod.metadata.ownerReferences![0].name)).toBe(true);
      const node = (pod.spec as { nodeName?: string }).nodeName;
      // A pending pod has no node yet.
      const phase = (pod.status as { phase: string }).phase;
      expect(node === undefined ? phase : nodes.has(node)).toBe(
        node === undefined ? 'Pending' : true,
      );
    }
  });

  it('gives the same fleet for the same seed and another for another', () => {
    const options = { clusters: 1, podsPerCluster: 20 };
    const a = buildTestFleet({ ...options, seed: 7 });
    expect(buildTestFleet({ ...options, seed: 7 })).toEqual(a);
    expect(buildTestFleet({ ...options, seed: 8 })).not.toEqual(a);
  });

  it('refuses a shape that is not positive integers, naming the option', () => {
    expect(() => buildTestFleet({ clusters: 0 })).toThrow(
      'clusters must be a positive integer, got 0',
    );
    expect(() => buildTestFleet({ clusters: 1, podsPerWorkload: 1.5 })).toThrow(
      /podsPerWorkload/,
    );
  });
});

describe('test tool checks', () => {
  it('say whether the binaries are installed where the packages put them', () => {
    expect(isPromtoolAvailable()).toBe(fs.existsSync(TEST_TOOL_PATHS.promtool));
    expect(isKubectlAvailable()).toBe(fs.existsSync(TEST_TOOL_PATHS.kubectl));
  });
});
