import { mockServices } from '@backstage/backend-test-utils';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ClusterObjectStore } from './ClusterObjectStore';
import { ClusterStatusTracker } from './ClusterStatusTracker';
import { ManifestsClusterSource } from './ManifestsClusterSource';
import { DEFAULT_KINDS } from './kinds';
import { ClusterDefinition } from '../clusters/ClusterDefinition';

const pod = (name: string) =>
  `apiVersion: v1\nkind: Pod\nmetadata:\n  name: ${name}\n  namespace: trading\n  uid: ${name}\n`;

describe('ManifestsClusterSource', () => {
  let dir: string;
  let source: ManifestsClusterSource;
  let store: ClusterObjectStore;
  let status: ClusterStatusTracker;
  const changes = jest.fn();

  beforeEach(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'manifests-'));
    fs.mkdirSync(path.join(dir, 'trading'));
    fs.writeFileSync(
      path.join(dir, 'trading', 'pods.yaml'),
      `${pod('a')}---\n${pod('b')}`,
    );
    fs.writeFileSync(
      path.join(dir, 'list.yml'),
      'apiVersion: v1\nkind: List\nitems:\n  - apiVersion: v1\n    kind: Namespace\n    metadata: { name: trading }\n',
    );
    fs.writeFileSync(path.join(dir, 'notes.txt'), 'not yaml: [');
    fs.writeFileSync(
      path.join(dir, 'trading', 'bad.yaml'),
      `${pod(
        'c',
      )}---\nkind: Service\nmetadata: {}\n---\nmetadata:\n  name: x\n   broken: indentation\n`,
    );
    const cluster: ClusterDefinition = {
      name: 'staging',
      role: 'staging',
      labels: {},
      source: { type: 'manifests', path: dir },
      origin: 'test',
    };
    store = new ClusterObjectStore();
    status = new ClusterStatusTracker(cluster, kind => store.count(kind));
    source = new ManifestsClusterSource({
      cluster,
      store,
      status,
      logger: mockServices.logger.mock(),
      kinds: DEFAULT_KINDS,
      onChange: changes,
    });
    await source.start();
  });

  afterEach(async () => {
    await source.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('loads multi-document files and lists recursively, reporting bad documents with file and line', () => {
    expect(
      store
        .list('Pod')
        .map(p => p.metadata.name)
        .sort(),
    ).toEqual(['a', 'b', 'c']);
    expect(store.count('Namespace')).toBe(1);
    const snapshot = status.snapshot();
    expect(snapshot.state).toBe('degraded');
    expect(snapshot.problems).toEqual([
      'trading/bad.yaml:8:1: not a Kubernetes object (apiVersion, kind and metadata.name are required)',
      'trading/bad.yaml:12:9: Nested mappings are not allowed in compact mappings',
    ]);
    expect(snapshot.kinds.find(k => k.kind === 'Pod')).toEqual({
      kind: 'Pod',
      state: 'ready',
      count: 3,
    });
    expect(changes).toHaveBeenCalled();
  });

  it('follows file changes: edits, new files and removals', async () => {
    fs.writeFileSync(path.join(dir, 'trading', 'pods.yaml'), pod('a'));
    fs.mkdirSync(path.join(dir, 'commerce'));
    fs.writeFileSync(path.join(dir, 'commerce', 'pods.yaml'), pod('d'));
    fs.rmSync(path.join(dir, 'trading', 'bad.yaml'));
    await waitFor(() => {
      const names = store
        .list('Pod')
        .map(p => p.metadata.name)
        .sort();
      return names.join() === 'a,d' ? names : undefined;
    });
    expect(status.snapshot()).toMatchObject({ state: 'ready', problems: [] });
  });
});

async function waitFor<T>(probe: () => T | undefined): Promise<T> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const value = probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise(resolve => setTimeout(resolve, 50));
  }
}
