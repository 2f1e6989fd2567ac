import type {
  LayoutBox,
  LayoutInput,
  LayoutOptions,
  LayoutResult,
  LeafSize,
} from './layoutTypes';

/**
 * Nested shelf-packing layout of a containment tree: every container is sized
 * bottom-up from its children, then placed top-down.
 *
 * The source of this function is shipped to a Web Worker as text (see
 * `layoutRunner.ts`), so it must stay self-contained: no imports, no module
 * constants, and no syntax a transpiler may lower into shared helpers (spread,
 * for-of, destructuring with rest, classes, optional chaining). Type imports are
 * fine because they vanish at compile time.
 *
 * A subtree's inner layout depends only on that subtree, so a change in one
 * namespace leaves the inner arrangement of every other namespace untouched;
 * only the positions of ancestors' siblings may shift.
 */
export function computeLayout(
  input: LayoutInput,
  options?: LayoutOptions,
): LayoutResult {
  const opts = options || {};
  const gap = opts.gap !== undefined ? opts.gap : 12;
  const padding = opts.padding !== undefined ? opts.padding : 14;
  const header = opts.header !== undefined ? opts.header : 30;
  const aspect = opts.aspect !== undefined ? opts.aspect : 1.6;
  const innerAspect = opts.innerAspect !== undefined ? opts.innerAspect : 1.3;
  const leafSizes: Record<string, LeafSize> = {
    group: { w: 168, h: 72 },
    cluster: { w: 168, h: 72 },
    namespace: { w: 128, h: 56 },
    node: { w: 128, h: 56 },
    workload: { w: 64, h: 64 },
    service: { w: 64, h: 64 },
    entity: { w: 64, h: 64 },
    pod: { w: 28, h: 28 },
  };
  const custom = opts.leafSizes || {};
  const customKinds = Object.keys(custom);
  for (let ck = 0; ck < customKinds.length; ck++) {
    leafSizes[customKinds[ck]] = custom[customKinds[ck]];
  }
  const fallbackLeaf = leafSizes.workload;

  const nodes = input.nodes;
  const n = nodes.length;
  const indexById: Record<string, number> = Object.create(null);
  const skip = new Uint8Array(n);
  let i: number;
  for (i = 0; i < n; i++) {
    if (indexById[nodes[i].id] === undefined) indexById[nodes[i].id] = i;
    else skip[i] = 1; // duplicate id: the first occurrence wins
  }

  const parent = new Int32Array(n).fill(-1);
  for (i = 0; i < n; i++) {
    const p = nodes[i].parent;
    if (skip[i] || p === undefined) continue;
    const pi = indexById[p];
    if (pi !== undefined && pi !== i) parent[i] = pi;
  }

  // Depths, cutting parent cycles so bad data still yields a tree.
  const depth = new Int32Array(n);
  const state = new Uint8Array(n); // 0 new, 1 on the current chain, 2 done
  let maxDepth = 0;
  for (i = 0; i < n; i++) {
    if (skip[i] || state[i] === 2) continue;
    const chain: number[] = [];
    let j = i;
    while (j !== -1 && state[j] === 0) {
      state[j] = 1;
      chain.push(j);
      j = parent[j];
    }
    if (j !== -1 && state[j] === 1) parent[chain[chain.length - 1]] = -1;
    for (let c = chain.length - 1; c >= 0; c--) {
      const k = chain[c];
      depth[k] = parent[k] === -1 ? 0 : depth[parent[k]] + 1;
      if (depth[k] > maxDepth) maxDepth = depth[k];
      state[k] = 2;
    }
  }

  const children: number[][] = new Array(n);
  const roots: number[] = [];
  const byDepth: number[][] = [];
  for (i = 0; i <= maxDepth; i++) byDepth.push([]);
  for (i = 0; i < n; i++) {
    if (skip[i]) continue;
    byDepth[depth[i]].push(i);
    if (parent[i] === -1) roots.push(i);
    else (children[parent[i]] || (children[parent[i]] = [])).push(i);
  }

  const w = new Float64Array(n);
  const h = new Float64Array(n);
  const relX = new Float64Array(n);
  const relY = new Float64Array(n);

  // Tallest first keeps shelves tight; ids break ties so the order is total.
  function bySize(a: number, b: number): number {
    if (h[a] !== h[b]) return h[b] - h[a];
    if (w[a] !== w[b]) return w[b] - w[a];
    const ia = nodes[a].id;
    const ib = nodes[b].id;
    if (ia === ib) return 0;
    return ia < ib ? -1 : 1;
  }

  // Shelf packing: fill rows up to a width that makes the block about
  // `ratio` wide; uniform leaves thereby come out as a grid.
  function pack(list: number[], ratio: number): number[] {
    list.sort(bySize);
    let area = 0;
    let widest = 0;
    let q: number;
    for (q = 0; q < list.length; q++) {
      area += (w[list[q]] + gap) * (h[list[q]] + gap);
      if (w[list[q]] > widest) widest = w[list[q]];
    }
    const target = Math.max(widest, Math.sqrt(area * ratio));
    let x = 0;
    let y = 0;
    let rowH = 0;
    let usedW = 0;
    for (q = 0; q < list.length; q++) {
      const m = list[q];
      if (x > 0 && x + w[m] > target) {
        y += rowH + gap;
        x = 0;
        rowH = 0;
      }
      relX[m] = x;
      relY[m] = y;
      x += w[m] + gap;
      if (h[m] > rowH) rowH = h[m];
      if (x - gap > usedW) usedW = x - gap;
    }
    return [usedW, y + rowH];
  }

  let d: number;
  for (d = maxDepth; d >= 0; d--) {
    const level = byDepth[d];
    for (let li = 0; li < level.length; li++) {
      const node = level[li];
      const kids = children[node];
      if (!kids) {
        const size = leafSizes[nodes[node].kind] || fallbackLeaf;
        w[node] = size.w;
        h[node] = size.h;
        continue;
      }
      const content = pack(kids, innerAspect);
      w[node] = Math.max(content[0] + 2 * padding, fallbackLeaf.w);
      h[node] = content[1] + header + padding;
    }
  }

  const total = pack(roots, aspect);
  const absX = new Float64Array(n);
  const absY = new Float64Array(n);
  const boxes: Record<string, LayoutBox> = {};
  for (d = 0; d <= maxDepth; d++) {
    const row = byDepth[d];
    for (let ri = 0; ri < row.length; ri++) {
      const v = row[ri];
      const pv = parent[v];
      absX[v] = pv === -1 ? relX[v] : absX[pv] + padding + relX[v];
      absY[v] = pv === -1 ? relY[v] : absY[pv] + header + relY[v];
      boxes[nodes[v].id] = {
        x: absX[v],
        y: absY[v],
        w: w[v],
        h: h[v],
        depth: d,
        container: children[v] !== undefined,
      };
    }
  }
  return { boxes: boxes, width: total[0], height: total[1] };
}
