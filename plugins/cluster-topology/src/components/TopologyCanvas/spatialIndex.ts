/**
 * Uniform grid over axis-aligned boxes. Hit testing under the pointer runs on
 * every mouse move, so it looks at one cell's few entries instead of scanning
 * thousands of nodes.
 */
export class SpatialGrid {
  private readonly cells = new Map<number, number[]>();

  constructor(readonly cellSize: number) {}

  private static key(cx: number, cy: number): number {
    // Offsets keep negative cells distinct; 2^21 cells per axis is plenty.
    return (cx + 1048576) * 2097152 + (cy + 1048576);
  }

  /** Registers item `id` as covering the box; ids are caller-defined integers. */
  insert(id: number, x: number, y: number, w: number, h: number): void {
    const s = this.cellSize;
    const x0 = Math.floor(x / s);
    const x1 = Math.floor((x + w) / s);
    const y0 = Math.floor(y / s);
    const y1 = Math.floor((y + h) / s);
    for (let cx = x0; cx <= x1; cx++) {
      for (let cy = y0; cy <= y1; cy++) {
        const k = SpatialGrid.key(cx, cy);
        const cell = this.cells.get(k);
        if (cell) cell.push(id);
        else this.cells.set(k, [id]);
      }
    }
  }

  /** Items whose box may contain the point; callers check the exact box. */
  candidates(x: number, y: number): readonly number[] {
    const s = this.cellSize;
    return (
      this.cells.get(SpatialGrid.key(Math.floor(x / s), Math.floor(y / s))) ??
      []
    );
  }
}

/** Boxes by item index, as parallel arrays. */
export interface BoxSet {
  x: ArrayLike<number>;
  y: ArrayLike<number>;
  w: ArrayLike<number>;
  h: ArrayLike<number>;
  depth: ArrayLike<number>;
}

/** Picks a cell size that puts a handful of leaves in each cell. */
export function chooseCellSize(
  width: number,
  height: number,
  count: number,
): number {
  return Math.max(32, Math.sqrt((width * height) / Math.max(1, count)) * 2);
}

/** Builds a grid over all boxes in `set`. */
export function buildGrid(set: BoxSet, count: number, cellSize: number) {
  const grid = new SpatialGrid(cellSize);
  for (let i = 0; i < count; i++) {
    if (set.w[i] > 0) grid.insert(i, set.x[i], set.y[i], set.w[i], set.h[i]);
  }
  return grid;
}

/**
 * The innermost box containing the point, or -1. Innermost means deepest,
 * then smallest, so a pod wins over its workload and the workload over its
 * namespace.
 */
export function hitTest(
  grid: SpatialGrid,
  set: BoxSet,
  x: number,
  y: number,
): number {
  let best = -1;
  let bestDepth = -1;
  let bestArea = Infinity;
  for (const i of grid.candidates(x, y)) {
    if (
      x < set.x[i] ||
      y < set.y[i] ||
      x > set.x[i] + set.w[i] ||
      y > set.y[i] + set.h[i]
    ) {
      continue;
    }
    const area = set.w[i] * set.h[i];
    if (
      set.depth[i] > bestDepth ||
      (set.depth[i] === bestDepth && area < bestArea)
    ) {
      best = i;
      bestDepth = set.depth[i];
      bestArea = area;
    }
  }
  return best;
}
