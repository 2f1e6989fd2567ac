import {
  AuthService,
  DiscoveryService,
  LoggerService,
} from '@backstage/backend-plugin-api';
import { ResponseError } from '@backstage/errors';
import { MaturityScopeType } from '@cloud-native-platform/plugin-platform-maturity-common';
import { MaturitySnapshot, MaturityStore } from '../database/MaturityStore';

/** The plugin that stored the snapshots before this one did. */
export const TOPOLOGY_SOURCE = 'cluster-topology';
/** The cluster-topology route that lists them, kept there for one release. */
export const LEGACY_SNAPSHOTS_PATH = '/legacy/maturity-snapshots';
const PAGE_SIZE = 1000;
const TIMEOUT_MS = 30_000;
const SCOPE_TYPES: MaturityScopeType[] = ['fleet', 'team', 'system', 'entity'];

interface LegacySnapshotPage {
  items: Array<{
    id: number;
    takenAt: string;
    scopeType: string;
    scopeKey: string;
    score: number;
    entities: number;
    drReady: number;
  }>;
  nextAfterId?: number;
}

function toSnapshot(
  item: LegacySnapshotPage['items'][number],
): MaturitySnapshot {
  const takenAt = new Date(item.takenAt);
  const numbers = [item.score, item.entities, item.drReady];
  if (
    Number.isNaN(takenAt.getTime()) ||
    !SCOPE_TYPES.includes(item.scopeType as MaturityScopeType) ||
    typeof item.scopeKey !== 'string' ||
    numbers.some(n => typeof n !== 'number' || !Number.isFinite(n))
  ) {
    throw new Error(
      `cluster-topology snapshot ${item.id} is malformed: ${JSON.stringify(
        item,
      )}`,
    );
  }
  return {
    takenAt,
    scopeType: item.scopeType as MaturityScopeType,
    scopeKey: item.scopeKey,
    score: item.score,
    entities: item.entities,
    drReady: item.drReady,
  };
}

/**
 * Copies the maturity snapshots the cluster-topology backend stored before
 * this plugin existed into this plugin's store, once: when they were
 * imported already it does nothing, and a cluster-topology backend without
 * the listing (404: not installed, or past the release that kept it)
 * counts as nothing to import. Other failures throw, so the next run of the
 * task tries again. Returns the snapshots imported by this call.
 */
export async function importTopologyHistory(options: {
  discovery: DiscoveryService;
  auth: AuthService;
  logger: LoggerService;
  store: MaturityStore;
}): Promise<number> {
  const { discovery, auth, logger, store } = options;
  if (await store.hasImported(TOPOLOGY_SOURCE)) return 0;

  const baseUrl = await discovery.getBaseUrl(TOPOLOGY_SOURCE);
  const { token } = await auth.getPluginRequestToken({
    onBehalfOf: await auth.getOwnServiceCredentials(),
    targetPluginId: TOPOLOGY_SOURCE,
  });
  const snapshots: MaturitySnapshot[] = [];
  let afterId: number | undefined = 0;
  while (afterId !== undefined) {
    const response = await fetch(
      `${baseUrl}${LEGACY_SNAPSHOTS_PATH}?afterId=${afterId}&limit=${PAGE_SIZE}`,
      {
        headers: { Authorization: `Bearer ${token}` },
        signal: AbortSignal.timeout(TIMEOUT_MS),
      },
    );
    if (response.status === 404) {
      logger.info(
        'cluster-topology lists no earlier maturity snapshots; nothing to import',
      );
      break;
    }
    if (!response.ok) throw await ResponseError.fromResponse(response);
    const page = (await response.json()) as LegacySnapshotPage;
    snapshots.push(...page.items.map(toSnapshot));
    afterId = page.nextAfterId;
  }
  const imported = await store.importSnapshots(TOPOLOGY_SOURCE, snapshots);
  if (!imported) return 0;
  logger.info(
    `imported ${snapshots.length} maturity snapshots from cluster-topology`,
  );
  return snapshots.length;
}
