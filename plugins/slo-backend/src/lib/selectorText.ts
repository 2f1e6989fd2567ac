/** A series selector split into its metric name and its label matchers. */
export interface ParsedSelector {
  metric: string;
  /** Matchers without braces, as written. */
  matchers: string[];
}

const SELECTOR = /^\s*([a-zA-Z_:][a-zA-Z0-9_:]*)\s*(?:\{(.*)\})?\s*$/s;
const MATCHER =
  /\s*([a-zA-Z_][a-zA-Z0-9_]*)\s*(=~|!~|!=|=)\s*"((?:[^"\\]|\\.)*)"\s*(?:,|$)/gy;

/**
 * Splits `metric{a="1",b=~"x.*"}` into the metric and its matchers; returns
 * undefined for anything else (a function call, a malformed matcher).
 */
export function parseSelector(text: string): ParsedSelector | undefined {
  const match = SELECTOR.exec(text);
  if (!match) return undefined;
  const body = (match[2] ?? '').trim();
  const matchers: string[] = [];
  let consumed = 0;
  for (const m of body.matchAll(MATCHER)) {
    matchers.push(`${m[1]}${m[2]}"${m[3]}"`);
    consumed += m[0].length;
  }
  if (consumed !== body.length) return undefined;
  return { metric: match[1], matchers };
}

/** Writes a selector back: `metric{a="1",b="2"}`. */
export function selectorText(metric: string, matchers: string[]): string {
  return matchers.length ? `${metric}{${matchers.join(',')}}` : metric;
}
