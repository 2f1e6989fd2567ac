import type { BackstageCredentials } from '@backstage/backend-plugin-api';
import {
  Entity,
  RELATION_OWNED_BY,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { NotFoundError } from '@backstage/errors';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import { isKind } from '@cloud-native-platform/plugin-cloud-native-common';
import {
  ClusterStateService,
  resolveEntityWorkloads,
} from '@cloud-native-platform/plugin-cloud-native-node';
import type {
  SloObjective,
  SloObjectivesResponse,
  SloTrendResponse,
} from '@cloud-native-platform/plugin-slo-common';
import { MergedSlo, mergeDefinitions } from '../lib/mergeDefinitions';
import {
  readEntityAnnotation,
  serviceOfEntity,
} from '../lib/readEntityAnnotation';
import {
  isGeneratedSloRule,
  readGeneratedRule,
} from '../lib/readGeneratedRule';
import { readPyrraObjective } from '../lib/readPyrraObjective';
import { readSlothServiceLevel } from '../lib/readSlothServiceLevel';
import { SloDefinitionError, SloReadResult } from '../lib/SloDefinition';
import { evaluateSlo, FleetReader, sloTrend } from './SloEvaluator';

/** Objectives evaluated at once; each runs about a dozen queries per cluster. */
const EVALUATE_CONCURRENCY = 8;

/**
 * Options of {@link SloService}.
 *
 * @public
 */
export interface SloServiceOptions {
  clusterState: ClusterStateService;
  catalog: CatalogService;
  /** The instant SLOs are evaluated at; now unless given. */
  now?: () => Date;
}

/** The owning group, from the relation the catalog makes of `spec.owner`. */
function teamOf(entity: Entity): string | undefined {
  return entity.relations?.find(r => r.type === RELATION_OWNED_BY)?.targetRef;
}

/**
 * The SLOs of the fleet: definitions read from every cluster's Sloth,
 * Pyrra and generated PrometheusRule objects and from the catalog's
 * annotations, merged by service and name, evaluated against each
 * cluster's Prometheus.
 *
 * @public
 */
export class SloService {
  private readonly clusterState: ClusterStateService;
  private readonly catalog: CatalogService;
  private readonly now: () => Date;

  constructor(options: SloServiceOptions) {
    this.clusterState = options.clusterState;
    this.catalog = options.catalog;
    this.now = options.now ?? (() => new Date());
  }

  /** Every SLO object of every cluster, read from the shared cache. */
  private clusterDefinitions(): SloReadResult {
    const result: SloReadResult = { definitions: [], errors: [] };
    const add = (r: SloReadResult) => {
      result.definitions.push(...r.definitions);
      result.errors.push(...r.errors);
    };
    for (const handle of this.clusterState.clusters()) {
      const cluster = handle.definition.name;
      const { store } = handle;
      for (const o of store.list('PrometheusServiceLevel')) {
        if (isKind(o, 'PrometheusServiceLevel')) {
          add(readSlothServiceLevel(o, cluster));
        }
      }
      for (const o of store.list('ServiceLevelObjective')) {
        if (isKind(o, 'ServiceLevelObjective')) {
          add(readPyrraObjective(o, cluster));
        }
      }
      for (const o of store.list('PrometheusRule')) {
        if (isKind(o, 'PrometheusRule') && isGeneratedSloRule(o)) {
          add(readGeneratedRule(o, cluster));
        }
      }
    }
    return result;
  }

  /** Clusters where an entity's workloads run, for its annotation's SLOs. */
  private clustersOfEntity(entity: Entity): string[] {
    const found = resolveEntityWorkloads(entity, this.clusterState.clusters());
    return [...new Set(found.workloads.map(w => w.cluster))];
  }

  private async evaluate(
    entities: Entity[],
    cluster: SloReadResult,
    /** Whether an SLO (or an unreadable definition) of the entity, if any, is asked for. */
    keep: (entity: Entity | undefined) => boolean,
  ): Promise<SloObjectivesResponse> {
    const byService = new Map<string, Entity>();
    for (const entity of entities) {
      const service = serviceOfEntity(entity);
      if (!byService.has(service)) byService.set(service, entity);
      if (!byService.has(entity.metadata.name)) {
        byService.set(entity.metadata.name, entity);
      }
    }
    const entityOf = (d: { entityRef?: string; service?: string }) => {
      if (d.entityRef) {
        return entities.find(e => stringifyEntityRef(e) === d.entityRef);
      }
      return d.service === undefined ? undefined : byService.get(d.service);
    };
    const errors: SloDefinitionError[] = [...cluster.errors];
    const definitions = [...cluster.definitions];
    for (const entity of entities) {
      const annotation = readEntityAnnotation(entity);
      definitions.push(...annotation.definitions);
      errors.push(...annotation.errors);
    }
    const kept = definitions.filter(d => keep(entityOf(d)));
    const keptErrors = errors.filter(e => keep(entityOf(e)));
    const merged = mergeDefinitions(kept, d => {
      const entity = entityOf(d);
      return entity ? this.clustersOfEntity(entity) : [];
    });
    const fleet = new FleetReader(
      name => this.clusterState.cluster(name),
      this.now(),
    );
    const items: SloObjective[] = [];
    // A few objectives at a time, each a dozen queries per cluster.
    for (let i = 0; i < merged.length; i += EVALUATE_CONCURRENCY) {
      const batch = merged.slice(i, i + EVALUATE_CONCURRENCY);
      items.push(
        ...(await Promise.all(
          batch.map(slo => {
            const entity = entityOf(slo.definition);
            return evaluateSlo(slo, fleet, {
              entityRef: entity && stringifyEntityRef(entity),
              team: entity && teamOf(entity),
            });
          }),
        )),
      );
    }
    const response: SloObjectivesResponse['errors'] = [
      ...keptErrors.map(e => ({
        ...(e.cluster && { cluster: e.cluster }),
        definedIn: e.definedIn,
        message: e.message,
      })),
      ...merged.flatMap(slo => [
        ...slo.conflicts,
        ...(slo.targets.length === 0
          ? [
              {
                definedIn: slo.definition.definedIn,
                message: `no cluster runs ${slo.definition.service}'s workloads, so ${slo.definition.name} is evaluated nowhere`,
              },
            ]
          : []),
      ]),
      ...items.flatMap(item =>
        item.clusters
          .filter(c => c.error)
          .map(c => ({
            cluster: c.cluster,
            definedIn: item.definedIn,
            message: `${item.name}: ${c.error}`,
          })),
      ),
    ];
    return { items, ...(response.length && { errors: response }) };
  }

  /** Components with SLO annotations or owned by the team, as the caller may see them. */
  private async components(
    credentials: BackstageCredentials,
    filter: Record<string, string>,
  ): Promise<Entity[]> {
    const { items } = await this.catalog.getEntities(
      { filter: { kind: 'Component', ...filter } },
      { credentials },
    );
    return items;
  }

  /** The SLOs of one entity: its annotation's and those its clusters define for its service. */
  async forEntity(entity: Entity): Promise<SloObjectivesResponse> {
    const ref = stringifyEntityRef(entity);
    return this.evaluate(
      [entity],
      this.clusterDefinitions(),
      owner => owner !== undefined && stringifyEntityRef(owner) === ref,
    );
  }

  /** The SLOs of the components a team owns. */
  async forTeam(
    teamRef: string,
    credentials: BackstageCredentials,
  ): Promise<SloObjectivesResponse> {
    const owned = await this.components(credentials, {
      'relations.ownedBy': teamRef,
    });
    return this.evaluate(
      owned,
      this.clusterDefinitions(),
      owner => owner !== undefined,
    );
  }

  /** Every SLO of the fleet, with its entity where the catalog has one. */
  async all(credentials: BackstageCredentials): Promise<SloObjectivesResponse> {
    const entities = await this.components(credentials, {});
    return this.evaluate(entities, this.clusterDefinitions(), () => true);
  }

  /** The merged SLO `name` of an entity, or a 404. */
  private findSlo(entity: Entity, name: string): MergedSlo {
    const ref = stringifyEntityRef(entity);
    const service = serviceOfEntity(entity);
    const { definitions } = this.clusterDefinitions();
    const annotation = readEntityAnnotation(entity);
    const matching = [
      ...definitions.filter(
        d => d.service === service || d.service === entity.metadata.name,
      ),
      ...annotation.definitions,
    ].filter(d => d.name === name);
    const [slo] = mergeDefinitions(matching, () =>
      this.clustersOfEntity(entity),
    );
    if (!slo) {
      throw new NotFoundError(`${ref} has no SLO named '${name}'`);
    }
    return slo;
  }

  /** The budget trend of one SLO of an entity over its window. */
  async trend(
    entity: Entity,
    name: string,
    points: number,
  ): Promise<SloTrendResponse> {
    const slo = this.findSlo(entity, name);
    const fleet = new FleetReader(
      cluster => this.clusterState.cluster(cluster),
      this.now(),
    );
    const trend = await sloTrend(slo, fleet, points);
    return {
      name,
      entityRef: stringifyEntityRef(entity),
      window: slo.definition.window,
      points: trend.points,
      ...(trend.errors.length && { errors: trend.errors }),
    };
  }
}
