import { HttpAuthService } from '@backstage/backend-plugin-api';
import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import { InputError, NotFoundError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  AUTOMATION_FACTORS,
  COMPONENT_WEIGHTS,
  INTEGRATION_SHARES,
  rollUpMaturity,
  SECURITY_WEIGHT,
} from '@cloud-native-platform/plugin-cloud-native-node';
import express from 'express';
import { MaturityAssessor } from './MaturityAssessor';

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

function singleParam(req: express.Request, name: string): string | undefined {
  const value = req.query[name];
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || value === '') {
    throw new InputError(
      `query parameter ${name} must be given once, not empty`,
    );
  }
  return value;
}

/** Adds GET /maturity and GET /maturity/leaderboard to the router. */
export function addMaturityRoutes(
  router: express.Router,
  options: {
    catalog: CatalogService;
    httpAuth: HttpAuthService;
    assessor: MaturityAssessor;
  },
) {
  const { catalog, httpAuth, assessor } = options;

  async function components(credentials: any, filter: Record<string, string>) {
    const { items } = await catalog.getEntities(
      { filter: { kind: 'Component', ...filter } },
      { credentials },
    );
    return Promise.all(items.map(e => assessor.assess(e, credentials)));
  }

  router.get('/maturity', async (req, res) => {
    const entityRef = singleParam(req, 'entityRef');
    const team = singleParam(req, 'team');
    if ((entityRef === undefined) === (team === undefined)) {
      throw new InputError(
        'give exactly one of the query parameters entityRef or team, for example entityRef=component:default/trading-engine',
      );
    }
    const credentials = await httpAuth.credentials(req);
    if (entityRef !== undefined) {
      const ref = parseRef(entityRef, 'entityRef', 'component');
      const entity = await catalog.getEntityByRef(ref, { credentials });
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
    const group = await catalog.getEntityByRef(ref, { credentials });
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

  router.get('/maturity/leaderboard', async (req, res) => {
    const credentials = await httpAuth.credentials(req);
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
    res.json({
      generatedAt: new Date().toISOString(),
      fleet: fleet ?? { name: 'fleet', score: 0, entities: 0, notDeployed: 0 },
      teams: rollUpMaturity(scores, s => s.owner),
      systems: rollUpMaturity(scores, s => s.system),
      entities: [...scores].sort((a, b) => b.score - a.score),
      formula: FORMULA,
    });
  });
}
