import { TestDatabases, mockServices } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import {
  DefaultClusterStateService,
  KubeObject,
} from '@cloud-native-platform/plugin-cloud-native-node';
import { Knex } from 'knex';
import { ActionExecutor } from '../actions/ActionExecutor';
import { HealingConfig, readHealingConfig } from '../config';
import { HealingStore } from '../database/HealingStore';
import { KnexHealingStore } from '../database/KnexHealingStore';
import {
  parseAlertmanagerPayload,
  readAlertmanagerPayload,
} from './alertmanagerPayload';
import { AlertProcessor, AlertProcessorOptions } from './AlertProcessor';
import { KillSwitch } from './KillSwitch';
import {
  alertmanagerPayload,
  riskServiceObjects,
  testClusterState,
} from './__testUtils__/fleet';

jest.setTimeout(120_000);

const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

function configOf(policy: Record<string, unknown> = {}): HealingConfig {
  return readHealingConfig(
    new ConfigReader({
      healing: {
        policies: [
          {
            name: 'crash-restart',
            match: { alertname: 'PodCrashLooping' },
            action: 'restart',
            mode: 'enforce',
            threshold: 0,
            ...policy,
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
}

/** A namespace with `count` Deployments svc-0…, each its own target. */
function fleetOf(count: number): KubeObject[] {
  return [
    { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'trading' } },
    ...Array.from({ length: count }, (_, i) => ({
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: `svc-${i}`, namespace: 'trading', uid: `uid-${i}` },
      spec: {
        replicas: 2,
        template: { metadata: { labels: { app: `svc-${i}` } }, spec: {} },
      },
    })),
  ];
}

const alertOn = (i: number, extra: Record<string, string> = {}) => ({
  fingerprint: `fp-${i}`,
  labels: {
    alertname: 'PodCrashLooping',
    cluster: 'prod-east-b',
    namespace: 'trading',
    deployment: `svc-${i}`,
    ...extra,
  },
});

const sleep = (ms: number) => new Promise(resolve => setTimeout(resolve, ms));

describe.each(databases.eachSupportedId())(
  'AlertProcessor under faults on %s',
  id => {
    let knex: Knex;

    beforeEach(async () => {
      knex = await databases.init(id);
      await KnexHealingStore.create(
        mockServices.database({ knex, migrations: { skip: false } }),
      );
    });

    /** One backend instance: its own store client, cluster state and executor. */
    async function instance(
      name: string,
      options: Partial<AlertProcessorOptions> & {
        objects?: KubeObject[];
        config?: HealingConfig;
      } = {},
    ) {
      const store = new KnexHealingStore(knex);
      const logger = mockServices.logger.mock();
      const executor = new ActionExecutor(logger);
      const send = executor.apply.bind(executor);
      const apply = jest.spyOn(executor, 'apply');
      const clusterState =
        options.clusterState ?? (await testClusterState(options.objects));
      const killSwitch = new KillSwitch(store, false);
      const processor = new AlertProcessor({
        store,
        clusterState,
        config: options.config ?? configOf(),
        logger,
        killSwitch,
        executor,
        instanceId: name,
        ...options,
      });
      return { store, logger, executor, send, apply, killSwitch, processor };
    }

    async function deliver(
      store: HealingStore,
      alerts: any[],
      at = new Date(),
    ) {
      return store.addAlerts(
        parseAlertmanagerPayload(alertmanagerPayload(alerts), {
          receivedAt: at,
        }),
        at,
      );
    }

    it('two instances, 100 alerts each delivered to both: exactly 100 attempts and 100 actions', async () => {
      const a = await instance('a', { objects: fleetOf(100) });
      const b = await instance('b', { objects: fleetOf(100) });
      const alerts = Array.from({ length: 100 }, (_, i) => alertOn(i));
      const work: Promise<unknown>[] = [];
      for (let i = 0; i < 100; i += 20) {
        const batch = alerts.slice(i, i + 20);
        work.push(deliver(a.store, batch), deliver(b.store, batch));
        work.push(a.processor.processPending(), b.processor.processPending());
      }
      await Promise.all(work);
      await a.processor.processPending();
      await b.processor.processPending();
      const statuses = await knex('healing_attempts').select('status');
      expect(statuses).toHaveLength(100);
      expect(statuses.every(r => r.status === 'applied')).toBe(true);
      expect(a.apply.mock.calls.length + b.apply.mock.calls.length).toBe(100);
      const sent = [...a.apply.mock.calls, ...b.apply.mock.calls].map(
        ([, plan]) => plan.object.name,
      );
      expect(new Set(sent).size).toBe(100);
      const [{ count }] = await knex('healing_action_intents').count({
        count: '*',
      });
      expect(Number(count)).toBe(100);
    });

    it('after the store failed to record a sent action, a restarted processor does not send it again', async () => {
      const first = await instance('a', { objects: fleetOf(1) });
      const failing: HealingStore = Object.create(first.store, {
        completeAlerts: {
          value: async () => {
            throw new Error('database unavailable');
          },
        },
      });
      const clock = { now: new Date() };
      const crashed = new AlertProcessor({
        store: failing,
        clusterState: await testClusterState(fleetOf(1)),
        config: configOf(),
        logger: first.logger,
        killSwitch: first.killSwitch,
        executor: first.executor,
        instanceId: 'a',
        clock: () => clock.now,
      });
      await deliver(first.store, [alertOn(0)], clock.now);
      await crashed.processPending().catch(() => undefined);
      expect(first.apply).toHaveBeenCalledTimes(1);
      expect(await first.store.listAttempts({}, 10)).toEqual({
        items: [],
        total: 0,
      });

      // The backend restarts: same instance name, empty memory, the claim
      // stale by now.
      clock.now = new Date(clock.now.getTime() + 6 * 60_000);
      const restarted = await instance('a', {
        objects: fleetOf(1),
        clock: () => clock.now,
      });
      await restarted.processor.processPending();
      expect(restarted.apply).not.toHaveBeenCalled();
      const { items } = await restarted.store.listAttempts({}, 10);
      expect(items).toHaveLength(1);
      expect(items[0].status).toBe('refused');
      expect(items[0].reason).toMatch(
        /^instance a recorded the intent to restart for this attempt at .*; the action is not sent again$/,
      );
    });

    it('an instance taking over the claim of one stuck mid-action does not send it again, and the action is what is recorded', async () => {
      const a = await instance('a', { objects: fleetOf(1) });
      let release!: () => void;
      const gate = new Promise<void>(resolve => {
        release = resolve;
      });
      const applying = new Promise<void>(resolve => {
        a.apply.mockImplementationOnce(async () => {
          resolve();
          await gate;
        });
      });
      await deliver(a.store, [alertOn(0)]);
      const running = a.processor.processPending();
      await applying;
      // b's clock is ten minutes ahead: a's claim looks stale to it.
      const b = await instance('b', {
        objects: fleetOf(1),
        clock: () => new Date(Date.now() + 10 * 60_000),
      });
      expect(await b.processor.processPending()).toBe(1);
      expect(b.apply).not.toHaveBeenCalled();
      expect((await b.store.listAttempts({}, 1)).items[0].status).toBe(
        'refused',
      );
      release();
      await running;
      expect(a.apply).toHaveBeenCalledTimes(1);
      expect((await a.store.listAttempts({}, 1)).items[0].status).toBe(
        'applied',
      );
    });

    it('renews the claims of a slow batch, so another instance does not take it over', async () => {
      const staleClaimMs = 200;
      const a = await instance('a', { objects: fleetOf(4), staleClaimMs });
      a.apply.mockImplementation(async (cluster, plan) => {
        // Each action outlasts the stale timeout.
        await sleep(staleClaimMs * 1.5);
        return a.send(cluster, plan);
      });
      const b = await instance('b', { objects: fleetOf(4), staleClaimMs });
      await deliver(
        a.store,
        [0, 1, 2, 3].map(i => alertOn(i)),
      );
      let done = false;
      const running = a.processor.processPending().finally(() => {
        done = true;
      });
      let takenByB = 0;
      while (!done) {
        await sleep(staleClaimMs / 4);
        takenByB += await b.processor.processPending();
      }
      expect(await running).toBe(4);
      expect(takenByB).toBe(0);
      expect(a.apply).toHaveBeenCalledTimes(4);
      expect(b.apply).not.toHaveBeenCalled();
    });

    it('reads the kill switch from the database before each action: turned on mid-batch, it stops the rest', async () => {
      const a = await instance('a', { objects: fleetOf(3) });
      a.apply.mockImplementation(async (cluster, plan) => {
        await a.killSwitch.set(true, 'user:default/ops');
        return a.send(cluster, plan);
      });
      await deliver(
        a.store,
        [0, 1, 2].map(i => alertOn(i)),
      );
      await a.processor.processPending();
      expect(a.apply).toHaveBeenCalledTimes(1);
      const { items } = await a.store.listAttempts({}, 10);
      expect(items.map(i => i.status).sort()).toEqual([
        'applied',
        'refused',
        'refused',
      ]);
      for (const refused of items.filter(i => i.status === 'refused')) {
        expect(refused.reason).toBe('the kill switch stops every action');
      }
    });

    it("counts another instance's action of a moment ago against the cooldown", async () => {
      const a = await instance('a', { objects: fleetOf(2) });
      const b = await instance('b', { objects: fleetOf(2) });
      const committedByB: unknown[] = [];
      a.apply.mockImplementation(async (cluster, plan) => {
        // While a acts on svc-0, b commits an action on svc-1.
        if (plan.object.name === 'svc-0') {
          committedByB.push(
            await b.store.commitIntent(
              {
                attemptId: 'b-attempt',
                target: {
                  cluster: 'prod-east-b',
                  namespace: 'trading',
                  kind: 'Deployment',
                  name: 'svc-1',
                },
                policy: 'other-policy',
                action: 'restart',
                windowStart: new Date(),
                owner: 'b',
                at: new Date(),
              },
              { historySince: new Date(0), check: () => undefined },
            ),
          );
        }
        return a.send(cluster, plan);
      });
      await deliver(a.store, [alertOn(0), alertOn(1)]);
      await a.processor.processPending();
      expect(committedByB).toEqual([{ ok: true }]);
      expect(a.apply).toHaveBeenCalledTimes(1);
      const svc1 = (await a.store.listAttempts({}, 10)).items.find(
        i => i.target.name === 'svc-1',
      )!;
      expect(svc1.status).toBe('refused');
      expect(svc1.reason).toMatch(
        /^Deployment svc-1 was acted on at .*cooldown ends in/,
      );
    });

    it('refuses to act while the cluster is degraded or still syncing', async () => {
      const stateOf = async (report: (status: any) => void) => {
        const state = new DefaultClusterStateService({
          clusters: [
            {
              name: 'prod-east-b',
              role: 'production',
              labels: {},
              source: { type: 'manifests', path: '/nowhere' },
              origin: 'test',
            },
          ],
          logger: mockServices.logger.mock(),
          sourceFactories: {
            manifests: context => ({
              async start() {
                for (const o of fleetOf(1)) context.store.upsert(o);
                context.status.markSynced();
                report(context.status);
              },
              async stop() {},
            }),
          },
        });
        await state.start();
        return state;
      };
      const degraded = await instance('a', {
        clusterState: await stateOf(s => s.kindFailed('Pod', '403 forbidden')),
      });
      await deliver(degraded.store, [alertOn(0)]);
      await degraded.processor.processPending();
      const syncing = await instance('b', {
        clusterState: await stateOf(s => s.kindSyncing('PodDisruptionBudget')),
      });
      await deliver(syncing.store, [{ ...alertOn(0), fingerprint: 'second' }]);
      await syncing.processor.processPending();
      expect(degraded.apply).not.toHaveBeenCalled();
      expect(syncing.apply).not.toHaveBeenCalled();
      const reasons = (await degraded.store.listAttempts({}, 10)).items
        .map(i => [i.status, i.reason])
        .sort();
      expect(reasons).toEqual([
        ['refused', 'cluster prod-east-b is degraded: Pod: 403 forbidden'],
        ['refused', 'cluster prod-east-b is still syncing'],
      ]);
    });

    it('scales down no further than the minAvailable of the PodDisruptionBudget of the workload', async () => {
      const objects = riskServiceObjects().map(o =>
        o.kind === 'Pod'
          ? {
              ...o,
              status: {
                phase: 'Running',
                conditions: [{ type: 'Ready', status: 'True' }],
              },
            }
          : o,
      );
      objects.push({
        apiVersion: 'policy/v1',
        kind: 'PodDisruptionBudget',
        metadata: { name: 'risk-pdb', namespace: 'trading' },
        spec: {
          minAvailable: 2,
          selector: { matchLabels: { app: 'risk-service' } },
        },
      });
      const clusterState = await testClusterState(objects);
      const a = await instance('a', {
        clusterState,
        config: configOf({ action: 'scale', scale: { step: -2, max: 10 } }),
      });
      await deliver(a.store, [{ fingerprint: 'scale' }]);
      await a.processor.processPending();
      const [attempt] = (await a.store.listAttempts({}, 1)).items;
      expect(attempt.status).toBe('applied');
      expect(attempt.change?.description).toBe(
        'Scale Deployment risk-service from 3 to 2 replicas',
      );
      expect(
        clusterState
          .cluster('prod-east-b')!
          .store.get('Deployment', 'trading', 'risk-service')!.spec!.replicas,
      ).toBe(2);
    });

    it('refuses an alert with a 300-character label alone; the 10 after it, and later batches, are processed', async () => {
      const a = await instance('a', { objects: fleetOf(12) });
      const receivedAt = new Date();
      const body = alertmanagerPayload([
        alertOn(0, { pod: 'p'.repeat(300) }),
        // A free label of 300 characters is within its bound and kept.
        alertOn(1, { instance: 'i'.repeat(300) }),
        ...Array.from({ length: 10 }, (_, i) => alertOn(i + 2)),
      ]);
      const { records, refused } = readAlertmanagerPayload(body, {
        receivedAt,
      });
      expect(refused).toEqual([
        {
          path: 'alerts[0].labels.pod',
          message: 'must be at most 253 characters',
        },
      ]);
      expect(await a.store.addAlerts(records, receivedAt)).toMatchObject({
        stored: 11,
      });
      expect(await a.processor.processPending()).toBe(11);
      await deliver(a.store, [{ ...alertOn(0), fingerprint: 'later' }]);
      expect(await a.processor.processPending()).toBe(1);
      const { items, total } = await a.store.listAttempts({}, 20);
      expect(total).toBe(12);
      expect(items.filter(i => i.status === 'applied')).toHaveLength(12);
      const long = items.find(i => i.alert?.fingerprint === 'fp-1')!;
      expect(long.alert!.labels.instance).toHaveLength(300);
    });

    it('clamps a startsAt in the future to the receipt, once for every delivery', async () => {
      const a = await instance('a', { objects: fleetOf(1) });
      const receivedAt = new Date();
      const future = new Date(receivedAt.getTime() + 3_600_000).toISOString();
      await deliver(a.store, [{ ...alertOn(0), startsAt: future }], receivedAt);
      await deliver(
        a.store,
        [{ ...alertOn(0), startsAt: future }],
        new Date(receivedAt.getTime() + 30_000),
      );
      await a.processor.processPending();
      const { items } = await a.store.listAttempts({}, 10);
      expect(items).toHaveLength(1);
      expect(items[0].alert!.startsAt).toBe(receivedAt.toISOString());
      expect(a.apply).toHaveBeenCalledTimes(1);
    });
  },
);
