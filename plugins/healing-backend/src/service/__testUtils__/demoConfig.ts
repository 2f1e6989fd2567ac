import fs from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';

/** The repository root, where app-config.yaml and examples/ are. */
export const REPO_ROOT = path.resolve(__dirname, '../../../../..');

/**
 * The demo's own configuration from app-config.yaml (clusters of
 * examples/clusters and the healing block), with absolute manifests paths.
 */
export function demoConfig(): Record<string, any> {
  const app = YAML.parse(
    fs.readFileSync(path.join(REPO_ROOT, 'app-config.yaml'), 'utf8'),
  );
  for (const cluster of app.cloudNativePlatform.clusters) {
    cluster.manifests.path = path.join(REPO_ROOT, cluster.manifests.path);
  }
  return {
    backend: { baseUrl: 'http://localhost:7007' },
    cloudNativePlatform: app.cloudNativePlatform,
    healing: app.healing,
  };
}
