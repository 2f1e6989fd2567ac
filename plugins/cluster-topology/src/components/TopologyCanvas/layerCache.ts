import { cullRect, drawLayer, drawOverlay, drawScene } from './drawScene';
import type { DrawState, DrawTheme, FrameStats } from './drawTypes';
import type { Scene } from './scene';

/**
 * Device pixels drawn beyond each screen edge, so a pan of up to this much
 * reuses the layer. Larger margins redraw less often but cost memory and a
 * slower redraw: 256 keeps a 1280×800 layer at dpr 1 under 10 MB.
 */
const MARGIN_DEVICE_PX = 256;

/** An offscreen copy of the picture and what it was drawn for. */
export interface Layer {
  canvas?: HTMLCanvasElement;
  /** null: offscreen drawing unavailable, always draw directly. */
  ctx?: CanvasRenderingContext2D | null;
  scene?: Scene;
  scale: number;
  highlight: Uint8Array | null;
  theme?: DrawTheme;
  dpr: number;
  width: number;
  height: number;
  /** Viewport translation the layer was drawn at, in CSS pixels. */
  tx: number;
  ty: number;
  stats?: FrameStats;
}

/** An empty layer; the first frame draws it. */
export function createLayer(): Layer {
  return {
    scale: 0,
    highlight: null,
    dpr: 0,
    width: 0,
    height: 0,
    tx: 0,
    ty: 0,
  };
}

/** Frees the layer's bitmap (browsers keep detached canvases' memory until collected). */
export function releaseLayer(layer: Layer): void {
  if (layer.canvas) {
    layer.canvas.width = 0;
    layer.canvas.height = 0;
  }
  layer.canvas = undefined;
  layer.ctx = undefined;
  layer.scene = undefined;
}

function layerContext(layer: Layer): CanvasRenderingContext2D | null {
  if (layer.ctx !== undefined) return layer.ctx;
  try {
    layer.canvas = document.createElement('canvas');
    layer.ctx = layer.canvas.getContext('2d');
  } catch {
    layer.ctx = null; // jsdom without a canvas implementation
  }
  return layer.ctx;
}

/**
 * Zoom ratios, the view's scale over the layer's, within which a frame of a
 * zoom gesture scales the layer rather than redrawing it. Past 2× its pixels
 * are visibly blocky; past ½ thin lines and text alias. On a wide screen,
 * zooming out runs into {@link MAX_BARE_EDGE_SHARE} first; on a small card,
 * whose margins are large beside it, into ½.
 */
export const MIN_ZOOM_PREVIEW_RATIO = 0.5;
export const MAX_ZOOM_PREVIEW_RATIO = 2;
/**
 * Share of the screen's width or height that may stay bare along each edge
 * while a zoom gesture scales the layer down. Asking for full cover would
 * redraw every ×0.71 when zooming out about the middle of a 1280-pixel-wide
 * view (1280 / (1280 + 2 × 256)), and sooner about a point near an edge,
 * each a full-redraw stall; with an eighth it goes on to ×0.54 there. The
 * strip stays bare until the gesture settles or the next redraw.
 */
export const MAX_BARE_EDGE_SHARE = 1 / 8;

/** Whether the layer shows this scene as `state` would draw it, whatever the viewport. */
function sameContent(layer: Layer, scene: Scene, state: DrawState): boolean {
  return (
    layer.stats !== undefined &&
    layer.scene === scene &&
    layer.highlight === state.highlight &&
    layer.theme === state.theme &&
    layer.dpr === state.dpr &&
    layer.width === state.width &&
    layer.height === state.height
  );
}

/**
 * Where the layer goes on screen, in device pixels, to show the viewport of
 * `state`, when it may stand in for a redraw during a zoom gesture. Layer
 * and screen points map by `screen = (layerScreen - layer.t) * ratio + v.t`,
 * which keeps the zoom's anchor, and any pan during the gesture, in place.
 */
function zoomPreview(
  layer: Layer,
  canvas: HTMLCanvasElement,
  state: DrawState,
): { x: number; y: number; w: number; h: number } | undefined {
  const { dpr, viewport: v } = state;
  const margin = MARGIN_DEVICE_PX / dpr;
  const ratio = v.scale / layer.scale;
  if (ratio < MIN_ZOOM_PREVIEW_RATIO || ratio > MAX_ZOOM_PREVIEW_RATIO) {
    return undefined;
  }
  const x = ((-margin - layer.tx) * ratio + v.tx) * dpr;
  const y = ((-margin - layer.ty) * ratio + v.ty) * dpr;
  const w = canvas.width * ratio;
  const h = canvas.height * ratio;
  const width = state.width * dpr;
  const height = state.height * dpr;
  const bareX = width * MAX_BARE_EDGE_SHARE;
  const bareY = height * MAX_BARE_EDGE_SHARE;
  const covered =
    x <= bareX &&
    y <= bareY &&
    x + w >= width - bareX &&
    y + h >= height - bareY;
  return covered ? { x, y, w, h } : undefined;
}

/**
 * Draws a frame through the retained layer: when only the translation changed
 * by less than the margin since the layer was drawn, the frame is a copy of
 * it plus the outlines. During a zoom gesture (`zooming`), a frame whose
 * scale differs from the layer's is the layer scaled about the same origin
 * the view zoomed about, as long as the ratio stays within
 * [{@link MIN_ZOOM_PREVIEW_RATIO}, {@link MAX_ZOOM_PREVIEW_RATIO}] and the
 * scaled layer leaves at most {@link MAX_BARE_EDGE_SHARE} of the screen bare
 * along any edge; the outlines are still drawn crisp at the true viewport. Otherwise the layer is redrawn around the new view, so
 * the first frame after the gesture is exactly what a full redraw shows.
 */
export function drawCached(
  ctx: CanvasRenderingContext2D,
  scene: Scene,
  state: DrawState,
  layer: Layer,
  zooming = false,
): FrameStats {
  const lctx = layerContext(layer);
  if (!lctx || !layer.canvas) return drawScene(ctx, scene, state);
  const { dpr, width, height, viewport: v } = state;
  const margin = MARGIN_DEVICE_PX / dpr;
  const content = sameContent(layer, scene, state);
  const fresh =
    content &&
    layer.scale === v.scale &&
    Math.abs(v.tx - layer.tx) <= margin &&
    Math.abs(v.ty - layer.ty) <= margin;
  let stats = content ? layer.stats : undefined;
  if (!fresh && zooming && stats) {
    const preview = zoomPreview(layer, layer.canvas, state);
    if (preview) {
      ctx.setTransform(1, 0, 0, 1, 0, 0);
      ctx.clearRect(0, 0, width * dpr, height * dpr);
      ctx.drawImage(layer.canvas, preview.x, preview.y, preview.w, preview.h);
      drawOverlay(ctx, scene, state);
      return stats;
    }
  }
  if (!fresh || !stats) {
    const w = Math.round((width + 2 * margin) * dpr);
    const h = Math.round((height + 2 * margin) * dpr);
    if (layer.canvas.width !== w) layer.canvas.width = w;
    if (layer.canvas.height !== h) layer.canvas.height = h;
    stats = drawLayer(
      lctx,
      scene,
      {
        ...state,
        width: width + 2 * margin,
        height: height + 2 * margin,
        viewport: { scale: v.scale, tx: v.tx + margin, ty: v.ty + margin },
      },
      cullRect(state),
    );
    Object.assign(layer, {
      scene,
      scale: v.scale,
      highlight: state.highlight,
      theme: state.theme,
      dpr,
      width,
      height,
      tx: v.tx,
      ty: v.ty,
      stats,
    });
  }
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  ctx.clearRect(0, 0, width * dpr, height * dpr);
  // Whole device pixels: a fractional offset would resample, and blur, the copy.
  ctx.drawImage(
    layer.canvas,
    Math.round((v.tx - layer.tx - margin) * dpr),
    Math.round((v.ty - layer.ty - margin) * dpr),
  );
  drawOverlay(ctx, scene, state);
  return stats;
}
