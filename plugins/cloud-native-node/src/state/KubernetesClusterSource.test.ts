import { mockServices } from '@backstage/backend-test-utils';
import { ClusterDefinition } from '../clusters/ClusterDefinition';
import { unreachableUrl } from '../testUtils';
import { FakeKubernetesApi } from '../testUtils/FakeKubernetesApi';
import { ClusterObjectStore } from './ClusterObjectStore';
import { ClusterStatusTracker } from './ClusterStatusTracker';
import {
  KubernetesClusterSource,
  KubernetesClusterSourceOptions,
} from './KubernetesClusterSource';
import { KubeObject } from './KubeObject';
import { DEFAULT_KINDS, KindDefinition } from './kinds';

const kind = (name: string) => DEFAULT_KINDS.find(k => k.kind === name)!;
const PODS = kind('Pod');
const DEPLOYMENTS = kind('Deployment');
const ROLLOUTS = kind('Rollout');
const CONSTRAINTS = DEFAULT_KINDS.find(k => k.kind === '*')!;
const TOKEN = 'reader-token';

const pod = (
  name: string,
  labels: Record<string, string> = {},
): KubeObject => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name, namespace: 'shop', labels },
  spec: { containers: [{ name: 'app', image: 'shop:1' }] },
});
const deployment = (name: string): KubeObject => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name, namespace: 'shop' },
  spec: { replicas: 2 },
});

/** Polls until a condition holds; conditions rather than sleeps keep the suite stable. */
async function waitFor(
  condition: () => boolean,
  what: string,
  timeoutMs = 5000,
) {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise(resolve => setTimeout(resolve, 10));
  }
}

describe('KubernetesClusterSource', () => {
  let api: FakeKubernetesApi | undefined;
  const sources: KubernetesClusterSource[] = [];

  afterEach(async () => {
    await Promise.all(sources.splice(0).map(s => s.stop()));
    await api?.close();
    api = undefined;
  });

  function createSource(
    url: string,
    kinds: KindDefinition[] = [PODS, DEPLOYMENTS],
    options: KubernetesClusterSourceOptions = {},
  ) {
    const cluster: ClusterDefinition = {
      name: 'test',
      role: 'production',
      labels: {},
      origin: 'test',
      source: {
        type: 'kubernetes',
        url,
        authProvider: 'serviceAccount',
        serviceAccountToken: TOKEN,
        skipTLSVerify: false,
      },
    };
    const store = new ClusterObjectStore();
    const status = new ClusterStatusTracker(cluster, k => store.count(k));
    const logger = mockServices.logger.mock();
    const onChange = jest.fn();
    const source = new KubernetesClusterSource(
      { cluster, store, status, logger, kinds, onChange },
      {
        watchdogMs: 10_000,
        backoff: { initialMs: 10, maxMs: 50 },
        absentRetryMs: 60_000,
        ...options,
      },
    );
    sources.push(source);
    const names = (k: string) =>
      store
        .list(k)
        .map(o => o.metadata.name)
        .sort();
    return { source, store, status, logger, onChange, names };
  }

  async function startWith(objects: KubeObject[], maxPageSize?: number) {
    api = await FakeKubernetesApi.start({
      clusters: { test: objects },
      token: TOKEN,
      maxPageSize,
    });
    const setup = createSource(api.url('test'));
    await setup.source.start();
    await waitFor(() => api!.openWatches('test') === 2, 'both watches');
    return { ...setup, api };
  }

  const lastWatch = (plural: string) =>
    api!.requestsOf('test', 'watch', plural).at(-1)!;

  it('lists every page, fills the store and watches from the list version', async () => {
    const { store, status, onChange } = await startWith(
      [pod('a'), pod('b'), pod('c'), pod('d'), pod('e'), deployment('web')],
      2,
    );
    expect(store.count('Pod')).toBe(5);
    expect(store.count('Deployment')).toBe(1);
    expect(store.get('Pod', 'shop', 'a')).toMatchObject({
      apiVersion: 'v1',
      kind: 'Pod',
    });
    expect(store.get('Deployment', 'shop', 'web')?.apiVersion).toBe('apps/v1');
    const snapshot = status.snapshot();
    expect(snapshot.state).toBe('ready');
    expect(snapshot.kinds).toEqual([
      { kind: 'Deployment', state: 'ready', count: 1 },
      { kind: 'Pod', state: 'ready', count: 5 },
    ]);
    const lists = api!.requestsOf('test', 'list', 'pods');
    expect(lists.map(r => r.path)).toEqual(Array(3).fill('/api/v1/pods'));
    expect(lists[0].query).toEqual({ limit: '500' });
    expect(lists[1].query.continue).toBeDefined();
    expect(api!.requestsOf('test', 'list', 'deployments')[0].path).toBe(
      '/apis/apps/v1/deployments',
    );
    expect(lastWatch('pods').query).toMatchObject({
      watch: '1',
      allowWatchBookmarks: 'true',
      timeoutSeconds: '300',
      resourceVersion: '7',
    });
    expect(onChange).toHaveBeenCalled();
  });

  it('applies ADDED, MODIFIED and DELETED events', async () => {
    const { store, names, onChange } = await startWith([pod('a'), pod('b')]);
    onChange.mockClear();
    api!.apply('test', pod('c'));
    api!.apply('test', pod('a', { tier: 'web' }));
    api!.remove('test', pod('b'));
    await waitFor(() => names('Pod').join() === 'a,c', 'pods a and c');
    expect(store.get('Pod', 'shop', 'a')?.metadata.labels).toEqual({
      tier: 'web',
    });
    expect(store.get('Pod', 'shop', 'c')?.kind).toBe('Pod');
    expect(onChange).toHaveBeenCalled();
  });

  it.each([
    ['an HTTP status', 'status' as const],
    ['an ERROR event', 'event' as const],
  ])('relists after 410 Gone sent as %s', async (_, goneAs) => {
    const { names, logger } = await startWith([pod('a')]);
    api!.compact('test', goneAs);
    api!.apply('test', pod('b'));
    api!.dropWatches('test', 'pods');
    await waitFor(
      () => api!.requestsOf('test', 'list', 'pods').length === 2,
      'relist',
    );
    await waitFor(() => names('Pod').join() === 'a,b', 'pods a and b');
    const gone = api!
      .requestsOf('test', 'watch', 'pods')
      .filter(r => r.query.resourceVersion === '2');
    expect(gone.length).toBeGreaterThanOrEqual(2);
    expect(gone.at(-1)!.status).toBe(goneAs === 'status' ? 410 : 200);
    expect(api!.requestsOf('test', 'list', 'deployments')).toHaveLength(1);
    expect(logger.info).toHaveBeenCalledWith(
      'cluster test watch for pods restarted after 410, relisting',
    );
    await waitFor(() => api!.openWatches('test', 'pods') === 1, 'new watch');
    api!.apply('test', pod('c'));
    await waitFor(() => names('Pod').join() === 'a,b,c', 'pod c');
  });

  it('resumes from the resourceVersion of the last bookmark', async () => {
    await startWith([pod('a')]);
    api!.apply('test', deployment('web'));
    const bookmarked = api!.bookmark('test');
    api!.endWatches('test', 'pods');
    await waitFor(
      () => api!.requestsOf('test', 'watch', 'pods').length === 2,
      'rewatch',
    );
    expect(bookmarked).toBe('3');
    expect(lastWatch('pods').query.resourceVersion).toBe(bookmarked);
    expect(api!.requestsOf('test', 'list', 'pods')).toHaveLength(1);
  });

  it('rewatches from the last resourceVersion when the connection drops', async () => {
    const { names } = await startWith([pod('a')]);
    const added = api!.apply('test', pod('b'));
    await waitFor(() => names('Pod').join() === 'a,b', 'pod b');
    api!.dropWatches('test', 'pods');
    await waitFor(
      () => api!.requestsOf('test', 'watch', 'pods').length === 2,
      'rewatch',
    );
    expect(lastWatch('pods').query.resourceVersion).toBe(
      added.metadata.resourceVersion,
    );
    expect(api!.requestsOf('test', 'list', 'pods')).toHaveLength(1);
    await waitFor(() => api!.openWatches('test', 'pods') === 1, 'new watch');
    api!.apply('test', pod('c'));
    await waitFor(() => names('Pod').join() === 'a,b,c', 'pod c');
  });

  it('restarts a silent watch after the watchdog period', async () => {
    api = await FakeKubernetesApi.start({ clusters: { test: [pod('a')] } });
    const { source, names, logger } = createSource(api.url('test'), [PODS], {
      watchdogMs: 200,
    });
    await source.start();
    await waitFor(() => api!.openWatches('test') === 1, 'watch');
    api.setSilent('test', 'pods', true);
    api.apply('test', pod('missed'));
    const watches = api.requestsOf('test', 'watch', 'pods').length;
    await waitFor(
      () => api!.requestsOf('test', 'watch', 'pods').length > watches,
      'watchdog restart',
    );
    api.setSilent('test', 'pods', false);
    await waitFor(() => names('Pod').join() === 'a,missed', 'missed pod');
    expect(logger.warn).toHaveBeenCalledWith(
      'cluster test watch for pods restarted: silent for 200 ms',
    );
    expect(api.requestsOf('test', 'list', 'pods')).toHaveLength(1);
  });

  it('restarts a watch silent for the bookmark bound once the server sends bookmarks', async () => {
    api = await FakeKubernetesApi.start({
      clusters: { test: [pod('a')] },
      bookmarkEveryMs: 100,
    });
    const { source, names, logger } = createSource(api.url('test'), [PODS], {
      watchdogMs: 60_000,
      bookmarkWatchdogMs: 400,
    });
    await source.start();
    await waitFor(() => api!.openWatches('test') === 1, 'watch');
    // No event for well over the bound, but bookmarks: the watch stays.
    await new Promise(resolve => setTimeout(resolve, 1_200));
    expect(api.requestsOf('test', 'watch', 'pods')).toHaveLength(1);
    // Half-open: neither events nor bookmarks arrive any more.
    api.halfOpen('test', 'pods');
    api.apply('test', pod('missed'));
    await waitFor(
      () => api!.requestsOf('test', 'watch', 'pods').length === 2,
      'restart after the bookmark bound',
    );
    await waitFor(() => names('Pod').join() === 'a,missed', 'missed pod');
    expect(logger.warn).toHaveBeenCalledWith(
      'cluster test watch for pods restarted: silent for 400 ms, bookmarks included',
    );
    expect(api.requestsOf('test', 'list', 'pods')).toHaveLength(1);
  }, 15_000);

  it('keeps the long bound for a server that sends no bookmarks', async () => {
    api = await FakeKubernetesApi.start({ clusters: { test: [pod('a')] } });
    const { source } = createSource(api.url('test'), [PODS], {
      watchdogMs: 60_000,
      bookmarkWatchdogMs: 200,
    });
    await source.start();
    await waitFor(() => api!.openWatches('test') === 1, 'watch');
    // A quiet namespace: nothing changes, and this server sends no bookmarks.
    await new Promise(resolve => setTimeout(resolve, 1_000));
    expect(api.requestsOf('test', 'watch', 'pods')).toHaveLength(1);
  });

  it('reports a forbidden kind and keeps the others', async () => {
    api = await FakeKubernetesApi.start({
      clusters: { test: [pod('a'), deployment('web')] },
    });
    api.forbid('test', 'deployments');
    const { source, status, store } = createSource(api.url('test'));
    await source.start();
    const snapshot = status.snapshot();
    expect(snapshot.state).toBe('degraded');
    expect(snapshot.kinds.find(k => k.kind === 'Pod')?.state).toBe('ready');
    const failed = snapshot.kinds.find(k => k.kind === 'Deployment')!;
    expect(failed.state).toBe('error');
    expect(failed.error).toContain(
      'cluster test, deployments: the service account may not list deployments',
    );
    expect(failed.error).toContain(
      'GET /apis/apps/v1/deployments: 403 Forbidden',
    );
    expect(snapshot.error).not.toContain('cannot be read');
    expect(store.count('Pod')).toBe(1);
  });

  it('marks a missing CRD absent without degrading the cluster, and finds it once installed', async () => {
    api = await FakeKubernetesApi.start({ clusters: { test: [pod('a')] } });
    const { source, status, names } = createSource(
      api.url('test'),
      [PODS, ROLLOUTS, CONSTRAINTS],
      {
        absentRetryMs: 100,
      },
    );
    await source.start();
    let snapshot = status.snapshot();
    expect(snapshot.state).toBe('ready');
    expect(snapshot.kinds.map(k => [k.kind, k.state])).toEqual([
      ['constraints.gatekeeper.sh/*', 'absent'],
      ['Pod', 'ready'],
      ['Rollout', 'absent'],
    ]);

    api.install('test', {
      group: 'argoproj.io',
      version: 'v1alpha1',
      kind: 'Rollout',
      plural: 'rollouts',
      namespaced: true,
    });
    api.install('test', {
      group: 'constraints.gatekeeper.sh',
      version: 'v1beta1',
      kind: 'K8sRequiredLabels',
      plural: 'k8srequiredlabels',
      namespaced: false,
    });
    api.apply('test', {
      apiVersion: 'argoproj.io/v1alpha1',
      kind: 'Rollout',
      metadata: { name: 'shop', namespace: 'shop' },
    });
    api.apply('test', {
      apiVersion: 'constraints.gatekeeper.sh/v1beta1',
      kind: 'K8sRequiredLabels',
      metadata: { name: 'must-have-team' },
    });
    await waitFor(
      () =>
        names('Rollout').length === 1 &&
        names('K8sRequiredLabels').length === 1,
      'CRD objects',
    );
    snapshot = status.snapshot();
    expect(
      snapshot.kinds.find(k => k.kind === 'K8sRequiredLabels')?.state,
    ).toBe('ready');
    expect(snapshot.kinds.find(k => k.kind === 'Rollout')?.state).toBe('ready');
    expect(api.requestsOf('test', 'list').map(r => r.path)).toContain(
      '/apis/constraints.gatekeeper.sh/v1beta1/k8srequiredlabels',
    );
    expect(
      api.requestsOf('test', 'list', 'k8srequiredlabels/status'),
    ).toHaveLength(0);
  });

  it('degrades an unreachable cluster, then recovers by itself', async () => {
    const down = await unreachableUrl();
    const port = Number(new URL(down).port);
    const { source, status, logger, names } = createSource(
      `${down}/clusters/test`,
    );
    await source.start();
    let snapshot = status.snapshot();
    expect(snapshot.state).toBe('degraded');
    expect(snapshot.error).toMatch(
      /^cluster test cannot be read: GET \/api.* connect ECONNREFUSED 127\.0\.0\.1:\d+/,
    );
    expect(snapshot.kinds.map(k => k.state)).toEqual(['error', 'error']);
    expect(logger.warn).toHaveBeenCalledWith(
      expect.stringMatching(/^cluster test cannot be read: .*ECONNREFUSED/),
    );

    api = await FakeKubernetesApi.start({
      port,
      clusters: { test: [pod('a')] },
    });
    await waitFor(() => status.snapshot().state === 'ready', 'recovery');
    snapshot = status.snapshot();
    expect(snapshot.error).toBeUndefined();
    expect(names('Pod')).toEqual(['a']);
  });

  it('reports rejected credentials with the status the server gave', async () => {
    api = await FakeKubernetesApi.start({ token: 'another-token' });
    const { source, status } = createSource(api.url('test'));
    await source.start();
    const snapshot = status.snapshot();
    expect(snapshot.state).toBe('degraded');
    expect(snapshot.error).toMatch(
      /^cluster test cannot be read: GET \/api.*: 401 Unauthorized/,
    );
  });

  it('closes every connection and timer on stop', async () => {
    const timers = () =>
      process.getActiveResourcesInfo().filter(r => r === 'Timeout').length;
    const before = timers();
    const { source } = await startWith([pod('a')]);
    sources.splice(0);
    expect(api!.openConnections()).toBeGreaterThan(0);
    await source.stop();
    await waitFor(() => api!.openConnections() === 0, 'closed connections');
    expect(api!.openWatches('test')).toBe(0);
    expect(timers()).toBe(before);
  });
});
