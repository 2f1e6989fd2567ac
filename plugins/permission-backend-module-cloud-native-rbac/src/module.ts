import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { policyExtensionPoint } from '@backstage/plugin-permission-node/alpha';
import fs from 'node:fs';
import path from 'node:path';
import { parseConditionalPolicies } from './conditionalPolicies';
import { parsePolicyCsv, PolicyFile, roleRef } from './policyFile';
import { RbacPolicy } from './RbacPolicy';

function readFile(file: string, key: string): string {
  const resolved = path.resolve(file);
  try {
    return fs.readFileSync(resolved, 'utf8');
  } catch (error) {
    throw new Error(
      `permission.rbac.${key}: cannot read ${resolved}: ${
        (error as Error).message
      }`,
    );
  }
}

/**
 * The role-based permission policy: roles and their permissions from the
 * CSV policy file, conditional rules from the YAML file, the default role
 * for every signed-in user. Without a policy file every user request is
 * denied, so a portal that forgets it is closed rather than open.
 *
 * @public
 */
export const permissionModuleRbacPolicy = createBackendModule({
  pluginId: 'permission',
  moduleId: 'cloud-native-rbac',
  register(reg) {
    reg.registerInit({
      deps: {
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        userInfo: coreServices.userInfo,
        policy: policyExtensionPoint,
      },
      async init({ config, logger, userInfo, policy }) {
        const rbac = config.getOptionalConfig('permission.rbac');
        const files: Array<[string, string]> = [];
        const main = rbac?.getOptionalString('policies-csv-file');
        if (main) files.push([main, 'policies-csv-file']);
        for (const extra of rbac?.getOptionalStringArray(
          'additionalPolicyFiles',
        ) ?? []) {
          files.push([extra, 'additionalPolicyFiles']);
        }
        const policyFile: PolicyFile = { permissions: [], memberships: [] };
        for (const [file, key] of files) {
          const parsed = parsePolicyCsv(readFile(file, key), file);
          policyFile.permissions.push(...parsed.permissions);
          policyFile.memberships.push(...parsed.memberships);
        }
        const conditionalFile = rbac?.getOptionalString(
          'conditionalPoliciesFile',
        );
        const conditionalPolicies = conditionalFile
          ? parseConditionalPolicies(
              readFile(conditionalFile, 'conditionalPoliciesFile'),
              conditionalFile,
            )
          : [];
        const defaultRoleText = rbac?.getOptionalString(
          'defaultPermissions.defaultRole',
        );
        const defaultRole = defaultRoleText
          ? roleRef(
              defaultRoleText,
              'permission.rbac.defaultPermissions.defaultRole',
            )
          : undefined;
        if (files.length === 0) {
          logger.warn(
            'permission.rbac.policies-csv-file is not set: every user request is denied',
          );
        }
        const roles = new Set([
          ...policyFile.permissions.map(p => p.role),
          ...conditionalPolicies.map(p => p.roleEntityRef),
        ]);
        for (const { role, source } of policyFile.memberships) {
          if (!roles.has(role)) {
            throw new Error(
              `${source}: role ${role} has members but no permission line or conditional policy`,
            );
          }
        }
        logger.info(
          `RBAC policy: ${roles.size} roles, ${
            policyFile.permissions.length
          } permission lines, ${
            conditionalPolicies.length
          } conditional policies, ${
            policyFile.memberships.length
          } members; default role ${defaultRole ?? 'none'}`,
        );
        policy.setPolicy(
          new RbacPolicy({
            ...policyFile,
            conditionalPolicies,
            defaultRole,
            userInfo,
          }),
        );
      },
    });
  },
});
