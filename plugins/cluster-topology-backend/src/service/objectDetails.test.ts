import { CronJob } from '@cloud-native-platform/plugin-cloud-native-common';
import { ClusterObjectStore } from '@cloud-native-platform/plugin-cloud-native-node';
import { eventsOf, MAX_EVENTS, objectDetails } from './objectDetails';

describe('objectDetails', () => {
  it('serves a redacted copy and leaves the stored object alone', () => {
    const store = new ClusterObjectStore();
    const stored = store.upsert({
      apiVersion: 'batch/v1',
      kind: 'CronJob',
      metadata: { name: 'backup', namespace: 'trading', uid: 'cj1' },
      spec: {
        jobTemplate: {
          spec: {
            template: {
              spec: {
                initContainers: [
                  { name: 'init', env: [{ name: 'S3_KEY', value: 'k' }] },
                ],
                containers: [
                  {
                    name: 'backup',
                    env: [
                      { name: 'AWS_SECRET_ACCESS_KEY', value: 's' },
                      { name: 'GIT_CREDENTIALS', value: 'c' },
                      { name: 'BUCKET', value: 'ledger' },
                    ],
                  },
                ],
              },
            },
          },
        },
      },
      stringData: { token: 't' },
    });
    const before = structuredClone(stored);

    const { object: safe, yaml } = objectDetails(store, stored);

    const podSpec = (safe as CronJob).spec!.jobTemplate.spec!.template.spec!;
    expect(podSpec.initContainers![0].env).toEqual([
      { name: 'S3_KEY', value: '<redacted>' },
    ]);
    expect(podSpec.containers[0].env).toEqual([
      { name: 'AWS_SECRET_ACCESS_KEY', value: '<redacted>' },
      { name: 'GIT_CREDENTIALS', value: '<redacted>' },
      { name: 'BUCKET', value: 'ledger' },
    ]);
    expect(safe.stringData).toBeUndefined();
    expect(yaml).toContain('value: <redacted>');
    expect(stored).toEqual(before);
  });
});

describe('eventsOf', () => {
  it(`keeps the newest ${MAX_EVENTS} events`, () => {
    const store = new ClusterObjectStore();
    const pod = store.upsert({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'p', namespace: 'ns', uid: 'p1' },
    });
    for (let i = 0; i < MAX_EVENTS + 10; i++) {
      store.upsert({
        apiVersion: 'v1',
        kind: 'Event',
        metadata: { name: `p.${i}`, namespace: 'ns' },
        involvedObject: { kind: 'Pod', namespace: 'ns', name: 'p' },
        reason: `r${i}`,
        firstTimestamp: new Date(Date.UTC(2026, 0, 1, 0, i)).toISOString(),
      });
    }
    const events = eventsOf(store, pod);
    expect(events).toHaveLength(MAX_EVENTS);
    expect(events[0].reason).toBe(`r${MAX_EVENTS + 9}`);
    expect(events.at(-1)!.reason).toBe('r10');
  });
});
