import { startTestLoki, TestLoki } from '../testUtils/startTestLoki';
import { unreachableUrl } from '../testUtils/unreachableUrl';
import { LokiClient, LokiError, logqlString } from './LokiClient';
import { nanosToRfc3339, rfc3339ToNanos } from './logTimestamps';

describe('LokiClient', () => {
  let loki: TestLoki;
  beforeEach(async () => {
    loki = await startTestLoki();
  });
  afterEach(() => loki.close());

  const labels = { namespace: 'trading', pod: 'engine-1', container: 'engine' };

  it('merges the streams of a selector, oldest first, keeping the newest limit', async () => {
    loki.push({ ...labels, stream: 'stdout' }, [
      ['1000', 'one'],
      ['3000', 'three'],
    ]);
    loki.push({ ...labels, stream: 'stderr' }, [
      ['2000', 'two'],
      ['4000', 'four'],
    ]);
    loki.push({ ...labels, pod: 'other' }, [['2500', 'not this pod']]);
    const client = new LokiClient({ url: `${loki.url}/` });
    const entries = await client.queryRange({
      query: `{namespace=${logqlString('trading')}, pod=${logqlString(
        'engine-1',
      )}}`,
      start: 0n,
      end: 10_000n,
      limit: 3,
    });
    expect(entries.map(e => [e.timestampNanos, e.line])).toEqual([
      [2000n, 'two'],
      [3000n, 'three'],
      [4000n, 'four'],
    ]);
    expect(loki.requests[0]).toMatchObject({
      start: '0',
      end: '10000',
      limit: '3',
      direction: 'backward',
    });
  });

  it('sends URL credentials as basic auth and never names them', async () => {
    const url = new URL(loki.url);
    url.username = 'reader';
    url.password = 'lokipass-4711';
    loki.fail(500, 'internal error');
    const client = new LokiClient({ url: url.toString() });
    const error = await client
      .queryRange({ query: '{a="b"}', start: 0n, end: 1n, limit: 1 })
      .catch(e => e);
    expect(error).toBeInstanceOf(LokiError);
    expect(error.message).toBe(
      `Loki at ${loki.url} rejected the query (500): internal error`,
    );
    expect(loki.requests[0].authorization).toBe(
      `Basic ${Buffer.from('reader:lokipass-4711').toString('base64')}`,
    );
  });

  it('names a Loki that cannot be reached', async () => {
    const client = new LokiClient({ url: await unreachableUrl() });
    await expect(
      client.queryRange({ query: '{a="b"}', start: 0n, end: 1n, limit: 1 }),
    ).rejects.toThrow(/^Loki at http:\/\/127\.0\.0\.1:\d+ is unreachable: /);
  });
});

describe('log timestamps', () => {
  it('keep nanoseconds both ways', () => {
    const nanos = rfc3339ToNanos('2026-12-03T10:00:00.123456789Z');
    expect(nanos).toBe(1_796_292_000_123_456_789n);
    expect(nanosToRfc3339(nanos!)).toBe('2026-12-03T10:00:00.123456789Z');
    expect(nanosToRfc3339(1_796_292_000_500_000_000n)).toBe(
      '2026-12-03T10:00:00.5Z',
    );
    expect(rfc3339ToNanos('2026-12-03T11:00:00+01:00')).toBe(
      1_796_292_000_000_000_000n,
    );
    expect(rfc3339ToNanos('yesterday')).toBeUndefined();
  });
});
