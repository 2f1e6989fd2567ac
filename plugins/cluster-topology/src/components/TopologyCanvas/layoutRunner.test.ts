import { computeLayout } from './computeLayout';
import { generateGraph } from './generateGraph';
import {
  createLayoutRunner,
  toLayoutInput,
  workerSource,
} from './layoutRunner';

const graph = generateGraph({
  clusters: 2,
  namespacesPerCluster: 2,
  workloadsPerNamespace: 3,
  podsPerWorkload: 2,
  edges: 10,
});
const input = toLayoutInput(graph);

describe('layoutRunner', () => {
  const OriginalWorker = (globalThis as any).Worker;
  const originalCreate = URL.createObjectURL;
  const originalRevoke = URL.revokeObjectURL;
  afterEach(() => {
    (globalThis as any).Worker = OriginalWorker;
    URL.createObjectURL = originalCreate;
    URL.revokeObjectURL = originalRevoke;
  });

  it('falls back to the main thread without Worker (jsdom)', async () => {
    const runner = createLayoutRunner();
    await expect(runner.run(input)).resolves.toEqual(computeLayout(input));
    runner.dispose();
  });

  it('ships a worker script that answers layout requests', () => {
    const source = workerSource();
    if (/cov_\w+/.test(source)) return; // instrumented by coverage
    const fakeSelf: any = { postMessage: jest.fn() };
    // eslint-disable-next-line no-new-func
    new Function('self', source)(fakeSelf);
    fakeSelf.onmessage({ data: { id: 7, input } });
    expect(fakeSelf.postMessage).toHaveBeenCalledWith({
      id: 7,
      layout: computeLayout(input),
    });
    fakeSelf.onmessage({ data: { id: 8, input: null } });
    expect(fakeSelf.postMessage).toHaveBeenLastCalledWith({
      id: 8,
      error: expect.any(String),
    });
  });

  it('uses a Blob worker and falls back when it fails to start', async () => {
    const posted: any[] = [];
    class FailingWorker {
      onmessage?: (e: unknown) => void;
      onerror?: (e: { preventDefault(): void }) => void;
      terminate = jest.fn();
      constructor(readonly url: string) {}
      postMessage(message: unknown) {
        posted.push(message);
        // A Content-Security-Policy without blob: fails the worker like this.
        setTimeout(() => this.onerror?.({ preventDefault() {} }), 0);
      }
    }
    (globalThis as any).Worker = FailingWorker;
    URL.createObjectURL = jest.fn(() => 'blob:layout');
    URL.revokeObjectURL = jest.fn();
    const runner = createLayoutRunner();
    await expect(runner.run(input)).resolves.toEqual(computeLayout(input));
    expect(posted).toHaveLength(1);
    expect(URL.revokeObjectURL).toHaveBeenCalledWith('blob:layout');
    // Once broken, later layouts skip the worker.
    await expect(runner.run(input)).resolves.toEqual(computeLayout(input));
    expect(posted).toHaveLength(1);
    runner.dispose();
  });

  it('resolves with what the worker answers', async () => {
    class EchoWorker {
      onmessage?: (e: { data: unknown }) => void;
      onerror?: () => void;
      terminate = jest.fn();
      postMessage(message: { id: number; input: any }) {
        setTimeout(() =>
          this.onmessage?.({
            data: { id: message.id, layout: computeLayout(message.input) },
          }),
        );
      }
    }
    (globalThis as any).Worker = EchoWorker;
    URL.createObjectURL = jest.fn(() => 'blob:layout');
    URL.revokeObjectURL = jest.fn();
    const runner = createLayoutRunner();
    const [a, b] = await Promise.all([
      runner.run(input),
      runner.run({ nodes: [] }),
    ]);
    expect(a).toEqual(computeLayout(input));
    expect(b.width).toBe(0);
    runner.dispose();
  });
});
