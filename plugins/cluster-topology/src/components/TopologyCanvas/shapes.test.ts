import { computeLayout } from './computeLayout';
import { drawLeaves } from './drawNodes';
import type { DrawState } from './drawTypes';
import { fakeContext } from './fakeContext';
import { buildScene } from './scene';
import { isBoxShape, SHAPE_ORDER, shapeOf } from './shapes';
import { fitViewport } from './viewport';

describe('shapeOf', () => {
  it('gives every leaf kind its own outline', () => {
    expect(shapeOf('workload')).toBe('circle');
    expect(shapeOf('pod')).toBe('dot');
    expect(shapeOf('service')).toBe('diamond');
    expect(shapeOf('node')).toBe('square');
    expect(shapeOf('entity')).toBe('hexagon');
    expect(shapeOf('cluster')).toBe('box');
    expect(shapeOf('namespace')).toBe('box');
    expect(shapeOf('group')).toBe('box');
    expect(shapeOf('something-new')).toBe('circle');
    expect(shapeOf('volume', 'PersistentVolumeClaim')).toBe('triangle');
    expect(shapeOf('volume', 'PersistentVolume')).toBe('pentagon');
    expect(shapeOf('volume', 'StorageClass')).toBe('octagon');
    const leaves: Array<[string, string?]> = [
      ['workload'],
      ['pod'],
      ['service'],
      ['node'],
      ['entity'],
      ['volume', 'PersistentVolumeClaim'],
      ['volume', 'PersistentVolume'],
      ['volume', 'StorageClass'],
    ];
    expect(new Set(leaves.map(([k, o]) => shapeOf(k, o))).size).toBe(
      leaves.length,
    );
  });

  it('keeps labels inside boxes only', () => {
    expect(isBoxShape(SHAPE_ORDER.indexOf('box'))).toBe(true);
    expect(isBoxShape(SHAPE_ORDER.indexOf('square'))).toBe(true);
    expect(isBoxShape(SHAPE_ORDER.indexOf('diamond'))).toBe(false);
  });
});

describe('leaf shapes in the scene', () => {
  const graph = {
    level: 'cluster' as const,
    nodes: [
      {
        id: 'ns',
        kind: 'namespace' as const,
        name: 'ns',
        status: 'healthy' as const,
      },
      ...(['workload', 'pod', 'service', 'node', 'entity'] as const).map(
        kind => ({
          id: kind,
          kind,
          name: kind,
          status: 'healthy' as const,
          parent: 'ns',
        }),
      ),
    ],
    edges: [],
    errors: [],
    notices: [],
    generatedAt: '2024-01-01T00:00:00.000Z',
  };
  const scene = buildScene(graph, computeLayout(graph));
  const storageGraph = {
    ...graph,
    nodes: [
      graph.nodes[0],
      ...(
        ['PersistentVolumeClaim', 'PersistentVolume', 'StorageClass'] as const
      ).map(objectKind => ({
        id: objectKind,
        kind: 'volume' as const,
        objectKind,
        name: objectKind,
        status: 'healthy' as const,
        parent: 'ns',
      })),
    ],
  };
  const at = (id: string) => scene.indexById.get(id)!;

  it('stores the shape per node and makes pods smaller than workloads', () => {
    expect(SHAPE_ORDER[scene.shape[at('service')]]).toBe('diamond');
    expect(SHAPE_ORDER[scene.shape[at('entity')]]).toBe('hexagon');
    expect(scene.boxy[at('node')]).toBe(1);
    expect(scene.squares).toEqual([at('node')]);
    expect(scene.ar[at('pod')]).toBeLessThan(scene.ar[at('workload')] / 2);
  });

  /** Draws every leaf of a scene fitted to an 800 × 600 canvas; the count drawn and the calls made. */
  function drawAll(target: typeof scene) {
    const { ctx, calls } = fakeContext();
    const state = {
      viewport: fitViewport(target.bounds, 800, 600),
      width: 800,
      height: 600,
    } as DrawState;
    const view = { x: -1e6, y: -1e6, w: 2e6, h: 2e6 };
    return { drawn: drawLeaves(ctx, target, state, view), calls };
  }

  it('draws round shapes with lines and arcs, and borders Kubernetes nodes', () => {
    const { drawn, calls } = drawAll(scene);
    expect(drawn).toBe(5);
    expect(calls.arc).toBe(2); // workload and pod
    expect(calls.closePath).toBe(2); // diamond and hexagon
    expect(calls.lineTo).toBe(3 + 5);
    expect(calls.stroke).toBe(1);
  });

  it('draws storage nodes as a triangle, a pentagon and an octagon', () => {
    const { drawn, calls } = drawAll(
      buildScene(storageGraph, computeLayout(storageGraph)),
    );
    expect(drawn).toBe(3);
    expect(calls.arc).toBeUndefined();
    expect(calls.closePath).toBe(3);
    // One moveTo per polygon, a lineTo for every other corner.
    expect(calls.moveTo).toBe(3);
    expect(calls.lineTo).toBe(2 + 4 + 7);
  });
});
