import type { DrawState } from './drawTypes';
import type { EdgeGroup, EdgeStyle, Scene } from './scene';
import type { Rect } from './viewport';

/** Bend of an edge as a share of its length; curves keep A→B and B→A apart. */
const BEND = 0.12;
/**
 * Below this zoom, dashed and dotted edges are drawn solid: a dash pattern
 * multiplies the segments the rasteriser handles, and at that distance the
 * colour already tells the styles apart.
 */
const DASH_MIN_SCALE = 0.35;
/**
 * Below the same zoom, widths are capped at one device pixel: Skia draws
 * such strokes as hairlines, several times faster than wider strokes in
 * software rasterisation (10,000 edges: ~130 ms → ~35 ms without GPU), and
 * thickness cannot be compared across a dense overview anyway.
 */
const OVERVIEW_MAX_WIDTH_PX = 1; // device pixels
/** Arrow head length in screen pixels. */
const ARROW_PX = 7;

/** Control and end points of an edge, reused to avoid per-edge allocation. */
export interface EdgeGeometry {
  x1: number;
  y1: number;
  cx: number;
  cy: number;
  x2: number;
  y2: number;
}

/**
 * Geometry of edge `e` as a quadratic curve between the attach points,
 * shortened so it starts and ends on the node outlines. False when degenerate.
 */
export function edgeGeometry(
  scene: Scene,
  e: number,
  out: EdgeGeometry,
): boolean {
  const a = scene.src[e];
  const b = scene.dst[e];
  const sx = scene.ax[a];
  const sy = scene.ay[a];
  const tx = scene.ax[b];
  const ty = scene.ay[b];
  const dx = tx - sx;
  const dy = ty - sy;
  const len = Math.hypot(dx, dy);
  if (len < 1e-6) return false;
  out.cx = (sx + tx) / 2 - dy * BEND;
  out.cy = (sy + ty) / 2 + dx * BEND;
  const ux = out.cx - sx;
  const uy = out.cy - sy;
  const ul = Math.hypot(ux, uy);
  const ra = Math.min(scene.ar[a], ul * 0.45);
  out.x1 = sx + (ux / ul) * ra;
  out.y1 = sy + (uy / ul) * ra;
  const vx = tx - out.cx;
  const vy = ty - out.cy;
  const vl = Math.hypot(vx, vy);
  const rb = Math.min(scene.ar[b], vl * 0.45);
  out.x2 = tx - (vx / vl) * rb;
  out.y2 = ty - (vy / vl) * rb;
  return true;
}

/** The curve lies in the hull of its control points, so their box is a safe cull test. */
export function curveVisible(g: EdgeGeometry, view: Rect): boolean {
  const minX = Math.min(g.x1, g.cx, g.x2);
  const maxX = Math.max(g.x1, g.cx, g.x2);
  const minY = Math.min(g.y1, g.cy, g.y2);
  const maxY = Math.max(g.y1, g.cy, g.y2);
  return (
    maxX >= view.x &&
    minX <= view.x + view.w &&
    maxY >= view.y &&
    minY <= view.y + view.h
  );
}

function applyStyle(
  ctx: CanvasRenderingContext2D,
  s: EdgeStyle,
  k: number,
  dpr: number,
) {
  ctx.strokeStyle = s.color;
  ctx.fillStyle = s.color;
  const overview = k < DASH_MIN_SCALE;
  const cap = OVERVIEW_MAX_WIDTH_PX / dpr;
  ctx.lineWidth = (overview ? Math.min(s.width, cap) : s.width) / k;
  const dash = overview ? undefined : s.dash;
  if (dash === 'dashed') ctx.setLineDash([6 / k, 4 / k]);
  else if (dash === 'dotted') ctx.setLineDash([0.5 / k, 3.5 / k]);
  else ctx.setLineDash([]);
  ctx.lineCap = dash === 'dotted' ? 'round' : 'butt';
}

const geo: EdgeGeometry = { x1: 0, y1: 0, cx: 0, cy: 0, x2: 0, y2: 0 };
let arrowBuf = new Float64Array(4096);

/**
 * Strokes the edges of `group`; `want` selects search-lit (1), unlit (0) or
 * all (-1) edges. Arrow heads are collected on the way and filled as one path.
 */
function strokeGroup(
  ctx: CanvasRenderingContext2D,
  scene: Scene,
  group: EdgeGroup,
  view: Rect,
  k: number,
  highlight: Uint8Array | null,
  want: number,
): number {
  let drawn = 0;
  let arrows = 0;
  const arrowLen = ARROW_PX / k;
  ctx.beginPath();
  for (const e of group.edges) {
    if (highlight && want >= 0) {
      const lit = highlight[scene.src[e]] || highlight[scene.dst[e]] ? 1 : 0;
      if (lit !== want) continue;
    }
    if (!edgeGeometry(scene, e, geo) || !curveVisible(geo, view)) continue;
    ctx.moveTo(geo.x1, geo.y1);
    ctx.quadraticCurveTo(geo.cx, geo.cy, geo.x2, geo.y2);
    drawn++;
    if (group.style.arrow) {
      const vx = geo.x2 - geo.cx;
      const vy = geo.y2 - geo.cy;
      const vl = Math.hypot(vx, vy);
      if (vl * k < ARROW_PX * 2.5) continue;
      if ((arrows + 1) * 4 > arrowBuf.length) {
        const grown = new Float64Array(arrowBuf.length * 2);
        grown.set(arrowBuf);
        arrowBuf = grown;
      }
      arrowBuf[arrows * 4] = geo.x2;
      arrowBuf[arrows * 4 + 1] = geo.y2;
      arrowBuf[arrows * 4 + 2] = vx / vl;
      arrowBuf[arrows * 4 + 3] = vy / vl;
      arrows++;
    }
  }
  if (drawn > 0) ctx.stroke();
  if (arrows > 0) {
    const half = arrowLen * 0.45 + ctx.lineWidth / 2;
    ctx.beginPath();
    for (let i = 0; i < arrows; i++) {
      const x = arrowBuf[i * 4];
      const y = arrowBuf[i * 4 + 1];
      const ux = arrowBuf[i * 4 + 2];
      const uy = arrowBuf[i * 4 + 3];
      const bx = x - ux * arrowLen;
      const by = y - uy * arrowLen;
      ctx.moveTo(x, y);
      ctx.lineTo(bx - uy * half, by + ux * half);
      ctx.lineTo(bx + uy * half, by - ux * half);
      ctx.closePath();
    }
    ctx.fill();
  }
  return drawn;
}

/** Draws the edge groups below the nodes (`onTop` false) or above them. */
export function drawEdgeGroups(
  ctx: CanvasRenderingContext2D,
  scene: Scene,
  state: DrawState,
  view: Rect,
  onTop: boolean,
): number {
  const k = state.viewport.scale;
  const hl = state.highlight;
  let drawn = 0;
  for (const group of scene.groups) {
    if (group.onTop !== onTop) continue;
    applyStyle(ctx, group.style, k, state.dpr || 1);
    if (hl) {
      ctx.globalAlpha = 0.08;
      drawn += strokeGroup(ctx, scene, group, view, k, hl, 0);
      ctx.globalAlpha = 1;
      drawn += strokeGroup(ctx, scene, group, view, k, hl, 1);
    } else {
      drawn += strokeGroup(ctx, scene, group, view, k, null, -1);
    }
  }
  ctx.setLineDash([]);
  ctx.lineCap = 'butt';
  return drawn;
}
