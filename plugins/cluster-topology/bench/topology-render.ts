/*
 * Render benchmark of the topology canvas against Backstage's DependencyGraph
 * in headless Chromium.
 *
 *   npm run bench:topology-render -- [--sizes 500,2000,5000,10000]
 *     [--timeout 60] [--pan 2] [--zoom 2] [--profile]
 *
 * --profile also times each drawing phase of the canvas renderer (layout,
 * scene, containers, edges, leaves, labels) in the page, per size: the cost
 * of a full redraw, as when zooming. --screenshots <dir> saves a PNG of each
 * TopologyCanvas render, plus a small graph with every leaf kind.
 * For each size and renderer a fresh page mounts the component and times the
 * first complete picture, then drags across it for --pan seconds and takes
 * the median requestAnimationFrame interval; TopologyCanvas is then fitted
 * again and zoomed in and out with the wheel for --zoom seconds, timed the
 * same way (DependencyGraph is not zoomed). DependencyGraph renders get
 * --timeout seconds; once one times out, bigger sizes are not tried (they
 * only take longer) and are reported as timeouts too. Chromium runs without
 * GPU, so canvas and SVG are rasterised in software: a worst case.
 * The last lines are `name: value` pairs for scripts to read; -1 is a timeout.
 */
import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import path from 'node:path';
// Hoisted from the workspace root, which declares them for the browser tests.
/* eslint-disable @backstage/no-undeclared-imports */
import { Browser, BrowserServer, chromium, Page } from '@playwright/test';
import { build } from 'esbuild';
/* eslint-enable @backstage/no-undeclared-imports */

type Renderer = 'ours' | 'dependencygraph';

interface Result {
  renderer: Renderer;
  n: number;
  nodes?: number;
  edges?: number;
  /** undefined: timed out or skipped. */
  firstRenderMs?: number;
  panMedianMs?: number;
  panFrames?: number;
  panP90Ms?: number;
  zoomMedianMs?: number;
  zoomP90Ms?: number;
  zoomMaxMs?: number;
  zoomFrames?: number;
  note?: string;
}

const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
const VIEWPORT = { width: 1280, height: 800 };
const OURS_TIMEOUT_MS = 60_000;
const CLOSE_TIMEOUT_MS = 10_000;

function option(name: string, fallback: string): string {
  const args = process.argv.slice(2);
  const i = args.indexOf(`--${name}`);
  if (i >= 0 && i + 1 < args.length) return args[i + 1];
  const inline = args.find(a => a.startsWith(`--${name}=`));
  return inline ? inline.slice(name.length + 3) : fallback;
}

function log(line: string) {
  process.stderr.write(`${line}\n`);
}

/** Rejects after `ms`, so a hung page cannot hang the benchmark. */
function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: timeout`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

function quantile(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (sorted.length - 1) * q;
  const lo = Math.floor(at);
  const hi = Math.ceil(at);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (at - lo);
}

async function bundle(): Promise<string> {
  const result = await build({
    entryPoints: [path.join(__dirname, 'lib', 'page.tsx')],
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    target: 'chrome110',
    jsx: 'automatic',
    minify: true,
    // Production React: development checks would dominate the timings.
    define: {
      'process.env.NODE_ENV': '"production"',
      global: 'globalThis',
    },
    loader: { '.svg': 'dataurl', '.png': 'dataurl', '.css': 'empty' },
    logLevel: 'error',
  });
  return result.outputFiles[0].text;
}

async function serve(script: string): Promise<{ server: Server; url: string }> {
  const html =
    '<!doctype html><html><head><meta charset="utf-8"><title>bench</title>' +
    '</head><body><div id="root"></div><script src="/page.js"></script>' +
    '</body></html>';
  const server = createServer((req, res) => {
    if (req.url?.startsWith('/page.js')) {
      res.writeHead(200, { 'content-type': 'text/javascript' });
      res.end(script);
    } else {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end(html);
    }
  });
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { server, url: `http://127.0.0.1:${port}/` };
}

/** Times between successive animation frames. */
function intervals(stamps: number[]): number[] {
  const deltas: number[] = [];
  for (let i = 1; i < stamps.length; i++)
    deltas.push(stamps[i] - stamps[i - 1]);
  return deltas;
}

/** Drags across the middle of `selector` for `seconds`, returning rAF intervals. */
async function pan(page: Page, selector: string, seconds: number) {
  const box = await page.locator(selector).first().boundingBox();
  if (!box) throw new Error(`${selector} has no box`);
  const cx = box.x + box.width / 2;
  const cy = box.y + box.height / 2;
  await page.mouse.move(cx, cy);
  await page.mouse.down();
  await page.evaluate(() => window.__startFrames!());
  const end = Date.now() + seconds * 1000;
  // Several moves in flight, so that every frame has input waiting: awaiting
  // each one would leave idle frames between them and flatter the median.
  const inFlight: Promise<unknown>[] = [];
  let step = 0;
  while (Date.now() < end) {
    // A triangle wave of ±400 px, 8 px per event, like a steady drag across
    // the view: long enough to pass the retained layer's margin both ways.
    const phase = (step++ * 8) % 1600;
    const dx = phase < 800 ? phase - 400 : 1200 - phase;
    inFlight.push(page.mouse.move(cx + dx, cy + dx / 3));
    if (inFlight.length >= 4) {
      await within(inFlight.shift()!, 30_000, 'pan move').catch(() => {});
    }
  }
  await within(Promise.all(inFlight), 30_000, 'pan moves').catch(() => {});
  const stamps = await within(
    page.evaluate(() => window.__stopFrames!()),
    30_000,
    'frames',
  );
  await page.mouse.up();
  return intervals(stamps);
}

/** Wheel events per wheel-zoom direction: 32 steps of 1.046× make about 4.2×. */
const ZOOM_STEPS = 32;
const ZOOM_DELTA_PX = 30;
/** A trackpad or a spun wheel sends about one event per display frame. */
const WHEEL_INTERVAL_MS = 1000 / 60;

/**
 * Zooms in and out with the wheel over the middle of `selector` for
 * `seconds`, returning rAF intervals. The events follow a 60 Hz clock rather
 * than the page's frames, as real input does, so a slow page gets several
 * per frame (Chromium merges them). Playwright waits for each event to be
 * handled, though, and with eight in flight a page that redraws every frame
 * takes fewer of them and zooms less far in the time.
 */
async function zoom(page: Page, selector: string, seconds: number) {
  const box = await page.locator(selector).first().boundingBox();
  if (!box) throw new Error(`${selector} has no box`);
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.evaluate(() => window.__startFrames!());
  const started = Date.now();
  const end = started + seconds * 1000;
  const inFlight: Promise<unknown>[] = [];
  let step = 0;
  while (Date.now() < end) {
    const due = started + step * WHEEL_INTERVAL_MS;
    const wait = due - Date.now();
    if (wait > 0) await new Promise(resolve => setTimeout(resolve, wait));
    // Negative deltas zoom in: in for ZOOM_STEPS events, then out as far.
    const zoomingIn = step++ % (2 * ZOOM_STEPS) < ZOOM_STEPS;
    inFlight.push(
      page.mouse.wheel(0, zoomingIn ? -ZOOM_DELTA_PX : ZOOM_DELTA_PX),
    );
    if (inFlight.length >= 8) {
      await within(inFlight.shift()!, 30_000, 'wheel').catch(() => {});
    }
  }
  await within(Promise.all(inFlight), 30_000, 'wheels').catch(() => {});
  const stamps = await within(
    page.evaluate(() => window.__stopFrames!()),
    30_000,
    'frames',
  );
  return intervals(stamps);
}

const shots = option('screenshots', '');

async function measure(
  browser: Browser,
  base: string,
  renderer: Renderer,
  n: number,
  timeoutMs: number,
  panSeconds: number,
  zoomSeconds: number,
): Promise<Result> {
  const context = await browser.newContext({
    viewport: VIEWPORT,
    deviceScaleFactor: 1,
  });
  const result: Result = { renderer, n };
  let hung = false;
  try {
    const page = await context.newPage();
    await page.goto(`${base}?renderer=${renderer}&n=${n}`);
    await page.waitForFunction(() => window.__ready === true);
    const size = await page.evaluate(() => window.__graphSize!);
    result.nodes = size.nodes;
    result.edges = size.edges;
    await page.evaluate(() => window.__start!());
    try {
      await within(
        page.waitForFunction(
          () => window.__renderDone !== undefined || window.__error,
          undefined,
          { timeout: timeoutMs, polling: 50 },
        ),
        timeoutMs + 5000,
        'render',
      );
    } catch {
      hung = true;
      result.note = `no complete render within ${timeoutMs / 1000} s`;
      return result;
    }
    const error = await page.evaluate(() => window.__error);
    if (error) throw new Error(error);
    result.firstRenderMs = await page.evaluate(() => window.__renderDone!);
    if (shots && renderer === 'ours') {
      await page.screenshot({ path: path.join(shots, `ours-${n}.png`) });
    }
    if (renderer === 'dependencygraph') {
      // Its zoom clamps the translation to the graph at scale 1, so a drag
      // moves nothing until zoomed in: zoom 2x with the wheel first.
      const box = await page.locator('svg#dependency-graph').boundingBox();
      if (box) {
        await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
        await page.mouse.wheel(0, -500);
        await page.waitForTimeout(300);
      }
    }
    const selector = renderer === 'ours' ? 'canvas' : 'svg#dependency-graph';
    const deltas = await pan(page, selector, panSeconds);
    result.panFrames = deltas.length;
    if (deltas.length > 0) {
      result.panMedianMs = quantile(deltas, 0.5);
      result.panP90Ms = quantile(deltas, 0.9);
    }
    if (renderer === 'ours' && zoomSeconds > 0) {
      // From the fitted view, so every size zooms over the same share of its graph.
      await page.getByRole('button', { name: 'Fit to view' }).click();
      await page.waitForTimeout(500);
      const zoomDeltas = await zoom(page, selector, zoomSeconds);
      result.zoomFrames = zoomDeltas.length;
      if (zoomDeltas.length > 0) {
        result.zoomMedianMs = quantile(zoomDeltas, 0.5);
        result.zoomP90Ms = quantile(zoomDeltas, 0.9);
        result.zoomMaxMs = Math.max(...zoomDeltas);
      }
    }
    return result;
  } finally {
    // A page stuck in a long task may never answer a polite close.
    await within(context.close(), CLOSE_TIMEOUT_MS, 'close').catch(() => {
      hung = true;
    });
    if (hung) result.note = result.note ?? 'page hung';
  }
}

/** A small graph with every leaf kind and long names, to look at labels and shapes. */
async function gallery(browser: Browser, base: string) {
  const context = await browser.newContext({ viewport: VIEWPORT });
  try {
    const page = await context.newPage();
    await page.goto(`${base}?renderer=ours&n=0`);
    await page.waitForFunction(() => window.__ready === true);
    await page.evaluate(() => window.__start!());
    await page.waitForFunction(() => window.__renderDone !== undefined);
    await page.screenshot({ path: path.join(shots, 'ours-gallery.png') });
  } finally {
    await context.close();
  }
}

async function profileAll(browser: Browser, base: string, sizes: number[]) {
  const rows: string[] = [];
  for (const n of sizes) {
    const context = await browser.newContext({ viewport: VIEWPORT });
    try {
      const page = await context.newPage();
      await page.goto(`${base}?renderer=ours&n=${n}`);
      await page.waitForFunction(() => window.__ready === true);
      const phases = await page.evaluate(() => window.__profile!());
      if (rows.length === 0) {
        rows.push(`| nodes | ${Object.keys(phases).join(' | ')} |`);
        rows.push(`|${' --- |'.repeat(Object.keys(phases).length + 1)}`);
      }
      rows.push(
        `| ${n} | ${Object.values(phases)
          .map(v => v.toFixed(1))
          .join(' | ')} |`,
      );
    } finally {
      await context.close();
    }
  }
  process.stdout.write(
    `draw phases of TopologyCanvas at fit-to-view, ms:\n${rows.join('\n')}\n\n`,
  );
}

function fmt(value: number | undefined, digits = 0): string {
  if (value === undefined) return 'timeout';
  return value.toLocaleString('en-US', {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  });
}

/** Chromium as a server, so that a stuck one can be killed by its process. */
async function launch(): Promise<{ browser: Browser; server: BrowserServer }> {
  const server = await chromium.launchServer({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
  });
  const browser = await chromium.connect(server.wsEndpoint());
  return { browser, server };
}

/** Closes Chromium, killing it when a renderer stuck in a long task blocks that. */
async function shutDown(running: {
  browser: Browser;
  server: BrowserServer;
}): Promise<void> {
  await within(running.browser.close(), CLOSE_TIMEOUT_MS, 'browser').catch(
    () => {},
  );
  await within(running.server.close(), CLOSE_TIMEOUT_MS, 'server').catch(() =>
    running.server.kill(),
  );
}

async function main(): Promise<number> {
  const sizes = option('sizes', '500,2000,5000,10000')
    .split(',')
    .map(s => Number(s.trim()))
    .filter(s => s > 0);
  const timeoutMs = Number(option('timeout', '60')) * 1000;
  const panSeconds = Number(option('pan', '2'));
  const zoomSeconds = Number(option('zoom', '2'));
  const profile = process.argv.includes('--profile');
  const started = Date.now();

  log('bundling the bench page with esbuild…');
  const script = await bundle();
  const { server, url } = await serve(script);
  let running = await launch();
  const results: Result[] = [];
  try {
    if (profile) await profileAll(running.browser, url, sizes);
    if (shots) await gallery(running.browser, url);
    for (const renderer of ['ours', 'dependencygraph'] as Renderer[]) {
      let gaveUp = false;
      for (const n of sizes) {
        if (gaveUp) {
          results.push({
            renderer,
            n,
            note: 'skipped: a smaller graph timed out',
          });
          continue;
        }
        const limit = renderer === 'ours' ? OURS_TIMEOUT_MS : timeoutMs;
        log(`${renderer} ${n} nodes…`);
        const r = await measure(
          running.browser,
          url,
          renderer,
          n,
          limit,
          panSeconds,
          zoomSeconds,
        );
        results.push(r);
        const zoomed =
          r.zoomMedianMs === undefined
            ? ''
            : `, zoom median ${fmt(r.zoomMedianMs, 1)} ms`;
        log(
          `  first render ${fmt(r.firstRenderMs)} ms, pan median ` +
            `${fmt(r.panMedianMs, 1)} ms${zoomed}${
              r.note ? ` (${r.note})` : ''
            }`,
        );
        if (r.firstRenderMs === undefined) {
          gaveUp = true;
          if (r.note === 'page hung' || r.note?.startsWith('no complete')) {
            // The renderer process may still be busy; start afresh.
            await shutDown(running);
            running = await launch();
          }
        }
      }
    }
  } finally {
    await shutDown(running);
    await new Promise(resolve => server.close(resolve));
  }

  const rows = [
    '| renderer | nodes | edges | first render (ms) | pan median frame (ms) | pan p90 frame (ms) | pan frames | zoom median frame (ms) | zoom p90 frame (ms) | zoom longest frame (ms) | zoom frames |',
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
    ...results.map(
      r =>
        `| ${r.renderer === 'ours' ? 'TopologyCanvas' : 'DependencyGraph'} ` +
        `| ${fmt(r.nodes ?? r.n)} | ${
          r.edges === undefined ? '–' : fmt(r.edges)
        } ` +
        `| ${fmt(r.firstRenderMs)} ` +
        `| ${
          r.firstRenderMs === undefined ? 'timeout' : fmt(r.panMedianMs, 1)
        } ` +
        `| ${r.firstRenderMs === undefined ? '–' : fmt(r.panP90Ms, 1)} ` +
        `| ${r.panFrames ?? '–'} ` +
        `| ${r.zoomFrames === undefined ? '–' : fmt(r.zoomMedianMs, 1)} ` +
        `| ${r.zoomFrames === undefined ? '–' : fmt(r.zoomP90Ms, 1)} ` +
        `| ${r.zoomFrames === undefined ? '–' : fmt(r.zoomMaxMs, 1)} ` +
        `| ${r.zoomFrames ?? '–'} |${r.note ? ` ${r.note}` : ''}`,
    ),
  ];
  process.stdout.write(`${rows.join('\n')}\n\n`);
  process.stdout.write(
    `total ${((Date.now() - started) / 1000).toFixed(0)} s; Chromium without ` +
      'GPU (software rasterisation)\n\n',
  );
  const value = (v: number | undefined, digits: number) =>
    v === undefined ? '-1' : v.toFixed(digits);
  const lines: string[] = [];
  for (const n of sizes) {
    for (const renderer of ['ours', 'dependencygraph'] as Renderer[]) {
      const r = results.find(x => x.renderer === renderer && x.n === n);
      lines.push(
        `${renderer}_${n}_first_render_ms: ${value(r?.firstRenderMs, 0)}`,
        `${renderer}_${n}_pan_median_frame_ms: ${value(
          r?.firstRenderMs === undefined ? undefined : r?.panMedianMs,
          1,
        )}`,
      );
      if (renderer === 'ours') {
        lines.push(
          `ours_${n}_zoom_median_frame_ms: ${value(r?.zoomMedianMs, 1)}`,
          `ours_${n}_zoom_p90_frame_ms: ${value(r?.zoomP90Ms, 1)}`,
          `ours_${n}_zoom_max_frame_ms: ${value(r?.zoomMaxMs, 1)}`,
        );
      }
    }
  }
  process.stdout.write(`${lines.join('\n')}\n`);
  return 0;
}

main().then(
  code => {
    process.exit(code);
  },
  error => {
    process.stderr.write(`${error?.stack ?? error}\n`);
    process.exit(1);
  },
);
