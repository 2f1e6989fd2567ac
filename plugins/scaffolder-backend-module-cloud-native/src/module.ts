import { createBackendModule } from '@backstage/backend-plugin-api';
import { scaffolderActionsExtensionPoint } from '@backstage/plugin-scaffolder-node';
import { createMeshGenerateAction } from './actions/mesh';
import { createMonitoringGenerateAction } from './actions/monitoring';
import { createScalingGenerateAction } from './actions/scaling';
import { createSecurityGenerateAction } from './actions/security';
import { createServiceGenerateAction } from './actions/service';

/**
 * The scaffolder module of the cloud-native platform: the
 * cloud-native:<area>:generate actions.
 *
 * @public
 */
export const scaffolderModuleCloudNative = createBackendModule({
  pluginId: 'scaffolder',
  moduleId: 'cloud-native',
  register(env) {
    env.registerInit({
      deps: { scaffolder: scaffolderActionsExtensionPoint },
      async init({ scaffolder }) {
        scaffolder.addActions(
          createMeshGenerateAction(),
          createMonitoringGenerateAction(),
          createScalingGenerateAction(),
          createSecurityGenerateAction(),
          createServiceGenerateAction(),
        );
      },
    });
  },
});
