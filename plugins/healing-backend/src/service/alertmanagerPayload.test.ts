import {
  parseAlertmanagerPayload,
  readAlertmanagerPayload,
} from './alertmanagerPayload';
import { alertmanagerPayload } from './__testUtils__/fleet';

const receivedAt = new Date('2026-11-26T10:00:10Z');

describe('readAlertmanagerPayload', () => {
  it('refuses an alert with a field longer than its bound alone, naming its path', () => {
    const alerts = Array.from({ length: 5 }, (_, i) => ({
      fingerprint: `fp-${i}`,
    }));
    const body = alertmanagerPayload(alerts);
    body.alerts[3].labels.pod = 'p'.repeat(300);
    (body.alerts[1] as any).generatorURL = `http://x/${'g'.repeat(5000)}`;
    const { records, refused } = readAlertmanagerPayload(body, { receivedAt });
    expect(records.map(r => r.alert.fingerprint)).toEqual([
      'fp-0',
      'fp-2',
      'fp-4',
    ]);
    expect(refused).toEqual([
      {
        path: 'alerts[1].generatorURL',
        message: 'must be at most 4096 characters',
      },
      {
        path: 'alerts[3].labels.pod',
        message: 'must be at most 253 characters',
      },
    ]);
  });

  it('bounds label names and values, annotations, and the cluster label the config names', () => {
    const body = alertmanagerPayload([
      { labels: { alertname: 'A', instance: 'i'.repeat(1024) } },
      { labels: { alertname: 'A', instance: 'i'.repeat(1025) } },
      { labels: { alertname: 'A', ['n'.repeat(256)]: 'v' } },
      { labels: { alertname: 'A', site: 's'.repeat(254) } },
    ]);
    (body.alerts[0] as any).annotations = { description: 'd'.repeat(8192) };
    const { records, refused } = readAlertmanagerPayload(body, {
      receivedAt,
      clusterLabel: 'site',
    });
    expect(records).toHaveLength(1);
    expect(refused.map(r => r.path)).toEqual([
      'alerts[1].labels.instance',
      `alerts[2].labels.${'n'.repeat(256)}`,
      'alerts[3].labels.site',
    ]);
  });

  it('throws for a wrong envelope, naming the field', () => {
    const body = { ...alertmanagerPayload([{}]), receiver: 'r'.repeat(256) };
    expect(() => readAlertmanagerPayload(body, { receivedAt })).toThrow(
      'invalid Alertmanager payload: receiver: must be at most 255 characters',
    );
    expect(() =>
      readAlertmanagerPayload(
        { ...alertmanagerPayload([{}]), groupKey: 'k'.repeat(4097) },
        { receivedAt },
      ),
    ).toThrow('groupKey');
  });

  it('clamps a startsAt later than the receipt and keeps the sent one as the key', () => {
    const { records } = readAlertmanagerPayload(
      alertmanagerPayload([
        { fingerprint: 'future', startsAt: '2026-11-26T11:00:00Z' },
        { fingerprint: 'past', startsAt: '2026-11-26T09:59:00Z' },
      ]),
      { receivedAt },
    );
    expect(records[0].alert.startsAt).toBe(receivedAt.toISOString());
    expect(records[0].sentStartsAt).toBe('2026-11-26T11:00:00.000Z');
    expect(records[1].alert.startsAt).toBe('2026-11-26T09:59:00.000Z');
    expect(records[1].sentStartsAt).toBeUndefined();
  });

  it('is strict in parseAlertmanagerPayload', () => {
    const body = alertmanagerPayload([{}, { startsAt: 'soon' }]);
    expect(() => parseAlertmanagerPayload(body)).toThrow(
      'invalid Alertmanager payload: alerts[1].startsAt: must be an RFC 3339 date-time',
    );
  });
});
