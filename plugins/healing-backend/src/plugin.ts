import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import {
  healingAlertCreatePermission,
  healingAttemptApprovePermission,
  healingKillSwitchUpdatePermission,
} from '@cloud-native-platform/plugin-healing-common';
import {
  catalogEntityCacheServiceRef,
  clusterStateServiceRef,
  createRateLimitRouter,
  redactingLogger,
} from '@cloud-native-platform/plugin-cloud-native-node';
import { randomUUID } from 'node:crypto';
import { ActionExecutor } from './actions/ActionExecutor';
import { readHealingConfig } from './config';
import { KnexHealingStore } from './database/KnexHealingStore';
import {
  healingAttemptResourceRef,
  healingAttemptRules,
} from './permissions/rules';
import { replayDemo } from './demo/replayDemo';
import { AlertProcessor } from './service/AlertProcessor';
import { EntityHealingModes } from './service/EntityHealingModes';
import { expireApprovals } from './service/approveAttempt';
import { collectPlatformAttempts } from './service/collectPlatformAttempts';
import { KillSwitch } from './service/KillSwitch';
import { createRouter } from './service/router';
import { verifyApplied } from './service/verifyApplied';

/**
 * The healing backend plugin: the Alertmanager webhook, the pipeline with
 * its safety rails, verification, platform self-healing and the history.
 *
 * @public
 */
export const healingPlugin = createBackendPlugin({
  pluginId: 'healing',
  register(env) {
    env.registerInit({
      deps: {
        httpRouter: coreServices.httpRouter,
        httpAuth: coreServices.httpAuth,
        auth: coreServices.auth,
        logger: coreServices.logger,
        lifecycle: coreServices.lifecycle,
        config: coreServices.rootConfig,
        database: coreServices.database,
        scheduler: coreServices.scheduler,
        permissions: coreServices.permissions,
        permissionsRegistry: coreServices.permissionsRegistry,
        catalog: catalogServiceRef,
        entities: catalogEntityCacheServiceRef,
        clusterState: clusterStateServiceRef,
      },
      async init(deps) {
        const { scheduler, clusterState } = deps;
        // Log lines quote cluster errors and attempts: no credential may pass.
        const logger = redactingLogger(deps.logger);
        const config = readHealingConfig(deps.config);
        const store = await KnexHealingStore.create(deps.database);
        deps.permissionsRegistry.addPermissions([
          healingKillSwitchUpdatePermission,
          healingAlertCreatePermission,
        ]);
        deps.permissionsRegistry.addResourceType({
          resourceRef: healingAttemptResourceRef,
          permissions: [healingAttemptApprovePermission],
          rules: healingAttemptRules,
          getResources: async ids =>
            Promise.all(
              ids.map(async id => {
                const attempt = await store.getAttempt(id);
                if (!attempt) return undefined;
                return {
                  id,
                  cluster: attempt.cluster,
                  namespace: attempt.target.namespace,
                  clusterRole: clusterState.cluster(attempt.cluster)?.definition
                    .role,
                };
              }),
            ),
        });
        const killSwitch = new KillSwitch(store, config.killSwitch);
        const executor = new ActionExecutor(logger);
        const entityModes = new EntityHealingModes({
          catalog: deps.catalog,
          auth: deps.auth,
        });
        const processor = new AlertProcessor({
          store,
          clusterState,
          config,
          logger,
          killSwitch,
          executor,
          entityModes,
          instanceId: `${process.pid}-${randomUUID()}`,
        });

        // The webhook wakes the local processor at once; this catches what
        // another instance left behind or a restart interrupted.
        await scheduler.scheduleTask({
          id: 'healing-process-alerts',
          scope: 'global',
          frequency: { seconds: 5 },
          timeout: { minutes: 2 },
          initialDelay: { seconds: 5 },
          fn: async () => {
            await processor.processPending();
          },
        });
        await scheduler.scheduleTask({
          id: 'healing-verify-attempts',
          scope: 'global',
          frequency: { seconds: 30 },
          timeout: { minutes: 2 },
          initialDelay: { seconds: 30 },
          fn: async () => {
            await verifyApplied({ store, clusterState, logger });
          },
        });
        await scheduler.scheduleTask({
          id: 'healing-platform-attempts',
          scope: 'global',
          frequency: { minutes: 1 },
          timeout: { minutes: 5 },
          initialDelay: { seconds: 20 },
          fn: async () => {
            await collectPlatformAttempts({ store, clusterState, logger });
          },
        });
        await scheduler.scheduleTask({
          id: 'healing-expire-approvals',
          scope: 'global',
          frequency: { minutes: 1 },
          timeout: { minutes: 1 },
          initialDelay: { seconds: 15 },
          fn: async () => {
            const expired = await expireApprovals({ store, config });
            if (expired > 0) {
              logger.info(
                `healing expired ${expired} attempts that waited longer than healing.approvals.ttl`,
              );
            }
          },
        });
        await scheduler.scheduleTask({
          id: 'healing-retention',
          scope: 'global',
          frequency: { hours: 6 },
          timeout: { minutes: 10 },
          initialDelay: { minutes: 5 },
          fn: async () => {
            const before = new Date(
              Date.now() - config.retentionDays * 86_400_000,
            );
            const pruned = await store.prune(before);
            logger.info(
              `healing retention removed ${pruned.alerts} alerts and ${pruned.attempts} attempts older than ${config.retentionDays} days`,
            );
          },
        });

        if (config.demoReplay) {
          // After start-up, since the cluster state is filled only then.
          deps.lifecycle.addStartupHook(async () => {
            try {
              await clusterState.start();
              await replayDemo({
                store,
                clusterState,
                config,
                logger,
                killSwitch,
                executor,
                entityModes,
              });
            } catch (error) {
              logger.error(`healing demo replay failed: ${error}`);
            }
          });
        }

        deps.httpRouter.use(
          createRateLimitRouter({
            httpAuth: deps.httpAuth,
            config: deps.config,
            pluginId: 'healing',
            reads: ['/attempts'],
          }),
        );
        deps.httpRouter.use(
          await createRouter({
            ...deps,
            store,
            config,
            processor,
            killSwitch,
            executor,
          }),
        );
      },
    });
  },
});
