import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import {
  catalogEntityCacheServiceRef,
  clusterStateServiceRef,
  createRateLimitRouter,
  redactingLogger,
} from '@cloud-native-platform/plugin-cloud-native-node';
import {
  HealingPolicy,
  readHealingPolicies,
} from '@cloud-native-platform/plugin-healing-common';
import { platformMaturityPermissions } from '@cloud-native-platform/plugin-platform-maturity-common';
import { readMaturityConfig } from './config';
import { KnexMaturityStore } from './database/KnexMaturityStore';
import { importTopologyHistory } from './service/importTopologyHistory';
import { MaturityAssessor } from './service/MaturityAssessor';
import { takeMaturitySnapshots } from './service/MaturitySnapshotTask';
import { HttpPlatformSignals } from './service/PlatformSignals';
import { createRouter } from './service/router';

/**
 * The platform-maturity backend plugin: maturity scores, DR readiness, the
 * leaderboard and the trend, under `/api/platform-maturity`.
 *
 * @public
 */
export const platformMaturityPlugin = createBackendPlugin({
  pluginId: 'platform-maturity',
  register(env) {
    env.registerInit({
      deps: {
        httpRouter: coreServices.httpRouter,
        httpAuth: coreServices.httpAuth,
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        scheduler: coreServices.scheduler,
        database: coreServices.database,
        auth: coreServices.auth,
        discovery: coreServices.discovery,
        permissions: coreServices.permissions,
        permissionsRegistry: coreServices.permissionsRegistry,
        catalog: catalogServiceRef,
        entities: catalogEntityCacheServiceRef,
        clusterState: clusterStateServiceRef,
      },
      async init({
        httpRouter,
        httpAuth,
        config,
        logger: pluginLogger,
        scheduler,
        database,
        auth,
        discovery,
        permissions,
        permissionsRegistry,
        catalog,
        entities,
        clusterState,
      }) {
        // Findings quote workload names and other plugins' errors.
        const logger = redactingLogger(pluginLogger);
        permissionsRegistry.addPermissions(platformMaturityPermissions);
        const maturityConfig = readMaturityConfig(config);
        let healingPolicies: HealingPolicy[];
        try {
          healingPolicies = readHealingPolicies(
            config.getOptional('healing.policies'),
          );
        } catch (error) {
          // The healing backend reports bad policies; maturity scores without them.
          logger.warn(
            `healing.policies unreadable, maturity scores healing as absent: ${error}`,
          );
          healingPolicies = [];
        }
        const assessor = new MaturityAssessor({
          clusterState,
          catalog,
          policies: healingPolicies,
          signals: new HttpPlatformSignals({ discovery, auth, logger }),
        });
        const store = await KnexMaturityStore.create(database);
        await scheduler.scheduleTask({
          id: 'platform-maturity-snapshots',
          scope: 'global',
          frequency: maturityConfig.snapshotFrequency,
          timeout: { minutes: 5 },
          initialDelay: { minutes: 1 },
          fn: async () => {
            await takeMaturitySnapshots({
              catalog,
              assessor,
              store,
              auth,
              logger,
              retentionDays: maturityConfig.historyRetentionDays,
            });
          },
        });
        // The trend stored by cluster-topology before this plugin existed is
        // copied once; the cluster-topology backend has to be listening, so
        // this runs as a task after start-up and again until it succeeds.
        await scheduler.scheduleTask({
          id: 'platform-maturity-history-import',
          scope: 'global',
          frequency: { minutes: 10 },
          timeout: { minutes: 5 },
          initialDelay: { seconds: 20 },
          fn: async () => {
            await importTopologyHistory({ discovery, auth, logger, store });
          },
        });
        httpRouter.use(
          createRateLimitRouter({
            httpAuth,
            config,
            pluginId: 'platform-maturity',
            reads: ['/', '/leaderboard'],
          }),
        );
        httpRouter.use(
          await createRouter({
            catalog,
            entities,
            httpAuth,
            permissions,
            assessor,
            store,
          }),
        );
      },
    });
  },
});
