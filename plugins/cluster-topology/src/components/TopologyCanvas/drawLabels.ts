import { curveVisible, edgeGeometry, EdgeGeometry } from './drawEdges';
import { boxVisible, visibleContainers } from './drawNodes';
import { DIM_ALPHA, DrawState } from './drawTypes';
import type { Scene } from './scene';
import type { Rect } from './viewport';

/** Labels per frame at most; beyond that text dominates the frame time. */
export const MAX_LABELS = 1500;
/** A leaf gets a label once its cell is this wide on screen. */
const LEAF_LABEL_PX = 52;
const CONTAINER_LABEL_PX = 56;
/** Badges need room to be readable. */
const BADGE_MIN_RADIUS_PX = 9;
const CHAR_PX = 6.6;

/** Cuts text to what fits in `px` pixels; an estimate, since measureText per label is slow. */
export function fitText(text: string, px: number): string {
  const max = Math.floor(px / CHAR_PX);
  if (max < 2) return '';
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/**
 * All text, in screen space so glyphs stay crisp and sized in pixels: the
 * context must carry only the device-pixel-ratio transform.
 */
export function drawLabels(
  ctx: CanvasRenderingContext2D,
  scene: Scene,
  state: DrawState,
  view: Rect,
): number {
  const { scale: k, tx, ty } = state.viewport;
  const { theme } = state;
  const hl = state.highlight;
  let budget = MAX_LABELS;
  ctx.textBaseline = 'middle';
  ctx.textAlign = 'left';

  ctx.fillStyle = theme.text;
  ctx.font = '600 12px sans-serif';
  for (const i of visibleContainers(scene, view, k)) {
    const sw = scene.w[i] * k;
    if (sw < CONTAINER_LABEL_PX || scene.h[i] * k < 20 || budget <= 0) continue;
    const node = scene.nodes[i];
    const hint = node.collapsedChildren ? ` +${node.collapsedChildren}` : '';
    const text = fitText(`${node.name}${hint}`, sw - 16);
    if (!text) continue;
    const sy = scene.y[i] * k + ty + Math.min(15, Math.max(9, 15 * k));
    ctx.fillText(text, scene.x[i] * k + tx + 8, sy);
    budget--;
  }

  ctx.font = '11px sans-serif';
  ctx.textAlign = 'center';
  const badges: number[] = [];
  for (const i of scene.leaves) {
    if (budget <= 0) break;
    const sw = scene.w[i] * k;
    if (sw < LEAF_LABEL_PX || !boxVisible(scene, i, view)) continue;
    ctx.globalAlpha = hl && !hl[i] ? DIM_ALPHA * 2 : 1;
    const node = scene.nodes[i];
    const text = fitText(node.name, sw - 6);
    const cx = scene.ax[i] * k + tx;
    if (scene.boxy[i]) {
      ctx.fillStyle = '#fff';
      ctx.fillText(text, cx, scene.ay[i] * k + ty);
    } else {
      ctx.fillStyle = theme.text;
      ctx.fillText(text, cx, (scene.ay[i] + scene.ar[i]) * k + ty + 9);
    }
    budget--;
    if (scene.ar[i] * k >= BADGE_MIN_RADIUS_PX) badges.push(i);
  }
  ctx.globalAlpha = 1;
  budget -= drawBadges(ctx, scene, state, badges);
  budget -= drawWeights(ctx, scene, state, view, budget);
  return MAX_LABELS - budget;
}

/** Pod-count badges at the top right of a leaf, and "+N" for collapsed children. */
function drawBadges(
  ctx: CanvasRenderingContext2D,
  scene: Scene,
  state: DrawState,
  leaves: number[],
): number {
  const { scale: k, tx, ty } = state.viewport;
  let drawn = 0;
  ctx.font = '600 9px sans-serif';
  for (const i of leaves) {
    const node = scene.nodes[i];
    const r = scene.ar[i] * k;
    const cx = scene.ax[i] * k + tx;
    const cy = scene.ay[i] * k + ty;
    const bx = scene.boxy[i]
      ? scene.x[i] * k + tx + scene.w[i] * k - 6
      : cx + r * 0.75;
    const by = scene.boxy[i] ? scene.y[i] * k + ty + 6 : cy - r * 0.75;
    if (node.pods) {
      const total = node.pods.total > 99 ? '99+' : String(node.pods.total);
      ctx.fillStyle = state.theme.badgeFill;
      ctx.beginPath();
      ctx.arc(bx, by, 7 + (total.length - 1) * 2, 0, Math.PI * 2);
      ctx.fill();
      ctx.fillStyle = state.theme.badgeText;
      ctx.fillText(total, bx, by + 0.5);
      drawn++;
    }
    if (node.collapsedChildren && node.collapsedChildren > 0) {
      ctx.fillStyle = state.theme.textMuted;
      ctx.fillText(`+${node.collapsedChildren}`, cx + r + 12, cy + r * 0.75);
      drawn++;
    }
  }
  return drawn;
}

const geo: EdgeGeometry = { x1: 0, y1: 0, cx: 0, cy: 0, x2: 0, y2: 0 };

/** Route weights at the middle of `routes` edges, once zoomed in. */
function drawWeights(
  ctx: CanvasRenderingContext2D,
  scene: Scene,
  state: DrawState,
  view: Rect,
  budget: number,
): number {
  const { scale: k, tx, ty } = state.viewport;
  if (k < 0.6) return 0;
  let drawn = 0;
  ctx.font = '10px sans-serif';
  for (const group of scene.groups) {
    if (!group.style.weightLabel) continue;
    ctx.fillStyle = group.style.color;
    for (const e of group.edges) {
      const weight = scene.edges[e].weight;
      if (weight === undefined || drawn >= budget) continue;
      if (!edgeGeometry(scene, e, geo) || !curveVisible(geo, view)) continue;
      const mx = (geo.x1 + 2 * geo.cx + geo.x2) / 4;
      const my = (geo.y1 + 2 * geo.cy + geo.y2) / 4;
      ctx.fillText(`${weight}%`, mx * k + tx, my * k + ty - 7);
      drawn++;
    }
  }
  return drawn;
}
