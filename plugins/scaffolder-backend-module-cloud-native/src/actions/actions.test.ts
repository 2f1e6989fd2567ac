import fs from 'node:fs';
import path from 'node:path';
import { InputError } from '@backstage/errors';
import { createMockDirectory } from '@backstage/backend-test-utils';
import { TemplateAction } from '@backstage/plugin-scaffolder-node';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import yaml from 'yaml';
import { createMeshGenerateAction } from './mesh';
import { createMonitoringGenerateAction } from './monitoring';
import { createScalingGenerateAction } from './scaling';
import { createSecurityGenerateAction } from './security';
import { createServiceGenerateAction } from './service';

const actions: Record<string, TemplateAction<any, any>> = {
  mesh: createMeshGenerateAction(),
  monitoring: createMonitoringGenerateAction(),
  scaling: createScalingGenerateAction(),
  security: createSecurityGenerateAction(),
  service: createServiceGenerateAction(),
};

const mockDir = createMockDirectory();

function listFiles(root: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else
        out[path.relative(root, full).split(path.sep).join('/')] =
          fs.readFileSync(full, 'utf8');
    }
  };
  walk(root);
  return out;
}

async function run(
  action: TemplateAction<any, any>,
  input: object,
  isDryRun = false,
) {
  const ctx = createMockActionContext({
    input: input as any,
    workspacePath: mockDir.path,
    isDryRun,
  });
  await action.handler(ctx);
  return ctx;
}

function kindsIn(content: string): string[] {
  return yaml.parseAllDocuments(content).map(doc => doc.toJS().kind);
}

const SERVICE_FILES = [
  'catalog-info.yaml',
  'kubernetes/base/kustomization.yaml',
  'kubernetes/base/mesh.yaml',
  'kubernetes/base/monitoring.yaml',
  'kubernetes/base/namespace.yaml',
  'kubernetes/base/scaling.yaml',
  'kubernetes/base/security.yaml',
  'kubernetes/base/workload.yaml',
  ...['disaster-recovery', 'production', 'staging'].flatMap(env =>
    [
      'deployment-patch',
      'horizontalpodautoscaler-patch',
      'kustomization',
      'poddisruptionbudget-patch',
    ].map(file => `kubernetes/overlays/${env}/${file}.yaml`),
  ),
];

const EXPECTED_FILES: Record<string, string[]> = {
  mesh: ['mesh.yaml'],
  monitoring: ['monitoring.yaml'],
  scaling: ['scaling.yaml'],
  security: ['security.yaml'],
  service: SERVICE_FILES,
};

const MESH = [
  'VirtualService',
  'DestinationRule',
  'PeerAuthentication',
  'AuthorizationPolicy',
];
const SECURITY = ['ServiceAccount', 'NetworkPolicy', 'NetworkPolicy'];

// The kinds in each file, for each example in order.
const EXPECTED_KINDS: Record<string, Array<Record<string, string[]>>> = {
  mesh: [{ 'mesh.yaml': MESH }, { 'mesh.yaml': MESH }],
  monitoring: [
    { 'monitoring.yaml': ['ServiceMonitor', 'PrometheusRule', 'ConfigMap'] },
    { 'monitoring.yaml': ['PodMonitor', 'PrometheusRule', 'ConfigMap'] },
  ],
  scaling: [
    { 'scaling.yaml': ['HorizontalPodAutoscaler', 'PodDisruptionBudget'] },
    { 'scaling.yaml': ['HorizontalPodAutoscaler', 'PodDisruptionBudget'] },
    { 'scaling.yaml': ['ScaledObject', 'PodDisruptionBudget'] },
  ],
  security: [{ 'security.yaml': SECURITY }, { 'security.yaml': SECURITY }],
  service: [0, 1].map(() => ({
    'catalog-info.yaml': ['Component'],
    'kubernetes/base/workload.yaml': ['Deployment', 'Service'],
    'kubernetes/base/mesh.yaml': MESH,
    'kubernetes/base/security.yaml': SECURITY,
    'kubernetes/base/kustomization.yaml': ['Kustomization'],
  })),
};

describe.each(Object.entries(actions))(
  'cloud-native:%s:generate',
  (area, action) => {
    beforeEach(() => mockDir.clear());

    it('declares dry-run support, a description per field and examples', () => {
      expect(action.supportsDryRun).toBe(true);
      expect(action.examples!.length).toBeGreaterThan(0);
      const missing: string[] = [];
      const visit = (schema: any, where: string) => {
        for (const [key, value] of Object.entries<any>(
          schema.properties ?? {},
        )) {
          if (!value.description) missing.push(`${where}${key}`);
          visit(value, `${where}${key}.`);
        }
      };
      visit(action.schema!.input, '');
      expect(missing).toEqual([]);
    });

    it.each(
      actions[area].examples!.map((e, index) => [
        e.description,
        e.example,
        index,
      ]),
    )('example: %s', async (_, example, index) => {
      const step = yaml.parse(example as string).steps[0];
      expect(step.action).toBe(action.id);
      const ctx = await run(action, step.input);
      const files = listFiles(mockDir.path);
      const outputDir =
        step.input.outputDir ?? (area === 'service' ? '' : 'kubernetes');
      const prefix = outputDir ? `${outputDir}/` : '';
      const written = (ctx.output as jest.Mock).mock.calls.find(
        ([name]) => name === 'files',
      )[1];
      expect(Object.keys(files).sort()).toEqual(written);
      // The second service example writes into an existing namespace.
      const expectedFiles = EXPECTED_FILES[area].filter(
        file =>
          !(
            area === 'service' &&
            index === 1 &&
            file.endsWith('namespace.yaml')
          ),
      );
      expect(written).toEqual(expectedFiles.map(file => `${prefix}${file}`));
      const kinds = Object.fromEntries(
        Object.entries(files).map(([file, content]) => [
          file.slice(prefix.length),
          kindsIn(content),
        ]),
      );
      expect(kinds).toMatchObject(EXPECTED_KINDS[area][index as number]);
      const headers = Object.values(files).map(
        content => content.split('\n')[0],
      );
      expect(new Set(headers)).toEqual(
        new Set([
          `# Generated by the Backstage scaffolder action ${action.id}.`,
        ]),
      );
      const namespaces = new Set(
        Object.values(files).flatMap(content =>
          yaml
            .parseAllDocuments(content)
            .flatMap(doc => doc.toJS().metadata?.namespace ?? []),
        ),
      );
      expect(namespaces).toEqual(new Set([step.input.namespace]));
    });

    it('writes identical files when run twice, and the same in a dry run', async () => {
      const input = yaml.parse(action.examples![0].example).steps[0].input;
      await run(action, input);
      const first = listFiles(mockDir.path);
      const ctx = await run(action, input);
      expect(listFiles(mockDir.path)).toEqual(first);
      const written = (ctx.output as jest.Mock).mock.calls.find(
        ([name]) => name === 'written',
      )[1];
      expect(written).toEqual([]);
      mockDir.clear();
      await run(action, input, true);
      expect(listFiles(mockDir.path)).toEqual(first);
    });

    it.each([
      ['name', { name: 'Checkout_API' }],
      ['namespace', { namespace: '-commerce' }],
      ['outputDir', { outputDir: '../outside' }],
      ['outputDir', { outputDir: '/etc' }],
    ])('refuses a bad %s and writes nothing', async (field, change) => {
      const input = {
        ...yaml.parse(action.examples![0].example).steps[0].input,
        ...change,
      };
      const attempt = run(action, input);
      await expect(attempt).rejects.toThrow(InputError);
      await expect(attempt).rejects.toThrow(new RegExp(`^${field}: `));
      expect(listFiles(mockDir.path)).toEqual({});
    });
  },
);

describe('bad input names the field and writes nothing', () => {
  beforeEach(() => mockDir.clear());
  const service = {
    name: 'checkout',
    namespace: 'commerce',
    image: 'registry.example.com/commerce/checkout:1.0.0',
    owner: 'group:default/commerce-team',
  };
  it.each([
    [
      'monitoring',
      { name: 'checkout', namespace: 'commerce', slo: { availability: 100 } },
      'slo.availability',
    ],
    [
      'monitoring',
      { name: 'checkout', namespace: 'commerce', slo: { availability: 0 } },
      'slo.availability',
    ],
    [
      'monitoring',
      {
        name: 'checkout',
        namespace: 'commerce',
        slo: { latency: { thresholdMs: 300, target: 120 } },
      },
      'slo.latency.target',
    ],
    [
      'scaling',
      {
        name: 'checkout',
        namespace: 'commerce',
        minReplicas: 6,
        maxReplicas: 3,
      },
      'minReplicas',
    ],
    [
      'mesh',
      {
        name: 'checkout',
        namespace: 'commerce',
        callers: ['sa:commerce/web', 'user:alice'],
      },
      'callers\\[1\\]',
    ],
    [
      'security',
      { name: 'checkout', namespace: 'commerce', callers: ['sa:Commerce/web'] },
      'callers\\[0\\]',
    ],
    [
      'security',
      {
        name: 'checkout',
        namespace: 'commerce',
        seccomp: { type: 'Localhost', localhostProfile: '../../etc/x.json' },
      },
      'seccomp.localhostProfile',
    ],
    [
      'service',
      { ...service, scaling: { minReplicas: 9, maxReplicas: 4 } },
      'scaling.minReplicas',
    ],
    ['service', { ...service, callers: ['svc:web'] }, 'callers\\[0\\]'],
    [
      'service',
      { ...service, slo: { availability: 100.5 } },
      'slo.availability',
    ],
    [
      'service',
      { ...service, image: 'registry.example.com/checkout:latest' },
      'image',
    ],
    ['service', { ...service, name: '9lives' }, 'name'],
    [
      'service',
      {
        ...service,
        environments: { staging: { minReplicas: 5, maxReplicas: 2 } },
      },
      'environments.staging.minReplicas',
    ],
  ])('%s: %j → %s', async (area, input, field) => {
    const attempt = run(actions[area], input);
    await expect(attempt).rejects.toThrow(InputError);
    await expect(attempt).rejects.toThrow(new RegExp(`^${field}: `));
    expect(listFiles(mockDir.path)).toEqual({});
  });

  it('refuses to write through a symbolic link in the output directory', async () => {
    const outside = createMockDirectory();
    fs.symlinkSync(outside.path, path.join(mockDir.path, 'kubernetes'));
    const attempt = run(actions.mesh, {
      name: 'checkout',
      namespace: 'commerce',
    });
    await expect(attempt).rejects.toThrow(
      /^outputDir: .*symbolic link 'kubernetes'/,
    );
    expect(fs.readdirSync(outside.path)).toEqual([]);
  });
});
