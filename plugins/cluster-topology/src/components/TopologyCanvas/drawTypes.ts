import type { Viewport } from './viewport';

/** Colours the renderer takes from the MUI theme. */
export interface DrawTheme {
  text: string;
  textMuted: string;
  containerFill: string;
  containerStroke: string;
  selection: string;
  highlight: string;
  badgeFill: string;
  badgeText: string;
  /** The surface behind the canvas: halos that keep text legible over lines. */
  background: string;
}

/** Everything that changes between frames without changing the scene. */
export interface DrawState {
  viewport: Viewport;
  /** Canvas size in CSS pixels. */
  width: number;
  height: number;
  dpr: number;
  selected: number;
  hovered: number;
  /** 1 for search hits by node index; null when nothing is searched. */
  highlight: Uint8Array | null;
  theme: DrawTheme;
}

/** What one frame drew, for tests and benchmarks. */
export interface FrameStats {
  nodes: number;
  edges: number;
  labels: number;
}

/** Alpha of nodes and edges that are not search hits. */
export const DIM_ALPHA = 0.15;
