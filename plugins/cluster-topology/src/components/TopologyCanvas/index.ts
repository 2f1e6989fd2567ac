export { TopologyCanvas } from './TopologyCanvas';
export type { TopologyCanvasProps } from './TopologyCanvas';
