/**
 * Values computed once per key and served until they are `ttlMs` old.
 * Callers asking while a value is computed share that computation; a
 * computation that fails is not kept. At most `maxEntries` keys are held,
 * the oldest dropped first.
 */
export class ExpiringCache<T> {
  private readonly entries = new Map<
    string,
    { expiresAt: number; value: Promise<T> }
  >();
  private readonly now: () => number;

  constructor(
    private readonly options: {
      ttlMs: number;
      maxEntries: number;
      /** Milliseconds since the epoch; Date.now unless given. */
      now?: () => number;
    },
  ) {
    this.now = options.now ?? Date.now;
  }

  get(key: string, compute: () => Promise<T>): Promise<T> {
    const now = this.now();
    const hit = this.entries.get(key);
    if (hit && hit.expiresAt > now) return hit.value;
    this.entries.delete(key);
    const value = compute();
    this.entries.set(key, { expiresAt: now + this.options.ttlMs, value });
    value.catch(() => {
      if (this.entries.get(key)?.value === value) this.entries.delete(key);
    });
    for (const oldest of this.entries.keys()) {
      if (this.entries.size <= this.options.maxEntries) break;
      this.entries.delete(oldest);
    }
    return value;
  }
}
