import {
  AuthService,
  BackstageCredentials,
  DiscoveryService,
  LoggerService,
} from '@backstage/backend-plugin-api';
import type { HealingStats } from '@cloud-native-platform/plugin-healing-common';
import type { PostureReport } from '@cloud-native-platform/plugin-security-posture-common';
import type { SloObjectivesResponse } from '@cloud-native-platform/plugin-slo-common';

/** How long another plugin may take before its signal counts as unavailable. */
const TIMEOUT_MS = 5_000;
/** The window the measured MTTR is the median of. */
const MTTR_DAYS = 30;

/**
 * A figure another plugin of the suite measures, or why it could not be had.
 *
 * @public
 */
export type SignalAnswer<T> =
  | { value: T; unavailable?: undefined }
  | { value?: undefined; unavailable: string };

/**
 * What the maturity score reads from the other backends of the suite, with
 * the caller's credentials so their permissions apply.
 *
 * @public
 */
export interface PlatformSignals {
  /** The entity's score on its Security tab (GET /api/security-posture/report). */
  postureScore(
    entityRef: string,
    credentials: BackstageCredentials,
  ): Promise<SignalAnswer<number>>;
  /**
   * Median time healing took to recover the entity over the last 30 days
   * (GET /api/healing/stats); `value` is absent-with-reason when nothing healed.
   */
  medianMttrMs(
    entityRef: string,
    credentials: BackstageCredentials,
  ): Promise<SignalAnswer<number>>;
  /**
   * The entity's SLOs (GET /api/slo/objectives): how many, and which have
   * error-budget data. Optional: portals without the SLO backend leave the
   * monitoring term to the rules it reads from the clusters.
   */
  sloBudgets?(
    entityRef: string,
    credentials: BackstageCredentials,
  ): Promise<SignalAnswer<{ total: number; withBudget: string[] }>>;
}

/**
 * {@link PlatformSignals} over HTTP to the security-posture and healing
 * backends, found through discovery and called with on-behalf-of tokens.
 *
 * @public
 */
export class HttpPlatformSignals implements PlatformSignals {
  constructor(
    private readonly options: {
      discovery: DiscoveryService;
      auth: AuthService;
      logger: LoggerService;
    },
  ) {}

  async postureScore(
    entityRef: string,
    credentials: BackstageCredentials,
  ): Promise<SignalAnswer<number>> {
    const answer = await this.get<PostureReport>(
      'security-posture',
      `/report?entityRef=${encodeURIComponent(entityRef)}`,
      credentials,
    );
    if (answer.unavailable !== undefined) return answer;
    const report = answer.value;
    if (typeof report.score !== 'number') {
      return { unavailable: 'the security-posture report has no score' };
    }
    if (!report.resources?.length) {
      const denied = (report.clusters ?? []).filter(c => c.error);
      return {
        unavailable:
          denied.length > 0
            ? `no workload could be scored (${denied
                .map(c => `${c.cluster}: ${c.error}`)
                .join(', ')})`
            : 'the security-posture report scored no workload',
      };
    }
    return { value: report.score };
  }

  async medianMttrMs(
    entityRef: string,
    credentials: BackstageCredentials,
  ): Promise<SignalAnswer<number>> {
    const answer = await this.get<HealingStats>(
      'healing',
      `/stats?entityRef=${encodeURIComponent(entityRef)}&days=${MTTR_DAYS}`,
      credentials,
    );
    if (answer.unavailable !== undefined) return answer;
    const seconds = answer.value.medianMttrSeconds;
    if (typeof seconds !== 'number') {
      return { unavailable: `nothing healed in the last ${MTTR_DAYS} days` };
    }
    return { value: seconds * 1000 };
  }

  async sloBudgets(
    entityRef: string,
    credentials: BackstageCredentials,
  ): Promise<SignalAnswer<{ total: number; withBudget: string[] }>> {
    const answer = await this.get<SloObjectivesResponse>(
      'slo',
      `/objectives?entityRef=${encodeURIComponent(entityRef)}`,
      credentials,
    );
    if (answer.unavailable !== undefined) return answer;
    const items = answer.value.items ?? [];
    return {
      value: {
        total: items.length,
        withBudget: items
          .filter(slo => typeof slo.errorBudgetRemaining === 'number')
          .map(slo => slo.name),
      },
    };
  }

  private async get<T>(
    pluginId: string,
    path: string,
    credentials: BackstageCredentials,
  ): Promise<SignalAnswer<T>> {
    const { discovery, auth, logger } = this.options;
    try {
      const [baseUrl, { token }] = await Promise.all([
        discovery.getBaseUrl(pluginId),
        auth.getPluginRequestToken({
          onBehalfOf: credentials,
          targetPluginId: pluginId,
        }),
      ]);
      const response = await fetch(`${baseUrl}${path}`, {
        headers: { Authorization: `Bearer ${token}` },
        signal: AbortSignal.timeout(TIMEOUT_MS),
      });
      if (!response.ok) {
        // 404 on the plugin's path: the plugin is not installed.
        return {
          unavailable: `the ${pluginId} backend answered HTTP ${response.status}`,
        };
      }
      return { value: (await response.json()) as T };
    } catch (error) {
      logger.debug(`maturity could not read ${pluginId}${path}: ${error}`);
      return {
        unavailable: `the ${pluginId} backend could not be reached (${
          (error as Error).name
        })`,
      };
    }
  }
}
