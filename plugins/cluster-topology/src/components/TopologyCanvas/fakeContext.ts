/**
 * A stand-in 2D context for tests: counts method calls and stores property
 * writes, so drawing code runs in jsdom and batching can be asserted.
 */
export function fakeContext(): {
  ctx: CanvasRenderingContext2D;
  calls: Record<string, number>;
} {
  const calls: Record<string, number> = {};
  const props: Record<string | symbol, unknown> = {};
  const ctx = new Proxy(props, {
    get(target, prop) {
      if (prop in target) return target[prop];
      if (prop === 'then') return undefined; // not a promise
      return () => {
        calls[String(prop)] = (calls[String(prop)] ?? 0) + 1;
      };
    },
    set(target, prop, value) {
      target[prop] = value;
      return true;
    },
  });
  return { ctx: ctx as unknown as CanvasRenderingContext2D, calls };
}
