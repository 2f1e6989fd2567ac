import { computeLayout } from './computeLayout';
import {
  drawLabels,
  FEW_LEAVES,
  fitLabel,
  LabelSlot,
  shareRows,
} from './drawLabels';
import type { DrawState } from './drawTypes';
import { fakeContext, TEST_THEME } from './fakeContext';
import { generateGraph } from './generateGraph';
import { buildScene } from './scene';
import { fitViewport, visibleWorld } from './viewport';

describe('fitLabel', () => {
  it('keeps text that fits', () => {
    expect(fitLabel('api', 100)).toBe('api');
    expect(fitLabel('trading-engine', 200, 90)).toBe('trading-engine');
  });

  it('cuts the middle, keeping the distinguishing suffix', () => {
    // 21 characters at 5 px each; room for 17 of them.
    expect(fitLabel('trading-engine-canary', 85, 105)).toBe('trading-…-canary');
    expect(fitLabel('trading-engine-stable', 85, 105)).toBe('trading-…-stable');
  });

  it('cuts mid-word when no separator is near', () => {
    const text = fitLabel('abcdefghijklmnopqrstuvwxyz', 66, 130);
    expect(text).toBe('abcdef…uvwxyz');
  });

  it('never exceeds the room it is given', () => {
    const name = 'payments-gateway-worker-eu-west-1-blue';
    const fitted: Array<[number, string]> = [];
    for (let px = 20; px < 260; px += 7) {
      fitted.push([px, fitLabel(name, px, name.length * 6)]);
    }
    expect(fitted.every(([px, text]) => text.length * 6 <= px)).toBe(true);
    const cut = fitted.filter(([, text]) => text && text !== name);
    expect(cut.length).toBeGreaterThan(10);
    for (const [, text] of cut) {
      const [head, tail] = text.split('…');
      expect(name.startsWith(head) && name.endsWith(tail)).toBe(true);
    }
    const roomy = cut.filter(([px]) => px > 120).map(([, text]) => text);
    expect(roomy.every(text => text.endsWith('-blue'))).toBe(true);
  });

  it('gives up when fewer than three characters would remain', () => {
    expect(fitLabel('workload-1', 20, 66)).toBe('');
    expect(fitLabel('', 0)).toBe('');
  });
});

describe('shareRows', () => {
  const slot = (i: number, x: number, want: number, y = 10): LabelSlot => ({
    i,
    x,
    y,
    want,
    textPx: want,
    left: Infinity,
    right: Infinity,
  });

  it('lets a long label borrow room from a short neighbour', () => {
    const slots = [slot(0, 100, 30), slot(1, 176, 140), slot(2, 252, 20)];
    shareRows(slots);
    const [a, b, c] = slots;
    // 70 px between centres after the gap; the short ones need 15 and 10.
    expect(a.right).toBe(15);
    expect(b.left).toBe(55);
    expect(b.right).toBe(60);
    expect(c.left).toBe(10);
    expect(Math.min(b.left, b.right) * 2).toBeGreaterThan(76);
  });

  it('splits evenly when both neighbours need the room, and ignores other rows', () => {
    const slots = [slot(0, 100, 140), slot(1, 176, 140), slot(2, 140, 500, 40)];
    shareRows(slots);
    expect(slots[0].right).toBe(35);
    expect(slots[1].left).toBe(35);
    expect(slots[2].left).toBe(Infinity);
    expect(slots[2].right).toBe(Infinity);
  });
});

const theme = TEST_THEME;

function frame(scene: ReturnType<typeof buildScene>) {
  const state: DrawState = {
    viewport: fitViewport(scene.bounds, 1200, 600),
    width: 1200,
    height: 600,
    dpr: 1,
    selected: -1,
    hovered: -1,
    highlight: null,
    theme,
  };
  const v = visibleWorld(state.viewport, 1200, 600);
  const { ctx } = fakeContext();
  return { count: drawLabels(ctx, scene, state, v), state };
}

describe('drawLabels', () => {
  it('labels every leaf of a small graph at fit-to-view', () => {
    const graph = generateGraph({
      clusters: 1,
      namespacesPerCluster: 5,
      workloadsPerNamespace: 12,
      podsPerWorkload: 0,
      edges: 0,
    });
    const scene = buildScene(graph, computeLayout(graph));
    expect(scene.leaves.length).toBeLessThan(FEW_LEAVES);
    const { count, state } = frame(scene);
    // Cells are smaller than the level-of-detail threshold for big graphs.
    expect(64 * state.viewport.scale).toBeLessThan(52);
    expect(count).toBeGreaterThanOrEqual(scene.leaves.length);
  });

  it('keeps level of detail for large graphs', () => {
    const graph = generateGraph({
      clusters: 4,
      namespacesPerCluster: 10,
      workloadsPerNamespace: 25,
      podsPerWorkload: 0,
      edges: 0,
    });
    const scene = buildScene(graph, computeLayout(graph));
    expect(frame(scene).count).toBeLessThan(50);
  });
});

describe('route weights', () => {
  it('draws each weight over a halo in the background colour', () => {
    const graph = generateGraph({
      clusters: 1,
      namespacesPerCluster: 1,
      workloadsPerNamespace: 2,
      podsPerWorkload: 0,
      edges: 0,
    });
    const [a, b] = graph.nodes.filter(n => n.kind === 'workload');
    graph.edges.push({
      id: 'routes:a->b',
      source: a.id,
      target: b.id,
      kind: 'routes',
      weight: 80,
    });
    const scene = buildScene(graph, computeLayout(graph));
    const texts: string[] = [];
    const { ctx } = fakeContext();
    const recording = new Proxy(ctx, {
      get(target, prop) {
        if (prop === 'strokeText' || prop === 'fillText') {
          return (text: string) =>
            texts.push(
              `${String(prop)} ${text} ${String(
                prop === 'strokeText' ? target.strokeStyle : '',
              )}`.trim(),
            );
        }
        return (target as any)[prop];
      },
      set(target, prop, value) {
        (target as any)[prop] = value;
        return true;
      },
    });
    const state: DrawState = {
      viewport: { scale: 1, tx: 0, ty: 0 },
      width: 2000,
      height: 2000,
      dpr: 1,
      selected: -1,
      hovered: -1,
      highlight: null,
      theme: { ...theme, background: '#fafafa' },
    };
    drawLabels(
      recording,
      scene,
      state,
      visibleWorld(state.viewport, 2000, 2000),
    );

    const weight = texts.filter(t => t.includes('80%'));
    expect(weight).toEqual(['strokeText 80% #fafafa', 'fillText 80%']);
  });
});

describe('delivery badges', () => {
  it('draws the canary weight of a workload at the top left of its shape', () => {
    const graph = generateGraph({
      clusters: 1,
      namespacesPerCluster: 1,
      workloadsPerNamespace: 2,
      podsPerWorkload: 0,
      edges: 0,
    });
    const [a, b] = graph.nodes.filter(n => n.kind === 'workload');
    a.delivery = { rolloutPhase: 'Paused', canaryWeight: 30 };
    b.delivery = undefined;
    const scene = buildScene(graph, computeLayout(graph));
    const texts: string[] = [];
    const { ctx } = fakeContext();
    const recording = new Proxy(ctx, {
      get(target, prop) {
        if (prop === 'fillText') {
          return (text: string) =>
            texts.push(`${text} ${String(target.fillStyle)}`);
        }
        return Reflect.get(target, prop);
      },
      set(target, prop, value) {
        return Reflect.set(target, prop, value);
      },
    });
    const state: DrawState = {
      viewport: { scale: 1, tx: 0, ty: 0 },
      width: 2000,
      height: 2000,
      dpr: 1,
      selected: -1,
      hovered: -1,
      highlight: null,
      theme,
    };
    drawLabels(
      recording,
      scene,
      state,
      visibleWorld(state.viewport, 2000, 2000),
    );
    expect(texts.filter(t => t.startsWith('30%'))).toEqual(['30% #fff']);
  });
});
