import path from 'node:path';
import { LokiClient } from './LokiClient';

const ROOT = path.resolve(__dirname, '../../../..');

interface DemoLoki {
  url: string;
  urlOf(cluster: string): string;
  stop(): Promise<void>;
}

// The demo's simulated Loki, plain CommonJS of the root scripts.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const demoLoki = require(path.join(ROOT, 'scripts/services/demoLoki.js'));
// eslint-disable-next-line @typescript-eslint/no-require-imports
const demoTraffic = require(path.join(ROOT, 'scripts/services/demoTraffic.js'));

const SECOND = 1_000_000_000n;

describe('the demo Loki', () => {
  let loki: DemoLoki;
  const startMs = Date.now() - 10 * 60_000;
  beforeAll(async () => {
    loki = await demoLoki.startDemoLoki({ startMs });
  });
  afterAll(() => loki.stop());

  it('is ready and serves access logs of a traffic edge on the destination pod', async () => {
    expect((await fetch(`${loki.url}/ready`)).status).toBe(200);
    const pod = demoLoki
      .loadPods()
      .find(
        (p: { cluster: string; workload: string }) =>
          p.cluster === 'prod-east-a' && p.workload === 'trading-engine',
      );
    expect(pod).toBeDefined();
    const client = new LokiClient({ url: loki.urlOf('prod-east-a') });
    const end = BigInt(Date.now()) * 1_000_000n;
    const query = `{namespace="trading", pod="${pod.pod}", container="${pod.containers[0]}"}`;
    const request = { query, start: end - 60n * SECOND, end, limit: 50 };
    const lines = await client.queryRange(request);
    expect(lines.length).toBeGreaterThan(10);
    expect(lines[0].line).toMatch(
      /^"GET \/\S* HTTP\/1\.1" \d{3} \d+ \d+ms from /,
    );
    expect(
      lines.every(
        (l, i) => i === 0 || l.timestampNanos >= lines[i - 1].timestampNanos,
      ),
    ).toBe(true);
    // Deterministic: the same window reads the same lines.
    expect(await client.queryRange(request)).toEqual(lines);
    // Another cluster's Loki has no such pod.
    const other = new LokiClient({ url: loki.urlOf('staging') });
    expect(await other.queryRange(request)).toEqual([]);
  });

  it("logs the model's crash loops while they fail", async () => {
    const [loop] = demoTraffic.loadModel().crashLoops;
    const client = new LokiClient({ url: loki.urlOf(loop.cluster) });
    const query = `{namespace="${loop.namespace}", pod="${loop.pod}", container="${loop.container}"}`;
    const startNs = BigInt(startMs) * 1_000_000n;
    // One minute in, the loop crashes for four minutes.
    const lines = await client.queryRange({
      query,
      start: startNs + 60n * SECOND,
      end: startNs + 300n * SECOND,
      limit: 1000,
    });
    const crashes = lines.filter(l => l.line.startsWith('FATAL'));
    expect(crashes.length).toBe(8);
    // Before the loop starts there is no crash.
    const before = await client.queryRange({
      query,
      start: startNs,
      end: startNs + 60n * SECOND,
      limit: 1000,
    });
    expect(before.filter(l => l.line.startsWith('FATAL'))).toEqual([]);
  });
});
