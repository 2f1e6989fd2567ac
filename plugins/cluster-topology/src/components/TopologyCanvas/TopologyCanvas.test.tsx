import {
  act,
  fireEvent,
  render,
  screen,
  waitFor,
} from '@testing-library/react';
import { computeLayout } from './computeLayout';
import { fakeContext } from './fakeContext';
import { generateGraph } from './generateGraph';
import { TopologyCanvas } from './index';
import { toLayoutInput } from './layoutRunner';
import { buildScene } from './scene';
import { fitViewport, zoomAt } from './viewport';
import { ZOOM_SETTLE_MS } from './zoomGesture';

const graph = generateGraph({
  clusters: 2,
  namespacesPerCluster: 2,
  workloadsPerNamespace: 3,
  podsPerWorkload: 0,
  edges: 12,
});

describe('TopologyCanvas', () => {
  afterEach(() => jest.restoreAllMocks());

  it('renders an accessible summary and node list without a 2D context', async () => {
    jest.spyOn(HTMLCanvasElement.prototype, 'getContext').mockReturnValue(null);
    const onSelect = jest.fn();
    render(<TopologyCanvas graph={graph} onSelect={onSelect} />);

    expect(screen.getByRole('img').getAttribute('aria-label')).toMatch(
      /^Topology of 2 clusters, 4 namespaces, 12 workloads and 12 edges/,
    );
    const list = screen.getByRole('list', { name: /Nodes of the topology/ });
    expect(list.querySelectorAll('li')).toHaveLength(graph.nodes.length);

    fireEvent.click(
      screen.getByRole('button', {
        name: 'workload-1, workload in cluster-0/ns-0, healthy',
      }),
    );
    expect(onSelect).toHaveBeenCalledWith(
      expect.objectContaining({
        id: 'workload:cluster-0/ns-0/Deployment/workload-1',
      }),
    );
    await waitFor(() => expect(screen.queryByText(/Laying out/)).toBeNull());
  });

  it('offers Open for the selected node and clears with Escape', () => {
    jest
      .spyOn(HTMLCanvasElement.prototype, 'getContext')
      .mockImplementation(() => {
        throw new Error('Not implemented');
      });
    const onSelect = jest.fn();
    const onOpen = jest.fn();
    const selectedId = 'namespace:cluster-1/ns-0';
    render(
      <TopologyCanvas
        graph={graph}
        selectedId={selectedId}
        highlightIds={new Set([selectedId, 'no-such-node'])}
        onSelect={onSelect}
        onOpen={onOpen}
      />,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Open ns-0' }));
    expect(onOpen).toHaveBeenCalledWith(
      expect.objectContaining({ id: selectedId }),
    );
    fireEvent.keyDown(screen.getByRole('img'), { key: 'Escape' });
    expect(onSelect).toHaveBeenCalledWith(undefined);
  });

  it('lays out, draws and handles the controls when a context exists', async () => {
    const { ctx, calls } = fakeContext();
    jest
      .spyOn(HTMLCanvasElement.prototype, 'getContext')
      .mockReturnValue(ctx as any);
    jest
      .spyOn(HTMLElement.prototype, 'clientWidth', 'get')
      .mockReturnValue(800);
    jest
      .spyOn(HTMLElement.prototype, 'clientHeight', 'get')
      .mockReturnValue(600);
    const { rerender } = render(
      <TopologyCanvas graph={graph} highlightIds={new Set()} height={400} />,
    );
    await waitFor(() => expect(calls.fill).toBeGreaterThan(0));
    expect(screen.queryByText(/Laying out/)).toBeNull();

    const before = calls.clearRect;
    fireEvent.click(screen.getByRole('button', { name: 'Zoom in' }));
    fireEvent.click(screen.getByRole('button', { name: 'Zoom out' }));
    fireEvent.click(screen.getByRole('button', { name: 'Fit to view' }));
    fireEvent.keyDown(screen.getByRole('img'), { key: 'ArrowLeft' });
    fireEvent.keyDown(screen.getByRole('img'), { key: '+' });
    await waitFor(() => expect(calls.clearRect).toBeGreaterThan(before));

    const highlighted = new Set([graph.nodes[3].id]);
    rerender(
      <TopologyCanvas graph={graph} highlightIds={highlighted} height={400} />,
    );
    const grown = generateGraph({
      clusters: 3,
      namespacesPerCluster: 2,
      workloadsPerNamespace: 3,
      podsPerWorkload: 1,
      edges: 5,
    });
    await act(async () => {
      rerender(
        <TopologyCanvas
          graph={grown}
          highlightIds={highlighted}
          height={400}
        />,
      );
    });
    await waitFor(() =>
      expect(screen.getByRole('list').querySelectorAll('li')).toHaveLength(
        grown.nodes.length,
      ),
    );
  });

  it('previews a wheel zoom from the layer, hit-tests the true view and redraws once settled', async () => {
    // One fake context per canvas: the one on screen and the offscreen layer.
    const contexts = new Map<
      HTMLCanvasElement,
      ReturnType<typeof fakeContext>
    >();
    jest
      .spyOn(HTMLCanvasElement.prototype, 'getContext')
      .mockImplementation(function fake(this: HTMLCanvasElement) {
        if (!contexts.has(this)) contexts.set(this, fakeContext());
        return contexts.get(this)!.ctx as any;
      });
    jest
      .spyOn(HTMLElement.prototype, 'clientWidth', 'get')
      .mockReturnValue(800);
    jest
      .spyOn(HTMLElement.prototype, 'clientHeight', 'get')
      .mockReturnValue(600);
    const onSelect = jest.fn();
    render(<TopologyCanvas graph={graph} onSelect={onSelect} height={600} />);
    const canvas = screen.getByRole('img') as HTMLCanvasElement;
    const onScreen = () => contexts.get(canvas)!;
    const layer = () =>
      [...contexts.entries()].find(([c]) => c !== canvas)?.[1];
    const redraws = () => layer()?.calls.clearRect ?? 0;
    const images = () => onScreen().log.filter(l => l.startsWith('drawImage('));
    await waitFor(() => expect(redraws()).toBe(1));
    await waitFor(() => expect(images()).toHaveLength(1));

    fireEvent.wheel(canvas, { deltaY: -100, clientX: 200, clientY: 150 });
    await waitFor(() => expect(images().length).toBeGreaterThan(1));
    // The scaled layer: an image drawn at a position and size. A frame that
    // redraws the layer copies it at an offset, with two numbers instead.
    expect(images()[1].split(', ')).toHaveLength(5);

    // A click picks what the zoomed view shows there, not what the layer did.
    const scene = buildScene(graph, computeLayout(toLayoutInput(graph)));
    const zoomed = zoomAt(
      fitViewport(scene.bounds, 800, 600),
      Math.exp(100 * 0.0015),
      200,
      150,
    );
    const leaf = scene.leaves.find(i => {
      const x = scene.ax[i] * zoomed.scale + zoomed.tx;
      const y = scene.ay[i] * zoomed.scale + zoomed.ty;
      return (
        x > 0 &&
        x < 800 &&
        y > 0 &&
        y < 600 &&
        Math.hypot(x - 200, y - 150) > 150
      );
    })!;
    const at = {
      clientX: scene.ax[leaf] * zoomed.scale + zoomed.tx,
      clientY: scene.ay[leaf] * zoomed.scale + zoomed.ty,
      button: 0,
      pointerId: 1,
    };
    fireEvent.pointerDown(canvas, at);
    fireEvent.pointerUp(canvas, at);
    expect(onSelect).toHaveBeenCalledWith(scene.nodes[leaf]);

    // Once no zoom event came for the settle time, one crisp redraw: the
    // layer was drawn twice in all, first for the fitted view.
    await waitFor(() => expect(redraws()).toBe(2));
    await act(
      () => new Promise(resolve => setTimeout(resolve, 2 * ZOOM_SETTLE_MS)),
    );
    expect(redraws()).toBe(2);
    expect(images()).toHaveLength(3);
    expect(images()[2].split(', ')).toHaveLength(3);
  });

  it('says when there is nothing to show', () => {
    jest.spyOn(HTMLCanvasElement.prototype, 'getContext').mockReturnValue(null);
    render(<TopologyCanvas graph={{ ...graph, nodes: [], edges: [] }} />);
    expect(screen.getByText('Nothing to show')).toBeTruthy();
    expect(screen.getByRole('img').getAttribute('aria-label')).toBe(
      'Empty topology',
    );
  });
});
