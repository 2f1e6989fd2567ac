import { asArray } from '../kube';

/** Labels as a pod carries them. */
export type Labels = Record<string, string>;

/** Pods by their labels, for messages: `pods labelled app=web, tier=…`. */
export function describeLabels(labels: Labels): string {
  const keys = Object.keys(labels).sort();
  if (keys.length === 0) {
    return 'pods without labels';
  }
  const shown = keys.slice(0, 3).map(key => `${key}=${labels[key]}`);
  return `pods labelled ${shown.join(', ')}${keys.length > 3 ? ', …' : ''}`;
}

/**
 * A Kubernetes `LabelSelector` (NetworkPolicy `podSelector`) or an Istio
 * `WorkloadSelector` (which only has `matchLabels`).
 */
export interface LabelSelector {
  matchLabels?: Labels;
  matchExpressions?: Array<{
    key: string;
    operator: string;
    values?: string[];
  }>;
}

function labelPairs(
  selector: LabelSelector | undefined,
): Array<[string, string]> {
  const matchLabels = selector?.matchLabels;
  if (!matchLabels || typeof matchLabels !== 'object') {
    return [];
  }
  return Object.entries(matchLabels).map(([key, value]) => [
    key,
    String(value),
  ]);
}

/** Whether the selector has no requirement, so that it selects every pod. */
export function isEmptySelector(selector: LabelSelector | undefined): boolean {
  return (
    labelPairs(selector).length === 0 &&
    asArray(selector?.matchExpressions).length === 0
  );
}

/**
 * Whether the labels satisfy the selector: every `matchLabels` pair and every
 * `matchExpressions` requirement, as the API server evaluates them. An
 * unknown operator matches nothing, so a malformed policy never counts as
 * protecting a pod.
 */
export function selectorMatches(
  selector: LabelSelector | undefined,
  labels: Labels,
): boolean {
  for (const [key, value] of labelPairs(selector)) {
    if (labels[key] !== value) {
      return false;
    }
  }
  for (const expression of asArray(selector?.matchExpressions)) {
    const has = Object.prototype.hasOwnProperty.call(labels, expression?.key);
    const values = asArray(expression?.values).map(String);
    switch (expression?.operator) {
      case 'In':
        if (!has || !values.includes(labels[expression.key])) return false;
        break;
      case 'NotIn':
        if (has && values.includes(labels[expression.key])) return false;
        break;
      case 'Exists':
        if (!has) return false;
        break;
      case 'DoesNotExist':
        if (has) return false;
        break;
      default:
        return false;
    }
  }
  return true;
}

interface Entry<T> {
  order: number;
  selector: LabelSelector;
  item: T;
}

/**
 * Selectors filed under one of their `matchLabels` pairs, so that finding
 * those a pod's labels satisfy looks at a few candidates instead of every
 * policy of a big namespace. Selectors with only `matchExpressions` cannot be
 * filed that way and are tried one by one.
 */
export class SelectorIndex<T> {
  private readonly byPair = new Map<string, Entry<T>[]>();
  private readonly expressionsOnly: Entry<T>[] = [];
  private count = 0;

  /** How many selectors were added. */
  get size(): number {
    return this.count;
  }

  add(selector: LabelSelector, item: T): void {
    const entry = { order: this.count++, selector, item };
    const pairs = labelPairs(selector);
    if (pairs.length === 0) {
      this.expressionsOnly.push(entry);
      return;
    }
    // The pair with the fewest selectors so far keeps the buckets small when
    // many policies share a label such as `app.kubernetes.io/part-of`.
    let best: string | undefined;
    let bestSize = Infinity;
    for (const [key, value] of pairs) {
      const name = `${key}=${value}`;
      const size = this.byPair.get(name)?.length ?? 0;
      if (size < bestSize) {
        best = name;
        bestSize = size;
      }
    }
    const bucket = this.byPair.get(best!);
    if (bucket) {
      bucket.push(entry);
    } else {
      this.byPair.set(best!, [entry]);
    }
  }

  /** The items whose selector the labels satisfy, in the order they were added. */
  matching(labels: Labels): T[] {
    const found: Entry<T>[] = [];
    for (const bucket of this.candidates(labels)) {
      for (const entry of bucket) {
        if (selectorMatches(entry.selector, labels)) {
          found.push(entry);
        }
      }
    }
    return found.sort((a, b) => a.order - b.order).map(entry => entry.item);
  }

  /** Whether the labels satisfy any selector; stops at the first one. */
  matchesAny(labels: Labels): boolean {
    for (const bucket of this.candidates(labels)) {
      for (const entry of bucket) {
        if (selectorMatches(entry.selector, labels)) {
          return true;
        }
      }
    }
    return false;
  }

  private candidates(labels: Labels): Entry<T>[][] {
    const buckets: Entry<T>[][] = [];
    if (this.byPair.size > 0) {
      for (const key of Object.keys(labels)) {
        const bucket = this.byPair.get(`${key}=${labels[key]}`);
        if (bucket) {
          buckets.push(bucket);
        }
      }
    }
    if (this.expressionsOnly.length > 0) {
      buckets.push(this.expressionsOnly);
    }
    return buckets;
  }
}
