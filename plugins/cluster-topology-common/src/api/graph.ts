import type {
  TopologyGraph,
  TrafficWindow,
} from '@cloud-native-platform/plugin-cloud-native-common';

/**
 * Graph layers the backend can draw: the static objects and their edges,
 * measured mesh traffic, catalog relations (entity graphs only), and storage
 * (PersistentVolumeClaims, PersistentVolumes and StorageClasses, in cluster
 * and namespace graphs).
 *
 * @public
 */
export type TopologyLayer = 'static' | 'traffic' | 'catalog' | 'storage';

/**
 * Every {@link TopologyLayer}, in the order the backend documents them.
 *
 * @public
 */
export const TOPOLOGY_LAYERS: readonly TopologyLayer[] = [
  'static',
  'traffic',
  'catalog',
  'storage',
];

/**
 * What part of the fleet to draw (`GET /api/cluster-topology/graph`).
 * Without `entityRef` or `cluster` the whole fleet is drawn; `entityRef` and
 * `cluster` exclude each other, and `namespace` needs `cluster`.
 *
 * @public
 */
export interface TopologyGraphQuery {
  entityRef?: string;
  cluster?: string;
  namespace?: string;
  /** Ids of workload nodes whose pods to include, or `['all']`. */
  expand?: string[];
  /** Layers to draw; all of them unless given. */
  layers?: TopologyLayer[];
  /** Traffic window; `5m` unless given. */
  window?: TrafficWindow;
}

/**
 * The answer of `GET /api/cluster-topology/graph`. A node's `labels` and the
 * `detail` line of Services and Ingresses come from the objects themselves:
 * they are left out for clusters whose objects the caller may not read
 * (`cluster-topology.object.read`).
 *
 * @public
 */
export type TopologyGraphResponse = TopologyGraph;
