import { TestDatabases, mockServices } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { ActionExecutor } from '../actions/ActionExecutor';
import { readHealingConfig } from '../config';
import { KnexHealingStore } from '../database/KnexHealingStore';
import { parseAlertmanagerPayload } from './alertmanagerPayload';
import { AlertProcessor } from './AlertProcessor';
import { KillSwitch } from './KillSwitch';
import { alertmanagerPayload, testClusterState } from './__testUtils__/fleet';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

const config = readHealingConfig(
  new ConfigReader({
    healing: {
      policies: [
        {
          name: 'risk-restart',
          match: { alertname: 'PodCrashLooping' },
          action: 'restart',
          mode: 'enforce',
          threshold: 0,
        },
      ],
      budgets: {
        perNamespacePerHour: 1000,
        perClusterPerHour: 1000,
        perHour: 1000,
      },
    },
  }),
);

async function instance(knex: any, name: string, clusterState: any) {
  const store = new KnexHealingStore(knex);
  const logger = mockServices.logger.mock();
  return {
    store,
    processor: new AlertProcessor({
      store,
      clusterState,
      config,
      logger,
      killSwitch: new KillSwitch(store, false),
      executor: new ActionExecutor(logger),
      instanceId: name,
    }),
  };
}

describe.each(databases.eachSupportedId())('AlertProcessor on %s', id => {
  it('two instances on one database make exactly one attempt per alert', async () => {
    const knex = await databases.init(id);
    await KnexHealingStore.create(
      mockServices.database({ knex, migrations: { skip: false } }),
    );
    const clusterState = await testClusterState();
    const a = await instance(knex, 'a', clusterState);
    const b = await instance(knex, 'b', clusterState);
    const alerts = Array.from({ length: 400 }, (_, i) => ({
      fingerprint: `fp-${i}`,
      labels: {
        alertname: 'Other',
        cluster: 'prod-east-b',
        namespace: 'trading',
        deployment: 'risk-service',
      },
    }));
    // Deliveries race with processing, and some are repeated.
    const deliveries = [];
    for (let i = 0; i < 400; i += 50) {
      const batch = parseAlertmanagerPayload(
        alertmanagerPayload(alerts.slice(i, i + 60)),
      );
      deliveries.push(
        a.store.addAlerts(batch, new Date()),
        b.store.addAlerts(batch, new Date()),
      );
      deliveries.push(
        a.processor.processPending(),
        b.processor.processPending(),
      );
    }
    await Promise.all(deliveries);
    const handled =
      (await a.processor.processPending()) +
      (await b.processor.processPending());
    expect(handled).toBeGreaterThanOrEqual(0);
    const [{ count }] = await knex('healing_attempts').count({ count: '*' });
    expect(Number(count)).toBe(400);
    const [{ pending }] = await knex('healing_alerts')
      .whereNull('processed_at')
      .count({ pending: '*' });
    expect(Number(pending)).toBe(0);
    const perAlert = await knex('healing_attempts')
      .groupBy('alert_id')
      .select('alert_id')
      .count({ n: '*' });
    expect(perAlert.every((r: any) => Number(r.n) === 1)).toBe(true);
    const { items } = await a.store.listAttempts({}, 1);
    expect(items[0]).toMatchObject({
      status: 'unmatched',
      reason: 'no policy matches alert Other',
    });
  });

  it('restarts the crash-looping workload in enforce mode, then not again within the cooldown', async () => {
    const knex = await databases.init(id);
    await KnexHealingStore.create(
      mockServices.database({ knex, migrations: { skip: false } }),
    );
    const clusterState = await testClusterState();
    const { store, processor } = await instance(knex, 'a', clusterState);
    await store.addAlerts(
      parseAlertmanagerPayload(
        alertmanagerPayload([
          { fingerprint: 'x' },
          { fingerprint: 'y' },
          {
            fingerprint: 'z',
            labels: {
              alertname: 'PodCrashLooping',
              cluster: 'nowhere',
              deployment: 'a',
            },
          },
        ]),
      ),
      new Date(),
    );
    await processor.processPending();
    const { items } = await store.listAttempts({}, 10);
    const byStatus = items.map(i => i.status).sort();
    expect(byStatus).toEqual(['applied', 'refused', 'unmatched']);
    const applied = items.find(i => i.status === 'applied')!;
    expect(applied).toMatchObject({
      action: 'restart',
      policy: 'risk-restart',
      target: {
        kind: 'Deployment',
        name: 'risk-service',
        entityRef: 'component:default/risk-service',
      },
    });
    expect(applied.steps.find(s => s.name === 'features')).toMatchObject({
      status: 'skipped',
    });
    expect(items.find(i => i.status === 'refused')!.reason).toContain(
      'cooldown',
    );
    const deployment = clusterState
      .cluster('prod-east-b')!
      .store.get('Deployment', 'trading', 'risk-service')!;
    expect(
      deployment.spec.template.metadata.annotations[
        'kubectl.kubernetes.io/restartedAt'
      ],
    ).toBeDefined();
  });
});
