export { TopologyExplorer } from './TopologyExplorer';
export type { TopologyExplorerProps } from './TopologyExplorer';
