import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  demoCatalogEntities,
  demoClusters,
  describeWithTestPrometheus,
  waitForDemoClusters,
} from '@cloud-native-platform/plugin-cloud-native-node/testUtils';
import type { DrReadiness } from '@cloud-native-platform/plugin-platform-maturity-common';
import path from 'node:path';
import request from 'supertest';
// The cluster-topology backend runs beside it, as in a portal: the tests
// wait on its cluster list for the demo clusters to load.
// eslint-disable-next-line @backstage/no-mixed-plugin-imports
import clusterTopologyPlugin from '@cloud-native-platform/plugin-cluster-topology-backend';
import { platformMaturityPlugin } from '../plugin';

jest.setTimeout(120_000);

const ROOT = path.resolve(__dirname, '../../../..');

interface DemoPrometheus {
  url: string;
  stop(): Promise<void>;
}

// The demo's simulator and Prometheus launcher, plain CommonJS of the root scripts.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const demoTraffic = require(path.join(ROOT, 'scripts/services/demoTraffic.js'));

async function seriesCount(url: string, expr: string): Promise<number> {
  const res = await fetch(
    `${url}/api/v1/query?query=${encodeURIComponent(expr)}`,
  );
  const body = await res.json();
  return body?.data?.result?.length ?? 0;
}

// Skipped outside CI without Debian's prometheus package; fails under CI.
describeWithTestPrometheus('the demo RPO through the simulator', () => {
  let demo: DemoPrometheus | undefined;
  let server: Parameters<typeof waitForDemoClusters>[0];

  beforeAll(async () => {
    demo = (await demoTraffic.startDemoPrometheus({
      ruleFiles: [],
    })) as DemoPrometheus;
    const deadline = Date.now() + 60_000;
    while (
      (await seriesCount(
        demo.url,
        'pg_replication_lag or kafka_connect_mirror_source_connector_replication_latency_ms_max',
      )) < 9
    ) {
      if (Date.now() > deadline) throw new Error('no lag series in 60 s');
      await new Promise(resolve => setTimeout(resolve, 500));
    }
    const backend = await startTestBackend({
      features: [
        platformMaturityPlugin,
        clusterTopologyPlugin,
        catalogServiceMock.factory({ entities: demoCatalogEntities() }),
        mockServices.rootConfig.factory({
          data: {
            cloudNativePlatform: {
              clusters: demoClusters().map(c => ({
                ...c,
                prometheus: { url: demo!.url },
              })),
            },
          },
        }),
      ],
    });
    server = backend.server;
    await waitForDemoClusters(server);
  });

  afterAll(async () => {
    await demo?.stop();
  });

  async function drOf(entityRef: string): Promise<DrReadiness> {
    const res = await request(server)
      .get(`/api/platform-maturity?entityRef=${entityRef}`)
      .set('Authorization', mockCredentials.user.header());
    expect(res.status).toBe(200);
    return res.body.dr;
  }

  it("meets ledger-db's RPO 0: its standbys lag at most 0.4 s", async () => {
    const { rpo } = await drOf('resource:default/ledger-db');
    expect(rpo).toMatchObject({
      declared: '0s',
      status: 'met',
      met: true,
      lag: { source: 'postgres', replica: expect.stringMatching(/^trading\//) },
    });
    expect(rpo.lag!.seconds).toBeLessThanOrEqual(0.4);
    expect(['prod-east-a', 'prod-east-b', 'dr-west']).toContain(
      rpo.lag!.cluster,
    );
  });

  it("breaches kafka-mirrormaker's RPO 0 with MirrorMaker's 1.2 s in dr-west", async () => {
    const dr = await drOf('component:default/kafka-mirrormaker');
    expect(dr.rpo).toMatchObject({
      declared: '0s',
      measured: '1.2s',
      status: 'breached',
      met: false,
      lag: { seconds: 1.2, source: 'mirrormaker', cluster: 'dr-west' },
    });
    expect(dr.findings).toContain(dr.rpo.note);
    expect(dr.status).not.toBe('ready');
  });

  it("measures trading-engine's RPO 0 through its replication components: MirrorMaker's 1.2 s breaches it", async () => {
    const dr = await drOf('component:default/trading-engine');
    // No lag metric names trading-engine's own pods: the data it would
    // lose is in ledger-db (0.4 s at most) and in MirrorMaker's topics.
    expect(dr.rpo).toMatchObject({
      declared: '0s',
      measured: '1.2s',
      status: 'breached',
      lag: { seconds: 1.2, source: 'mirrormaker', cluster: 'dr-west' },
    });
    expect(dr.replication.map(c => c.entityRef)).toEqual(
      expect.arrayContaining([
        'resource:default/ledger-db',
        'component:default/kafka-mirrormaker',
      ]),
    );
    expect(dr.findings).toContain(dr.rpo.note);
  });
});
