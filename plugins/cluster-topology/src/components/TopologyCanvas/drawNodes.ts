import { DIM_ALPHA, DrawState } from './drawTypes';
import { HEALTH_COLORS, HEALTH_ORDER, Scene } from './scene';
import { POLYGONS, SHAPE_DIAMOND, SHAPE_HEXAGON, SHAPE_SQUARE } from './shapes';
import type { Rect } from './viewport';

const CONTAINER_RADIUS = 8;
/** Containers smaller than this on screen are noise; skip them. */
const MIN_CONTAINER_PX = 3;
const BOX_INSET = 3;

/** Adds a rounded rectangle to the current path (arcTo works in every browser, unlike roundRect). */
export function roundRectPath(
  ctx: CanvasRenderingContext2D,
  x: number,
  y: number,
  w: number,
  h: number,
  r: number,
): void {
  const rr = Math.max(0, Math.min(r, w / 2, h / 2));
  ctx.moveTo(x + rr, y);
  ctx.arcTo(x + w, y, x + w, y + h, rr);
  ctx.arcTo(x + w, y + h, x, y + h, rr);
  ctx.arcTo(x, y + h, x, y, rr);
  ctx.arcTo(x, y, x + w, y, rr);
  ctx.closePath();
}

/** Whether node `i`'s box meets the view rectangle. */
export function boxVisible(scene: Scene, i: number, view: Rect): boolean {
  return (
    scene.x[i] + scene.w[i] >= view.x &&
    scene.x[i] <= view.x + view.w &&
    scene.y[i] + scene.h[i] >= view.y &&
    scene.y[i] <= view.y + view.h
  );
}

/** Adds node `i`'s shape, grown by `pad` world units, to the current path. */
function shapePath(
  ctx: CanvasRenderingContext2D,
  scene: Scene,
  i: number,
  pad: number,
  k: number,
): void {
  if (scene.container[i]) {
    const { x, y, w, h } = {
      x: scene.x[i],
      y: scene.y[i],
      w: scene.w[i],
      h: scene.h[i],
    };
    const r = CONTAINER_RADIUS + pad;
    // Corners under a pixel cannot be seen, and arcs cost far more than lines.
    if (r * k < 1.5) ctx.rect(x - pad, y - pad, w + 2 * pad, h + 2 * pad);
    else roundRectPath(ctx, x - pad, y - pad, w + 2 * pad, h + 2 * pad, r);
  } else if (scene.boxy[i]) {
    const x = scene.x[i] + BOX_INSET - pad;
    const y = scene.y[i] + BOX_INSET - pad;
    const w = scene.w[i] - 2 * BOX_INSET + 2 * pad;
    const h = scene.h[i] - 2 * BOX_INSET + 2 * pad;
    // Kubernetes nodes keep sharp corners, unlike collapsed clusters and namespaces.
    if (h * k < 3 || scene.shape[i] === SHAPE_SQUARE) ctx.rect(x, y, w, h);
    else roundRectPath(ctx, x, y, w, h, 6 + pad);
  } else {
    const r = scene.ar[i] + pad;
    const cx = scene.ax[i];
    const cy = scene.ay[i];
    const shape = scene.shape[i];
    if (r * k < 1.5) {
      // A few pixels wide: every shape looks the same, and rects are cheapest.
      ctx.rect(cx - r, cy - r, 2 * r, 2 * r);
    } else if (shape === SHAPE_DIAMOND) {
      ctx.moveTo(cx, cy - r);
      ctx.lineTo(cx + r, cy);
      ctx.lineTo(cx, cy + r);
      ctx.lineTo(cx - r, cy);
      ctx.closePath();
    } else if (shape === SHAPE_HEXAGON) {
      // Flat top and bottom, so it reads as a badge rather than a circle.
      const hx = r * 0.5;
      const hy = r * 0.866;
      ctx.moveTo(cx + r, cy);
      ctx.lineTo(cx + hx, cy + hy);
      ctx.lineTo(cx - hx, cy + hy);
      ctx.lineTo(cx - r, cy);
      ctx.lineTo(cx - hx, cy - hy);
      ctx.lineTo(cx + hx, cy - hy);
      ctx.closePath();
    } else if (POLYGONS[shape]) {
      const { sides, rotation } = POLYGONS[shape];
      for (let side = 0; side < sides; side++) {
        const angle = rotation + (side * 2 * Math.PI) / sides;
        const px = cx + r * Math.cos(angle);
        const py = cy + r * Math.sin(angle);
        if (side === 0) ctx.moveTo(px, py);
        else ctx.lineTo(px, py);
      }
      ctx.closePath();
    } else {
      ctx.moveTo(cx + r, cy);
      ctx.arc(cx, cy, r, 0, Math.PI * 2);
    }
  }
}

/** Containers that are visible and big enough to draw, parents first. */
export function visibleContainers(
  scene: Scene,
  view: Rect,
  k: number,
): number[] {
  const out: number[] = [];
  for (const i of scene.containers) {
    if (scene.w[i] * k >= MIN_CONTAINER_PX && boxVisible(scene, i, view))
      out.push(i);
  }
  return out;
}

/**
 * Containers as translucent rounded rectangles: one fill per depth (fills of
 * one path do not stack, those of successive paths do, so nesting darkens),
 * then one stroke per health colour.
 */
export function drawContainers(
  ctx: CanvasRenderingContext2D,
  scene: Scene,
  state: DrawState,
  view: Rect,
): number {
  const k = state.viewport.scale;
  const visible = visibleContainers(scene, view, k);
  if (visible.length === 0) return 0;
  ctx.fillStyle = state.theme.containerFill;
  let start = 0;
  while (start < visible.length) {
    const d = scene.depth[visible[start]];
    ctx.beginPath();
    let end = start;
    for (; end < visible.length && scene.depth[visible[end]] === d; end++) {
      shapePath(ctx, scene, visible[end], 0, k);
    }
    ctx.fill();
    start = end;
  }
  ctx.lineWidth = 1 / k;
  const strokes: Array<[string, (h: number) => boolean]> = [
    [state.theme.containerStroke, h => h !== 1 && h !== 2],
    [HEALTH_COLORS.degraded, h => h === 1],
    [HEALTH_COLORS.failing, h => h === 2],
  ];
  for (const [color, matches] of strokes) {
    ctx.strokeStyle = color;
    ctx.beginPath();
    let any = false;
    for (const i of visible) {
      if (!matches(scene.health[i])) continue;
      shapePath(ctx, scene, i, 0, k);
      any = true;
    }
    if (any) ctx.stroke();
  }
  return visible.length;
}

/** Border of Kubernetes nodes: darkens whatever health colour lies below. */
const SQUARE_BORDER = 'rgba(0,0,0,0.55)';

/** Leaves, one fill per health colour (and per dimmed/lit pass when searching). */
export function drawLeaves(
  ctx: CanvasRenderingContext2D,
  scene: Scene,
  state: DrawState,
  view: Rect,
): number {
  const k = state.viewport.scale;
  const hl = state.highlight;
  let drawn = 0;
  const passes = hl ? [0, 1] : [-1];
  for (const pass of passes) {
    ctx.globalAlpha = pass === 0 ? DIM_ALPHA : 1;
    for (let h = 0; h < HEALTH_ORDER.length; h++) {
      ctx.fillStyle = HEALTH_COLORS[HEALTH_ORDER[h]];
      ctx.beginPath();
      let any = false;
      for (const i of scene.leavesByHealth[h]) {
        if (hl && (hl[i] ? 1 : 0) !== pass) continue;
        if (!boxVisible(scene, i, view)) continue;
        shapePath(ctx, scene, i, 0, k);
        any = true;
        drawn++;
      }
      if (any) ctx.fill();
    }
    if (scene.squares.length > 0) {
      ctx.strokeStyle = SQUARE_BORDER;
      ctx.lineWidth = 2 / k;
      ctx.beginPath();
      let any = false;
      for (const i of scene.squares) {
        if (hl && (hl[i] ? 1 : 0) !== pass) continue;
        if (scene.h[i] * k < 6 || !boxVisible(scene, i, view)) continue;
        // Inset by half the line width so the border stays inside the fill.
        shapePath(ctx, scene, i, -1 / k, k);
        any = true;
      }
      if (any) ctx.stroke();
    }
  }
  ctx.globalAlpha = 1;
  return drawn;
}

/** Rings around search hits, then the hover and selection outlines. */
export function drawMarks(
  ctx: CanvasRenderingContext2D,
  scene: Scene,
  state: DrawState,
  view: Rect,
): void {
  const k = state.viewport.scale;
  const hl = state.highlight;
  if (hl) {
    ctx.strokeStyle = state.theme.highlight;
    ctx.lineWidth = 3 / k;
    ctx.beginPath();
    for (let i = 0; i < scene.count; i++) {
      if (hl[i] && boxVisible(scene, i, view))
        shapePath(ctx, scene, i, 2 / k, k);
    }
    ctx.stroke();
  }
  const outline = (i: number, px: number) => {
    if (i < 0 || i >= scene.count) return;
    ctx.strokeStyle = state.theme.selection;
    ctx.lineWidth = px / k;
    ctx.beginPath();
    shapePath(ctx, scene, i, (px + 1) / k, k);
    ctx.stroke();
  };
  if (state.hovered !== state.selected) outline(state.hovered, 1.5);
  outline(state.selected, 3);
}
