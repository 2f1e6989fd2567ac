import { ClusterObjectStore } from '@cloud-native-platform/plugin-cloud-native-node';
import {
  freeCpuMillis,
  freeMemoryBytes,
  memoryBytes,
  podMemoryRequest,
} from './clusterCapacity';

describe('memoryBytes', () => {
  it('reads plain numbers', () => {
    expect(memoryBytes('128974848')).toBe(128974848);
    expect(memoryBytes('1.5')).toBe(1.5);
    expect(memoryBytes('.5')).toBe(0.5);
    expect(memoryBytes('+100')).toBe(100);
    expect(memoryBytes(2048)).toBe(2048);
  });

  it('reads decimal suffixes', () => {
    expect(memoryBytes('1k')).toBe(1e3);
    expect(memoryBytes('129M')).toBe(129e6);
    expect(memoryBytes('2G')).toBe(2e9);
    expect(memoryBytes('1.5T')).toBe(1.5e12);
    expect(memoryBytes('1P')).toBe(1e15);
    expect(memoryBytes('1E')).toBe(1e18);
  });

  it('reads binary suffixes', () => {
    expect(memoryBytes('1Ki')).toBe(1024);
    expect(memoryBytes('123Mi')).toBe(123 * 2 ** 20);
    expect(memoryBytes('1.5Gi')).toBe(1.5 * 2 ** 30);
    expect(memoryBytes('2Ti')).toBe(2 * 2 ** 40);
    expect(memoryBytes('1Pi')).toBe(2 ** 50);
    expect(memoryBytes('1Ei')).toBe(2 ** 60);
    expect(memoryBytes('65104564Ki')).toBe(65104564 * 1024);
  });

  it('reads the exponent form', () => {
    expect(memoryBytes('129e6')).toBe(129e6);
    expect(memoryBytes('1E3')).toBe(1000);
    expect(memoryBytes('12e+3')).toBe(12000);
    expect(memoryBytes('5e-1')).toBe(0.5);
  });

  it('reads the milli, micro and nano suffixes', () => {
    expect(memoryBytes('1500m')).toBe(1.5);
    expect(memoryBytes('2000000u')).toBe(2);
    expect(memoryBytes('3000000000n')).toBe(3);
  });

  it('gives 0 for what is not a memory quantity', () => {
    for (const invalid of [
      undefined,
      null,
      '',
      'Gi',
      '1 Gi',
      '1gi',
      '1KB',
      '1e',
      '1e3Mi',
      '-1Gi',
      'abc',
      {},
      -5,
      Number.NaN,
    ]) {
      expect(memoryBytes(invalid)).toBe(0);
    }
  });
});

describe('podMemoryRequest', () => {
  it('sums the memory its containers request', () => {
    expect(
      podMemoryRequest({
        containers: [
          { name: 'app', resources: { requests: { memory: '1Gi' } } },
          { name: 'sidecar', resources: { requests: { memory: '128Mi' } } },
          { name: 'no-requests' },
        ],
      }),
    ).toBe(2 ** 30 + 128 * 2 ** 20);
    expect(podMemoryRequest(undefined)).toBe(0);
  });
});

function node(name: string, ready: boolean, cpu: string, memory: string) {
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: { name },
    status: {
      allocatable: { cpu, memory },
      conditions: [{ type: 'Ready', status: ready ? 'True' : 'False' }],
    },
  };
}

function pod(
  name: string,
  nodeName: string,
  phase: string,
  requests: { cpu: string; memory: string },
) {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace: 'shop' },
    spec: { nodeName, containers: [{ name: 'app', resources: { requests } }] },
    status: { phase },
  };
}

describe('free capacity of a cluster', () => {
  const store = new ClusterObjectStore();
  store.upsert(node('ready-1', true, '4', '8Gi'));
  store.upsert(node('ready-2', true, '2000m', '4Gi'));
  store.upsert(node('not-ready', false, '16', '64Gi'));
  store.upsert(
    pod('running', 'ready-1', 'Running', { cpu: '1', memory: '2Gi' }),
  );
  store.upsert(
    pod('pending-bound', 'ready-2', 'Pending', { cpu: '500m', memory: '1Gi' }),
  );
  store.upsert(
    pod('done', 'ready-1', 'Succeeded', { cpu: '2', memory: '4Gi' }),
  );
  store.upsert(
    pod('crashed', 'ready-2', 'Failed', { cpu: '1', memory: '2Gi' }),
  );
  store.upsert(
    pod('on-not-ready', 'not-ready', 'Running', { cpu: '8', memory: '32Gi' }),
  );

  it('counts the memory of Ready nodes less what live pods on them request', () => {
    // (8 + 4) GiB allocatable on Ready nodes, 2 + 1 GiB requested there.
    expect(freeMemoryBytes(store)).toBe(9 * 2 ** 30);
  });

  it('counts the CPU the same way', () => {
    expect(freeCpuMillis(store)).toBe(4500);
  });

  it('is never negative', () => {
    const full = new ClusterObjectStore();
    full.upsert(node('small', true, '1', '1Gi'));
    full.upsert(pod('big', 'small', 'Running', { cpu: '2', memory: '2Gi' }));
    expect(freeMemoryBytes(full)).toBe(0);
    expect(freeCpuMillis(full)).toBe(0);
  });
});
