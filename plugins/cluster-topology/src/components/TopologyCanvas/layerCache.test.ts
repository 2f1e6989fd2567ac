import { computeLayout } from './computeLayout';
import type { DrawState } from './drawTypes';
import { fakeContext, TEST_THEME } from './fakeContext';
import { generateGraph } from './generateGraph';
import {
  createLayer,
  drawCached,
  Layer,
  MAX_ZOOM_PREVIEW_RATIO,
  MIN_ZOOM_PREVIEW_RATIO,
} from './layerCache';
import { buildScene } from './scene';
import { fitViewport, panBy, Viewport, zoomAt } from './viewport';

const graph = generateGraph({
  clusters: 2,
  namespacesPerCluster: 4,
  workloadsPerNamespace: 8,
  podsPerWorkload: 1,
  edges: 200,
});
const scene = buildScene(graph, computeLayout(graph));
const WIDTH = 1200;
const HEIGHT = 800;
/** At dpr 1 the layer's margin is 256 CSS pixels on every side. */
const MARGIN = 256;
const fitted = fitViewport(scene.bounds, WIDTH, HEIGHT);
const theme = TEST_THEME;

function state(viewport: Viewport, overrides: Partial<DrawState> = {}) {
  return {
    viewport,
    width: WIDTH,
    height: HEIGHT,
    dpr: 1,
    selected: scene.leaves[2],
    hovered: scene.leaves[5],
    highlight: null,
    theme,
    ...overrides,
  };
}

/** A layer drawing into a fake context, and the screen it is copied to. */
function surface() {
  const layer: Layer = createLayer();
  const offscreen = fakeContext();
  layer.canvas = { width: 0, height: 0 } as HTMLCanvasElement;
  layer.ctx = offscreen.ctx;
  const screen = fakeContext();
  return {
    layer,
    offscreen,
    screen,
    /** Full scene redraws so far: each clears the layer once. */
    redraws: () => offscreen.calls.clearRect ?? 0,
    draw: (s: DrawState, zooming = false) =>
      drawCached(screen.ctx, scene, s, layer, zooming),
  };
}

/** The drawImage calls logged since `from`, as numbers after the image. */
function imageDraws(log: string[], from = 0): number[][] {
  return log
    .slice(from)
    .filter(line => line.startsWith('drawImage('))
    .map(line =>
      line.slice('drawImage('.length, -1).split(', ').slice(1).map(Number),
    );
}

describe('drawCached', () => {
  it('draws a zoom gesture frame by scaling the layer about the zoom point', () => {
    const s = surface();
    s.draw(state(fitted));
    expect(s.redraws()).toBe(1);

    const from = s.screen.log.length;
    const fills = s.offscreen.calls.fill;
    const zoomed = zoomAt(fitted, 1.3, 300, 200);
    s.draw(state(zoomed), true);

    expect(s.redraws()).toBe(1);
    expect(s.offscreen.calls.fill).toBe(fills);
    const draws = imageDraws(s.screen.log, from);
    expect(draws).toHaveLength(1);
    const [x, y, w, h] = draws[0];
    expect(w).toBeCloseTo((WIDTH + 2 * MARGIN) * 1.3);
    expect(h).toBeCloseTo((HEIGHT + 2 * MARGIN) * 1.3);
    // The layer pixel under the zoom point stays under it.
    expect(x + (300 + MARGIN) * 1.3).toBeCloseTo(300);
    expect(y + (200 + MARGIN) * 1.3).toBeCloseTo(200);
    // Outlines come after the image, at the true viewport.
    const frame = s.screen.log.slice(from);
    const outlines = frame.lastIndexOf(
      `setTransform(${zoomed.scale}, 0, 0, ${zoomed.scale}, ${zoomed.tx}, ${zoomed.ty})`,
    );
    expect(outlines).toBeGreaterThan(
      frame.findIndex(line => line.startsWith('drawImage(')),
    );
    expect(frame.slice(outlines)).toContain('stroke()');
  });

  it('draws the frame after the gesture exactly as a full redraw would', () => {
    const s = surface();
    s.draw(state(fitted));
    let v = fitted;
    for (const factor of [1.1, 1.1, 1.1, 0.95]) {
      v = zoomAt(v, factor, 700, 450);
      s.draw(state(v), true);
    }
    expect(s.redraws()).toBe(1);

    const screenFrom = s.screen.log.length;
    const layerFrom = s.offscreen.log.length;
    s.draw(state(v));
    expect(s.redraws()).toBe(2);

    const fresh = surface();
    fresh.draw(state(v));
    expect(s.offscreen.log.slice(layerFrom)).toEqual(fresh.offscreen.log);
    expect(s.screen.log.slice(screenFrom)).toEqual(fresh.screen.log);
  });

  it('redraws during a gesture once the ratio leaves its bounds', () => {
    const s = surface();
    s.draw(state(fitted));
    const far = zoomAt(fitted, MAX_ZOOM_PREVIEW_RATIO * 1.05, 600, 400);
    s.draw(state(far), true);
    expect(s.redraws()).toBe(2);
    // The redrawn layer is the new reference: a further small step scales it.
    s.draw(state(zoomAt(far, 1.2, 600, 400)), true);
    expect(s.redraws()).toBe(2);

    // On a small card the margins cover a zoom out past ½; the bound redraws.
    const small = { width: 400, height: 300 };
    const card = fitViewport(scene.bounds, 400, 300);
    const t = surface();
    t.draw(state(card, small));
    t.draw(
      state(zoomAt(card, MIN_ZOOM_PREVIEW_RATIO * 1.1, 200, 150), small),
      true,
    );
    expect(t.redraws()).toBe(1);
    t.draw(
      state(zoomAt(card, MIN_ZOOM_PREVIEW_RATIO * 0.9, 200, 150), small),
      true,
    );
    expect(t.redraws()).toBe(2);
  });

  it('redraws during a gesture once the scaled layer leaves too much of the screen bare', () => {
    const s = surface();
    s.draw(state(fitted));
    // About the middle, 0.65 leaves 44 of the 1200 pixels bare on the left
    // and right: within an eighth, so still a preview.
    s.draw(state(zoomAt(fitted, 0.65, 600, 400)), true);
    expect(s.redraws()).toBe(1);

    const t = surface();
    t.draw(state(fitted));
    // About the bottom right corner, 0.75 leaves 108 pixels on the left
    // bare, 0.7 leaves 181: more than an eighth, though within the ratios.
    t.draw(state(zoomAt(fitted, 0.75, WIDTH, HEIGHT)), true);
    expect(t.redraws()).toBe(1);
    t.draw(state(zoomAt(fitted, 0.7, WIDTH, HEIGHT)), true);
    expect(t.redraws()).toBe(2);
  });

  it('redraws during a gesture when what is drawn changes', () => {
    const s = surface();
    s.draw(state(fitted));
    const highlight = new Uint8Array(scene.count);
    highlight[scene.leaves[1]] = 1;
    s.draw(state(zoomAt(fitted, 1.1, 600, 400), { highlight }), true);
    expect(s.redraws()).toBe(2);
  });

  it('redraws a zoom outside a gesture at once', () => {
    const s = surface();
    s.draw(state(fitted));
    s.draw(state(zoomAt(fitted, 1.1, 600, 400)));
    expect(s.redraws()).toBe(2);
  });

  it('still copies the layer at a whole-pixel offset when panning, in a gesture or not', () => {
    const s = surface();
    s.draw(state(fitted));
    const from = s.screen.log.length;
    s.draw(state(panBy(fitted, 40.3, -20)));
    s.draw(state(panBy(fitted, -100, 60.6)), true);
    expect(s.redraws()).toBe(1);
    expect(imageDraws(s.screen.log, from)).toEqual([
      [40 - MARGIN, -20 - MARGIN],
      [-100 - MARGIN, 61 - MARGIN],
    ]);
    // Beyond the margin the layer is redrawn around the new view.
    s.draw(state(panBy(fitted, MARGIN + 1, 0)));
    expect(s.redraws()).toBe(2);
  });
});
