import { AuthService } from '@backstage/backend-plugin-api';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { ANNOTATION_HEALING_MODE } from '@cloud-native-platform/plugin-cloud-native-common';
import { EntityHealingMode } from '@cloud-native-platform/plugin-healing-common';

/** How long an entity's annotation is trusted before it is read again. */
const TTL_MS = 60_000;
const MODES = new Set(['enforce', 'dry-run', 'disabled']);

/**
 * The `cloud-native-platform.io/healing-mode` annotation of alert targets'
 * catalog entities, read with the plugin's own credentials and kept for a
 * minute. When the catalog cannot be read the last value read stands; an
 * entity never read comes back `unknown`, which the pipeline treats as a
 * dry run (see `capPolicyByEntity`).
 */
export class EntityHealingModes {
  private readonly cache = new Map<
    string,
    { value: EntityHealingMode; at: number }
  >();

  constructor(
    private readonly options: {
      catalog: CatalogService;
      auth: AuthService;
      clock?: () => number;
      ttlMs?: number;
    },
  ) {}

  async of(entityRef: string): Promise<EntityHealingMode> {
    const now = (this.options.clock ?? Date.now)();
    const cached = this.cache.get(entityRef);
    if (cached && now - cached.at < (this.options.ttlMs ?? TTL_MS)) {
      return cached.value;
    }
    let value: EntityHealingMode;
    try {
      const entity = await this.options.catalog.getEntityByRef(entityRef, {
        credentials: await this.options.auth.getOwnServiceCredentials(),
      });
      const mode = entity?.metadata.annotations?.[ANNOTATION_HEALING_MODE];
      if (mode === undefined) value = { entityRef };
      else if (MODES.has(mode))
        value = { entityRef, mode: mode as EntityHealingMode['mode'] };
      // The catalog processor rejects other values; one that got in anyway
      // is not trusted to allow more than a dry run.
      else value = { entityRef, unknown: `unknown healing-mode '${mode}'` };
    } catch (error) {
      if (cached) return cached.value;
      return {
        entityRef,
        unknown: `the catalog could not be read: ${(error as Error).message}`,
      };
    }
    this.cache.set(entityRef, { value, at: now });
    return value;
  }
}
