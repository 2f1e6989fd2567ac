/*
 * The portal's backend: Backstage's core plugins plus the cloud-native
 * platform plugins of this repository.
 */
import { createBackend } from '@backstage/backend-defaults';

const backend = createBackend();

backend.add(import('@backstage/plugin-app-backend'));

// Sign-in: the guest provider serves the embedded demo.
backend.add(import('@backstage/plugin-auth-backend'));
backend.add(import('@backstage/plugin-auth-backend-module-guest-provider'));

// Catalog, with validation of the cloud-native platform annotations.
backend.add(import('@backstage/plugin-catalog-backend'));
backend.add(
  import('@backstage/plugin-catalog-backend-module-scaffolder-entity-model'),
);
backend.add(import('@backstage/plugin-catalog-backend-module-logs'));
backend.add(
  import('@cloud-native-platform/plugin-catalog-backend-module-cloud-native'),
);

// The cloud-native platform plugins, reading the shared cluster state.
backend.add(import('@cloud-native-platform/plugin-cluster-topology-backend'));
backend.add(import('@cloud-native-platform/plugin-security-posture-backend'));
backend.add(import('@cloud-native-platform/plugin-healing-backend'));
backend.add(import('@cloud-native-platform/plugin-platform-maturity-backend'));
backend.add(import('@cloud-native-platform/plugin-slo-backend'));

// Roles decide: the policy files under rbac/ (README, Security).
backend.add(import('@backstage/plugin-permission-backend'));
backend.add(
  import('@cloud-native-platform/plugin-permission-backend-module-rbac'),
);

backend.add(import('@backstage/plugin-scaffolder-backend'));
// publish:github and publish:github:pull-request for the templates; they need
// a GitHub integration (integrations.github) to run, not to start.
backend.add(import('@backstage/plugin-scaffolder-backend-module-github'));
// Actions that generate mesh, monitoring, scaling and security manifests.
backend.add(
  import(
    '@cloud-native-platform/plugin-scaffolder-backend-module-cloud-native'
  ),
);
backend.add(import('@backstage/plugin-kubernetes-backend'));
backend.add(import('@backstage/plugin-user-settings-backend'));
backend.add(import('@backstage/plugin-signals-backend'));

backend.start().catch(error => {
  // A plugin failed to start, for example on a wrong cluster entry in the
  // configuration; the message names the plugin, the file and the key.
  process.stderr.write(`Backend start-up failed: ${error.message}\n`);
  process.exit(1);
});
