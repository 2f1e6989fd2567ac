import type { DrawTheme } from './drawTypes';

/**
 * A stand-in 2D context for tests: counts method calls and stores property
 * writes, so drawing code runs in jsdom and batching can be asserted. `log`
 * lists every call and write with its arguments, in order, so two frames can
 * be compared draw call for draw call.
 */
export function fakeContext(): {
  ctx: CanvasRenderingContext2D;
  calls: Record<string, number>;
  log: string[];
} {
  const calls: Record<string, number> = {};
  const log: string[] = [];
  const props: Record<string | symbol, unknown> = {};
  const ctx = new Proxy(props, {
    get(target, prop) {
      if (prop in target) return target[prop];
      if (prop === 'then') return undefined; // not a promise
      return (...args: unknown[]) => {
        calls[String(prop)] = (calls[String(prop)] ?? 0) + 1;
        log.push(`${String(prop)}(${args.map(describe).join(', ')})`);
      };
    },
    set(target, prop, value) {
      target[prop] = value;
      log.push(`${String(prop)} = ${describe(value)}`);
      return true;
    },
  });
  return { ctx: ctx as unknown as CanvasRenderingContext2D, calls, log };
}

/** An argument as text; other objects than arrays (an image drawn) by their size. */
function describe(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(describe).join(', ')}]`;
  if (value && typeof value === 'object') {
    const { width, height } = value as { width?: unknown; height?: unknown };
    return `[${width}×${height}]`;
  }
  return String(value);
}

/** A plain light theme for drawing tests. */
export const TEST_THEME: DrawTheme = {
  text: '#000',
  textMuted: '#666',
  containerFill: 'rgba(0,0,0,0.03)',
  containerStroke: '#ccc',
  selection: '#1976d2',
  highlight: '#ffb300',
  badgeFill: '#333',
  badgeText: '#fff',
  background: '#fff',
};
