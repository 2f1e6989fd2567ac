import {
  BackstageCredentials,
  HttpAuthService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import { InputError, NotAllowedError, NotFoundError } from '@backstage/errors';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  AUTOMATION_FACTORS,
  COMPONENT_WEIGHTS,
  INTEGRATION_SHARES,
  rollUpMaturity,
  SECURITY_WEIGHT,
} from '../assessment';
import {
  MaturityHistory,
  MaturityLeaderboard,
  MaturityScopeType,
  platformMaturityReadPermission,
} from '@cloud-native-platform/plugin-platform-maturity-common';
import { createValidatedOpenApiRouter } from '@backstage/backend-openapi-utils';
import {
  openApiErrorHandler,
  wholeNumberQueryParams,
} from '@cloud-native-platform/plugin-cloud-native-node';
import express from 'express';
import Router from 'express-promise-router';
import { MaturityStore } from '../database/MaturityStore';
import { spec } from '../schema/openapi';
import { ExpiringCache } from './ExpiringCache';
import { mapLimit } from './mapLimit';
import { MaturityAssessor } from './MaturityAssessor';

const ASSESS_CONCURRENCY = 8;
const DEFAULT_HISTORY_DAYS = 30;
const DAY_MS = 86_400_000;
/** How long a caller's leaderboard is served before it is assessed again. */
const LEADERBOARD_TTL_MS = 60_000;
/** Callers whose leaderboard is held at once. */
const LEADERBOARD_CALLERS = 500;

/** The formula and its weights, served with every answer so the UI can show them. */
const FORMULA = {
  text: 'score = Σ weight × integration × automation factor (mesh, monitoring, scaling, healing) + posture score × securityWeight / 100',
  componentWeights: COMPONENT_WEIGHTS,
  securityWeight: SECURITY_WEIGHT,
  automationFactors: AUTOMATION_FACTORS,
  integrationShares: INTEGRATION_SHARES,
};

function parseRef(value: string, name: string, defaultKind: string) {
  try {
    return parseEntityRef(value, { defaultKind });
  } catch (error) {
    throw new InputError(
      `${name} '${value}' is not an entity reference: ${
        (error as Error).message
      }`,
    );
  }
}

/**
 * Whose leaderboard a request gets. Every part of it is read with the
 * caller's credentials (the catalog entities they may see, the posture of
 * the clusters they may read, on behalf of them), so callers never share one.
 */
function callerKey(credentials: BackstageCredentials): string {
  const principal = credentials.principal as
    | { type: 'user'; userEntityRef: string }
    | { type: 'service'; subject: string }
    | { type: 'none' };
  if (principal.type === 'user') return principal.userEntityRef;
  if (principal.type === 'service') return `service:${principal.subject}`;
  return 'none';
}

/**
 * Options of {@link createRouter}.
 *
 * @public
 */
export interface RouterOptions {
  catalog: CatalogService;
  /**
   * Where entity views read their entity: the plugin's
   * `CatalogEntityCache`; the catalog itself when not given.
   */
  entities?: Pick<CatalogService, 'getEntityByRef'>;
  httpAuth: HttpAuthService;
  /** Decides platform-maturity.read for every request. */
  permissions: PermissionsService;
  assessor: MaturityAssessor;
  /** Snapshots for GET /history; without, the history is empty. */
  store?: MaturityStore;
  /** Milliseconds since the epoch, for the leaderboard's age; Date.now unless given. */
  now?: () => number;
}

/**
 * The platform-maturity HTTP API: `GET /` (one entity or team), `GET
 * /leaderboard` and `GET /history`, each behind `platform-maturity.read`.
 *
 * @public
 */
export async function createRouter(
  options: RouterOptions,
): Promise<express.Router> {
  const { catalog, httpAuth, permissions, assessor, store } = options;
  const entities = options.entities ?? catalog;
  const now = options.now ?? Date.now;
  const router = Router();
  // The permission is decided before the parameters are read: a caller
  // without it learns nothing, not even that the query is malformed.
  router.get(Object.keys(spec.paths), async (req, _res, next) => {
    const [decision] = await permissions.authorize(
      [{ permission: platformMaturityReadPermission }],
      { credentials: await httpAuth.credentials(req) },
    );
    if (decision.result !== AuthorizeResult.ALLOW) {
      throw new NotAllowedError(
        `reading platform maturity needs the ${platformMaturityReadPermission.name} permission`,
      );
    }
    next();
  });
  const api = createValidatedOpenApiRouter<typeof spec>(spec, {
    middleware: [wholeNumberQueryParams(spec)],
  });
  router.use(api);

  const leaderboards = new ExpiringCache<MaturityLeaderboard>({
    ttlMs: LEADERBOARD_TTL_MS,
    maxEntries: LEADERBOARD_CALLERS,
    now,
  });

  async function components(
    credentials: BackstageCredentials,
    filter: Record<string, string>,
  ) {
    const { items } = await catalog.getEntities(
      { filter: { kind: 'Component', ...filter } },
      { credentials },
    );
    // Each assessment asks the posture and healing backends: a few at a time.
    return mapLimit(items, ASSESS_CONCURRENCY, e =>
      assessor.assess(e, credentials),
    );
  }

  /** The catalog entity a history scope parameter names, or a 404. */
  async function scopeEntity(
    credentials: BackstageCredentials,
    name: string,
    value: string,
    defaultKind: string,
  ): Promise<string> {
    const ref = parseRef(value, name, defaultKind);
    const kind = ref.kind.toLocaleLowerCase('en-US');
    // A component may be owned by a user as well as by a group.
    if (kind !== defaultKind && !(defaultKind === 'group' && kind === 'user')) {
      throw new InputError(
        `${name} must name a ${
          defaultKind === 'group' ? 'group or user' : defaultKind
        } entity, got '${value}'`,
      );
    }
    const entity = await entities.getEntityByRef(ref, { credentials });
    if (!entity) {
      throw new NotFoundError(
        `no ${kind} ${stringifyEntityRef(ref)} in the catalog`,
      );
    }
    return stringifyEntityRef(entity);
  }

  api.get('/history', async (req, res) => {
    const credentials = await httpAuth.credentials(req);
    const { entityRef, team, system, days = DEFAULT_HISTORY_DAYS } = req.query;
    const scopes = (
      [
        ['entityRef', entityRef, 'entity', 'component'],
        ['team', team, 'team', 'group'],
        ['system', system, 'system', 'system'],
      ] as const
    ).filter(([, value]) => value !== undefined);
    if (scopes.length > 1) {
      throw new InputError(
        'give at most one of the query parameters entityRef, team or system; none means the fleet',
      );
    }
    const [scope] = scopes;
    const type: MaturityScopeType = scope?.[2] ?? 'fleet';
    const key = scope
      ? await scopeEntity(credentials, scope[0], scope[1]!, scope[3])
      : '';
    const since = new Date(Date.now() - days * DAY_MS);
    const snapshots = store
      ? await store.listSnapshots({ scopeType: type, scopeKey: key, since })
      : [];
    const body: MaturityHistory = {
      scope: { type, key },
      days,
      points: snapshots.map(s => ({
        takenAt: s.takenAt.toISOString(),
        score: s.score,
        entities: s.entities,
        drReady: s.drReady,
      })),
    };
    res.json(body);
  });

  api.get('/', async (req, res) => {
    const credentials = await httpAuth.credentials(req);
    const { entityRef, team } = req.query;
    if ((entityRef === undefined) === (team === undefined)) {
      throw new InputError(
        'give exactly one of the query parameters entityRef or team, for example entityRef=component:default/trading-engine',
      );
    }
    if (entityRef !== undefined) {
      const ref = parseRef(entityRef, 'entityRef', 'component');
      const entity = await entities.getEntityByRef(ref, { credentials });
      if (!entity) {
        throw new NotFoundError(
          `no entity ${stringifyEntityRef(ref)} in the catalog`,
        );
      }
      const result = await assessor.assess(entity, credentials);
      res.json({
        entityRef: result.entityRef,
        owner: result.owner,
        system: result.system,
        ...result.maturity,
        dr: result.dr,
        formula: FORMULA,
      });
      return;
    }
    const ref = parseRef(team!, 'team', 'group');
    const group = await entities.getEntityByRef(ref, { credentials });
    if (!group) {
      throw new NotFoundError(
        `no team ${stringifyEntityRef(ref)} in the catalog`,
      );
    }
    const teamRef = stringifyEntityRef(group);
    const members = await components(credentials, {
      'relations.ownedBy': teamRef,
    });
    const scores = members.map(m => ({
      ...m.maturity,
      entityRef: m.entityRef,
    }));
    const [summary] = rollUpMaturity(scores, () => teamRef);
    res.json({
      team: teamRef,
      score: summary?.score ?? 0,
      entities: members.map(m => ({
        entityRef: m.entityRef,
        system: m.system,
        score: m.maturity.score,
        deployed: m.maturity.deployed,
        terms: m.maturity.terms,
        dr: m.dr.status,
      })),
      findings: members.flatMap(m =>
        m.maturity.findings.map(f => ({ ...f, entityRef: m.entityRef })),
      ),
      formula: FORMULA,
    });
  });

  async function leaderboard(
    credentials: BackstageCredentials,
  ): Promise<MaturityLeaderboard> {
    const generatedAt = new Date(now()).toISOString();
    const all = await components(credentials, {});
    const scores = all.map(m => ({
      entityRef: m.entityRef,
      owner: m.owner,
      system: m.system,
      score: m.maturity.score,
      deployed: m.maturity.deployed,
      dr: m.dr.status,
    }));
    const [fleet] = rollUpMaturity(scores, () => 'fleet');
    return {
      generatedAt,
      fleet: fleet ?? { name: 'fleet', score: 0, entities: 0, notDeployed: 0 },
      teams: rollUpMaturity(scores, s => s.owner),
      systems: rollUpMaturity(scores, s => s.system),
      entities: [...scores].sort((a, b) => b.score - a.score),
      formula: FORMULA,
    };
  }

  // Every component is assessed, each asking two other backends: the
  // answer is kept for a minute per caller, and generatedAt says its age.
  api.get('/leaderboard', async (req, res) => {
    const credentials = await httpAuth.credentials(req);
    res.json(
      await leaderboards.get(callerKey(credentials), () =>
        leaderboard(credentials),
      ),
    );
  });

  api.use(openApiErrorHandler());
  return router;
}
