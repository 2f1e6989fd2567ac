import type {
  TopologyHealth,
  TopologyNode,
} from '@cloud-native-platform/plugin-cloud-native-common';
import { describeGraph } from './describeGraph';

describe('describeGraph', () => {
  it('counts storage objects and their health in the summary', () => {
    const node = (
      id: string,
      kind: TopologyNode['kind'],
      status: TopologyHealth = 'healthy',
    ): TopologyNode => ({ id, kind, name: id, status });
    expect(
      describeGraph({
        level: 'namespace',
        nodes: [
          node('ns', 'namespace'),
          node('claim', 'volume', 'degraded'),
          node('pv', 'volume'),
        ],
        edges: [{ id: 'e', source: 'claim', target: 'pv', kind: 'binds' }],
        errors: [],
        notices: [],
        generatedAt: '2026-11-18T09:30:00Z',
      }),
    ).toBe('Topology of 1 namespace, 2 storage objects and 1 edge; 1 degraded');
  });
});
