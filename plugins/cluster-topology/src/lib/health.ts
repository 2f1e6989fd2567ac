import type {
  TopologyEdgeKind,
  TopologyHealth,
} from '@cloud-native-platform/plugin-cloud-native-common';
import { statusColors } from '@cloud-native-platform/plugin-cloud-native-react';
import type { ClusterSyncStatus } from '../api';

/** Colour of each health state, shared by chips, legend and side panel. */
export const healthColors: Record<TopologyHealth, string> = statusColors;

/** Health states in the order the filter and legend list them. */
export const healthStates: TopologyHealth[] = [
  'healthy',
  'degraded',
  'failing',
  'idle',
  'unknown',
];

/** Colour of each cluster sync state. */
export const clusterStatusColors: Record<ClusterSyncStatus, string> = {
  ready: healthColors.healthy,
  syncing: '#1976d2',
  degraded: healthColors.failing,
};

/** How each edge kind is drawn, for the legend. */
export const edgeStyles: Array<{
  label: string;
  kinds: TopologyEdgeKind[] | 'crossCluster';
  color: string;
  dashed?: boolean;
}> = [
  {
    label: 'Static (selects, routes)',
    kinds: ['selects', 'routes', 'runs-on'],
    color: '#607d8b',
  },
  { label: 'Traffic', kinds: ['traffic'], color: '#1976d2' },
  {
    label: 'Cross-cluster',
    kinds: 'crossCluster',
    color: '#8e24aa',
    dashed: true,
  },
  { label: 'Catalog', kinds: ['catalog'], color: '#00897b', dashed: true },
  {
    label: 'Storage (mounts, binds)',
    kinds: ['mounts', 'binds', 'provisioned-by'],
    color: '#8d6e63',
    dashed: true,
  },
];
