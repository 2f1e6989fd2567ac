import { mockCredentials } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { targetPaths } from '@backstage/cli-common';
import fs from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { parseAllDocuments } from 'yaml';

/**
 * The demo of this repository, `examples/` at the root of the monorepo the
 * tests run in: cluster manifests, the catalog and `app-config.yaml` beside it.
 *
 * @public
 */
export const DEMO_EXAMPLES_DIR = path.join(targetPaths.rootDir, 'examples');

const DEMO_CLUSTERS: Array<[string, string]> = [
  ['prod-east-a', 'production'],
  ['prod-east-b', 'production'],
  ['dr-west', 'disaster-recovery'],
  ['staging', 'staging'],
];

/**
 * `cloudNativePlatform.clusters` of the demo: four clusters read from their
 * manifests under {@link DEMO_EXAMPLES_DIR}.
 *
 * @public
 */
export function demoClusters(): Array<{
  name: string;
  role: string;
  manifests: { path: string };
}> {
  return DEMO_CLUSTERS.map(([name, role]) => ({
    name,
    role,
    manifests: { path: path.join(DEMO_EXAMPLES_DIR, 'clusters', name) },
  }));
}

/**
 * The demo catalog in the default namespace, each owned entity with its
 * `ownedBy` relation, plus `docs-site`, a component without Kubernetes
 * annotations.
 *
 * @public
 */
export function demoCatalogEntities(): Entity[] {
  const entities: Entity[] = [];
  for (const file of [
    'components.yaml',
    'resources.yaml',
    'org.yaml',
    'systems.yaml',
  ]) {
    const text = fs.readFileSync(
      path.join(DEMO_EXAMPLES_DIR, 'catalog', file),
      'utf8',
    );
    for (const doc of parseAllDocuments(text)) {
      const entity = doc.toJSON() as Entity | null;
      if (!entity?.kind) continue;
      const owner = entity.spec?.owner;
      entity.metadata.namespace = 'default';
      if (typeof owner === 'string') {
        entity.relations = [
          { type: 'ownedBy', targetRef: `group:default/${owner}` },
        ];
      }
      entities.push(entity);
    }
  }
  entities.push({
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name: 'docs-site', namespace: 'default' },
    spec: { type: 'website', lifecycle: 'production', owner: 'platform-team' },
    relations: [{ type: 'ownedBy', targetRef: 'group:default/platform-team' }],
  });
  return entities;
}

/**
 * Waits until the cluster-topology plugin of a test backend reports every
 * cluster ready, asking its `/clusters` route as a mock user; throws after
 * 20 seconds.
 *
 * @public
 */
export async function waitForDemoClusters(server: Server): Promise<void> {
  const { port } = server.address() as AddressInfo;
  const url = `http://localhost:${port}/api/cluster-topology/clusters`;
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline) {
    const res = await fetch(url, {
      headers: { Authorization: mockCredentials.user.header() },
    });
    const body = res.ok
      ? ((await res.json()) as { items?: Array<{ status?: string }> })
      : {};
    if (body.items?.every(c => c.status === 'ready')) return;
    await new Promise(resolve => setTimeout(resolve, 100));
  }
  throw new Error('the demo clusters did not load in 20 s');
}
