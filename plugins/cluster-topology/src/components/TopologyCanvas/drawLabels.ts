import { curveVisible, edgeGeometry, EdgeGeometry } from './drawEdges';
import { boxVisible, visibleContainers } from './drawNodes';
import { DIM_ALPHA, DrawState } from './drawTypes';
import type { Scene } from './scene';
import { deliveryBadge } from '../../lib/delivery';
import type { Rect } from './viewport';

/** Labels per frame at most; beyond that text dominates the frame time. */
export const MAX_LABELS = 1500;
/**
 * With fewer visible leaves than this, every leaf whose label has room gets
 * one, however small the cells: a small graph at fit-to-view must be readable.
 */
export const FEW_LEAVES = 400;
/** In bigger pictures a leaf gets a label once its cell is this wide on screen. */
const LEAF_LABEL_PX = 52;
const CONTAINER_LABEL_PX = 56;
/** Badges need room to be readable. */
const BADGE_MIN_RADIUS_PX = 9;
/** Average glyph advance of the 11px label font, when nothing can measure. */
const CHAR_PX = 6.6;
const LEAF_FONT_PX = 11;
/** Labels may be this many cells wide, when their neighbours leave room. */
const LABEL_SPREAD = 2;
/**
 * World units a label may hang below its cell: the layout's default gap,
 * and the next row's shapes start lower still.
 */
const ROW_SPILL = 12;
const ELLIPSIS = '…';
/** Largest radius share of the round shapes (see `radiusShare`). */
const LABEL_RADIUS_SHARE = 0.34;
const SEPARATORS = '-_./:';

/**
 * Shortens `text` to about `maxPx` pixels by cutting out its middle, so both
 * the prefix and the distinguishing suffix survive ("trading-…-canary").
 * `textPx` is the width of the whole text; widths of the parts are taken as
 * proportional to their length, which is close enough for labels and avoids
 * measuring every candidate. Cuts snap to a separator when one is near, and
 * the result is empty when fewer than three characters would remain.
 */
export function fitLabel(
  text: string,
  maxPx: number,
  textPx: number = text.length * CHAR_PX,
): string {
  if (textPx <= maxPx) return text;
  if (text.length === 0) return '';
  const keep = Math.floor((maxPx / textPx) * text.length) - 1;
  if (keep < 3) return '';
  let head = text.slice(0, Math.ceil(keep / 2));
  let tail = text.slice(text.length - Math.floor(keep / 2));
  const lastSep = Math.max(...Array.from(SEPARATORS, c => head.lastIndexOf(c)));
  if (lastSep >= head.length / 2) head = head.slice(0, lastSep + 1);
  let firstSep = -1;
  for (let j = 0; j < tail.length && firstSep < 0; j++) {
    if (SEPARATORS.includes(tail[j])) firstSep = j;
  }
  if (firstSep > 0 && firstSep <= tail.length / 2) tail = tail.slice(firstSep);
  return `${head}${ELLIPSIS}${tail}`;
}

/** Text widths by font, so a label is measured once rather than every frame. */
const widths = new Map<string, Map<string, number>>();
const MAX_CACHED_WIDTHS = 20000;

function textWidth(
  ctx: CanvasRenderingContext2D,
  text: string,
  charPx: number,
): number {
  const font = ctx.font;
  let cache = widths.get(font);
  if (!cache) {
    cache = new Map();
    widths.set(font, cache);
  }
  let px = cache.get(text);
  if (px === undefined) {
    // Test doubles of the context may measure nothing.
    px = ctx.measureText(text)?.width ?? text.length * charPx;
    if (cache.size >= MAX_CACHED_WIDTHS) cache.clear();
    cache.set(text, px);
  }
  return px;
}

/** A label under a round shape, centred at `x`, and the room it may take. */
export interface LabelSlot {
  i: number;
  x: number;
  y: number;
  /** Width it would like: the whole text, at most LABEL_SPREAD cells. */
  want: number;
  textPx: number;
  /** Half-widths it may take towards each neighbour on its row. */
  left: number;
  right: number;
}

/** Screen pixels kept free between neighbouring labels. */
const LABEL_GAP_PX = 6;

/**
 * Splits the space between neighbouring labels of a row, so a long label can
 * borrow from a short neighbour (up to two cells wide) without the two
 * overlapping. Labels share a row when they sit at the same height.
 */
export function shareRows(slots: LabelSlot[]): void {
  const rows = new Map<number, LabelSlot[]>();
  for (const slot of slots) {
    const row = rows.get(slot.y);
    if (row) row.push(slot);
    else rows.set(slot.y, [slot]);
  }
  for (const row of rows.values()) {
    row.sort((a, b) => a.x - b.x);
    for (let j = 0; j + 1 < row.length; j++) {
      const a = row[j];
      const b = row[j + 1];
      const gap = Math.max(0, b.x - a.x - LABEL_GAP_PX);
      const needA = a.want / 2;
      const needB = b.want / 2;
      let forA = gap / 2;
      if (needA + needB <= gap) forA = needA;
      else if (needA < gap / 2) forA = needA;
      else if (needB < gap / 2) forA = gap - needB;
      a.right = forA;
      b.left = gap - forA;
    }
  }
}

/** Leaves whose cell meets the view rectangle. */
function visibleLeaves(scene: Scene, view: Rect): number[] {
  const out: number[] = [];
  for (const i of scene.leaves) if (boxVisible(scene, i, view)) out.push(i);
  return out;
}

/**
 * All text, in screen space so glyphs stay crisp and sized in pixels: the
 * context must carry only the device-pixel-ratio transform. `screen`, when
 * `view` is larger than the screen, decides whether few enough leaves are on
 * screen to label them all.
 */
export function drawLabels(
  ctx: CanvasRenderingContext2D,
  scene: Scene,
  state: DrawState,
  view: Rect,
  screen?: Rect,
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
    const room = sw - 16 - (hint ? textWidth(ctx, hint, 7) : 0);
    const name = fitLabel(node.name, room, textWidth(ctx, node.name, 7));
    if (!name) continue;
    const sy = scene.y[i] * k + ty + Math.min(15, Math.max(9, 15 * k));
    ctx.fillText(`${name}${hint}`, scene.x[i] * k + tx + 8, sy);
    budget--;
  }

  ctx.font = `${LEAF_FONT_PX}px sans-serif`;
  ctx.textAlign = 'center';
  const badges: number[] = [];
  const leaves = visibleLeaves(scene, view);
  const few =
    (screen ? visibleLeaves(scene, screen) : leaves).length < FEW_LEAVES;
  const below: LabelSlot[] = [];
  for (const i of leaves) {
    if (budget <= 0) break;
    const sw = scene.w[i] * k;
    if (!few && sw < LEAF_LABEL_PX) continue;
    const node = scene.nodes[i];
    const cx = scene.ax[i] * k + tx;
    const textPx = textWidth(ctx, node.name, CHAR_PX);
    if (scene.boxy[i]) {
      if (scene.h[i] * k < LEAF_FONT_PX + 6) continue;
      const text = fitLabel(node.name, sw - 14, textPx);
      if (!text) continue;
      ctx.globalAlpha = hl && !hl[i] ? DIM_ALPHA * 2 : 1;
      ctx.fillStyle = '#fff';
      ctx.fillText(text, cx, scene.ay[i] * k + ty);
    } else {
      const room = (scene.y[i] + scene.h[i] + ROW_SPILL - scene.ay[i]) * k;
      if (room - scene.ar[i] * k < LEAF_FONT_PX + 2) continue;
      // From the cell rather than the shape, so that all labels of a row of
      // cells line up and share the row's room.
      const r = Math.max(scene.ar[i], scene.w[i] * LABEL_RADIUS_SHARE);
      const top = (scene.ay[i] + r) * k + ty;
      below.push({
        i,
        x: cx,
        y: Math.round(top + 2 + LEAF_FONT_PX / 2),
        want: Math.min(textPx, LABEL_SPREAD * sw),
        textPx,
        // Without a neighbour, stay over the own cell: beyond it may lie a
        // container's border or a shape of another row.
        left: sw / 2 + 4,
        right: sw / 2 + 4,
      });
    }
    budget--;
    if (scene.ar[i] * k >= BADGE_MIN_RADIUS_PX) badges.push(i);
  }
  shareRows(below);
  ctx.fillStyle = theme.text;
  for (const slot of below) {
    const width = Math.min(slot.want, slot.left + slot.right);
    const text = fitLabel(scene.nodes[slot.i].name, width, slot.textPx);
    if (!text) continue;
    // Off-centre when one side has more room than the other.
    const x = Math.min(
      Math.max(slot.x, slot.x - slot.left + width / 2),
      slot.x + slot.right - width / 2,
    );
    ctx.globalAlpha = hl && !hl[slot.i] ? DIM_ALPHA * 2 : 1;
    ctx.fillText(text, x, slot.y);
  }
  ctx.globalAlpha = 1;
  budget -= drawBadges(ctx, scene, state, badges);
  budget -= drawWeights(ctx, scene, state, view, budget);
  return MAX_LABELS - budget;
}

/**
 * Pod-count badges at the top right of a leaf, the delivery badge (canary
 * weight or Argo CD sync) at its top left, and "+N" for collapsed children.
 */
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
    const delivery = deliveryBadge(node.delivery);
    if (delivery) {
      const dx = scene.boxy[i] ? scene.x[i] * k + tx + 6 : cx - r * 0.75;
      const half = 5 + delivery.label.length * 2.5;
      ctx.fillStyle = delivery.color;
      ctx.beginPath();
      ctx.rect(dx - half, by - 6, 2 * half, 12);
      ctx.fill();
      ctx.fillStyle = '#fff';
      ctx.fillText(delivery.label, dx, by + 0.5);
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
  // A halo in the background colour: a weight often lands on an edge or a
  // node label, and must stay readable over either.
  ctx.lineWidth = 3;
  ctx.lineJoin = 'round';
  ctx.strokeStyle = state.theme.background;
  for (const group of scene.groups) {
    if (!group.style.weightLabel) continue;
    ctx.fillStyle = group.style.color;
    for (const e of group.edges) {
      const weight = scene.edges[e].weight;
      if (weight === undefined || drawn >= budget) continue;
      if (!edgeGeometry(scene, e, geo) || !curveVisible(geo, view)) continue;
      const mx = (geo.x1 + 2 * geo.cx + geo.x2) / 4;
      const my = (geo.y1 + 2 * geo.cy + geo.y2) / 4;
      const x = mx * k + tx;
      const y = my * k + ty - 7;
      ctx.strokeText(`${weight}%`, x, y);
      ctx.fillText(`${weight}%`, x, y);
      drawn++;
    }
  }
  return drawn;
}
