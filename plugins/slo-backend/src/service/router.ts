import {
  BackstageCredentials,
  HttpAuthService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { createValidatedOpenApiRouter } from '@backstage/backend-openapi-utils';
import {
  Entity,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { InputError, NotAllowedError, NotFoundError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  openApiErrorHandler,
  wholeNumberQueryParams,
} from '@cloud-native-platform/plugin-cloud-native-node';
import {
  SloObjectivesResponse,
  sloReadPermission,
} from '@cloud-native-platform/plugin-slo-common';
import express from 'express';
import Router from 'express-promise-router';
import { spec } from '../schema/openapi';
import { SloService } from './SloService';

const DEFAULT_TREND_POINTS = 60;

/**
 * Options of {@link createRouter}.
 *
 * @public
 */
export interface RouterOptions {
  httpAuth: HttpAuthService;
  /** Decides slo.read for every request. */
  permissions: PermissionsService;
  catalog: CatalogService;
  /**
   * Where entity views read their entity: the plugin's
   * `CatalogEntityCache`; the catalog itself when not given.
   */
  entities?: Pick<CatalogService, 'getEntityByRef'>;
  slos: SloService;
}

/** The entity a parameter names, or a 400 for a malformed or wrong-kind reference, or a 404. */
async function entityOf(
  catalog: Pick<CatalogService, 'getEntityByRef'>,
  credentials: BackstageCredentials,
  name: string,
  value: string,
  kind: 'component' | 'group',
): Promise<Entity> {
  let ref;
  try {
    ref = parseEntityRef(value, { defaultKind: kind });
  } catch (error) {
    throw new InputError(
      `${name} '${value}' is not an entity reference: ${
        (error as Error).message
      }`,
    );
  }
  const refKind = ref.kind.toLocaleLowerCase('en-US');
  if (kind === 'group' && refKind !== 'group' && refKind !== 'user') {
    throw new InputError(
      `${name} must name a group or user entity, got '${value}'`,
    );
  }
  const entity = await catalog.getEntityByRef(ref, { credentials });
  if (!entity) {
    throw new NotFoundError(
      `no ${kind === 'group' ? 'team' : 'entity'} ${stringifyEntityRef(
        ref,
      )} in the catalog`,
    );
  }
  return entity;
}

/**
 * The SLO HTTP API: `GET /objectives` and `GET /trend`, each behind
 * `slo.read`.
 *
 * @public
 */
export async function createRouter(
  options: RouterOptions,
): Promise<express.Router> {
  const { httpAuth, permissions, slos } = options;
  const catalog = options.entities ?? options.catalog;
  const router = Router();
  // The permission is decided before the parameters are read: a caller
  // without it learns nothing, not even that the query is malformed.
  router.get(Object.keys(spec.paths), async (req, _res, next) => {
    const [decision] = await permissions.authorize(
      [{ permission: sloReadPermission }],
      { credentials: await httpAuth.credentials(req) },
    );
    if (decision.result !== AuthorizeResult.ALLOW) {
      throw new NotAllowedError(
        `reading SLOs needs the ${sloReadPermission.name} permission`,
      );
    }
    next();
  });
  const api = createValidatedOpenApiRouter<typeof spec>(spec, {
    middleware: [wholeNumberQueryParams(spec)],
  });
  router.use(api);

  api.get('/objectives', async (req, res) => {
    const credentials = await httpAuth.credentials(req);
    const { entityRef, team } = req.query;
    if (entityRef !== undefined && team !== undefined) {
      throw new InputError(
        'give at most one of the query parameters entityRef or team; neither lists every SLO',
      );
    }
    let body: SloObjectivesResponse;
    if (entityRef !== undefined) {
      const entity = await entityOf(
        catalog,
        credentials,
        'entityRef',
        entityRef,
        'component',
      );
      body = await slos.forEntity(entity);
    } else if (team !== undefined) {
      const group = await entityOf(catalog, credentials, 'team', team, 'group');
      body = await slos.forTeam(stringifyEntityRef(group), credentials);
    } else {
      body = await slos.all(credentials);
    }
    res.json(body);
  });

  api.get('/trend', async (req, res) => {
    const credentials = await httpAuth.credentials(req);
    const { entityRef, name, points = DEFAULT_TREND_POINTS } = req.query;
    const entity = await entityOf(
      catalog,
      credentials,
      'entityRef',
      entityRef,
      'component',
    );
    res.json(await slos.trend(entity, name, points));
  });

  api.use(openApiErrorHandler());
  return router;
}
