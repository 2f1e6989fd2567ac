import { computeLayout } from './computeLayout';
import { generateGraph } from './generateGraph';
import type { LayoutBox, LayoutResult } from './layoutTypes';
import { toLayoutInput } from './layoutRunner';

const small = generateGraph({
  clusters: 3,
  namespacesPerCluster: 4,
  workloadsPerNamespace: 6,
  podsPerWorkload: 3,
  nodesPerCluster: 2,
  edges: 50,
  groups: 2,
});

function inside(child: LayoutBox, parent: LayoutBox): boolean {
  return (
    child.x >= parent.x &&
    child.y >= parent.y &&
    child.x + child.w <= parent.x + parent.w &&
    child.y + child.h <= parent.y + parent.h
  );
}

function overlap(a: LayoutBox, b: LayoutBox): boolean {
  return (
    a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h
  );
}

function siblingsOf(layout: LayoutResult, graph = small) {
  const byParent = new Map<string, LayoutBox[]>();
  for (const n of graph.nodes) {
    const key = n.parent ?? '';
    byParent.set(key, [...(byParent.get(key) ?? []), layout.boxes[n.id]]);
  }
  return byParent;
}

describe('computeLayout', () => {
  const layout = computeLayout(small);

  it('places every node, children inside their parents', () => {
    expect(Object.keys(layout.boxes)).toHaveLength(small.nodes.length);
    for (const n of small.nodes) {
      if (!n.parent) continue;
      expect(inside(layout.boxes[n.id], layout.boxes[n.parent])).toBe(true);
      expect(layout.boxes[n.id].depth).toBe(layout.boxes[n.parent].depth + 1);
    }
    expect(layout.boxes['cluster:cluster-0'].container).toBe(true);
    expect(layout.boxes['pod:cluster-0/ns-0/workload-0-0'].container).toBe(
      false,
    );
  });

  it('keeps siblings apart', () => {
    for (const boxes of siblingsOf(layout).values()) {
      for (let i = 0; i < boxes.length; i++) {
        for (let j = i + 1; j < boxes.length; j++) {
          expect(overlap(boxes[i], boxes[j])).toBe(false);
        }
      }
    }
  });

  it('is deterministic and independent of input order', () => {
    expect(computeLayout(small)).toEqual(layout);
    const reversed = { ...small, nodes: [...small.nodes].reverse() };
    expect(computeLayout(reversed)).toEqual(layout);
  });

  it('keeps the inner layout of untouched subtrees when another one changes', () => {
    const grown = {
      ...small,
      nodes: [
        ...small.nodes,
        {
          id: 'pod:extra',
          kind: 'pod' as const,
          name: 'extra',
          status: 'healthy' as const,
          parent: 'workload:cluster-2/ns-3/Deployment/workload-5',
        },
      ],
    };
    const after = computeLayout(grown);
    const rel = (l: LayoutResult, id: string, parent: string) => [
      l.boxes[id].x - l.boxes[parent].x,
      l.boxes[id].y - l.boxes[parent].y,
    ];
    const ns = 'namespace:cluster-0/ns-1';
    for (const n of small.nodes.filter(m => m.parent === ns)) {
      expect(rel(after, n.id, ns)).toEqual(rel(layout, n.id, ns));
    }
  });

  it('survives cycles, missing parents and duplicate ids', () => {
    const result = computeLayout({
      nodes: [
        { id: 'a', kind: 'namespace', parent: 'b' },
        { id: 'b', kind: 'namespace', parent: 'a' },
        { id: 'c', kind: 'pod', parent: 'missing' },
        { id: 'c', kind: 'pod' },
        { id: 'd', kind: 'mystery', parent: 'd' },
      ],
    });
    expect(Object.keys(result.boxes).sort()).toEqual(['a', 'b', 'c', 'd']);
    expect(computeLayout({ nodes: [] })).toEqual({
      boxes: {},
      width: 0,
      height: 0,
    });
  });

  it('lays out 10,000 nodes', () => {
    const big = generateGraph({
      clusters: 4,
      namespacesPerCluster: 10,
      workloadsPerNamespace: 25,
      podsPerWorkload: 9,
      edges: 10000,
    });
    expect(big.nodes.length).toBeGreaterThanOrEqual(10000);
    const result = computeLayout(toLayoutInput(big));
    expect(Object.keys(result.boxes)).toHaveLength(big.nodes.length);
    expect(result.width).toBeGreaterThan(0);
  });

  it('is self-contained, so its source can run in a worker', () => {
    const source = computeLayout.toString();
    // Coverage instrumentation adds counters from module scope; nothing to check then.
    if (/cov_\w+/.test(source)) return;
    // eslint-disable-next-line no-new-func
    const isolated = new Function(`"use strict"; return (${source});`)();
    expect(isolated(toLayoutInput(small))).toEqual(layout);
  });
});
