import fs from 'node:fs';
import path from 'node:path';
// yaml is a devDependency only: the package itself has no dependencies, and
// only this test reads the demo's YAML.
import { parseAllDocuments } from 'yaml';
import { HealingAttempt } from '../api';
import { KubeEventLike, KubeObjectLike } from './kube';
import { platformAttempts } from './platformAttempts';

const FLEET = path.resolve(__dirname, '../../../../examples/clusters');
// The demo is a snapshot taken at this time (examples/README.md).
const NOW = new Date('2026-11-18T09:30:00Z');

function readCluster(name: string) {
  const objects: KubeObjectLike[] = [];
  const events: KubeEventLike[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const file = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(file);
      else if (/\.ya?ml$/.test(entry.name)) {
        for (const doc of parseAllDocuments(fs.readFileSync(file, 'utf8'))) {
          const value = doc.toJS();
          if (value?.kind === 'Event') events.push(value);
          else if (value?.kind) objects.push(value);
        }
      }
    }
  };
  walk(path.join(FLEET, name));
  return { objects, events };
}

function attemptsOf(cluster: string): HealingAttempt[] {
  return platformAttempts({
    cluster,
    now: NOW,
    ...readCluster(cluster),
    entityRefOf: w => {
      const id = w.metadata.labels?.['backstage.io/kubernetes-id'];
      return id ? `component:default/${id}` : undefined;
    },
  });
}

function about(attempts: HealingAttempt[], kind: string, name: string) {
  return attempts.filter(a => a.target.kind === kind && a.target.name === name);
}

describe('platform healing in the demo fleet', () => {
  const eastA = attemptsOf('prod-east-a');
  const eastB = attemptsOf('prod-east-b');

  it('finds the risk-service crash loop in prod-east-b, not healed', () => {
    const [loop] = about(eastB, 'Deployment', 'risk-service');
    expect(loop).toMatchObject({
      kind: 'platform',
      cluster: 'prod-east-b',
      target: {
        namespace: 'trading',
        entityRef: 'component:default/risk-service',
      },
      action: 'restart',
      mode: 'enforce',
      status: 'failed',
      createdAt: '2026-11-18T08:24:00.000Z',
      reason:
        'container risk-service still in CrashLoopBackOff after 66 min, last exit code 1 (Error)',
    });
    expect(loop.steps[0].summary).toBe(
      'kubelet restarted container risk-service 14 times (CrashLoopBackOff)',
    );
    expect(loop.resolvedAt).toBeUndefined();
  });

  it('finds the OOMKilled inventory-service pod in prod-east-a, healed', () => {
    const [oom] = about(eastA, 'Deployment', 'inventory-service');
    expect(oom).toMatchObject({
      action: 'restart',
      status: 'healed',
      createdAt: '2026-11-18T07:18:00.000Z',
      resolvedAt: '2026-11-18T09:12:37.000Z',
      mttrSeconds: 6877,
    });
    expect(oom.steps[0].summary).toBe(
      'kubelet restarted container inventory-service 3 times (OOMKilled)',
    );
  });

  it('finds the flash-sale rescale with three Pending pods in prod-east-a', () => {
    const [sale] = about(eastA, 'Deployment', 'flash-sale');
    expect(sale).toMatchObject({
      action: 'scale',
      status: 'failed',
      createdAt: '2026-11-18T09:20:56.000Z',
      target: { entityRef: 'component:default/flash-sale' },
    });
    expect(sale.reason).toBe(
      'Deployment commerce/flash-sale has 97/100 replicas ready after 9 min; 3 pods Pending: 0/6 nodes are available: 6 Insufficient cpu.',
    );
    expect(sale.steps.map(s => s.summary)).toContain(
      'deployment-controller: Scaled up replica set flash-sale-4df7bbf949 to 100 from 40',
    );
  });

  it('sees the same rescale met in prod-east-b', () => {
    const [sale] = about(eastB, 'Deployment', 'flash-sale');
    expect(sale).toMatchObject({ action: 'scale', status: 'healed' });
    expect(sale.mttrSeconds).toBeGreaterThanOrEqual(0);
  });

  it('finds prod-east-b-node-6 NotReady, with only DaemonSet pods on it', () => {
    const [node] = about(eastB, 'Node', 'prod-east-b-node-6');
    expect(node).toMatchObject({
      target: { cluster: 'prod-east-b', kind: 'Node' },
      action: 'evict',
      status: 'failed',
      createdAt: '2026-11-18T09:06:19.000Z',
      reason:
        'node prod-east-b-node-6 still NotReady after 24 min; 2 DaemonSet pods stay on it (node-exporter-kxzqv, log-agent-z4z4g)',
    });
    expect(node.target.namespace).toBeUndefined();
  });

  it('yields nothing from rollouts that completed, and the same ids twice', () => {
    expect(attemptsOf('staging')).toEqual([]);
    expect(attemptsOf('prod-east-b').map(a => a.id)).toEqual(
      eastB.map(a => a.id),
    );
    expect(eastB.map(a => a.action).sort()).toEqual([
      'evict',
      'restart',
      'scale',
      'scale',
    ]);
  });
});
