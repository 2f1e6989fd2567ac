import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import request from 'supertest';
import { clusterTopologyPlugin } from '../plugin';

describe('the OpenAPI spec of the cluster-topology routes', () => {
  async function start() {
    const { server } = await startTestBackend({
      features: [
        clusterTopologyPlugin,
        catalogServiceMock.factory({ entities: [] }),
        mockServices.rootConfig.factory({
          data: { cloudNativePlatform: { clusters: [] } },
        }),
      ],
    });
    return (url: string) =>
      request(server)
        .get(`/api/cluster-topology${url}`)
        .set('Authorization', mockCredentials.user.header());
  }

  it('is served at /openapi.json with the routes under the plugin path', async () => {
    const get = await start();
    const res = await get('/openapi.json');
    expect(res.status).toBe(200);
    expect(res.body.openapi).toBe('3.0.3');
    expect(Object.keys(res.body.paths)).toEqual([
      '/api/cluster-topology/clusters',
      '/api/cluster-topology/workloads',
      '/api/cluster-topology/deliveries',
      '/api/cluster-topology/graph',
      '/api/cluster-topology/object',
      '/api/cluster-topology/logs',
      '/api/cluster-topology/maturity',
      '/api/cluster-topology/maturity/leaderboard',
      '/api/cluster-topology/maturity/history',
      '/api/cluster-topology/legacy/maturity-snapshots',
    ]);
    expect(
      res.body.paths['/api/cluster-topology/graph'].get.responses['200']
        .content['application/json'].schema,
    ).toEqual({ $ref: '#/components/schemas/TopologyGraphResponse' });
    expect(Object.keys(res.body.components.schemas)).toEqual(
      expect.arrayContaining([
        'ClustersResponse',
        'EntityWorkloadsResponse',
        'EntityDeliveriesResponse',
        'TopologyGraphResponse',
        'ClusterObjectDetails',
      ]),
    );
  });

  it.each([
    [
      '/graph?foo=1',
      'unknown query parameter foo; this route takes entityRef, cluster, namespace, expand, layers, window',
    ],
    [
      '/object?cluster=a&kind=Pod&name=x&extra=1',
      'unknown query parameter extra; this route takes cluster, kind, namespace, name',
    ],
    [
      `/workloads?entityRef=${'x'.repeat(1100)}`,
      'must be at most 1024 characters',
    ],
    ['/graph?window=5m&window=1h', 'query parameter window must be given once'],
    [
      '/logs?cluster=a&namespace=b&pod=c&lines=1',
      'unknown query parameter lines; this route takes cluster, namespace, pod, container, previous, sinceSeconds, tailLines, follow, start, end, source',
    ],
    [
      '/logs?cluster=a&namespace=b&pod=c&source=file',
      "source 'file' is not one of kubernetes, loki",
    ],
  ])(
    'refuses %s before the handler, naming the parameter',
    async (url, message) => {
      const get = await start();
      const res = await get(url);
      expect(res.status).toBe(400);
      expect(res.body.error.name).toBe('InputError');
      expect(res.body.error.message).toContain(message);
    },
  );
});
