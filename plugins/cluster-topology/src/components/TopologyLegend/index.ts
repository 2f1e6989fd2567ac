export { TopologyLegend } from './TopologyLegend';
