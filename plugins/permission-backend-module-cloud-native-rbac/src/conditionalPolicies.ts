import {
  PermissionCondition,
  PermissionCriteria,
} from '@backstage/plugin-permission-common';
import YAML from 'yaml';
import { POLICY_ACTIONS, PolicyAction, roleRef } from './policyFile';

/**
 * A conditional policy: members of the role hold the resource type's
 * permissions of the mapped actions where the conditions hold, decided by
 * the plugin that owns the resources with its rules.
 *
 * @public
 */
export interface ConditionalPolicy {
  roleEntityRef: string;
  pluginId: string;
  resourceType: string;
  permissionMapping: PolicyAction[];
  conditions: PermissionCriteria<PermissionCondition>;
  source: string;
}

const MAX_DEPTH = 8;
const MAX_DOCUMENTS = 1000;

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function criteria(
  value: unknown,
  resourceType: string,
  where: string,
  depth: number,
): PermissionCriteria<PermissionCondition> {
  if (depth > MAX_DEPTH) {
    throw new Error(`${where}: conditions nest deeper than ${MAX_DEPTH}`);
  }
  if (!isObject(value)) {
    throw new Error(`${where}: a condition must be a mapping`);
  }
  for (const key of ['allOf', 'anyOf'] as const) {
    if (key in value) {
      const list = value[key];
      if (!Array.isArray(list) || list.length === 0) {
        throw new Error(`${where}.${key} must be a non-empty list`);
      }
      const items = list.map((item, i) =>
        criteria(item, resourceType, `${where}.${key}[${i}]`, depth + 1),
      );
      return key === 'allOf'
        ? { allOf: items as [(typeof items)[0], ...typeof items] }
        : { anyOf: items as [(typeof items)[0], ...typeof items] };
    }
  }
  if ('not' in value) {
    return {
      not: criteria(value.not, resourceType, `${where}.not`, depth + 1),
    };
  }
  const { rule, params } = value;
  if (typeof rule !== 'string' || !rule) {
    throw new Error(
      `${where}: a condition names a rule (or is an allOf, anyOf or not)`,
    );
  }
  const conditionType = value.resourceType ?? resourceType;
  if (conditionType !== resourceType) {
    throw new Error(
      `${where}: rule ${rule} is for resource type ${String(
        conditionType,
      )}, the policy for ${resourceType}`,
    );
  }
  if (params !== undefined && !isObject(params)) {
    throw new Error(`${where}.params must be a mapping`);
  }
  return {
    rule,
    resourceType,
    params: (params ?? {}) as PermissionCondition['params'],
  };
}

/**
 * Reads the conditional policies file: YAML documents in the shape the
 * community RBAC backend uses.
 *
 * ```yaml
 * result: CONDITIONAL
 * roleEntityRef: role:default/healing-approver
 * pluginId: healing
 * resourceType: healing-attempt
 * permissionMapping: [update]
 * conditions:
 *   rule: IS_CLUSTER
 *   resourceType: healing-attempt
 *   params: { clusters: [prod-east-a] }
 * ```
 *
 * A wrong document throws, naming the file, the document and the field.
 *
 * @public
 */
export function parseConditionalPolicies(
  text: string,
  file: string,
): ConditionalPolicy[] {
  const documents = YAML.parseAllDocuments(text);
  const list = Array.isArray(documents) ? documents : [documents];
  if (list.length > MAX_DOCUMENTS) {
    throw new Error(`${file}: more than ${MAX_DOCUMENTS} documents`);
  }
  const policies: ConditionalPolicy[] = [];
  list.forEach((document, index) => {
    const where = `${file}: document ${index + 1}`;
    if (document.errors.length > 0) {
      throw new Error(`${where}: ${document.errors[0].message}`);
    }
    const value = document.toJS();
    if (value === null || value === undefined) return;
    if (!isObject(value)) throw new Error(`${where}: not a mapping`);
    if (value.result !== 'CONDITIONAL') {
      throw new Error(`${where}: result must be CONDITIONAL`);
    }
    for (const key of ['roleEntityRef', 'pluginId', 'resourceType']) {
      if (typeof value[key] !== 'string' || !value[key]) {
        throw new Error(`${where}: ${key} must be a non-empty string`);
      }
    }
    const mapping = value.permissionMapping;
    if (
      !Array.isArray(mapping) ||
      mapping.length === 0 ||
      !mapping.every(a => (POLICY_ACTIONS as readonly unknown[]).includes(a))
    ) {
      throw new Error(
        `${where}: permissionMapping must list actions among ${POLICY_ACTIONS.join(
          ', ',
        )}`,
      );
    }
    const resourceType = value.resourceType as string;
    policies.push({
      roleEntityRef: roleRef(value.roleEntityRef as string, where),
      pluginId: value.pluginId as string,
      resourceType,
      permissionMapping: mapping as PolicyAction[],
      conditions: criteria(
        value.conditions,
        resourceType,
        `${where}: conditions`,
        0,
      ),
      source: where,
    });
  });
  return policies;
}
