import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { createMockDirectory } from '@backstage/backend-test-utils';
import {
  runChecks,
  scoreFindings,
} from '@cloud-native-platform/plugin-security-posture-common';
import yaml from 'yaml';
import { examples as serviceExamples } from '../actions/service.examples';
import { modelClassFor } from '../generators/models';
import {
  buildService,
  ENVIRONMENTS,
  SERVICE_LAYOUT,
} from '../generators/service';
import {
  Build,
  casesToRun,
  generate,
  GeneratedCase,
  id,
  kustomize,
  SERVICE_ACTION,
} from './__testUtils__/serviceBuilds';
import { TEMPLATE_VALUES } from './__testUtils__/templateFixtures';

/*
 * The generated services, proven by the tools their users run: every
 * Kustomize base and overlay the templates and the actions' documented
 * examples write is built by kubectl kustomize, each built object is
 * checked against its schema, each PrometheusRule by promtool, and each
 * build is audited by the posture engine.
 */

const KUBECTL = process.env.KUBECTL ?? '/usr/bin/kubectl';
const PROMTOOL = process.env.PROMTOOL ?? '/usr/bin/promtool';
const CI = process.env.CI === 'true';
const haveKubectl = fs.existsSync(KUBECTL);
const havePromtool = fs.existsSync(PROMTOOL);

// Outside CI a missing tool skips its checks; in CI it fails them
// (scripts/test.js installs both before the unit suite).
if (!haveKubectl && !CI) {
  process.stderr.write(
    `kubectl not found at ${KUBECTL} (apt-get install kubernetes-client): skipping the kubectl kustomize proofs\n`,
  );
}
if (!havePromtool && !CI) {
  process.stderr.write(
    `promtool not found at ${PROMTOOL} (apt-get install prometheus): skipping promtool check rules\n`,
  );
}
const skipKubectl = !haveKubectl && !CI;

const workspaceRoot = createMockDirectory();
const generated: GeneratedCase[] = [];
const builds: Build[] = [];
const counts = { builds: 0, objects: 0, ruleFiles: 0 };

beforeAll(async () => {
  const cases = casesToRun();
  for (const [index, c] of cases.entries()) {
    generated.push(
      await generate(c, path.join(workspaceRoot.path, `case-${index}`)),
    );
  }
  if (!haveKubectl && !CI) return;
  for (const g of generated) {
    for (const file of g.files.filter(f => f.endsWith('kustomization.yaml'))) {
      builds.push(kustomize(KUBECTL, g, file));
    }
  }
});

afterAll(() => {
  process.stderr.write(
    `proof: ${counts.builds} kustomizations built, ${counts.objects} objects validated, ${counts.ruleFiles} rule files checked by promtool\n`,
  );
});

describe('the templates and the documented examples', () => {
  it('write a Kustomize base and an overlay per environment wherever they write a service', () => {
    const withKustomization = generated.filter(g =>
      g.files.some(f => f.endsWith('kustomization.yaml')),
    );
    // Every template and every example of the service action, and nothing
    // else: the area actions write single files to apply or to include.
    expect(withKustomization.map(g => g.label)).toEqual(
      generated.filter(g => g.actionId === SERVICE_ACTION).map(g => g.label),
    );
    expect(withKustomization.length).toBe(
      Object.keys(TEMPLATE_VALUES).length + serviceExamples.length,
    );
    for (const g of withKustomization) {
      const root = g.input.outputDir ?? '.';
      expect(
        g.files.filter(f => f.endsWith('kustomization.yaml')).sort(),
      ).toEqual(
        [
          SERVICE_LAYOUT.base,
          ...ENVIRONMENTS.map(env => `${SERVICE_LAYOUT.overlays}/${env}`),
        ]
          .map(dir => path.posix.join(root, dir, 'kustomization.yaml'))
          .sort(),
      );
    }
  });

  it('build with kubectl kustomize, exit 0 and no warnings', () => {
    if (skipKubectl) return; // skipped outside CI, as printed above
    expect(builds.length).toBe(
      (Object.keys(TEMPLATE_VALUES).length + serviceExamples.length) *
        (1 + ENVIRONMENTS.length),
    );
    for (const build of builds) {
      expect({
        build: build.label,
        status: build.status,
        stderr: build.stderr,
      }).toEqual({ build: build.label, status: 0, stderr: '' });
      expect(build.objects.length).toBeGreaterThan(0);
      counts.builds += 1;
    }
  });

  it('build objects that each match their schema', () => {
    if (skipKubectl) return; // skipped outside CI, as printed above
    const failures: string[] = [];
    for (const build of builds) {
      for (const object of build.objects) {
        const Model = modelClassFor(object.apiVersion, object.kind);
        if (!Model) {
          failures.push(
            `${build.label}: ${id(object)} has no schema in kubernetes-models`,
          );
          continue;
        }
        try {
          new Model(object).validate();
          counts.objects += 1;
        } catch (error) {
          failures.push(
            `${build.label}: ${id(object)}: ${(error as Error).message}`,
          );
        }
      }
    }
    expect(failures).toEqual([]);
    expect(counts.objects).toBeGreaterThan(0);
  });

  it("carry each overlay's values into the built objects", () => {
    if (skipKubectl) return; // skipped outside CI, as printed above
    // A patch whose target matched nothing would leave the base's values in
    // place without an error; the overlay must change what it says it does.
    for (const build of builds.filter(b => b.environment)) {
      const { outputDir: _, ...options } = build.generated.input;
      const expected = buildService(options as any).environments[
        build.environment as (typeof ENVIRONMENTS)[number]
      ];
      for (const want of expected.map(o => o.toJSON() as any)) {
        const got = build.objects.find(o => id(o) === id(want)) as any;
        const pick = (o: any) =>
          o && {
            object: `${build.label}: ${id(o)}`,
            replicas: o.spec.replicas,
            environment: o.spec.template?.spec.containers[0].env.find(
              (e: any) => e.name === 'ENVIRONMENT',
            )?.value,
            minReplicas: o.spec.minReplicas ?? o.spec.minReplicaCount,
            maxReplicas: o.spec.maxReplicas ?? o.spec.maxReplicaCount,
            minAvailable: o.spec.minAvailable,
          };
        expect(pick(got)).toEqual(pick(want));
        expect(pick(got).environment).toBe(
          want.kind === 'Deployment' ? build.environment : undefined,
        );
        expect(
          got.metadata.labels['cloud-native-platform.io/environment'],
        ).toBe(build.environment);
      }
    }
  });

  it('build PrometheusRules that pass promtool check rules', () => {
    if (skipKubectl) return; // skipped outside CI, as printed above
    if (!havePromtool && !CI) {
      return; // skipped outside CI, as printed above
    }
    expect(fs.existsSync(PROMTOOL)).toBe(true);
    const dir = workspaceRoot.resolve('rules');
    fs.mkdirSync(dir, { recursive: true });
    for (const [index, build] of builds.entries()) {
      const rules = build.objects.filter(o => o.kind === 'PrometheusRule');
      // Each service has its SLO rules, in the base and every overlay.
      expect({ build: build.label, rules: rules.length }).toEqual({
        build: build.label,
        rules: 1,
      });
      for (const rule of rules) {
        const file = path.join(dir, `${index}-${rule.metadata?.name}.yaml`);
        fs.writeFileSync(
          file,
          yaml.stringify({ groups: (rule as any).spec.groups }),
        );
        const result = spawnSync(PROMTOOL, ['check', 'rules', file], {
          encoding: 'utf8',
        });
        expect({
          build: build.label,
          status: result.status,
          output: `${result.stdout}${result.stderr}`,
        }).toEqual({
          build: build.label,
          status: 0,
          output: expect.stringMatching(/SUCCESS: \d+ rules found/),
        });
        counts.ruleFiles += 1;
      }
    }
  });

  it('build what the posture engine scores 100 with no findings', () => {
    if (skipKubectl) return; // skipped outside CI, as printed above
    for (const build of builds) {
      expect(build.objects.map(o => o.kind)).toEqual(
        expect.arrayContaining([
          'Deployment',
          'PodDisruptionBudget',
          'PeerAuthentication',
          'AuthorizationPolicy',
          'NetworkPolicy',
        ]),
      );
      const findings = runChecks(build.objects, {
        clusterRole: 'production',
      });
      // The findings in full, so a failure says what to fix.
      expect({
        build: build.label,
        findings: findings.map(
          f =>
            `${f.checkId} ${f.resource.kind}/${f.resource.name}: ${f.message}`,
        ),
        score: scoreFindings(findings),
      }).toEqual({ build: build.label, findings: [], score: 100 });
    }
  });
});
