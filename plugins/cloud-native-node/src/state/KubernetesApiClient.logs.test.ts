import { FakeKubernetesApi } from '../testUtils/FakeKubernetesApi';
import { KubernetesApiClient, KubernetesApiError } from './KubernetesApiClient';

describe('KubernetesApiClient pod logs', () => {
  let api: FakeKubernetesApi;
  let client: KubernetesApiClient;
  const ref = { namespace: 'trading', pod: 'engine-1', container: 'engine' };
  const lines = [
    { time: '2026-12-03T10:00:00.000000001Z', text: 'starting' },
    { time: '2026-12-03T10:00:01Z', text: 'listening on :8080' },
    { time: '2026-12-03T10:00:02Z', text: 'ready' },
  ];

  beforeEach(async () => {
    api = await FakeKubernetesApi.start({ token: 'sa-token-1' });
    api.setPodLog('test', ref, lines);
    api.setPodLog('test', { ...ref, container: 'sidecar' }, []);
    api.setPodLog('test', ref, [{ time: lines[0].time, text: 'oom' }], {
      previous: true,
    });
    client = new KubernetesApiClient({
      url: api.url(),
      serviceAccountToken: 'sa-token-1',
    });
  });
  afterEach(async () => {
    client.close();
    await api.close();
  });

  it('reads a container log with timestamps, tail and since as asked', async () => {
    const signal = new AbortController().signal;
    expect(
      await client.getPodLog(
        'trading',
        'engine-1',
        { container: 'engine', tailLines: 2 },
        signal,
      ),
    ).toBe(
      '2026-12-03T10:00:01Z listening on :8080\n2026-12-03T10:00:02Z ready\n',
    );
    expect(
      await client.getPodLog(
        'trading',
        'engine-1',
        { container: 'engine', sinceTime: '2026-12-03T10:00:02Z' },
        signal,
      ),
    ).toBe('2026-12-03T10:00:02Z ready\n');
    expect(
      await client.getPodLog(
        'trading',
        'engine-1',
        { container: 'engine', previous: true },
        signal,
      ),
    ).toBe(`${lines[0].time} oom\n`);
    expect(api.requestsOf('test', 'log').map(r => r.query)).toEqual([
      { timestamps: 'true', container: 'engine', tailLines: '2' },
      {
        timestamps: 'true',
        container: 'engine',
        sinceTime: '2026-12-03T10:00:02Z',
      },
      { timestamps: 'true', container: 'engine', previous: 'true' },
    ]);
  });

  it('stops at limitBytes and names the container the server refused', async () => {
    const signal = new AbortController().signal;
    const text = await client.getPodLog(
      'trading',
      'engine-1',
      { container: 'engine', limitBytes: 10 },
      signal,
    );
    expect(text).toBe('2026-12-03');
    const error = await client
      .getPodLog('trading', 'engine-1', {}, signal)
      .catch(e => e);
    expect(error).toBeInstanceOf(KubernetesApiError);
    expect(error.status).toBe(400);
    expect(error.message).toContain('a container name must be specified');
  });

  it('follows a log as lines arrive and closes the stream on abort', async () => {
    const controller = new AbortController();
    const received: string[] = [];
    let opened = false;
    const following = client.followPodLog(
      'trading',
      'engine-1',
      { container: 'engine', tailLines: 1 },
      {
        signal: controller.signal,
        onOpen: () => {
          opened = true;
        },
        onLines: got => received.push(...got),
      },
    );
    await waitFor(() => received.length === 1);
    expect(opened).toBe(true);
    api.appendPodLog('test', ref, [
      { time: '2026-12-03T10:00:03Z', text: 'order 1 filled' },
    ]);
    await waitFor(() => received.length === 2);
    expect(received).toEqual([
      '2026-12-03T10:00:02Z ready',
      '2026-12-03T10:00:03Z order 1 filled',
    ]);
    expect(api.openLogFollows('test')).toBe(1);
    controller.abort();
    await expect(following).rejects.toMatchObject({ name: 'AbortError' });
    await waitFor(() => api.openLogFollows('test') === 0);
  });

  it('resolves a follow the server ends', async () => {
    const following = client.followPodLog(
      'trading',
      'engine-1',
      { container: 'engine' },
      { signal: new AbortController().signal, onLines: () => {} },
    );
    await waitFor(() => api.openLogFollows('test') === 1);
    api.endPodLogFollows('test', ref);
    await expect(following).resolves.toBeUndefined();
  });
});

async function waitFor(condition: () => boolean, timeoutMs = 5000) {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise(resolve => setTimeout(resolve, 10));
  }
}
