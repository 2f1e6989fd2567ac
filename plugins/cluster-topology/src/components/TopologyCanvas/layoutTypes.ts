/**
 * The slice of a node the layout needs. Kept minimal so that posting it to the
 * layout worker clones as little as possible.
 */
export interface LayoutNodeInput {
  id: string;
  kind: string;
  parent?: string;
}

/** What {@link computeLayout} lays out: nodes whose `parent` forms a tree. */
export interface LayoutInput {
  nodes: LayoutNodeInput[];
}

/** Size of a leaf cell, in world units. */
export interface LeafSize {
  w: number;
  h: number;
}

/** Tuning knobs of {@link computeLayout}; every field has a default. */
export interface LayoutOptions {
  /** Space between sibling boxes. */
  gap?: number;
  /** Inner margin of a container, left, right and bottom. */
  padding?: number;
  /** Band at the top of a container that holds its label. */
  header?: number;
  /** Width over height the top level aims for (screens are wide). */
  aspect?: number;
  /** Width over height inside containers. */
  innerAspect?: number;
  /** Leaf cell size by node kind, merged over the defaults. */
  leafSizes?: Record<string, LeafSize>;
}

/** Where one node sits, in world units; `depth` 0 is a root. */
export interface LayoutBox {
  x: number;
  y: number;
  w: number;
  h: number;
  depth: number;
  /** The node has children and is drawn as an enclosing rectangle. */
  container: boolean;
}

/** Result of {@link computeLayout}: a box per node id, plus the total extent. */
export interface LayoutResult {
  boxes: Record<string, LayoutBox>;
  width: number;
  height: number;
}
