import { mockCredentials } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import fs from 'node:fs';
import path from 'node:path';
import request from 'supertest';
import { parseAllDocuments } from 'yaml';

export const EXAMPLES = path.resolve(__dirname, '../../../../../examples');

export const CLUSTERS: Array<[string, string]> = [
  ['prod-east-a', 'production'],
  ['prod-east-b', 'production'],
  ['dr-west', 'disaster-recovery'],
  ['staging', 'staging'],
];

/** `cloudNativePlatform.clusters` of the demo, with absolute manifest paths. */
export function demoClusters() {
  return CLUSTERS.map(([name, role]) => ({
    name,
    role,
    manifests: { path: path.join(EXAMPLES, 'clusters', name) },
  }));
}

/** The demo catalog, with ownedBy relations, plus a component without Kubernetes annotations. */
export function catalogEntities(): Entity[] {
  const entities: Entity[] = [];
  for (const file of [
    'components.yaml',
    'resources.yaml',
    'org.yaml',
    'systems.yaml',
  ]) {
    const text = fs.readFileSync(path.join(EXAMPLES, 'catalog', file), 'utf8');
    for (const doc of parseAllDocuments(text)) {
      const entity = doc.toJSON() as Entity;
      if (!entity?.kind) continue;
      const owner = (entity.spec as any)?.owner;
      entity.metadata.namespace = 'default';
      if (owner) {
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

/** Waits until every cluster's manifests are loaded. */
export async function waitForClusters(server: any) {
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline) {
    const res = await request(server)
      .get('/api/cluster-topology/clusters')
      .set('Authorization', mockCredentials.user.header());
    if (res.body.items?.every((c: any) => c.status === 'ready')) return;
    await new Promise(resolve => setTimeout(resolve, 100));
  }
  throw new Error('the demo clusters did not load in 20 s');
}
