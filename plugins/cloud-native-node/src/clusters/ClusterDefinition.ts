import { ClusterRole } from '@cloud-native-platform/plugin-cloud-native-common';

/**
 * Where a cluster's objects come from.
 *
 * @public
 */
export type ClusterSourceConfig =
  | { type: 'manifests'; path: string }
  | {
      type: 'kubernetes';
      url: string;
      authProvider: 'serviceAccount';
      serviceAccountToken?: string;
      caData?: string;
      caFile?: string;
      skipTLSVerify: boolean;
    };

/**
 * A cluster as declared in configuration.
 *
 * @public
 */
export interface ClusterDefinition {
  name: string;
  role: ClusterRole;
  region?: string;
  labels: Record<string, string>;
  /** Shown on the cluster's catalog entity. */
  description?: string;
  /** Owner of the cluster's catalog entity, an entity reference such as group:default/platform-team. */
  owner?: string;
  /** System the cluster's catalog entity is part of. */
  system?: string;
  source: ClusterSourceConfig;
  prometheus?: { url: string };
  /** Loki holding the cluster's pod logs, labelled namespace, pod and container. */
  loki?: { url: string };
  /** Where the declaration came from, for messages: a config file name. */
  origin: string;
}
