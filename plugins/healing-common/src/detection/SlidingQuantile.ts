/**
 * A quantile of the last `size` values: a sorted copy is kept beside the
 * arrival order, so each value costs one binary search and one shift.
 *
 * @public
 */
export class SlidingQuantile {
  private readonly sorted: number[] = [];
  private readonly arrivals: number[] = [];
  private head = 0;

  constructor(readonly size: number, readonly q: number) {}

  /** Adds a value, forgetting the one `size` places back. */
  push(x: number): void {
    if (this.arrivals.length - this.head === this.size) {
      const old = this.arrivals[this.head++];
      this.sorted.splice(this.lowerBound(old), 1);
      if (this.head > 4096) {
        this.arrivals.splice(0, this.head);
        this.head = 0;
      }
    }
    this.arrivals.push(x);
    this.sorted.splice(this.lowerBound(x), 0, x);
  }

  /** Values held. */
  get length(): number {
    return this.sorted.length;
  }

  /** The q-quantile (the configured one by default) of the values held (nearest rank), NaN when empty. */
  value(q = this.q): number {
    if (this.sorted.length === 0) return NaN;
    const rank = Math.min(
      this.sorted.length - 1,
      Math.floor(q * this.sorted.length),
    );
    return this.sorted[rank];
  }

  private lowerBound(x: number): number {
    let lo = 0;
    let hi = this.sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.sorted[mid] < x) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}
