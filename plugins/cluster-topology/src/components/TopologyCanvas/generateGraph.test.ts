import { generateGraph } from './generateGraph';

describe('generateGraph', () => {
  const options = {
    clusters: 2,
    namespacesPerCluster: 3,
    workloadsPerNamespace: 4,
    podsPerWorkload: 2,
    nodesPerCluster: 2,
    edges: 40,
    groups: 1,
  };

  it('is deterministic', () => {
    expect(generateGraph(options)).toEqual(generateGraph(options));
    expect(generateGraph({ ...options, seed: 7 })).not.toEqual(
      generateGraph(options),
    );
  });

  it('builds the requested tree with edges between existing nodes', () => {
    const graph = generateGraph(options);
    const count = (kind: string) =>
      graph.nodes.filter(n => n.kind === kind).length;
    expect(count('group')).toBe(1);
    expect(count('cluster')).toBe(2);
    expect(count('namespace')).toBe(6);
    expect(count('workload')).toBe(24);
    expect(count('pod')).toBe(48);
    expect(count('node')).toBe(4);
    const ids = new Set(graph.nodes.map(n => n.id));
    expect(ids.size).toBe(graph.nodes.length);
    const parents = graph.nodes.flatMap(n => (n.parent ? [n.parent] : []));
    expect(parents.filter(p => !ids.has(p))).toEqual([]);
    for (const e of graph.edges) {
      expect(ids.has(e.source)).toBe(true);
      expect(ids.has(e.target)).toBe(true);
    }
    expect(graph.edges.filter(e => e.kind !== 'runs-on')).toHaveLength(40);
    expect(new Set(graph.edges.map(e => e.kind))).toEqual(
      new Set(['traffic', 'routes', 'catalog', 'runs-on']),
    );
  });
});
