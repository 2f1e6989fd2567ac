export { TopologyCanvas } from './TopologyCanvas';
export type { TopologyCanvasProps } from './TopologyCanvas';
export type { FrameStats } from './drawTypes';
