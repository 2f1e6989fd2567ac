import { computeLayout } from './computeLayout';
import { generateGraph } from './generateGraph';
import { buildScene } from './scene';
import { buildGrid, hitTest, SpatialGrid } from './spatialIndex';

describe('SpatialGrid', () => {
  it('finds boxes through the cells they cover, including negative ones', () => {
    const grid = new SpatialGrid(10);
    grid.insert(1, -15, -15, 30, 30);
    grid.insert(2, 100, 100, 5, 5);
    expect(grid.candidates(-12, 12)).toEqual([1]);
    expect(grid.candidates(102, 102)).toEqual([2]);
    expect(grid.candidates(500, 500)).toEqual([]);
  });

  it('hit tests the innermost box', () => {
    const set = {
      x: [0, 10, 12],
      y: [0, 10, 12],
      w: [100, 50, 5],
      h: [100, 50, 5],
      depth: [0, 1, 2],
    };
    const grid = buildGrid(set, 3, 16);
    expect(hitTest(grid, set, 13, 13)).toBe(2);
    expect(hitTest(grid, set, 40, 40)).toBe(1);
    expect(hitTest(grid, set, 90, 5)).toBe(0);
    expect(hitTest(grid, set, 200, 5)).toBe(-1);
  });

  it('agrees with a linear scan on a generated scene', () => {
    const graph = generateGraph({
      clusters: 2,
      namespacesPerCluster: 3,
      workloadsPerNamespace: 8,
      podsPerWorkload: 4,
      edges: 20,
    });
    const scene = buildScene(graph, computeLayout(graph));
    const linear = (x: number, y: number) => {
      let best = -1;
      for (let i = 0; i < scene.count; i++) {
        const hit =
          x >= scene.x[i] &&
          y >= scene.y[i] &&
          x <= scene.x[i] + scene.w[i] &&
          y <= scene.y[i] + scene.h[i];
        if (hit && (best < 0 || scene.depth[i] > scene.depth[best])) best = i;
      }
      return best;
    };
    for (let k = 0; k < 500; k++) {
      const x = (((k * 7919) % 1000) / 1000) * scene.bounds.w;
      const y = (((k * 104729) % 997) / 997) * scene.bounds.h;
      expect(hitTest(scene.grid, scene, x, y)).toBe(linear(x, y));
    }
  });
});
