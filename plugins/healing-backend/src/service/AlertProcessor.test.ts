import { TestDatabases, mockServices } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { ActionExecutor } from '../actions/ActionExecutor';
import { readHealingConfig } from '../config';
import { KnexHealingStore } from '../database/KnexHealingStore';
import { attemptToRow } from '../database/rows';
import { parseAlertmanagerPayload } from './alertmanagerPayload';
import { AlertProcessor, AlertProcessorOptions } from './AlertProcessor';
import { KillSwitch } from './KillSwitch';
import {
  alertmanagerPayload,
  riskServiceObjects,
  testClusterState,
} from './__testUtils__/fleet';

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

async function instance(
  knex: any,
  name: string,
  clusterState: any,
  healingConfig = config,
  entityModes?: AlertProcessorOptions['entityModes'],
) {
  const store = new KnexHealingStore(knex);
  const logger = mockServices.logger.mock();
  return {
    store,
    processor: new AlertProcessor({
      store,
      clusterState,
      config: healingConfig,
      logger,
      killSwitch: new KillSwitch(store, false),
      executor: new ActionExecutor(logger),
      instanceId: name,
      entityModes,
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
      deployment.spec!.template.metadata!.annotations![
        'kubectl.kubernetes.io/restartedAt'
      ],
    ).toBeDefined();
  });

  async function withArgoCdApplication(selfHeal: boolean) {
    const knex = await databases.init(id);
    await KnexHealingStore.create(
      mockServices.database({ knex, migrations: { skip: false } }),
    );
    const clusterState = await testClusterState([
      ...riskServiceObjects(),
      {
        apiVersion: 'argoproj.io/v1alpha1',
        kind: 'Application',
        metadata: { name: 'prod-east-b-trading', namespace: 'argocd' },
        spec: {
          destination: {
            server: 'https://kubernetes.default.svc',
            namespace: 'trading',
          },
          syncPolicy: { automated: { prune: true, selfHeal } },
        },
        status: {
          resources: [
            {
              group: 'apps',
              kind: 'Deployment',
              namespace: 'trading',
              name: 'risk-service',
            },
          ],
        },
      },
    ]);
    const { store, processor } = await instance(knex, 'a', clusterState);
    await store.addAlerts(
      parseAlertmanagerPayload(alertmanagerPayload([{ fingerprint: 'x' }])),
      new Date(),
    );
    await processor.processPending();
    const { items } = await store.listAttempts({}, 10);
    const deployment = clusterState
      .cluster('prod-east-b')!
      .store.get('Deployment', 'trading', 'risk-service')!;
    return {
      items,
      restartedAt:
        deployment.spec!.template.metadata!.annotations?.[
          'kubectl.kubernetes.io/restartedAt'
        ],
    };
  }

  it('refuses to restart a workload an Argo CD application with self-heal manages, saying so', async () => {
    const { items, restartedAt } = await withArgoCdApplication(true);
    expect(items).toHaveLength(1);
    expect(items[0].status).toBe('refused');
    expect(items[0].reason).toBe(
      'managed by Argo CD application prod-east-b-trading with automated self-heal: a patch would be reverted; change it in Git or act through the Rollout',
    );
    expect(
      items[0].steps.find(step => step.name === 'decision')?.data,
    ).toMatchObject({ rail: 'gitops-self-heal' });
    // The diff of what was refused is kept; nothing was sent.
    expect(items[0].change?.description).toContain('Rolling restart');
    expect(restartedAt).toBeUndefined();
  });

  it('restarts a workload whose Argo CD application syncs without self-heal', async () => {
    const { items, restartedAt } = await withArgoCdApplication(false);
    expect(items.map(i => i.status)).toEqual(['applied']);
    expect(restartedAt).toBeDefined();
  });

  it('acts through the Rollout when Argo CD would revert a patch of the workload', async () => {
    const knex = await databases.init(id);
    await KnexHealingStore.create(
      mockServices.database({ knex, migrations: { skip: false } }),
    );
    const managed = [
      { group: 'apps', kind: 'Deployment', name: 'risk-service' },
      { group: 'argoproj.io', kind: 'Rollout', name: 'risk-service' },
    ];
    const clusterState = await testClusterState([
      ...riskServiceObjects(),
      {
        apiVersion: 'argoproj.io/v1alpha1',
        kind: 'Rollout',
        metadata: { name: 'risk-service', namespace: 'trading', uid: 'ro-1' },
        spec: {
          replicas: 3,
          workloadRef: {
            apiVersion: 'apps/v1',
            kind: 'Deployment',
            name: 'risk-service',
          },
          strategy: { canary: { steps: [{ setWeight: 20 }, { pause: {} }] } },
        },
        status: {
          phase: 'Paused',
          stableRS: '6d4f8b9c7',
          currentPodHash: '7c9e5a2f1',
          currentStepIndex: 1,
        },
      },
      {
        apiVersion: 'argoproj.io/v1alpha1',
        kind: 'Application',
        metadata: { name: 'prod-east-b-trading', namespace: 'argocd' },
        spec: {
          destination: { server: 'https://kubernetes.default.svc' },
          syncPolicy: { automated: { prune: true, selfHeal: true } },
        },
        status: {
          resources: managed.map(r => ({ ...r, namespace: 'trading' })),
        },
      },
    ]);
    const { store, processor } = await instance(
      knex,
      'a',
      clusterState,
      readHealingConfig(
        new ConfigReader({
          healing: {
            policies: [
              {
                name: 'risk-canary',
                match: { alertname: 'PodCrashLooping' },
                actions: ['restart', 'rollout-abort'],
                mode: 'enforce',
                threshold: 0,
              },
            ],
          },
        }),
      ),
    );
    await store.addAlerts(
      parseAlertmanagerPayload(alertmanagerPayload([{ fingerprint: 'x' }])),
      new Date(),
    );
    await processor.processPending();
    const { items } = await store.listAttempts({}, 10);
    expect(items.map(i => [i.status, i.action])).toEqual([
      ['applied', 'rollout-abort'],
    ]);
    expect(items[0].change?.description).toBe(
      'Abort the update of Rollout risk-service: traffic back to its stable ReplicaSet (6d4f8b9c7)',
    );
    const prodEastB = clusterState.cluster('prod-east-b')!.store;
    expect(prodEastB.get('Rollout', 'trading', 'risk-service')!.status).toEqual(
      expect.objectContaining({ abort: true, phase: 'Degraded' }),
    );
    // The Deployment Argo CD keeps in sync was left as it was.
    expect(
      prodEastB.get('Deployment', 'trading', 'risk-service')!.spec!.template
        .metadata?.annotations?.['kubectl.kubernetes.io/restartedAt'],
    ).toBeUndefined();
  });

  it("obeys the target entity's healing-mode annotation", async () => {
    const knex = await databases.init(id);
    await KnexHealingStore.create(
      mockServices.database({ knex, migrations: { skip: false } }),
    );
    const clusterState = await testClusterState();
    const asked: string[] = [];
    const { store, processor } = await instance(
      knex,
      'a',
      clusterState,
      config,
      {
        of: async entityRef => {
          asked.push(entityRef);
          return { entityRef, mode: 'disabled' };
        },
      },
    );
    await store.addAlerts(
      parseAlertmanagerPayload(alertmanagerPayload([{ fingerprint: 'x' }])),
      new Date(),
    );
    await processor.processPending();
    const { items } = await store.listAttempts({}, 10);
    expect(asked).toEqual(['component:default/risk-service']);
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ status: 'observed', mode: 'observe' });
    expect(items[0].reason).toMatch(/disables healing/);
    const deployment = clusterState
      .cluster('prod-east-b')!
      .store.get('Deployment', 'trading', 'risk-service')!;
    expect(
      deployment.spec!.template.metadata!.annotations?.[
        'kubectl.kubernetes.io/restartedAt'
      ],
    ).toBeUndefined();
  });

  it('chooses among the allowed actions from the verified outcomes in the store', async () => {
    const knex = await databases.init(id);
    await KnexHealingStore.create(
      mockServices.database({ knex, migrations: { skip: false } }),
    );
    const past = (i: number, action: string, status: string) =>
      attemptToRow({
        id: `past-${action}-${i}`,
        kind: 'remediation',
        cluster: 'prod-east-b',
        target: {
          cluster: 'prod-east-b',
          namespace: 'trading',
          kind: 'Deployment',
          name: `other-${i}`,
        },
        alert: {
          fingerprint: `past-${i}`,
          name: 'PodCrashLooping',
          status: 'resolved',
          startsAt: '2026-11-01T10:00:00Z',
          labels: {},
          annotations: {},
        },
        action: action as any,
        mode: 'enforce',
        status: status as any,
        createdAt: '2026-11-01T10:00:00Z',
        updatedAt: '2026-11-01T10:10:00Z',
        steps: [],
      });
    await knex('healing_attempts').insert([
      ...Array.from({ length: 12 }, (_, i) => past(i, 'scale', 'succeeded')),
      ...Array.from({ length: 12 }, (_, i) => past(i, 'restart', 'failed')),
      past(99, 'restart', 'succeeded'),
    ]);
    const choosing = readHealingConfig(
      new ConfigReader({
        healing: {
          policies: [
            {
              name: 'crash-loop',
              match: { alertname: 'PodCrashLooping' },
              actions: ['restart', 'scale'],
              scale: { step: 1, max: 10 },
              mode: 'dry-run',
            },
          ],
        },
      }),
    );
    const { store, processor } = await instance(
      knex,
      'a',
      await testClusterState(),
      choosing,
    );
    await store.addAlerts(
      parseAlertmanagerPayload(alertmanagerPayload([{ fingerprint: 'now' }])),
      new Date(),
    );
    await processor.processPending();
    const { items } = await store.listAttempts({ status: 'planned' }, 10);
    expect(items).toHaveLength(1);
    const [attempt] = items;
    expect(attempt).toMatchObject({ action: 'scale', policy: 'crash-loop' });
    expect(attempt.actionChoice).toMatchObject({
      chosen: 'scale',
      summary:
        'scale healed 12 of 12 such PodCrashLooping alerts on Deployments; restart 1 of 13',
    });
    expect(attempt.steps.map(s => s.name)).toContain('action-choice');
  });

  /** A processor whose store refuses `failures.left` records of applied attempts. */
  async function flakyStore() {
    const knex = await databases.init(id);
    await KnexHealingStore.create(
      mockServices.database({ knex, migrations: { skip: false } }),
    );
    const clusterState = await testClusterState();
    const store = new KnexHealingStore(knex);
    const logger = mockServices.logger.mock();
    const executor = new ActionExecutor(logger);
    const apply = jest.spyOn(executor, 'apply');
    const failures = { left: 0 };
    const failingStore = Object.create(store, {
      completeAlerts: {
        value: async (owner: string, items: any[], at: Date) => {
          if (
            items.some(i => i.attempt.status === 'applied') &&
            failures.left > 0
          ) {
            failures.left--;
            throw new Error('database unavailable');
          }
          return store.completeAlerts(owner, items, at);
        },
      },
    });
    const clock = { now: new Date() };
    const processor = new AlertProcessor({
      store: failingStore,
      clusterState,
      config,
      logger,
      killSwitch: new KillSwitch(store, false),
      executor,
      instanceId: 'a',
      clock: () => clock.now,
    });
    await store.addAlerts(
      parseAlertmanagerPayload(alertmanagerPayload([{ fingerprint: 'x' }])),
      clock.now,
    );
    return { store, logger, apply, failures, clock, processor };
  }

  it('keeps the record of an action when storing it fails, and never acts twice', async () => {
    const { store, logger, apply, failures, clock, processor } =
      await flakyStore();
    // The restart is applied, then the store refuses its record three times.
    failures.left = 3;
    await processor.processPending();
    expect(apply).toHaveBeenCalledTimes(1);
    expect((await store.listAttempts({}, 10)).items).toEqual([]);
    expect(logger.error).toHaveBeenCalledWith(
      expect.stringMatching(
        /was applied on the cluster but could not be stored/,
      ),
    );
    // The claim is not given back for another run straight away…
    await processor.processPending();
    expect(apply).toHaveBeenCalledTimes(1);
    // …and once it is stale, the kept record is stored instead of acting again.
    clock.now = new Date(clock.now.getTime() + 6 * 60_000);
    await processor.processPending();
    expect(apply).toHaveBeenCalledTimes(1);
    const { items } = await store.listAttempts({}, 10);
    expect(items.map(i => i.status)).toEqual(['applied']);
  });

  it('retries storing an applied attempt at once', async () => {
    const { store, logger, apply, failures, processor } = await flakyStore();
    failures.left = 1;
    await processor.processPending();
    expect(apply).toHaveBeenCalledTimes(1);
    expect((await store.listAttempts({}, 10)).items.map(i => i.status)).toEqual(
      ['applied'],
    );
    expect(logger.error).not.toHaveBeenCalled();
  });
});
