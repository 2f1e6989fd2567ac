export {
  ClusterTopologyContent,
  ClusterTopologyPage,
} from './ClusterTopologyPage';
