import { LoggerService } from '@backstage/backend-plugin-api';
import {
  ANNOTATION_LOCATION,
  ANNOTATION_ORIGIN_LOCATION,
  Entity,
} from '@backstage/catalog-model';
import {
  EntityProvider,
  EntityProviderConnection,
} from '@backstage/plugin-catalog-node';
import {
  ANNOTATION_CLUSTER_STATUS,
  LABEL_CLUSTER_REGION,
  LABEL_CLUSTER_ROLE,
} from '@cloud-native-platform/plugin-cloud-native-common';
import {
  ClusterHandle,
  ClusterStateService,
} from '@cloud-native-platform/plugin-cloud-native-node';

const LOCATION = 'cloud-native-platform:clusters';
/** Status changes come in bursts while clusters sync; publish once they settle. */
const DEBOUNCE_MS = 2_000;

/**
 * The catalog entity of one configured cluster: a Resource of type
 * `kubernetes-cluster` carrying its role, region and sync state.
 *
 * @public
 */
export function clusterEntity(cluster: ClusterHandle): Entity {
  const { definition } = cluster;
  const status = cluster.status();
  const labels: Record<string, string> = {
    [LABEL_CLUSTER_ROLE]: definition.role,
  };
  if (definition.region) labels[LABEL_CLUSTER_REGION] = definition.region;
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Resource',
    metadata: {
      name: definition.name,
      description:
        definition.description ??
        `${definition.role} cluster${
          definition.region ? ` in ${definition.region}` : ''
        }`,
      labels,
      annotations: {
        [ANNOTATION_LOCATION]: LOCATION,
        [ANNOTATION_ORIGIN_LOCATION]: LOCATION,
        [ANNOTATION_CLUSTER_STATUS]: status.state,
      },
      tags: [definition.role, definition.region].filter(
        (t): t is string => !!t,
      ),
    },
    spec: {
      type: 'kubernetes-cluster',
      owner: definition.owner ?? 'unknown',
      ...(definition.system ? { system: definition.system } : {}),
    },
  };
}

/**
 * Publishes every configured cluster to the catalog, and publishes again
 * when a cluster's sync state changes, so the catalog shows which clusters
 * are degraded.
 *
 * @public
 */
export class ClusterEntityProvider implements EntityProvider {
  private connection: EntityProviderConnection | undefined;
  private timer: NodeJS.Timeout | undefined;
  private lastPublished = '';

  constructor(
    private readonly clusterState: ClusterStateService,
    private readonly logger: LoggerService,
  ) {}

  getProviderName(): string {
    return 'cloud-native-platform-clusters';
  }

  async connect(connection: EntityProviderConnection): Promise<void> {
    this.connection = connection;
    this.clusterState.onChange(() => {
      clearTimeout(this.timer);
      this.timer = setTimeout(() => {
        this.publish().catch(error =>
          this.logger.warn(`could not publish cluster entities: ${error}`),
        );
      }, DEBOUNCE_MS);
      this.timer.unref?.();
    });
    await this.publish();
  }

  /** Sends the cluster entities to the catalog when they changed. */
  async publish(): Promise<void> {
    if (!this.connection) return;
    const entities = this.clusterState.clusters().map(clusterEntity);
    const serialized = JSON.stringify(entities);
    if (serialized === this.lastPublished) return;
    await this.connection.applyMutation({
      type: 'full',
      entities: entities.map(entity => ({ entity, locationKey: LOCATION })),
    });
    this.lastPublished = serialized;
    this.logger.info(`published ${entities.length} cluster entities`);
  }
}
