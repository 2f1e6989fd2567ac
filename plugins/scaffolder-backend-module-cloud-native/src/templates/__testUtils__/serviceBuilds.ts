import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import {
  TemplateAction,
  TemplateExample,
} from '@backstage/plugin-scaffolder-node';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import {
  KubeObject,
  parseManifests,
} from '@cloud-native-platform/plugin-security-posture-common';
import yaml from 'yaml';
import { createMeshGenerateAction } from '../../actions/mesh';
import { examples as meshExamples } from '../../actions/mesh.examples';
import { createMonitoringGenerateAction } from '../../actions/monitoring';
import { examples as monitoringExamples } from '../../actions/monitoring.examples';
import { createScalingGenerateAction } from '../../actions/scaling';
import { examples as scalingExamples } from '../../actions/scaling.examples';
import { createSecurityGenerateAction } from '../../actions/security';
import { examples as securityExamples } from '../../actions/security.examples';
import { createServiceGenerateAction } from '../../actions/service';
import { examples as serviceExamples } from '../../actions/service.examples';
import { ENVIRONMENTS, SERVICE_LAYOUT } from '../../generators/service';
import { readTemplate, stepInput, TEMPLATE_VALUES } from './templateFixtures';

// The runs the proof test checks, and their kubectl kustomize builds.

/** Every action of the module, with its documented examples. */
export const ACTIONS: Array<{
  action: TemplateAction<any, any>;
  examples: TemplateExample[];
}> = [
  { action: createMeshGenerateAction(), examples: meshExamples },
  { action: createMonitoringGenerateAction(), examples: monitoringExamples },
  { action: createScalingGenerateAction(), examples: scalingExamples },
  { action: createSecurityGenerateAction(), examples: securityExamples },
  { action: createServiceGenerateAction(), examples: serviceExamples },
];
/** The action that writes a whole service, Kustomize base and overlays. */
export const SERVICE_ACTION = 'cloud-native:service:generate';

/** One run of an action: a template's wiring step or a documented example. */
export interface GeneratedCase {
  label: string;
  actionId: string;
  input: Record<string, any>;
  /** Every file the action wrote, relative to the workspace. */
  files: string[];
  workspace: string;
}

/** One `kubectl kustomize` of a directory the action wrote. */
export interface Build {
  /** `<case>: <directory>`, for the failure messages. */
  label: string;
  generated: GeneratedCase;
  /** The overlay's environment; undefined for the base. */
  environment?: string;
  status: number | null;
  stderr: string;
  objects: KubeObject[];
}

/** The templates' wiring steps and every example step of every action. */
export function casesToRun(): Omit<GeneratedCase, 'files' | 'workspace'>[] {
  const cases: Omit<GeneratedCase, 'files' | 'workspace'>[] = [];
  for (const template of Object.keys(TEMPLATE_VALUES)) {
    cases.push({
      label: `template ${template}`,
      actionId: SERVICE_ACTION,
      input: stepInput(
        readTemplate(template),
        'wiring',
        TEMPLATE_VALUES[template],
      ),
    });
  }
  for (const { action, examples } of ACTIONS) {
    examples.forEach((example, index) => {
      for (const step of yaml.parse(example.example).steps) {
        if (step.action !== action.id) {
          throw new Error(
            `${action.id} example ${index + 1} runs ${step.action}`,
          );
        }
        cases.push({
          label: `${action.id} example ${index + 1} (${example.description})`,
          actionId: action.id,
          input: step.input,
        });
      }
    });
  }
  return cases;
}

/** Runs a case's action into a fresh workspace, keeping the files it reports. */
export async function generate(
  c: Omit<GeneratedCase, 'files' | 'workspace'>,
  workspace: string,
): Promise<GeneratedCase> {
  const { action } = ACTIONS.find(a => a.action.id === c.actionId)!;
  fs.mkdirSync(workspace, { recursive: true });
  const ctx = createMockActionContext({
    input: c.input,
    workspacePath: workspace,
  });
  await action.handler(ctx);
  const files = (ctx.output as jest.Mock).mock.calls.find(
    ([name]) => name === 'files',
  )![1] as string[];
  return { ...c, files, workspace };
}

/** Builds a kustomization the action wrote, with its objects when it built. */
export function kustomize(
  kubectl: string,
  generated: GeneratedCase,
  kustomization: string,
): Build {
  const dir = path.dirname(kustomization);
  const result = spawnSync(
    kubectl,
    ['kustomize', path.join(generated.workspace, dir)],
    { encoding: 'utf8' },
  );
  const environment = ENVIRONMENTS.find(env =>
    dir.endsWith(`${SERVICE_LAYOUT.overlays}/${env}`),
  );
  return {
    label: `${generated.label}: ${dir}`,
    generated,
    environment,
    status: result.status,
    stderr: `${result.error?.message ?? ''}${result.stderr ?? ''}`,
    objects:
      result.status === 0
        ? parseManifests(result.stdout, `kubectl kustomize ${dir}`).objects
        : [],
  };
}

/** apiVersion, kind, namespace and name of an object, to match and to name it. */
export function id(object: KubeObject): string {
  return `${object.apiVersion} ${object.kind} ${
    object.metadata?.namespace ?? ''
  }/${object.metadata?.name}`;
}
