import { UserInfoService } from '@backstage/backend-plugin-api';
import {
  AuthorizeResult,
  isResourcePermission,
  PermissionCondition,
  PermissionCriteria,
  PolicyDecision,
} from '@backstage/plugin-permission-common';
import {
  PermissionPolicy,
  PolicyQuery,
  PolicyQueryUser,
} from '@backstage/plugin-permission-node';
import { ConditionalPolicy } from './conditionalPolicies';
import { Membership, PermissionLine, PolicyAction } from './policyFile';

/**
 * What a {@link RbacPolicy} decides with.
 *
 * @public
 */
export interface RbacPolicyOptions {
  permissions: PermissionLine[];
  memberships: Membership[];
  conditionalPolicies: ConditionalPolicy[];
  /** The role of every signed-in user, such as role:default/viewer. */
  defaultRole?: string;
  /** Where a user's groups come from: the ownership refs of its sign-in. */
  userInfo: UserInfoService;
}

/**
 * The roles' union decides: a deny line of any role of the user denies; else
 * an allow line of any role allows outright; else the conditions of every
 * conditional policy of the user's roles that covers the permission, any of
 * them sufficing; else deny. Nothing is allowed that no line grants, and a
 * request without a signed-in user is denied (service principals are decided
 * by their token's accessRestrictions before any policy is asked).
 *
 * @public
 */
export class RbacPolicy implements PermissionPolicy {
  private readonly lines = new Map<string, PermissionLine[]>();
  private readonly members = new Map<string, Set<string>>();
  private readonly conditional = new Map<string, ConditionalPolicy[]>();
  private readonly defaultRole?: string;
  private readonly userInfo: UserInfoService;

  constructor(options: RbacPolicyOptions) {
    this.userInfo = options.userInfo;
    for (const line of options.permissions) {
      const list = this.lines.get(line.role) ?? [];
      list.push(line);
      this.lines.set(line.role, list);
    }
    for (const { member, role } of options.memberships) {
      const roles = this.members.get(member) ?? new Set();
      roles.add(role);
      this.members.set(member, roles);
    }
    for (const policy of options.conditionalPolicies) {
      const list = this.conditional.get(policy.roleEntityRef) ?? [];
      list.push(policy);
      this.conditional.set(policy.roleEntityRef, list);
    }
    this.defaultRole = options.defaultRole?.toLocaleLowerCase('en-US');
  }

  /** The roles of a user: the default role, and those of the user and its groups. */
  rolesOf(userEntityRef: string, ownershipEntityRefs: string[]): string[] {
    const roles = new Set<string>();
    if (this.defaultRole) roles.add(this.defaultRole);
    for (const ref of [userEntityRef, ...ownershipEntityRefs]) {
      for (const role of this.members.get(ref.toLocaleLowerCase('en-US')) ??
        []) {
        roles.add(role);
      }
    }
    return [...roles].sort();
  }

  async handle(
    request: PolicyQuery,
    user?: PolicyQueryUser,
  ): Promise<PolicyDecision> {
    if (!user) return { result: AuthorizeResult.DENY };
    const { permission } = request;
    const action: PolicyAction = permission.attributes.action ?? 'use';
    const resourceType = isResourcePermission(permission)
      ? permission.resourceType
      : undefined;
    const info = await this.userInfo.getUserInfo(user.credentials);
    const roles = this.rolesOf(info.userEntityRef, info.ownershipEntityRefs);

    let allowed = false;
    for (const role of roles) {
      for (const line of this.lines.get(role) ?? []) {
        if (line.action !== action) continue;
        if (
          line.permission !== permission.name &&
          line.permission !== resourceType
        ) {
          continue;
        }
        if (line.effect === 'deny') return { result: AuthorizeResult.DENY };
        allowed = true;
      }
    }
    if (allowed) return { result: AuthorizeResult.ALLOW };

    if (resourceType) {
      const conditions: PermissionCriteria<PermissionCondition>[] = [];
      let pluginId: string | undefined;
      for (const role of roles) {
        for (const policy of this.conditional.get(role) ?? []) {
          if (
            policy.resourceType === resourceType &&
            policy.permissionMapping.includes(action)
          ) {
            pluginId = policy.pluginId;
            conditions.push(policy.conditions);
          }
        }
      }
      if (pluginId && conditions.length > 0) {
        return {
          result: AuthorizeResult.CONDITIONAL,
          pluginId,
          resourceType,
          conditions:
            conditions.length === 1
              ? conditions[0]
              : { anyOf: conditions as [(typeof conditions)[0]] },
        };
      }
    }
    return { result: AuthorizeResult.DENY };
  }
}
