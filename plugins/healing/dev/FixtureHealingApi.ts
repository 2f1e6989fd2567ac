import { ConflictError, InputError, NotFoundError } from '@backstage/errors';
import type {
  HealingAttempt,
  HealingAttemptList,
  HealingEngineStatus,
  HealingStats,
  HealingTarget,
} from '@cloud-native-platform/plugin-healing-common';
import type {
  PodLogs,
  PodLogsQuery,
} from '@cloud-native-platform/plugin-cluster-topology-common';
import type { HealingApi, HealingAttemptQuery } from '../src/api';
import {
  allAttempts,
  engineStatus,
  fleetStats,
  riskServiceStats,
} from '../src/testing/fixtures';

// The fields of an attempt the backend filters on, by query key.
const FILTERS: Record<
  Exclude<keyof HealingAttemptQuery, 'since' | 'limit'>,
  (a: HealingAttempt) => string | undefined
> = {
  entityRef: a => a.target.entityRef,
  cluster: a => a.cluster,
  namespace: a => a.target.namespace,
  action: a => a.action,
  status: a => a.status,
  mode: a => a.mode,
  kind: a => a.kind,
};

/**
 * The healing API of the dev app: the test fixtures, filtered, decided and
 * switched in memory as the backend would, so that every view of the plugin
 * can be tried without a backend.
 */
export class FixtureHealingApi implements HealingApi {
  private attempts = allAttempts.items.map(a => ({ ...a }));
  private status: HealingEngineStatus = { ...engineStatus };

  async listAttempts(
    query: HealingAttemptQuery = {},
  ): Promise<HealingAttemptList> {
    if (query.namespace && !query.cluster) {
      throw new InputError('namespace needs a cluster parameter');
    }
    const since = query.since ? Date.parse(query.since) : undefined;
    const items = this.attempts
      .filter(a =>
        Object.entries(FILTERS).every(([key, field]) => {
          const wanted = query[key as keyof typeof FILTERS];
          return !wanted || field(a) === wanted;
        }),
      )
      .filter(a => since === undefined || Date.parse(a.createdAt) >= since)
      .sort((a, b) => b.createdAt.localeCompare(a.createdAt));
    return {
      items: query.limit ? items.slice(0, query.limit) : items,
      total: items.length,
    };
  }

  async getAttempt(id: string): Promise<HealingAttempt> {
    const attempt = this.attempts.find(a => a.id === id);
    if (!attempt) {
      throw new NotFoundError(`no attempt ${id}`);
    }
    return attempt;
  }

  // The backend stores no comment with a decision, so neither does this.
  approveAttempt(id: string): Promise<HealingAttempt> {
    return this.decide(id, 'approved');
  }

  rejectAttempt(id: string): Promise<HealingAttempt> {
    return this.decide(id, 'rejected');
  }

  async getStats(
    query: Omit<HealingAttemptQuery, 'since' | 'limit'> = {},
  ): Promise<HealingStats> {
    // The fixtures hold the fleet's days and those of one component.
    return query.entityRef ? riskServiceStats : fleetStats;
  }

  async getStatus(): Promise<HealingEngineStatus> {
    const pendingApprovals = this.attempts.filter(
      a => a.status === 'pending-approval',
    ).length;
    return { ...this.status, pendingApprovals };
  }

  async setKillSwitch(enabled: boolean): Promise<HealingEngineStatus> {
    this.status = {
      ...this.status,
      killSwitch: enabled,
      killSwitchBy: enabled ? 'user:development/guest' : undefined,
    };
    return this.getStatus();
  }

  async listTargetPods(target: HealingTarget): Promise<string[]> {
    return target.namespace ? [`${target.name}-0`, `${target.name}-1`] : [];
  }

  // A line every 30 s of the window, so the view has something to search.
  async getPodLogs(query: PodLogsQuery): Promise<PodLogs> {
    const end = Date.parse(query.end ?? new Date().toISOString());
    const start = query.start ? Date.parse(query.start) : end - 600_000;
    const lines = [];
    for (let t = start; t < end; t += 30_000) {
      lines.push({
        timestamp: new Date(t).toISOString(),
        text: `${query.pod} ${
          t % 120_000 ? 'GET /quote 200' : 'Timeout talking to pricing'
        }`,
      });
    }
    return { source: 'loki', truncated: false, lines };
  }

  private async decide(
    id: string,
    status: 'approved' | 'rejected',
  ): Promise<HealingAttempt> {
    const attempt = await this.getAttempt(id);
    if (attempt.status !== 'pending-approval') {
      throw new ConflictError(`attempt ${id} is ${attempt.status}`);
    }
    const updated: HealingAttempt = {
      ...attempt,
      status,
      decidedBy: 'user:development/guest',
    };
    this.attempts = this.attempts.map(a => (a.id === id ? updated : a));
    return updated;
  }
}
