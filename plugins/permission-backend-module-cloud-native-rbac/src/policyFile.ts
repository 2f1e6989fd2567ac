import { parseEntityRef } from '@backstage/catalog-model';

/**
 * The actions a permission line may name, as in permission attributes.
 *
 * @public
 */
export const POLICY_ACTIONS = [
  'create',
  'read',
  'update',
  'delete',
  'use',
] as const;

/**
 * An action of a policy line; `use` stands for permissions without an
 * action attribute.
 *
 * @public
 */
export type PolicyAction = (typeof POLICY_ACTIONS)[number];

/**
 * A `p` line: a role is allowed or denied a permission (by name, or every
 * permission of a resource type) for one action.
 *
 * @public
 */
export interface PermissionLine {
  role: string;
  /** A permission name or a resource type. */
  permission: string;
  action: PolicyAction;
  effect: 'allow' | 'deny';
  /** `file:line`, for messages. */
  source: string;
}

/**
 * A `g` line: a user or group is a member of a role.
 *
 * @public
 */
export interface Membership {
  /** A user or group entity ref, such as group:default/platform-team. */
  member: string;
  role: string;
  source: string;
}

/**
 * The contents of a policy file.
 *
 * @public
 */
export interface PolicyFile {
  permissions: PermissionLine[];
  memberships: Membership[];
}

/** Splits one CSV record; fields may be quoted, with "" for a quote. */
function csvFields(line: string, where: string): string[] {
  const fields: string[] = [];
  let i = 0;
  for (;;) {
    while (line[i] === ' ' || line[i] === '\t') i++;
    let field = '';
    if (line[i] === '"') {
      i++;
      for (;;) {
        if (i >= line.length) throw new Error(`${where}: unclosed quote`);
        if (line[i] === '"') {
          if (line[i + 1] === '"') {
            field += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        field += line[i++];
      }
      while (line[i] === ' ' || line[i] === '\t') i++;
      if (i < line.length && line[i] !== ',') {
        throw new Error(`${where}: text after a closing quote`);
      }
    } else {
      const end = line.indexOf(',', i);
      field = (end === -1 ? line.slice(i) : line.slice(i, end)).trim();
      i = end === -1 ? line.length : end;
    }
    fields.push(field);
    if (i >= line.length) return fields;
    i++; // the comma
  }
}

/** A role reference, `role:<namespace>/<name>`, normalised to lower case. */
export function roleRef(value: string, where: string): string {
  const match = /^role:([a-z0-9][a-z0-9._-]*)\/([a-z0-9][a-z0-9._-]*)$/i.exec(
    value,
  );
  if (!match) {
    throw new Error(
      `${where}: '${value}' is not a role reference such as role:default/viewer`,
    );
  }
  return value.toLocaleLowerCase('en-US');
}

function memberRef(value: string, where: string): string {
  let ref;
  try {
    ref = parseEntityRef(value);
  } catch (error) {
    throw new Error(
      `${where}: '${value}' is not an entity reference: ${
        (error as Error).message
      }`,
    );
  }
  const kind = ref.kind.toLocaleLowerCase('en-US');
  if (kind !== 'user' && kind !== 'group') {
    throw new Error(
      `${where}: a member must be a user or a group, such as group:default/platform-team, not '${value}'`,
    );
  }
  return `${kind}:${ref.namespace}/${ref.name}`.toLocaleLowerCase('en-US');
}

/**
 * Reads a policy file in the CSV shape of the community RBAC backend:
 *
 * ```
 * p, role:default/viewer, catalog-entity, read, allow
 * g, group:default/platform-team, role:default/platform-admin
 * ```
 *
 * Blank lines and lines starting with `#` are skipped. A wrong line throws,
 * naming the file, the line and what is wrong: a policy that cannot be read
 * must stop the backend rather than grant or deny by accident.
 *
 * @public
 */
export function parsePolicyCsv(text: string, file: string): PolicyFile {
  const result: PolicyFile = { permissions: [], memberships: [] };
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = raw.trim();
    if (!line || line.startsWith('#')) return;
    const source = `${file}:${index + 1}`;
    const fields = csvFields(line, source);
    const type = fields[0];
    if (type === 'p') {
      if (fields.length !== 5) {
        throw new Error(
          `${source}: a p line has 5 fields (p, role, permission, action, allow|deny), found ${fields.length}`,
        );
      }
      const [, role, permission, action, effect] = fields;
      if (!permission) throw new Error(`${source}: the permission is empty`);
      if (!(POLICY_ACTIONS as readonly string[]).includes(action)) {
        throw new Error(
          `${source}: action '${action}' is not one of ${POLICY_ACTIONS.join(
            ', ',
          )}`,
        );
      }
      if (effect !== 'allow' && effect !== 'deny') {
        throw new Error(
          `${source}: effect '${effect}' is neither allow nor deny`,
        );
      }
      result.permissions.push({
        role: roleRef(role, source),
        permission,
        action: action as PolicyAction,
        effect,
        source,
      });
    } else if (type === 'g') {
      if (fields.length !== 3) {
        throw new Error(
          `${source}: a g line has 3 fields (g, user or group, role), found ${fields.length}`,
        );
      }
      result.memberships.push({
        member: memberRef(fields[1], source),
        role: roleRef(fields[2], source),
        source,
      });
    } else {
      throw new Error(
        `${source}: a line starts with p (a permission of a role) or g (a member of a role), not '${type}'`,
      );
    }
  });
  return result;
}
