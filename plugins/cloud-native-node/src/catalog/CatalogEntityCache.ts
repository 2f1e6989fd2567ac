import {
  AuthService,
  BackstageCredentials,
  PermissionsService,
  coreServices,
  createServiceFactory,
  createServiceRef,
} from '@backstage/backend-plugin-api';
import {
  CompoundEntityRef,
  Entity,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { catalogEntityReadPermission } from '@backstage/plugin-catalog-common/alpha';
import {
  CatalogService,
  catalogServiceRef,
} from '@backstage/plugin-catalog-node';
import { AuthorizeResult } from '@backstage/plugin-permission-common';

/**
 * How long a cached entity is served without asking the catalog again, and
 * how long a stale one may still be served while it is fetched anew.
 *
 * @public
 */
export interface CatalogEntityCacheOptions {
  catalog: Pick<CatalogService, 'getEntityByRef'>;
  auth: Pick<AuthService, 'getOwnServiceCredentials'>;
  permissions: Pick<PermissionsService, 'authorize'>;
  /** An entry younger than this is served as it is (default 5 s). */
  freshMs?: number;
  /**
   * An entry younger than this, but no longer fresh, is served while a
   * refetch runs in the background; older ones are fetched before the
   * answer (default 5 min).
   */
  staleMs?: number;
  /** Entries kept; the least recently used go first (default 10,000). */
  maxEntries?: number;
  now?: () => number;
}

interface CacheEntry {
  entity: Entity | undefined;
  fetchedAt: number;
  refreshing?: Promise<Entity | undefined>;
}

/**
 * The catalog entities an entity view needs, kept in memory so a view does
 * no catalog round trip while nothing changed. Entities are fetched with
 * the plugin's own credentials; each caller's right to read the entity
 * (`catalog.entity.read`, with the policy's conditions) is still decided
 * per request, so a cached entity is never shown to whom the catalog would
 * not show it.
 *
 * The catalog publishes no event when an entity changes, so entries are
 * revalidated: served as they are for `freshMs`, then served once more
 * while a refetch runs (stale-while-revalidate) up to `staleMs`. A change
 * in the catalog therefore shows within `freshMs` plus one request.
 *
 * @public
 */
export class CatalogEntityCache {
  private readonly entries = new Map<string, CacheEntry>();
  private readonly freshMs: number;
  private readonly staleMs: number;
  private readonly maxEntries: number;
  private readonly now: () => number;

  constructor(private readonly options: CatalogEntityCacheOptions) {
    this.freshMs = options.freshMs ?? 5_000;
    this.staleMs = Math.max(options.staleMs ?? 300_000, this.freshMs);
    this.maxEntries = options.maxEntries ?? 10_000;
    this.now = options.now ?? Date.now;
  }

  /**
   * The entity, as `CatalogService.getEntityByRef` answers it for these
   * credentials: undefined when it does not exist or they may not read it.
   * A malformed ref throws the catalog model's error, as the catalog does.
   */
  async getEntityByRef(
    entityRef: string | CompoundEntityRef,
    options: { credentials: BackstageCredentials },
  ): Promise<Entity | undefined> {
    const ref = stringifyEntityRef(
      typeof entityRef === 'string' ? parseEntityRef(entityRef) : entityRef,
    ).toLocaleLowerCase('en-US');
    const [decision, entity] = await Promise.all([
      this.options.permissions.authorize(
        [{ permission: catalogEntityReadPermission, resourceRef: ref }],
        { credentials: options.credentials },
      ),
      this.lookUp(ref),
    ]);
    return decision[0].result === AuthorizeResult.ALLOW ? entity : undefined;
  }

  /** Forgets an entity, or every entity, so the next view fetches it. */
  invalidate(entityRef?: string) {
    if (entityRef === undefined) this.entries.clear();
    else this.entries.delete(entityRef.toLocaleLowerCase('en-US'));
  }

  private async lookUp(ref: string): Promise<Entity | undefined> {
    const entry = this.entries.get(ref);
    const age = entry ? this.now() - entry.fetchedAt : Infinity;
    if (entry && age < this.staleMs) {
      // Most recently used last, for the eviction below.
      this.entries.delete(ref);
      this.entries.set(ref, entry);
      if (age >= this.freshMs && !entry.refreshing) {
        entry.refreshing = this.fetch(ref).catch(() => {
          // The stale entry stays; the next request tries again.
          entry.refreshing = undefined;
          return entry.entity;
        });
      }
      return entry.entity;
    }
    if (entry?.refreshing) return entry.refreshing;
    return this.fetch(ref);
  }

  private async fetch(ref: string): Promise<Entity | undefined> {
    const pending: CacheEntry = this.entries.get(ref) ?? {
      entity: undefined,
      fetchedAt: -Infinity,
    };
    const fetching = (async () => {
      const entity = await this.options.catalog.getEntityByRef(ref, {
        credentials: await this.options.auth.getOwnServiceCredentials(),
      });
      this.entries.delete(ref);
      this.entries.set(ref, { entity, fetchedAt: this.now() });
      while (this.entries.size > this.maxEntries) {
        this.entries.delete(this.entries.keys().next().value!);
      }
      return entity;
    })();
    pending.refreshing = fetching;
    if (!this.entries.has(ref)) this.entries.set(ref, pending);
    try {
      return await fetching;
    } catch (error) {
      // Nothing is cached from a failed fetch.
      if (this.entries.get(ref) === pending && pending.fetchedAt < 0) {
        this.entries.delete(ref);
      }
      pending.refreshing = undefined;
      throw error;
    }
  }
}

/**
 * The plugin's {@link CatalogEntityCache}: one per plugin, over its own
 * catalog, auth and permissions services.
 *
 * @public
 */
export const catalogEntityCacheServiceRef =
  createServiceRef<CatalogEntityCache>({
    id: 'cloud-native-platform.catalog-entity-cache',
    scope: 'plugin',
    defaultFactory: async service =>
      createServiceFactory({
        service,
        deps: {
          catalog: catalogServiceRef,
          auth: coreServices.auth,
          permissions: coreServices.permissions,
        },
        factory: deps => new CatalogEntityCache(deps),
      }),
  });
