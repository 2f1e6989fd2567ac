/**
 * Mean and standard deviation of the last `size` values in O(1) per value.
 * Sums are kept relative to the first value seen, so series in the
 * hundreds of millions (bytes, requests) lose no precision.
 *
 * @public
 */
export class RollingStats {
  private readonly values: Float64Array;
  private next = 0;
  private count = 0;
  private sum = 0;
  private sumSquares = 0;
  private anchor: number | undefined;

  constructor(readonly size: number) {
    this.values = new Float64Array(size);
  }

  /** Adds a value, dropping the oldest once full. */
  push(x: number): void {
    if (this.anchor === undefined) this.anchor = x;
    const v = x - this.anchor;
    if (this.count === this.size) {
      const old = this.values[this.next];
      this.sum -= old;
      this.sumSquares -= old * old;
    } else {
      this.count++;
    }
    this.values[this.next] = v;
    this.next = (this.next + 1) % this.size;
    this.sum += v;
    this.sumSquares += v * v;
    // Adding and removing leaves rounding drift; a full pass per lap clears it.
    if (this.next === 0) this.resum();
  }

  private resum(): void {
    this.sum = 0;
    this.sumSquares = 0;
    for (let i = 0; i < this.count; i++) {
      this.sum += this.values[i];
      this.sumSquares += this.values[i] * this.values[i];
    }
  }

  /** Values held, at most `size`. */
  get length(): number {
    return this.count;
  }

  /** Mean of the values held (0 when empty). */
  mean(): number {
    return this.count ? this.sum / this.count + (this.anchor ?? 0) : 0;
  }

  /** Population standard deviation of the values held. */
  std(): number {
    if (this.count < 2) return 0;
    const m = this.sum / this.count;
    return Math.sqrt(Math.max(this.sumSquares / this.count - m * m, 0));
  }
}
