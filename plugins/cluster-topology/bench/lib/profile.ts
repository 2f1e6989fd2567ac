import { computeLayout } from '../../src/components/TopologyCanvas/computeLayout';
import { drawEdgeGroups } from '../../src/components/TopologyCanvas/drawEdges';
import { drawLabels } from '../../src/components/TopologyCanvas/drawLabels';
import {
  drawContainers,
  drawLeaves,
  drawMarks,
} from '../../src/components/TopologyCanvas/drawNodes';
import { cullRect } from '../../src/components/TopologyCanvas/drawScene';
import type { DrawState } from '../../src/components/TopologyCanvas/drawTypes';
import { buildScene } from '../../src/components/TopologyCanvas/scene';
import { fitViewport } from '../../src/components/TopologyCanvas/viewport';
import type { TopologyGraph } from '@cloud-native-platform/plugin-cloud-native-common';

/**
 * Times each drawing phase of the canvas renderer on an offscreen-sized
 * canvas in the page, flushing the rasteriser after every phase (reading one
 * pixel forces the queued drawing to be done), so the figures include the
 * software rasterisation and not only the JavaScript that queues it.
 */
export function profileDraw(
  graph: TopologyGraph,
  frames = 10,
): Record<string, number> {
  const t0 = performance.now();
  const layout = computeLayout({
    nodes: graph.nodes.map(n => ({ id: n.id, kind: n.kind, parent: n.parent })),
  });
  const t1 = performance.now();
  const scene = buildScene(graph, layout);
  const t2 = performance.now();
  const canvas = document.createElement('canvas');
  canvas.width = 1280;
  canvas.height = 760;
  document.body.appendChild(canvas);
  const ctx = canvas.getContext('2d')!;
  const viewport = fitViewport(scene.bounds, 1280, 760);
  const theme = {
    text: '#000',
    textMuted: '#666',
    containerFill: 'rgba(0,0,0,0.035)',
    containerStroke: '#ccc',
    selection: '#1976d2',
    highlight: '#ffb300',
    badgeFill: '#333',
    badgeText: '#fff',
    background: '#fff',
  };
  const totals: Record<string, number> = {};
  const add = (name: string, since: number) => {
    ctx.getImageData(0, 0, 1, 1);
    const now = performance.now();
    totals[name] = (totals[name] ?? 0) + (now - since) / frames;
    return now;
  };
  for (let f = 0; f < frames; f++) {
    const state: DrawState = {
      viewport: { ...viewport, tx: viewport.tx + f * 7 },
      width: 1280,
      height: 760,
      dpr: 1,
      selected: -1,
      hovered: -1,
      highlight: null,
      theme,
    };
    let t = performance.now();
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.clearRect(0, 0, 1280, 760);
    const view = cullRect(state);
    const v = state.viewport;
    ctx.setTransform(v.scale, 0, 0, v.scale, v.tx, v.ty);
    t = add('clear', t);
    drawContainers(ctx, scene, state, view);
    t = add('containers', t);
    drawEdgeGroups(ctx, scene, state, view, false);
    t = add('edges', t);
    drawLeaves(ctx, scene, state, view);
    t = add('leaves', t);
    drawEdgeGroups(ctx, scene, state, view, true);
    t = add('edgesOnTop', t);
    drawMarks(ctx, scene, state, view);
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    drawLabels(ctx, scene, state, view);
    add('labels', t);
  }
  canvas.remove();
  return { layout: t1 - t0, scene: t2 - t1, ...totals };
}
