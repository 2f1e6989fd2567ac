import { prodEastBGraph } from '../testing/fixtures';
import { filterGraph, filterOptions, searchGraph } from './filterGraph';

const names = (graph: { nodes: Array<{ name: string }> }) =>
  graph.nodes.map(n => n.name);

describe('filterGraph', () => {
  it('returns the graph untouched without filters', () => {
    expect(filterGraph(prodEastBGraph, {})).toBe(prodEastBGraph);
  });

  it('keeps the namespace and its parents', () => {
    expect(
      names(filterGraph(prodEastBGraph, { namespace: 'commerce' })),
    ).toEqual(['prod-east-b', 'commerce', 'flash-sale']);
  });

  it('filters workloads by kind and drops edges to removed nodes', () => {
    const graph = filterGraph(prodEastBGraph, { kind: 'StatefulSet' });
    expect(names(graph)).toEqual([
      'prod-east-b',
      'trading',
      'commerce',
      'ledger-db',
    ]);
    expect(graph.edges).toEqual([]);
  });

  it('keeps the ancestors of nodes of the wanted health', () => {
    expect(
      names(filterGraph(prodEastBGraph, { health: ['degraded'] })),
    ).toEqual(['prod-east-b', 'commerce', 'flash-sale']);
  });
});

describe('searchGraph', () => {
  it('matches names and labels case-insensitively', () => {
    expect(searchGraph(prodEastBGraph, 'RISK')).toEqual(
      new Set(['workload:prod-east-b/trading/Deployment/risk-service']),
    );
    expect(searchGraph(prodEastBGraph, 'tier=edge')).toEqual(
      new Set(['workload:prod-east-b/commerce/Deployment/flash-sale']),
    );
    expect(searchGraph(prodEastBGraph, '  ').size).toBe(0);
  });
});

describe('filterOptions', () => {
  it('lists the namespaces and workload kinds', () => {
    expect(filterOptions(prodEastBGraph)).toEqual({
      namespaces: ['commerce', 'trading'],
      kinds: ['Deployment', 'StatefulSet'],
    });
  });
});
