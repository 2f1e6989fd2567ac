import { cullRect, drawLayer, drawOverlay, drawScene } from './drawScene';
import type { DrawState, DrawTheme, FrameStats } from './drawTypes';
import type { Scene } from './scene';
import type { Viewport } from './viewport';

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
 * are visibly blocky; past ½ thin lines and text alias. Zooming out, the
 * layer usually stops covering the screen first: a 1280-pixel-wide view with
 * its 256-pixel margins is covered down to 1280 / 1792 ≈ 0.71 when zooming
 * about the middle, and less far about a point near an edge.
 */
export const MIN_ZOOM_PREVIEW_RATIO = 0.5;
export const MAX_ZOOM_PREVIEW_RATIO = 2;

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
 * Where the layer lands on screen, in device pixels, when scaled from its
 * viewport to `v` about the origin: `screen = (layerScreen - layer.t) * r + v.t`.
 */
function scaledPlacement(layer: Layer, canvas: HTMLCanvasElement, v: Viewport) {
  const { dpr } = layer;
  const margin = MARGIN_DEVICE_PX / dpr;
  const ratio = v.scale / layer.scale;
  return {
    ratio,
    x: ((-margin - layer.tx) * ratio + v.tx) * dpr,
    y: ((-margin - layer.ty) * ratio + v.ty) * dpr,
    w: canvas.width * ratio,
    h: canvas.height * ratio,
  };
}

/**
 * Draws a frame through the retained layer: when only the translation changed
 * by less than the margin since the layer was drawn, the frame is a copy of
 * it plus the outlines. During a zoom gesture (`zooming`), a frame whose
 * scale differs from the layer's is the layer scaled about the same origin
 * the view zoomed about, as long as the ratio stays within
 * [{@link MIN_ZOOM_PREVIEW_RATIO}, {@link MAX_ZOOM_PREVIEW_RATIO}] and the
 * scaled layer covers the whole screen; the outlines are still drawn crisp at
 * the true viewport. Otherwise the layer is redrawn around the new view, so
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
  if (!fresh && zooming && content) {
    const at = scaledPlacement(layer, layer.canvas, v);
    if (
      at.ratio >= MIN_ZOOM_PREVIEW_RATIO &&
      at.ratio <= MAX_ZOOM_PREVIEW_RATIO &&
      at.x <= 0 &&
      at.y <= 0 &&
      at.x + at.w >= width * dpr &&
      at.y + at.h >= height * dpr
    ) {
      ctx.setTransform(1, 0, 0, 1, 0, 0);
      ctx.clearRect(0, 0, width * dpr, height * dpr);
      ctx.drawImage(layer.canvas, at.x, at.y, at.w, at.h);
      drawOverlay(ctx, scene, state);
      return layer.stats!;
    }
  }
  if (!fresh) {
    const w = Math.round((width + 2 * margin) * dpr);
    const h = Math.round((height + 2 * margin) * dpr);
    if (layer.canvas.width !== w) layer.canvas.width = w;
    if (layer.canvas.height !== h) layer.canvas.height = h;
    layer.stats = drawLayer(
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
  return layer.stats!;
}
