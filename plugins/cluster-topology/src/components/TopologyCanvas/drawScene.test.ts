import { computeLayout } from './computeLayout';
import { drawScene } from './drawScene';
import type { DrawState } from './drawTypes';
import { fakeContext, TEST_THEME } from './fakeContext';
import { generateGraph } from './generateGraph';
import { buildScene } from './scene';
import { fitViewport } from './viewport';

const graph = generateGraph({
  clusters: 4,
  namespacesPerCluster: 10,
  workloadsPerNamespace: 25,
  podsPerWorkload: 0,
  edges: 10000,
});
const scene = buildScene(graph, computeLayout(graph));

function state(overrides: Partial<DrawState> = {}): DrawState {
  return {
    viewport: fitViewport(scene.bounds, 1200, 800),
    width: 1200,
    height: 800,
    dpr: 2,
    selected: -1,
    hovered: -1,
    highlight: null,
    theme: TEST_THEME,
    ...overrides,
  };
}

describe('drawScene', () => {
  it('draws 10,000 edges with one stroke per style', () => {
    const { ctx, calls } = fakeContext();
    const stats = drawScene(ctx, scene, state());
    expect(scene.edges).toHaveLength(10000);
    expect(stats.edges).toBe(10000);
    expect(stats.nodes).toBe(scene.count);
    expect(calls.stroke).toBeLessThanOrEqual(scene.groups.length + 3);
    expect(calls.fill).toBeLessThan(100);
  });

  it('leaves labels out when zoomed out and draws them when zoomed in', () => {
    expect(drawScene(fakeContext().ctx, scene, state()).labels).toBeLessThan(
      50,
    );
    const i = scene.leaves[0];
    const close = state({
      viewport: {
        scale: 2,
        tx: 600 - scene.ax[i] * 2,
        ty: 400 - scene.ay[i] * 2,
      },
    });
    const { ctx, calls } = fakeContext();
    const stats = drawScene(ctx, scene, close);
    expect(stats.labels).toBeGreaterThan(0);
    expect(calls.fillText).toBeGreaterThan(0);
    // Culling: only a small part of the graph is on screen.
    expect(stats.nodes).toBeLessThan(scene.count / 4);
    expect(stats.edges).toBeLessThan(scene.edges.length / 4);
  });

  it('dims everything but search hits and outlines the selection', () => {
    const highlight = new Uint8Array(scene.count);
    highlight[scene.leaves[3]] = 1;
    const { ctx, calls } = fakeContext();
    const stats = drawScene(
      ctx,
      scene,
      state({ highlight, selected: 5, hovered: 6 }),
    );
    expect(stats.nodes).toBe(scene.count);
    expect(calls.stroke).toBeGreaterThan(0);
    expect(ctx.globalAlpha).toBe(1);
  });
});
