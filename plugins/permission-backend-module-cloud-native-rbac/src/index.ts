/**
 * A role-based permission policy for the Backstage permission backend, with
 * the policy files of the community RBAC backend.
 *
 * @packageDocumentation
 */
export { permissionModuleRbacPolicy as default } from './module';
export { RbacPolicy } from './RbacPolicy';
export type { RbacPolicyOptions } from './RbacPolicy';
export { parsePolicyCsv, POLICY_ACTIONS } from './policyFile';
export type {
  Membership,
  PermissionLine,
  PolicyAction,
  PolicyFile,
} from './policyFile';
export { parseConditionalPolicies } from './conditionalPolicies';
export type { ConditionalPolicy } from './conditionalPolicies';
