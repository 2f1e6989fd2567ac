import fs from 'node:fs';
import path from 'node:path';
import { parseAllDocuments } from 'yaml';
import { KubeObject } from '../kube';

/** The four clusters of the demo, one folder each. */
export const DEMO_FLEET_DIR = path.resolve(
  __dirname,
  '../../../../examples/clusters',
);

/** The demo cluster the end-to-end tests check the engine against. */
export const DEMO_CLUSTER_DIR = path.join(DEMO_FLEET_DIR, 'prod-east-a');

/** Every Kubernetes object of the YAML files under `dir`, recursively. */
export function readManifests(dir: string): KubeObject[] {
  const objects: KubeObject[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      objects.push(...readManifests(file));
    } else if (/\.ya?ml$/.test(entry.name)) {
      for (const doc of parseAllDocuments(fs.readFileSync(file, 'utf8'))) {
        const value = doc.toJS();
        if (value?.kind) {
          objects.push(value);
        }
      }
    }
  }
  return objects;
}
