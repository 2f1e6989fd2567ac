import type { TopologyGraph } from '@cloud-native-platform/plugin-cloud-native-common';
import { computeLayout } from './computeLayout';
import type { LayoutInput, LayoutOptions, LayoutResult } from './layoutTypes';

/** Runs layouts off the main thread when it can, on it when it must. */
export interface LayoutRunner {
  run(input: LayoutInput, options?: LayoutOptions): Promise<LayoutResult>;
  dispose(): void;
}

/** Strips a graph down to what the layout reads, so the worker clones less. */
export function toLayoutInput(graph: TopologyGraph): LayoutInput {
  return {
    nodes: graph.nodes.map(n => ({ id: n.id, kind: n.kind, parent: n.parent })),
  };
}

/**
 * Source of the worker script. The layout travels as text because a bundled
 * worker entry (`new URL('./x.worker', import.meta.url)`) is handled
 * differently by rspack, webpack and Jest; a Blob needs no bundler support.
 * The wrapper is hand-written ES5 since no transpiler ever sees it.
 */
export function workerSource(): string {
  return [
    `var computeLayout = (${computeLayout.toString()});`,
    'self.onmessage = function (e) {',
    '  var d = e.data;',
    '  try {',
    '    self.postMessage({ id: d.id, layout: computeLayout(d.input, d.options) });',
    '  } catch (err) {',
    '    self.postMessage({ id: d.id, error: String((err && err.message) || err) });',
    '  }',
    '};',
  ].join('\n');
}

/** Runs the layout on the main thread after yielding, so the caller can paint first. */
export function runOnMainThread(
  input: LayoutInput,
  options?: LayoutOptions,
): Promise<LayoutResult> {
  return new Promise((resolve, reject) => {
    setTimeout(() => {
      try {
        resolve(computeLayout(input, options));
      } catch (e) {
        reject(e);
      }
    }, 0);
  });
}

interface Pending {
  input: LayoutInput;
  options?: LayoutOptions;
  resolve(layout: LayoutResult): void;
  reject(error: unknown): void;
}

function canUseWorker(): boolean {
  return (
    typeof Worker !== 'undefined' &&
    typeof Blob !== 'undefined' &&
    typeof URL !== 'undefined' &&
    typeof URL.createObjectURL === 'function'
  );
}

/**
 * Creates a runner backed by one lazily started worker. Whenever the worker
 * cannot start or fails (a Content-Security-Policy without `worker-src blob:`
 * blocks it, for instance), pending and later layouts run on the main thread.
 */
export function createLayoutRunner(): LayoutRunner {
  let worker: Worker | undefined;
  let url: string | undefined;
  let broken = !canUseWorker();
  let nextId = 1;
  const pending = new Map<number, Pending>();

  const shutDown = () => {
    worker?.terminate();
    worker = undefined;
    if (url) URL.revokeObjectURL(url);
    url = undefined;
  };

  const fallBack = () => {
    broken = true;
    shutDown();
    const waiting = Array.from(pending.values());
    pending.clear();
    for (const p of waiting) {
      runOnMainThread(p.input, p.options).then(p.resolve, p.reject);
    }
  };

  const start = (): Worker | undefined => {
    if (worker || broken) return worker;
    try {
      url = URL.createObjectURL(
        new Blob([workerSource()], { type: 'text/javascript' }),
      );
      const created = new Worker(url);
      created.onmessage = (e: MessageEvent) => {
        const p = pending.get(e.data.id);
        if (!p) return;
        pending.delete(e.data.id);
        if (e.data.error) {
          runOnMainThread(p.input, p.options).then(p.resolve, p.reject);
        } else {
          p.resolve(e.data.layout);
        }
      };
      created.onerror = (e: Event) => {
        e.preventDefault();
        fallBack();
      };
      worker = created;
    } catch {
      fallBack();
    }
    return worker;
  };

  return {
    run(input, options) {
      const w = start();
      if (!w) return runOnMainThread(input, options);
      const id = nextId++;
      return new Promise<LayoutResult>((resolve, reject) => {
        pending.set(id, { input, options, resolve, reject });
        w.postMessage({ id, input, options });
      });
    },
    dispose() {
      pending.clear();
      broken = true;
      shutDown();
    },
  };
}
