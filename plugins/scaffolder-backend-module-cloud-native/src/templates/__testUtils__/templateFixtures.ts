import fs from 'node:fs';
import path from 'node:path';
import { resolvePackagePath } from '@backstage/backend-plugin-api';
import yaml from 'yaml';

/** The repository's templates/ folder. */
export const TEMPLATES_DIR = resolvePackagePath(
  '@cloud-native-platform/plugin-scaffolder-backend-module-cloud-native',
  '../../templates',
);

/** The templates every proof runs on, with the values a user would enter. */
export const TEMPLATE_VALUES: Record<string, Record<string, unknown>> = {
  'cloud-native-service': {
    name: 'checkout-api',
    description: 'Checkout API of the web shop.',
    owner: 'group:default/commerce-team',
    system: 'flash-sale-commerce',
    namespace: 'commerce',
    imageRegistry: 'registry.example.com/commerce',
    availability: 99.9,
    latencyP99Ms: 250,
    minReplicas: 3,
    maxReplicas: 12,
    priorityClassName: 'cloud-native-service',
    callers: ['ns:istio-system', 'sa:commerce/flash-sale'],
    publish: false,
  },
  'wire-existing-service': {
    repoUrl: 'github.com?owner=acme&repo=inventory-service',
    openPullRequest: false,
    name: 'inventory-service',
    namespace: 'commerce',
    owner: 'group:default/commerce-team',
    image: 'registry.example.com/commerce/inventory-service:2.4.0',
    port: 8080,
    availability: 99.95,
    latencyP99Ms: 100,
    minReplicas: 2,
    maxReplicas: 6,
    priorityClassName: 'business-critical',
    callers: ['sa:commerce/checkout'],
  },
};

/** A template entity read from templates/<name>/template.yaml. */
export function readTemplate(name: string): any {
  return yaml.parse(
    fs.readFileSync(path.join(TEMPLATES_DIR, name, 'template.yaml'), 'utf8'),
  );
}

/** Every file of a template folder, as the template editor uploads them. */
export function templateDirectoryContents(
  name: string,
): Array<{ path: string; base64Content: string }> {
  const root = path.join(TEMPLATES_DIR, name);
  const out: Array<{ path: string; base64Content: string }> = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else
        out.push({
          path: path.relative(root, full).split(path.sep).join('/'),
          base64Content: fs.readFileSync(full).toString('base64'),
        });
    }
  };
  walk(root);
  return out.sort((a, b) => a.path.localeCompare(b.path));
}

/**
 * The input a template gives a step, for the `${{ parameters.x }}`
 * expressions the wiring steps use: a whole-string expression keeps the
 * parameter's type, one inside a string is interpolated.
 */
export function stepInput(
  template: any,
  stepId: string,
  values: Record<string, unknown>,
): any {
  const step = template.spec.steps.find((s: any) => s.id === stepId);
  const render = (value: unknown): unknown => {
    if (typeof value === 'string') {
      const whole = /^\$\{\{\s*parameters\.(\w+)\s*\}\}$/.exec(value);
      if (whole) return values[whole[1]];
      return value.replace(/\$\{\{\s*parameters\.(\w+)\s*\}\}/g, (_, key) =>
        String(values[key]),
      );
    }
    if (Array.isArray(value)) return value.map(render);
    if (value && typeof value === 'object') {
      return Object.fromEntries(
        Object.entries(value).map(([k, v]) => [k, render(v)]),
      );
    }
    return value;
  };
  return render(step.input);
}
