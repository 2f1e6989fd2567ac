import type { TopologyNodeKind } from '@cloud-native-platform/plugin-cloud-native-common';

/**
 * How a leaf is drawn. Each kind gets its own outline so a person can tell
 * workloads, pods, services, Kubernetes nodes and catalog entities apart at a
 * glance, without reading labels and independently of the health colour.
 */
export type LeafShape =
  | 'circle'
  | 'dot'
  | 'diamond'
  | 'hexagon'
  | 'box'
  | 'square'
  | 'triangle'
  | 'pentagon'
  | 'octagon';

/** Shapes by index, so the scene can keep a byte per node. */
export const SHAPE_ORDER: LeafShape[] = [
  'circle',
  'dot',
  'diamond',
  'hexagon',
  'box',
  'square',
  'triangle',
  'pentagon',
  'octagon',
];

export const SHAPE_CIRCLE = 0;
export const SHAPE_DOT = 1;
export const SHAPE_DIAMOND = 2;
export const SHAPE_HEXAGON = 3;
export const SHAPE_BOX = 4;
export const SHAPE_SQUARE = 5;
export const SHAPE_TRIANGLE = 6;
export const SHAPE_PENTAGON = 7;
export const SHAPE_OCTAGON = 8;

/**
 * Sides and rotation of the polygon shapes. A triangle points up; the others
 * sit on a flat side.
 */
export const POLYGONS: Record<number, { sides: number; rotation: number }> = {
  [SHAPE_TRIANGLE]: { sides: 3, rotation: -Math.PI / 2 },
  [SHAPE_PENTAGON]: { sides: 5, rotation: -Math.PI / 2 },
  [SHAPE_OCTAGON]: { sides: 8, rotation: Math.PI / 8 },
};

/**
 * The outline a leaf of `kind` is drawn with; unknown kinds look like
 * workloads. Storage nodes share a kind and differ by object kind: a claim is
 * a triangle, a PersistentVolume a pentagon, a StorageClass an octagon.
 */
export function shapeOf(
  kind: TopologyNodeKind | string,
  objectKind?: string,
): LeafShape {
  switch (kind) {
    case 'volume':
      if (objectKind === 'PersistentVolume') return 'pentagon';
      if (objectKind === 'StorageClass') return 'octagon';
      return 'triangle';
    case 'pod':
      return 'dot';
    case 'service':
      return 'diamond';
    case 'entity':
      return 'hexagon';
    case 'node':
      return 'square';
    case 'group':
    case 'cluster':
    case 'namespace':
      return 'box';
    default:
      return 'circle';
  }
}

/** Whether the shape fills its cell as a rectangle with the label inside. */
export function isBoxShape(shape: number): boolean {
  return shape === SHAPE_BOX || shape === SHAPE_SQUARE;
}

/**
 * Radius of a round shape as a share of its cell width. A diamond and a
 * hexagon cover less area than a circle of the same radius, so they get a
 * little more to look equally heavy.
 */
export function radiusShare(shape: number): number {
  if (shape === SHAPE_DIAMOND) return 0.34;
  if (shape === SHAPE_HEXAGON) return 0.32;
  if (shape === SHAPE_TRIANGLE) return 0.36;
  if (shape === SHAPE_PENTAGON) return 0.33;
  if (shape === SHAPE_OCTAGON) return 0.31;
  return 0.3;
}

/** Pods are many and secondary: never larger than this, whatever the cell. */
export const DOT_MAX_RADIUS = 9;
