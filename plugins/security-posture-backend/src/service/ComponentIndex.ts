import { AuthService, LoggerService } from '@backstage/backend-plugin-api';
import {
  Entity,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  ANNOTATION_KUBERNETES_ID,
  templateMetadataOf,
} from '@cloud-native-platform/plugin-cloud-native-common';
import { KubeObject } from '@cloud-native-platform/plugin-cloud-native-node';

/** The catalog's components as the posture needs them. */
export interface ComponentSnapshot {
  components: Entity[];
  /** `backstage.io/kubernetes-id` value (or component name) → component. */
  byKubernetesId: Map<string, Entity>;
  /** Component entity ref → owner group ref, normalised. */
  ownerOf: Map<string, string>;
}

const FIELDS = [
  'kind',
  'metadata.name',
  'metadata.namespace',
  'metadata.annotations',
  'spec.owner',
];

/** The owner of an entity as a full reference; `trading-team` reads as a group. */
export function ownerRefOf(entity: Entity): string | undefined {
  const owner = (entity.spec as { owner?: unknown } | undefined)?.owner;
  if (typeof owner !== 'string' || owner === '') return undefined;
  try {
    return stringifyEntityRef(
      parseEntityRef(owner, {
        defaultKind: 'group',
        defaultNamespace: entity.metadata.namespace ?? 'default',
      }),
    );
  } catch {
    return undefined;
  }
}

/** The component label of a workload, on the object or on its pod template. */
export function kubernetesIdOf(object: KubeObject): string | undefined {
  return (
    object.metadata.labels?.[ANNOTATION_KUBERNETES_ID] ??
    templateMetadataOf(object)?.labels?.[ANNOTATION_KUBERNETES_ID]
  );
}

/**
 * The catalog's components, read with the plugin's own credentials and kept
 * briefly: the owning entity and team of every workload of a cluster report
 * is looked up here instead of one catalog query per workload.
 */
export class ComponentIndex {
  private snapshot: ComponentSnapshot | undefined;
  private loadedAt = 0;
  private loading: Promise<ComponentSnapshot> | undefined;

  constructor(
    private readonly options: {
      catalog: CatalogService;
      auth: AuthService;
      logger: LoggerService;
      ttlMs?: number;
    },
  ) {}

  async get(): Promise<ComponentSnapshot> {
    const ttl = this.options.ttlMs ?? 60_000;
    if (this.snapshot && Date.now() - this.loadedAt < ttl) {
      return this.snapshot;
    }
    if (!this.loading) {
      this.loading = this.load().finally(() => {
        this.loading = undefined;
      });
    }
    return this.loading;
  }

  private async load(): Promise<ComponentSnapshot> {
    try {
      const { items } = await this.options.catalog.getEntities(
        { filter: { kind: 'Component' }, fields: FIELDS },
        { credentials: await this.options.auth.getOwnServiceCredentials() },
      );
      const byKubernetesId = new Map<string, Entity>();
      const ownerOf = new Map<string, string>();
      // Names first, so that an explicit kubernetes-id annotation wins.
      for (const entity of items) {
        if (!byKubernetesId.has(entity.metadata.name)) {
          byKubernetesId.set(entity.metadata.name, entity);
        }
      }
      for (const entity of items) {
        const id = entity.metadata.annotations?.[ANNOTATION_KUBERNETES_ID];
        if (id) byKubernetesId.set(id, entity);
        const owner = ownerRefOf(entity);
        if (owner) ownerOf.set(stringifyEntityRef(entity), owner);
      }
      this.snapshot = { components: items, byKubernetesId, ownerOf };
      this.loadedAt = Date.now();
      return this.snapshot;
    } catch (error) {
      // Reports still work without the catalog: no entity exceptions, no teams.
      this.options.logger.warn(
        `catalog components could not be read for posture attribution: ${error}`,
      );
      return (
        this.snapshot ?? {
          components: [],
          byKubernetesId: new Map(),
          ownerOf: new Map(),
        }
      );
    }
  }
}
