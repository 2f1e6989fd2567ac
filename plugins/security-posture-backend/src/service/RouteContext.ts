import {
  BackstageCredentials,
  HttpAuthService,
  LoggerService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { NotFoundError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  ClusterHandle,
  ClusterStateService,
  entityWorkloadSelector,
} from '@cloud-native-platform/plugin-cloud-native-node';
import { PostureConfig } from '../config';
import { PostureStore } from '../database/PostureStore';
import { ComponentIndex, ownerRefOf } from './ComponentIndex';
import { PostureReporter } from './PostureReporter';
import { entityRefParam } from './entityRefParam';

/** What every route module is built from. */
export interface RouteContext {
  clusterState: ClusterStateService;
  catalog: CatalogService;
  /**
   * Where entity views read their entity: the plugin's
   * `CatalogEntityCache`; the catalog itself when not given.
   */
  entities?: Pick<CatalogService, 'getEntityByRef'>;
  httpAuth: HttpAuthService;
  permissions: PermissionsService;
  logger: LoggerService;
  store: PostureStore;
  config: PostureConfig;
  components: ComponentIndex;
  reporter: PostureReporter;
}

/** The catalog entity of an `entityRef` parameter, read as the caller. */
export async function entityOfParam(
  context: RouteContext,
  value: string,
  credentials: BackstageCredentials,
): Promise<Entity> {
  const ref = entityRefParam('entityRef', value, 'component');
  const entity = await (context.entities ?? context.catalog).getEntityByRef(
    ref,
    { credentials },
  );
  if (!entity) {
    throw new NotFoundError(
      `no entity ${stringifyEntityRef(ref)} in the catalog`,
    );
  }
  return entity;
}

/**
 * The group of a `team` parameter, read as the caller, with the components
 * it owns (`spec.owner`).
 */
export async function teamOfParam(
  context: RouteContext,
  value: string,
  credentials: BackstageCredentials,
): Promise<{ teamRef: string; components: Entity[] }> {
  const ref = entityRefParam('team', value, 'group');
  if (ref.kind.toLocaleLowerCase('en-US') !== 'group') {
    throw new NotFoundError(
      `team ${stringifyEntityRef(ref)} is not a group entity reference`,
    );
  }
  const team = await (context.entities ?? context.catalog).getEntityByRef(ref, {
    credentials,
  });
  if (!team) {
    throw new NotFoundError(
      `no team ${stringifyEntityRef(ref)} in the catalog`,
    );
  }
  const teamRef = stringifyEntityRef(team);
  const { components } = await context.components.get();
  return {
    teamRef,
    components: components.filter(c => ownerRefOf(c) === teamRef),
  };
}

/** The clusters an entity's workloads may run in: its annotation's, or all. */
export function clustersOfEntity(
  entity: Entity,
  clusters: ClusterHandle[],
): ClusterHandle[] {
  let named: string[] | undefined;
  try {
    named = entityWorkloadSelector(entity)?.clusters;
  } catch {
    named = undefined;
  }
  return named
    ? clusters.filter(c => named!.includes(c.definition.name))
    : clusters;
}
