import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { createMockDirectory } from '@backstage/backend-test-utils';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import {
  parseManifests,
  runChecks,
  scoreFindings,
} from '@cloud-native-platform/plugin-security-posture-common';
import yaml from 'yaml';
import { createServiceGenerateAction } from '../actions/service';
import { readTemplate, stepInput, TEMPLATE_VALUES } from './templateFixtures';

const PROMTOOL = process.env.PROMTOOL ?? '/usr/bin/promtool';
const havePromtool = fs.existsSync(PROMTOOL);

if (!havePromtool && process.env.CI !== 'true') {
  // Outside CI a missing promtool skips the rule check; in CI it fails.
  process.stderr.write(
    `promtool not found at ${PROMTOOL} (apt-get install prometheus): skipping promtool check rules\n`,
  );
}

/** Runs the template's wiring step through the action into a fresh directory. */
async function generate(template: string, dir: string): Promise<string> {
  const input = stepInput(
    readTemplate(template),
    'wiring',
    TEMPLATE_VALUES[template],
  );
  await createServiceGenerateAction().handler(
    createMockActionContext({ input, workspacePath: dir }),
  );
  return path.join(dir, input.outputDir ?? '.', 'kubernetes', 'base');
}

describe.each(Object.keys(TEMPLATE_VALUES))(
  'the service %s generates',
  template => {
    const dir = createMockDirectory();
    let base: string;
    beforeAll(async () => {
      base = await generate(template, dir.path);
    });

    it('passes promtool check rules', () => {
      if (!havePromtool && process.env.CI !== 'true') {
        return; // skipped outside CI, as printed above
      }
      expect(fs.existsSync(PROMTOOL)).toBe(true);
      const documents = yaml
        .parseAllDocuments(
          fs.readFileSync(path.join(base, 'monitoring.yaml'), 'utf8'),
        )
        .map(doc => doc.toJS())
        .filter(doc => doc.kind === 'PrometheusRule');
      expect(documents).toHaveLength(1);
      const rulesFile = path.join(dir.path, 'rules.yaml');
      fs.writeFileSync(
        rulesFile,
        yaml.stringify({ groups: documents[0].spec.groups }),
      );
      const result = spawnSync(PROMTOOL, ['check', 'rules', rulesFile], {
        encoding: 'utf8',
      });
      expect({
        status: result.status,
        output: `${result.stdout}${result.stderr}`,
      }).toEqual({
        status: 0,
        output: expect.stringMatching(/SUCCESS: \d+ rules found/),
      });
    });

    it('audits at score 100 with no findings', () => {
      const objects = fs
        .readdirSync(base)
        .filter(file => file.endsWith('.yaml') && file !== 'kustomization.yaml')
        .flatMap(
          file =>
            parseManifests(fs.readFileSync(path.join(base, file), 'utf8'), file)
              .objects,
        );
      expect(objects.map(o => o.kind)).toEqual(
        expect.arrayContaining(['Deployment', 'AuthorizationPolicy']),
      );
      const findings = runChecks(objects, { clusterRole: 'production' });
      // The findings in full, so a failure says what to fix.
      expect(
        findings.map(
          f =>
            `${f.checkId} ${f.resource.kind}/${f.resource.name}: ${f.message}`,
        ),
      ).toEqual([]);
      expect(scoreFindings(findings)).toBe(100);
    });
  },
);
