/*
 * Performance notes for the canvas renderer.
 *
 * - Batching: every beginPath/stroke or fill pair costs a rasteriser pass and
 *   a state flush, while adding a segment to an open path is nearly free. So
 *   nodes are bucketed by fill colour and edges by style once, in `buildScene`,
 *   and each bucket becomes a single path: 10,000 edges cost a few dozen
 *   strokes instead of 10,000, which is what keeps a frame within a few ms.
 * - Culling: geometry outside the visible world rectangle is never added to a
 *   path. A quadratic curve lies inside the bounding box of its three control
 *   points, so that box is a cheap and safe test; when zoomed in, most of a
 *   large graph is skipped.
 * - Level of detail: text is the slowest thing a canvas draws (glyph layout
 *   per call), and unreadable text is noise anyway. Labels, badges, arrow heads
 *   and route weights appear only once their shapes are large enough on
 *   screen, and labels are capped per frame; tiny circles degrade to squares.
 * - Line widths and fonts are in screen pixels (divided by the scale), so the
 *   picture stays legible at every zoom without per-zoom restyling.
 * - Retained layer: panning does not change what is drawn, only where. The
 *   picture is drawn once into an offscreen canvas with a margin around the
 *   screen (`layerCache.ts`), and a pan frame copies it at an offset and adds
 *   the hover and selection outlines; without a GPU that turns a 10,000-node
 *   pan frame from a full redraw (hundreds of ms) into one image copy.
 * - Zoom previews: while a wheel or pinch zoom goes on, a frame is the layer
 *   scaled by the zoom ratio (one drawImage) with the outlines crisp on top;
 *   the layer is redrawn when the ratio passes ½ or 2, when the scaled layer
 *   leaves more than an eighth of the screen bare, and once no zoom event
 *   came for 120 ms (`layerCache.ts`, `zoomGesture.ts`).
 * - Overview shortcuts: containers whose corner radius is under a pixel are
 *   plain rectangles (arcs cost far more to fill), and edges are one device
 *   pixel wide, which the rasteriser draws as hairlines.
 */
import { drawEdgeGroups } from './drawEdges';
import { drawLabels } from './drawLabels';
import { drawContainers, drawLeaves, drawMarks } from './drawNodes';
import type { DrawState, FrameStats } from './drawTypes';
import type { Scene } from './scene';
import { Rect, visibleWorld } from './viewport';

/** World rectangle that is drawn, slightly larger than the screen so strokes at the edge are not clipped. */
export function cullRect(state: DrawState): Rect {
  const v = visibleWorld(state.viewport, state.width, state.height);
  const m = 8 / state.viewport.scale;
  return { x: v.x - m, y: v.y - m, w: v.w + 2 * m, h: v.h + 2 * m };
}

/**
 * Draws everything but the hover and selection outlines. `screen` is the
 * world rectangle actually on screen when `state` covers more than the screen
 * (a retained layer with margins); label density is judged by it.
 */
export function drawLayer(
  ctx: CanvasRenderingContext2D,
  scene: Scene,
  state: DrawState,
  screen?: Rect,
): FrameStats {
  const { dpr, viewport: v } = state;
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  ctx.clearRect(0, 0, state.width, state.height);
  const view = cullRect(state);
  ctx.setTransform(dpr * v.scale, 0, 0, dpr * v.scale, dpr * v.tx, dpr * v.ty);
  ctx.lineJoin = 'round';
  let nodes = drawContainers(ctx, scene, state, view);
  let edges = drawEdgeGroups(ctx, scene, state, view, false);
  nodes += drawLeaves(ctx, scene, state, view);
  edges += drawEdgeGroups(ctx, scene, state, view, true);
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  const labels = drawLabels(ctx, scene, state, view, screen);
  return { nodes, edges, labels };
}

/** Search rings and the hover and selection outlines, over a drawn layer. */
export function drawOverlay(
  ctx: CanvasRenderingContext2D,
  scene: Scene,
  state: DrawState,
): void {
  const { dpr, viewport: v } = state;
  ctx.setTransform(dpr * v.scale, 0, 0, dpr * v.scale, dpr * v.tx, dpr * v.ty);
  drawMarks(ctx, scene, state, cullRect(state));
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
}

/** Draws one frame of the scene onto a 2D context. */
export function drawScene(
  ctx: CanvasRenderingContext2D,
  scene: Scene,
  state: DrawState,
): FrameStats {
  const stats = drawLayer(ctx, scene, state);
  drawOverlay(ctx, scene, state);
  return stats;
}
