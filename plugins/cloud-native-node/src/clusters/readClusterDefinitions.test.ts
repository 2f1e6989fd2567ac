import { ConfigReader } from '@backstage/config';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { readClusterDefinitions } from './readClusterDefinitions';

describe('readClusterDefinitions', () => {
  let rootDir: string;

  beforeAll(() => {
    rootDir = fs.mkdtempSync(path.join(os.tmpdir(), 'clusters-'));
    fs.mkdirSync(path.join(rootDir, 'examples/clusters/prod-east-a'), {
      recursive: true,
    });
  });

  afterAll(() => fs.rmSync(rootDir, { recursive: true, force: true }));

  const read = (data: object) =>
    readClusterDefinitions(
      ConfigReader.fromConfigs([{ data, context: 'app-config.yaml' }]),
      {
        rootDir,
      },
    );

  it('reads manifests and live clusters, with upstream Kubernetes clusters', () => {
    const clusters = read({
      cloudNativePlatform: {
        clusters: [
          {
            name: 'prod-east-a',
            role: 'production',
            region: 'cn-east-1',
            labels: { zone: 'a' },
            manifests: { path: 'examples/clusters/prod-east-a' },
            prometheus: { url: 'http://prometheus.example:9090/' },
            loki: { url: 'http://loki.example:3100/' },
          },
          {
            name: 'dr-west',
            role: 'disaster-recovery',
            kubernetes: {
              url: 'https://10.0.0.1:6443',
              serviceAccountToken: 't',
            },
          },
        ],
      },
      kubernetes: {
        clusterLocatorMethods: [
          {
            type: 'config',
            clusters: [
              {
                name: 'dr-west',
                url: 'https://10.0.0.1:6443',
                authProvider: 'serviceAccount',
              },
              {
                name: 'legacy',
                url: 'https://10.0.0.2:6443',
                authProvider: 'serviceAccount',
                skipTLSVerify: true,
              },
            ],
          },
        ],
      },
    });
    expect(clusters.map(c => [c.name, c.role, c.source.type])).toEqual([
      ['prod-east-a', 'production', 'manifests'],
      ['dr-west', 'disaster-recovery', 'kubernetes'],
      ['legacy', 'production', 'kubernetes'],
    ]);
    expect(clusters[0]).toMatchObject({
      region: 'cn-east-1',
      labels: { zone: 'a' },
      source: { path: path.join(rootDir, 'examples/clusters/prod-east-a') },
      prometheus: { url: 'http://prometheus.example:9090' },
      loki: { url: 'http://loki.example:3100' },
      origin: 'app-config.yaml',
    });
    expect(clusters[2].source).toMatchObject({ skipTLSVerify: true });
  });

  it('refuses a loki block without an http(s) URL, naming the key', () => {
    expect(() =>
      read({
        cloudNativePlatform: {
          clusters: [
            {
              name: 'prod-east-a',
              role: 'production',
              manifests: { path: 'examples/clusters/prod-east-a' },
              loki: { url: 'ftp://loki.example' },
            },
          ],
        },
      }),
    ).toThrow(
      "Invalid cluster configuration at 'cloudNativePlatform.clusters[0].loki.url' in app-config.yaml: 'ftp://loki.example' is not an http(s) URL",
    );
  });

  it('reads nothing when nothing is configured', () => {
    expect(read({})).toEqual([]);
  });

  it.each([
    [
      { cloudNativePlatform: { cluster: [] } },
      "Invalid cluster configuration at 'cloudNativePlatform.cluster' in app-config.yaml: unknown key 'cluster'; known keys are clusters, maturity, rateLimits, logs",
    ],
    [
      {
        cloudNativePlatform: {
          clusters: [
            { name: 'a', role: 'production', manifests: { path: 'nowhere' } },
          ],
        },
      },
      "'cloudNativePlatform.clusters[0].manifests.path' in app-config.yaml: directory nowhere does not exist",
    ],
    [
      {
        cloudNativePlatform: {
          clusters: [
            { name: 'a', role: 'prod', manifests: { path: 'examples' } },
          ],
        },
      },
      "'prod' is not a role; use one of production, disaster-recovery, staging, test, development",
    ],
    [
      {
        cloudNativePlatform: {
          clusters: [
            {
              name: 'a',
              role: 'production',
              manifests: { path: 'examples' },
              colour: 'red',
            },
          ],
        },
      },
      "'cloudNativePlatform.clusters[0].colour' in app-config.yaml: unknown key 'colour'",
    ],
    [
      {
        cloudNativePlatform: { clusters: [{ name: 'a', role: 'production' }] },
      },
      "cluster 'a' needs exactly one source",
    ],
    [
      {
        cloudNativePlatform: {
          clusters: [
            {
              name: 'Prod_A',
              role: 'production',
              manifests: { path: 'examples' },
            },
          ],
        },
      },
      "'Prod_A' is not a valid cluster name",
    ],
    [
      {
        cloudNativePlatform: {
          clusters: [
            { name: 'a', role: 'production', manifests: { path: 'examples' } },
            { name: 'a', role: 'staging', manifests: { path: 'examples' } },
          ],
        },
      },
      "cluster name 'a' is declared twice",
    ],
    [
      {
        cloudNativePlatform: {
          clusters: [
            { name: 'a', role: 'production', kubernetes: { url: 'ftp://x' } },
          ],
        },
      },
      "'cloudNativePlatform.clusters[0].kubernetes.url' in app-config.yaml: 'ftp://x' is not an http(s) URL",
    ],
    [
      {
        cloudNativePlatform: {
          clusters: [
            {
              name: 'a',
              role: 'production',
              kubernetes: { url: 'https://x', authProvider: 'aws' },
            },
          ],
        },
      },
      "'aws' is not supported",
    ],
  ])('rejects %j', (data, message) => {
    expect(() => read(data)).toThrow(message);
  });

  it('names the layer that declared the bad cluster', () => {
    const config = ConfigReader.fromConfigs([
      {
        data: { cloudNativePlatform: { clusters: [] } },
        context: 'app-config.yaml',
      },
      {
        data: {
          cloudNativePlatform: {
            clusters: [
              { name: 'x', role: 'test', manifests: { path: 'gone' } },
            ],
          },
        },
        context: 'extra.yaml',
      },
    ]);
    expect(() => readClusterDefinitions(config, { rootDir })).toThrow(
      "'cloudNativePlatform.clusters[0].manifests.path' in extra.yaml",
    );
  });
});
