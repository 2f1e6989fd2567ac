/**
 * One grid's context memory: for each context length k, the cells seen
 * after each run of k cells. Cells are counted in grid widths from the
 * origin, shifted by the grid's offset (a fraction of a width), so grids
 * with different offsets disagree on which values share a cell and a
 * value jittering across one grid's boundary looks familiar to another.
 */
export class CellContexts {
  // memory[k - 1]: context of the k cells before → cells seen after it.
  private memory: Array<Map<number, Set<number>>> = [];
  private cells: number[] = [];

  constructor(private readonly order: number, private readonly offset: number) {
    this.clear();
  }

  /** The cell of a value `widths` grid widths above the origin. */
  cellOf(widths: number): number {
    return Math.floor(widths + this.offset);
  }

  /** Forgets every context. */
  clear(): void {
    this.memory = Array.from({ length: this.order }, () => new Map());
    this.cells = [];
  }

  /** Share of context lengths whose remembered successors miss this cell. */
  novelty(cell: number): number {
    const n = this.cells.length;
    let novel = 0;
    let judged = 0;
    let key = 0;
    for (let k = 1; k <= this.order && k <= n; k++) {
      key = contextKey(key, this.cells[n - k]);
      judged++;
      if (!this.memory[k - 1].get(key)?.has(cell)) novel++;
    }
    return judged ? novel / judged : 1;
  }

  /** Remembers that this cell followed the current contexts, and moves on. */
  learn(cell: number): void {
    const n = this.cells.length;
    let key = 0;
    for (let k = 1; k <= this.order && k <= n; k++) {
      key = contextKey(key, this.cells[n - k]);
      let next = this.memory[k - 1].get(key);
      if (!next) this.memory[k - 1].set(key, (next = new Set()));
      next.add(cell);
    }
    this.cells.push(cell);
    if (this.cells.length > 4 * this.order)
      this.cells.splice(0, 2 * this.order);
  }
}

// Extends a context key by one older cell: a polynomial hash modulo a prime
// near 2^31, exact in doubles; a rare collision merely merges two contexts.
function contextKey(key: number, cell: number): number {
  return (key * 1048576 + (cell & 0xfffff)) % 2147483647;
}
