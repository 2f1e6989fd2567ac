import type {
  TopologyEdge,
  TopologyGraph,
  TopologyHealth,
  TopologyNode,
} from '@cloud-native-platform/plugin-cloud-native-common';
import type { LayoutResult } from './layoutTypes';
import {
  DOT_MAX_RADIUS,
  isBoxShape,
  radiusShare,
  SHAPE_DOT,
  SHAPE_ORDER,
  SHAPE_SQUARE,
  shapeOf,
} from './shapes';
import { BoxSet, SpatialGrid, buildGrid, chooseCellSize } from './spatialIndex';
import type { Rect } from './viewport';

/** Fill colour of a leaf by health. */
export const HEALTH_COLORS: Record<TopologyHealth, string> = {
  healthy: '#2e7d32',
  degraded: '#ed6c02',
  failing: '#d32f2f',
  idle: '#9e9e9e',
  unknown: '#607d8b',
};

/** Health by index, so per-node health fits in a byte array. */
export const HEALTH_ORDER: TopologyHealth[] = [
  'healthy',
  'degraded',
  'failing',
  'idle',
  'unknown',
];

/** How one batch of edges is stroked. */
export interface EdgeStyle {
  color: string;
  /** Screen pixels, independent of zoom. */
  width: number;
  dash?: 'dashed' | 'dotted';
  arrow: boolean;
  /** Draw the route weight next to the edge when zoomed in. */
  weightLabel: boolean;
}

/** Edges sharing a style, drawn with one path. */
export interface EdgeGroup {
  key: string;
  style: EdgeStyle;
  edges: number[];
  /** Cross-cluster edges are drawn above the nodes. */
  onTop: boolean;
}

/**
 * Graph and layout flattened into parallel arrays by node index: the draw
 * loop touches thousands of nodes per frame and typed arrays keep it cache
 * friendly and allocation free.
 */
export interface Scene extends BoxSet {
  count: number;
  nodes: TopologyNode[];
  indexById: Map<string, number>;
  x: Float64Array;
  y: Float64Array;
  w: Float64Array;
  h: Float64Array;
  depth: Uint8Array;
  container: Uint8Array;
  /** Leaf drawn as a box with its label inside rather than a round shape. */
  boxy: Uint8Array;
  /** Index into `SHAPE_ORDER` of each leaf's outline. */
  shape: Uint8Array;
  health: Uint8Array;
  /** Where edges attach (shape centre) and how far from it they stop. */
  ax: Float64Array;
  ay: Float64Array;
  ar: Float64Array;
  /** Containers, parents before children, so nested fills stack. */
  containers: number[];
  leaves: number[];
  /** Leaves bucketed by health, so each colour is one fill. */
  leavesByHealth: number[][];
  /** Kubernetes node leaves, which get a darker border in one extra stroke. */
  squares: number[];
  maxDepth: number;
  edges: TopologyEdge[];
  src: Int32Array;
  dst: Int32Array;
  groups: EdgeGroup[];
  bounds: Rect;
  grid: SpatialGrid;
}

function mix(a: string, b: string, t: number): string {
  const ch = (hex: string, i: number) =>
    parseInt(hex.slice(1 + 2 * i, 3 + 2 * i), 16);
  const parts = [0, 1, 2].map(i =>
    Math.round(ch(a, i) + (ch(b, i) - ch(a, i)) * t),
  );
  return `rgb(${parts.join(',')})`;
}

/** Buckets an edge into one of a few dozen styles so edges batch well. */
export function edgeStyleKey(edge: TopologyEdge): {
  key: string;
  style: EdgeStyle;
} {
  let style: EdgeStyle;
  let key: string = edge.kind;
  switch (edge.kind) {
    case 'traffic': {
      const rps = Math.max(0, edge.traffic?.requestsPerSecond ?? 0);
      const err = Math.max(0, edge.traffic?.errorPercent ?? 0);
      const wb = Math.min(3, Math.floor(Math.log10(1 + rps)));
      // Error buckets: none, a little, noticeable, bad.
      const eb = [0.5, 2, 5].filter(limit => err >= limit).length;
      key = `traffic:${wb}:${eb}`;
      style = {
        color: mix('#546e7a', '#d32f2f', eb / 3),
        width: [1.25, 2, 3, 4.5][wb],
        arrow: true,
        weightLabel: false,
      };
      break;
    }
    case 'routes':
      style = {
        color: '#00897b',
        width: 1.5,
        dash: 'dashed',
        arrow: true,
        weightLabel: true,
      };
      break;
    case 'catalog':
      style = {
        color: '#8e24aa',
        width: 1.5,
        dash: 'dotted',
        arrow: true,
        weightLabel: false,
      };
      break;
    case 'runs-on':
      style = {
        color: '#b0bec5',
        width: 0.75,
        arrow: false,
        weightLabel: false,
      };
      break;
    case 'mounts':
    case 'binds':
    case 'provisioned-by':
      // One style for the storage chain: pod → claim → volume → class.
      key = 'storage';
      style = {
        color: '#8d6e63',
        width: 1,
        dash: 'dashed',
        arrow: true,
        weightLabel: false,
      };
      break;
    default:
      style = { color: '#78909c', width: 1, arrow: true, weightLabel: false };
  }
  if (edge.crossCluster) {
    key = `cross:${key}`;
    style = { ...style, color: '#1e88e5', width: Math.max(2, style.width) };
  }
  return { key, style };
}

/** Joins a graph with its layout; nodes the layout lacks are left out. */
export function buildScene(graph: TopologyGraph, layout: LayoutResult): Scene {
  const nodes = graph.nodes.filter(n => layout.boxes[n.id] !== undefined);
  const count = nodes.length;
  const s = {
    count,
    nodes,
    indexById: new Map<string, number>(),
    x: new Float64Array(count),
    y: new Float64Array(count),
    w: new Float64Array(count),
    h: new Float64Array(count),
    depth: new Uint8Array(count),
    container: new Uint8Array(count),
    boxy: new Uint8Array(count),
    shape: new Uint8Array(count),
    health: new Uint8Array(count),
    ax: new Float64Array(count),
    ay: new Float64Array(count),
    ar: new Float64Array(count),
    containers: [] as number[],
    leaves: [] as number[],
    leavesByHealth: HEALTH_ORDER.map(() => [] as number[]),
    squares: [] as number[],
    maxDepth: 0,
  };
  for (let i = 0; i < count; i++) {
    const node = nodes[i];
    const b = layout.boxes[node.id];
    s.indexById.set(node.id, i);
    s.x[i] = b.x;
    s.y[i] = b.y;
    s.w[i] = b.w;
    s.h[i] = b.h;
    s.depth[i] = Math.min(255, b.depth);
    s.maxDepth = Math.max(s.maxDepth, s.depth[i]);
    s.health[i] = Math.max(0, HEALTH_ORDER.indexOf(node.status));
    if (b.container) {
      s.container[i] = 1;
      s.containers.push(i);
      s.ax[i] = b.x + b.w / 2;
      s.ay[i] = b.y + b.h / 2;
    } else {
      const shape = SHAPE_ORDER.indexOf(shapeOf(node.kind, node.objectKind));
      s.shape[i] = shape;
      s.leaves.push(i);
      s.ax[i] = b.x + b.w / 2;
      if (isBoxShape(shape)) {
        s.boxy[i] = 1;
        s.ay[i] = b.y + b.h / 2;
        s.ar[i] = b.h / 2;
        if (shape === SHAPE_SQUARE) s.squares.push(i);
      } else {
        // Above the centre, leaving room for the label below.
        s.ay[i] = b.y + b.h * 0.4;
        s.ar[i] = b.w * radiusShare(shape);
        if (shape === SHAPE_DOT) s.ar[i] = Math.min(s.ar[i], DOT_MAX_RADIUS);
      }
    }
    if (!b.container) s.leavesByHealth[s.health[i]].push(i);
  }
  s.containers.sort((a, b) => s.depth[a] - s.depth[b]);

  const edges: TopologyEdge[] = [];
  const src: number[] = [];
  const dst: number[] = [];
  const byKey = new Map<string, EdgeGroup>();
  for (const edge of graph.edges) {
    const a = s.indexById.get(edge.source);
    const b = s.indexById.get(edge.target);
    if (a === undefined || b === undefined || a === b) continue;
    const { key, style } = edgeStyleKey(edge);
    let group = byKey.get(key);
    if (!group) {
      group = { key, style, edges: [], onTop: !!edge.crossCluster };
      byKey.set(key, group);
    }
    group.edges.push(edges.length);
    edges.push(edge);
    src.push(a);
    dst.push(b);
  }
  // Thin styles first so heavy traffic and cross-cluster edges stay visible.
  const groups = Array.from(byKey.values()).sort(
    (p, q) =>
      Number(p.onTop) - Number(q.onTop) ||
      p.style.width - q.style.width ||
      (p.key < q.key ? -1 : 1),
  );

  const bounds = { x: 0, y: 0, w: layout.width, h: layout.height };
  const grid = buildGrid(s, count, chooseCellSize(bounds.w, bounds.h, count));
  return {
    ...s,
    edges,
    src: Int32Array.from(src),
    dst: Int32Array.from(dst),
    groups,
    bounds,
    grid,
  };
}
