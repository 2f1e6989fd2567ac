/*
 * Browser side of the topology-render benchmark, bundled by esbuild. The page
 * reads `?renderer=ours|dependencygraph&n=<nodes>`, builds the graph up front
 * (not timed), and mounts the renderer when the harness calls `__start()`.
 * `__renderDone` is set to the milliseconds from mounting until the frame
 * after the first complete picture; `__startFrames` / `__stopFrames` record
 * requestAnimationFrame timestamps while the harness pans.
 */
import { useState } from 'react';
import { createRoot } from 'react-dom/client';
import CssBaseline from '@material-ui/core/CssBaseline';
import { ThemeProvider } from '@material-ui/core/styles';
import { DependencyGraph } from '@backstage/core-components';
// Hoisted from the workspace; the plugin itself has no use for them.
/* eslint-disable @backstage/no-undeclared-imports */
import { ApiProvider } from '@backstage/core-app-api';
import { lightTheme } from '@backstage/theme';
/* eslint-enable @backstage/no-undeclared-imports */
import { TopologyCanvas } from '../../src/components/TopologyCanvas';
import { benchGraph, toDependencyGraph } from './graphs';
import { profileDraw } from './profile';

declare global {
  interface Window {
    __ready?: boolean;
    __start?: () => void;
    __renderDone?: number;
    __error?: string;
    __graphSize?: { nodes: number; edges: number };
    __startFrames?: () => void;
    __stopFrames?: () => number[];
    __profile?: () => Record<string, number>;
  }
}

const HEIGHT = 760;
const params = new URLSearchParams(window.location.search);
const renderer = params.get('renderer') ?? 'ours';
const n = Number(params.get('n') ?? 500);
const graph = benchGraph(n);
const dg = toDependencyGraph(graph);
window.__graphSize = { nodes: graph.nodes.length, edges: graph.edges.length };

/*
 * DependencyGraph translates its tooltip, which needs the app's translation
 * and error APIs; these stand-ins answer with the message keys.
 */
const apis = new Map<string, unknown>([
  [
    'core.translation',
    {
      getTranslation: () => ({ ready: true, t: (key: string) => key }),
      translation$: () => ({
        subscribe: () => ({ unsubscribe: () => {}, closed: false }),
      }),
    },
  ],
  ['core.error', { post: () => {}, error$: () => ({ subscribe: () => {} }) }],
]);
const apiHolder = { get: (ref: { id: string }) => apis.get(ref.id) as any };

let mountedAt = 0;

/** Sets `__renderDone` once the frame holding the picture has been painted. */
function finish() {
  requestAnimationFrame(() => {
    // rAF runs before paint; a message posted from it is handled after.
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      window.__renderDone = performance.now() - mountedAt;
    };
    channel.port2.postMessage(0);
  });
}

/** DependencyGraph has no callback: watch until every node is in the SVG and shown. */
function watchSvg() {
  const check = () => {
    const svg = document.querySelector('svg#dependency-graph');
    const count = svg
      ? svg.querySelectorAll('g[data-testid="node"]').length
      : 0;
    const shown =
      svg?.parentElement &&
      getComputedStyle(svg.parentElement).visibility === 'visible';
    if (count >= dg.nodes.length && shown) finish();
    else requestAnimationFrame(check);
  };
  requestAnimationFrame(check);
}

function Bench() {
  const [done] = useState(() => ({ reported: false }));
  if (renderer === 'dependencygraph') {
    return (
      <div style={{ height: HEIGHT, width: '100%', position: 'relative' }}>
        <DependencyGraph
          nodes={dg.nodes}
          edges={dg.edges}
          fit="contain"
          allowFullscreen={false}
          style={{ width: '100%', height: HEIGHT }}
        />
      </div>
    );
  }
  return (
    <TopologyCanvas
      graph={graph}
      height={HEIGHT}
      onRendered={() => {
        if (done.reported) return;
        done.reported = true;
        finish();
      }}
    />
  );
}

let frames: number[] = [];
let recording = false;
window.__startFrames = () => {
  frames = [];
  recording = true;
  const tick = (t: number) => {
    if (!recording) return;
    frames.push(t);
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
};
window.__stopFrames = () => {
  recording = false;
  return frames;
};

window.__start = () => {
  const container = document.getElementById('root')!;
  setTimeout(() => {
    try {
      mountedAt = performance.now();
      createRoot(container).render(
        <ApiProvider apis={apiHolder}>
          <ThemeProvider theme={lightTheme}>
            <CssBaseline />
            <Bench />
          </ThemeProvider>
        </ApiProvider>,
      );
      if (renderer === 'dependencygraph') watchSvg();
    } catch (e) {
      window.__error = String(e);
    }
  }, 0);
};
window.addEventListener('error', e => {
  window.__error = String(e.message);
});
window.__profile = () => profileDraw(graph);
window.__ready = true;
