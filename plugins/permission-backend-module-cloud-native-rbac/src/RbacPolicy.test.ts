import { mockCredentials } from '@backstage/backend-test-utils';
import {
  AuthorizeResult,
  createPermission,
} from '@backstage/plugin-permission-common';
import { ConfigReader } from '@backstage/config';
import fs from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import { parseConditionalPolicies } from './conditionalPolicies';
import { parsePolicyCsv } from './policyFile';
import { RbacPolicy } from './RbacPolicy';

const ROOT = path.resolve(__dirname, '../../..');

const read = createPermission({
  name: 'thing.read',
  attributes: { action: 'read' },
});
const approve = createPermission({
  name: 'healing.attempt.approve',
  attributes: { action: 'update' },
  resourceType: 'healing-attempt',
});

function policy(csv: string, conditional = '', defaultRole?: string) {
  const file = parsePolicyCsv(csv, 'policy.csv');
  return new RbacPolicy({
    ...file,
    conditionalPolicies: parseConditionalPolicies(conditional, 'c.yaml'),
    defaultRole,
    userInfo: {
      async getUserInfo(credentials: any) {
        const ref = credentials.principal.userEntityRef;
        return {
          userEntityRef: ref,
          ownershipEntityRefs:
            ref === 'user:default/li.wei'
              ? [ref, 'group:default/platform-team']
              : [ref],
        };
      },
    },
  });
}

const as = (ref: string) => ({
  credentials: mockCredentials.user(ref),
  info: { userEntityRef: ref, ownershipEntityRefs: [ref] },
});

describe('RbacPolicy', () => {
  it('grants through the default role, a user line and a group line', async () => {
    const p = policy(
      [
        'p, role:default/viewer, thing.read, read, allow',
        'p, role:default/admin, healing-attempt, update, allow',
        'g, group:default/platform-team, role:default/admin',
      ].join('\n'),
      '',
      'role:default/viewer',
    );
    expect(
      (await p.handle({ permission: read }, as('user:default/x'))).result,
    ).toBe(AuthorizeResult.ALLOW);
    expect(
      (await p.handle({ permission: approve }, as('user:default/x'))).result,
    ).toBe(AuthorizeResult.DENY);
    expect(
      (await p.handle({ permission: approve }, as('user:default/li.wei')))
        .result,
    ).toBe(AuthorizeResult.ALLOW);
    // No user: denied, whatever the default role holds.
    expect((await p.handle({ permission: read })).result).toBe(
      AuthorizeResult.DENY,
    );
  });

  it('lets a deny line of any role win, and the action must match', async () => {
    const p = policy(
      [
        'p, role:default/a, thing.read, read, allow',
        'p, role:default/b, thing.read, read, deny',
        'p, role:default/c, thing.read, update, allow',
        'g, user:default/ab, role:default/a',
        'g, user:default/ab, role:default/b',
        'g, user:default/c, role:default/c',
      ].join('\n'),
    );
    expect(
      (await p.handle({ permission: read }, as('user:default/ab'))).result,
    ).toBe(AuthorizeResult.DENY);
    expect(
      (await p.handle({ permission: read }, as('user:default/c'))).result,
    ).toBe(AuthorizeResult.DENY);
  });

  it('hands the conditions of every role back to the plugin, any of them sufficing', async () => {
    const doc = (role: string, cluster: string) =>
      YAML.stringify({
        result: 'CONDITIONAL',
        roleEntityRef: role,
        pluginId: 'healing',
        resourceType: 'healing-attempt',
        permissionMapping: ['update'],
        conditions: {
          rule: 'IS_CLUSTER',
          resourceType: 'healing-attempt',
          params: { clusters: [cluster] },
        },
      });
    const p = policy(
      [
        'g, user:default/two, role:default/east',
        'g, user:default/two, role:default/west',
      ].join('\n'),
      `${doc('role:default/east', 'east')}---\n${doc(
        'role:default/west',
        'west',
      )}`,
    );
    expect(
      await p.handle({ permission: approve }, as('user:default/two')),
    ).toEqual({
      result: AuthorizeResult.CONDITIONAL,
      pluginId: 'healing',
      resourceType: 'healing-attempt',
      conditions: {
        anyOf: [
          {
            rule: 'IS_CLUSTER',
            resourceType: 'healing-attempt',
            params: { clusters: ['east'] },
          },
          {
            rule: 'IS_CLUSTER',
            resourceType: 'healing-attempt',
            params: { clusters: ['west'] },
          },
        ],
      },
    });
    // A basic permission never takes conditions.
    expect(
      (await p.handle({ permission: read }, as('user:default/two'))).result,
    ).toBe(AuthorizeResult.DENY);
  });
});

describe('the policy files', () => {
  it.each([
    ['q, role:default/a, x, read, allow', 'policy.csv:1: a line starts with p'],
    ['p, role:default/a, x, read', 'policy.csv:1: a p line has 5 fields'],
    ['p, role:default/a, x, write, allow', "action 'write' is not one of"],
    ['p, role:default/a, x, read, maybe', "effect 'maybe'"],
    ['p, admin, x, read, allow', "'admin' is not a role reference"],
    [
      '\n\ng, component:default/x, role:default/a',
      'policy.csv:3: a member must be a user or a group',
    ],
    ['p, "role:default/a, x, read, allow', 'unclosed quote'],
  ])('refuses %j naming the line', (line, message) => {
    expect(() => parsePolicyCsv(line, 'policy.csv')).toThrow(message);
  });

  it.each([
    [{ result: 'ALLOW' }, 'result must be CONDITIONAL'],
    [
      {
        result: 'CONDITIONAL',
        roleEntityRef: 'role:default/a',
        pluginId: 'healing',
        resourceType: 'healing-attempt',
        permissionMapping: ['approve'],
        conditions: { rule: 'IS_CLUSTER' },
      },
      'permissionMapping must list actions',
    ],
    [
      {
        result: 'CONDITIONAL',
        roleEntityRef: 'role:default/a',
        pluginId: 'healing',
        resourceType: 'healing-attempt',
        permissionMapping: ['update'],
        conditions: { rule: 'IS_CLUSTER', resourceType: 'catalog-entity' },
      },
      'rule IS_CLUSTER is for resource type catalog-entity',
    ],
    [
      {
        result: 'CONDITIONAL',
        roleEntityRef: 'role:default/a',
        pluginId: 'healing',
        resourceType: 'healing-attempt',
        permissionMapping: ['update'],
        conditions: { allOf: [] },
      },
      'conditions.allOf must be a non-empty list',
    ],
  ])('refuses a conditional policy %#', (doc, message) => {
    expect(() =>
      parseConditionalPolicies(YAML.stringify(doc), 'c.yaml'),
    ).toThrow(message);
  });

  it('ships roles every line of which parses, and production maps nobody to a write role', () => {
    const shipped = parsePolicyCsv(
      fs.readFileSync(path.join(ROOT, 'rbac/rbac-policy.csv'), 'utf8'),
      'rbac-policy.csv',
    );
    expect(shipped.memberships).toEqual([]);
    expect(
      parseConditionalPolicies(
        fs.readFileSync(
          path.join(ROOT, 'rbac/rbac-conditional-policies.yaml'),
          'utf8',
        ),
        'c.yaml',
      ).map(c => c.roleEntityRef),
    ).toEqual(['role:default/healing-approver']);
    // The viewer reads, and only reads.
    const viewer = shipped.permissions.filter(
      l => l.role === 'role:default/viewer',
    );
    expect(viewer.every(l => ['read', 'use'].includes(l.action))).toBe(true);
    expect(viewer.map(l => l.permission)).not.toContain(
      'healing.attempt.approve',
    );

    // app-config.yaml with app-config.production.yaml, merged as the backend does.
    const config = ConfigReader.fromConfigs(
      ['app-config.yaml', 'app-config.production.yaml'].map(file => ({
        context: file,
        data: YAML.parse(fs.readFileSync(path.join(ROOT, file), 'utf8')),
      })),
    );
    expect(config.has('auth.providers.guest')).toBe(false);
    expect(
      config.getStringArray('permission.rbac.additionalPolicyFiles'),
    ).toEqual([]);
    expect(config.getBoolean('healing.demo.replay')).toBe(false);
    expect(config.getConfigArray('healing.policies')).toEqual([]);
    expect(
      config.getString('permission.rbac.defaultPermissions.defaultRole'),
    ).toBe('role:default/viewer');
    // Its files exist where it names them, from the repository root.
    for (const key of ['policies-csv-file', 'conditionalPoliciesFile']) {
      expect(
        fs.existsSync(
          path.join(ROOT, config.getString(`permission.rbac.${key}`)),
        ),
      ).toBe(true);
    }
  });
});
