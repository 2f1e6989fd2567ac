import { NotFoundError } from '@backstage/errors';
import type {
  EntityMaturityResponse,
  MaturityHistory,
  MaturityHistoryScope,
  MaturityLeaderboard,
  PlatformMaturityApi,
  TeamMaturityResponse,
} from '../src/api';
import {
  docsSiteMaturity,
  maturityLeaderboard,
  tradingEngineMaturity,
} from '../src/testing/maturityFixtures';

const HOUR_MS = 3_600_000;

/**
 * Answers the dev app from the test fixtures, so the page and the card can
 * be worked on without a backend: entities and teams as the fixtures
 * describe them, and a history that climbs to each scope's current score.
 */
export class FixturePlatformMaturityApi implements PlatformMaturityApi {
  private readonly entities: EntityMaturityResponse[] = [
    tradingEngineMaturity,
    docsSiteMaturity,
  ];

  getMaturity(query: { entityRef: string }): Promise<EntityMaturityResponse>;
  getMaturity(query: { team: string }): Promise<TeamMaturityResponse>;
  async getMaturity(
    query: { entityRef: string } | { team: string },
  ): Promise<EntityMaturityResponse | TeamMaturityResponse> {
    if ('entityRef' in query) {
      const entity = this.entities.find(e => e.entityRef === query.entityRef);
      if (!entity) {
        throw new NotFoundError(`no entity ${query.entityRef} in the fixtures`);
      }
      return entity;
    }
    const team = maturityLeaderboard.teams.find(t => t.name === query.team);
    if (!team) {
      throw new NotFoundError(`no team ${query.team} in the fixtures`);
    }
    const owned = this.entities.filter(e => e.owner === query.team);
    return {
      team: query.team,
      score: team.score,
      entities: owned.map(e => ({
        entityRef: e.entityRef,
        system: e.system,
        score: e.score,
        deployed: e.deployed,
        terms: e.terms,
        dr: e.dr.status,
      })),
      findings: owned.flatMap(e =>
        e.findings.map(f => ({ ...f, entityRef: e.entityRef })),
      ),
      formula: maturityLeaderboard.formula,
    };
  }

  async getLeaderboard(): Promise<MaturityLeaderboard> {
    return maturityLeaderboard;
  }

  async getHistory(
    scope?: MaturityHistoryScope,
    options?: { days?: number },
  ): Promise<MaturityHistory> {
    const days = options?.days ?? 30;
    const { type, key, score, entities } = this.current(scope);
    const count = days * 24;
    const now = Date.now() - (Date.now() % HOUR_MS);
    // Ten points below today's score a window ago, rising by the hour.
    const points = Array.from({ length: count }, (_, i) => ({
      takenAt: new Date(now - (count - 1 - i) * HOUR_MS).toISOString(),
      score: Math.max(
        0,
        Math.round((score - 10 * (1 - i / (count - 1 || 1))) * 10) / 10,
      ),
      entities,
      drReady: 0,
    }));
    return { scope: { type, key }, days, points };
  }

  private current(scope?: MaturityHistoryScope) {
    if (!scope) {
      const { score, entities } = maturityLeaderboard.fleet;
      return { type: 'fleet' as const, key: '', score, entities };
    }
    if ('entityRef' in scope) {
      const entity = maturityLeaderboard.entities.find(
        e => e.entityRef === scope.entityRef,
      );
      if (!entity) {
        throw new NotFoundError(`no entity ${scope.entityRef} in the fixtures`);
      }
      return {
        type: 'entity' as const,
        key: scope.entityRef,
        score: entity.score,
        entities: 1,
      };
    }
    const [type, key, groups] =
      'team' in scope
        ? (['team', scope.team, maturityLeaderboard.teams] as const)
        : (['system', scope.system, maturityLeaderboard.systems] as const);
    const group = groups.find(g => g.name === key);
    if (!group) {
      throw new NotFoundError(`no ${type} ${key} in the fixtures`);
    }
    return { type, key, score: group.score, entities: group.entities };
  }
}
