import { TestDatabases, mockServices } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { JsonObject } from '@backstage/types';
import { ActionExecutor } from '../actions/ActionExecutor';
import { HealingConfig, readHealingConfig } from '../config';
import { KnexHealingStore } from '../database/KnexHealingStore';
import { parseAlertmanagerPayload } from './alertmanagerPayload';
import { AlertProcessor } from './AlertProcessor';
import {
  approveAttempt,
  expireApprovals,
  refuseIfExpired,
} from './approveAttempt';
import { KillSwitch } from './KillSwitch';
import { RouteContext } from './RouteContext';
import { alertmanagerPayload, testClusterState } from './__testUtils__/fleet';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

function configOf(
  policy: JsonObject = {},
  approvals?: JsonObject,
): HealingConfig {
  return readHealingConfig(
    new ConfigReader({
      healing: {
        policies: [
          {
            name: 'risk-restart',
            match: { alertname: 'PodCrashLooping' },
            action: 'restart',
            mode: 'approval',
            threshold: 0,
            ...policy,
          },
        ],
        ...(approvals ? { approvals } : {}),
      },
    }),
  );
}

describe('healing.approvals.ttl', () => {
  it('defaults to an hour and takes a duration', () => {
    expect(configOf().approvalTtlMs).toBe(3_600_000);
    expect(configOf({}, { ttl: '30m' }).approvalTtlMs).toBe(1_800_000);
    expect(() => configOf({}, { ttl: 'soon' })).toThrow(
      "healing.approvals.ttl: 'soon' is not a duration",
    );
  });
});

describe.each(databases.eachSupportedId())('approveAttempt on %s', id => {
  /** A backend with one attempt pending approval, created `ageMs` ago. */
  async function pendingAttempt(ageMs = 0) {
    const knex = await databases.init(id);
    const store = await KnexHealingStore.create(
      mockServices.database({ knex, migrations: { skip: false } }),
    );
    const logger = mockServices.logger.mock();
    const clusterState = await testClusterState();
    const executor = new ActionExecutor(logger);
    const apply = jest.spyOn(executor, 'apply');
    const killSwitch = new KillSwitch(store, false);
    const config = configOf();
    const created = new Date(Date.now() - ageMs);
    const processor = new AlertProcessor({
      store,
      clusterState,
      config,
      logger,
      killSwitch,
      executor,
      instanceId: 'a',
      clock: () => created,
    });
    await store.addAlerts(
      parseAlertmanagerPayload(
        alertmanagerPayload([
          { fingerprint: 'x', startsAt: created.toISOString() },
        ]),
      ),
      created,
    );
    await processor.processPending();
    const [attempt] = (await store.listAttempts({}, 1)).items;
    expect(attempt.status).toBe('pending-approval');
    const context = {
      store,
      config,
      clusterState,
      executor,
      killSwitch,
      logger,
      processor,
    } as unknown as RouteContext;
    return { context, store, knex, apply, attempt };
  }

  it('applies an approved attempt once, after committing its intent', async () => {
    const { context, store, knex, apply, attempt } = await pendingAttempt();
    const done = await approveAttempt(context, attempt.id, 'user:default/ops');
    expect(done.status).toBe('applied');
    expect(apply).toHaveBeenCalledTimes(1);
    expect(
      (await knex('healing_action_intents').select('attempt_id')).map(
        r => r.attempt_id,
      ),
    ).toEqual([attempt.id]);
    await expect(
      approveAttempt(context, attempt.id, 'user:default/ops'),
    ).rejects.toMatchObject({
      name: 'ConflictError',
      message: `healing attempt ${attempt.id} is applied, not pending-approval`,
    });
    expect(apply).toHaveBeenCalledTimes(1);
    expect((await store.getAttempt(attempt.id))!.status).toBe('applied');
  });

  it('expires an attempt older than the TTL: approving or rejecting it is a 409 naming it', async () => {
    const { context, store, apply, attempt } = await pendingAttempt(
      2 * 3_600_000,
    );
    await expect(
      approveAttempt(context, attempt.id, 'user:default/ops'),
    ).rejects.toMatchObject({
      name: 'ConflictError',
      message: expect.stringMatching(
        new RegExp(
          `^healing attempt ${attempt.id} expired at .*: nobody approved or rejected it within 1h \\(healing.approvals.ttl\\)$`,
        ),
      ),
    });
    expect(apply).not.toHaveBeenCalled();
    const expired = (await store.getAttempt(attempt.id))!;
    expect(expired.status).toBe('expired');
    // The reject route asks the same before deciding.
    await expect(refuseIfExpired(context, expired)).rejects.toMatchObject({
      name: 'ConflictError',
      message: `healing attempt ${attempt.id} expired: nobody approved or rejected it within 1h (healing.approvals.ttl)`,
    });
  });

  it('expires every attempt waiting longer than the TTL in the periodic check', async () => {
    const { context, store, attempt } = await pendingAttempt(61 * 60_000);
    expect(await expireApprovals(context)).toBe(1);
    expect(await store.getAttempt(attempt.id)).toMatchObject({
      status: 'expired',
      reason:
        'nobody approved or rejected it within 1h (healing.approvals.ttl)',
    });
    expect(await expireApprovals(context)).toBe(0);
  });

  it('refuses with 409, without acting, when the policy no longer allows the attempt', async () => {
    const { context, store, apply, attempt } = await pendingAttempt();
    const withPolicy = (policy: JsonObject, name?: string) => ({
      ...context,
      config: {
        ...context.config,
        policies: configOf(policy).policies.map(p => ({
          ...p,
          name: name ?? p.name,
        })),
      },
    });
    const cases: Array<[RouteContext, string]> = [
      [
        withPolicy({ mode: 'dry-run' }),
        'policy risk-restart is in dry-run mode now; it no longer acts',
      ],
      [withPolicy({}, 'renamed'), 'policy risk-restart no longer exists'],
      [
        withPolicy({ action: 'scale', scale: { step: 1, max: 5 } }),
        'policy risk-restart now does scale, not the restart that was asked for',
      ],
      [
        withPolicy({
          action: undefined,
          actions: ['scale', 'evict'],
          scale: { step: 1, max: 5 },
        }),
        'policy risk-restart now does scale or evict, not the restart that was asked for',
      ],
    ];
    for (const [changed, reason] of cases) {
      await expect(
        approveAttempt(changed, attempt.id, 'user:default/ops'),
      ).rejects.toMatchObject({
        name: 'ConflictError',
        message: `healing attempt ${attempt.id} cannot be approved: ${reason}`,
      });
    }
    expect(apply).not.toHaveBeenCalled();
    expect((await store.getAttempt(attempt.id))!.status).toBe(
      'pending-approval',
    );
  });

  it('carries out the action the attempt chose, not the first its policy allows', async () => {
    const { context, apply, attempt } = await pendingAttempt();
    expect(attempt.action).toBe('restart');
    const choosing = {
      ...context,
      config: {
        ...context.config,
        policies: configOf({
          action: undefined,
          actions: ['scale', 'restart'],
          scale: { step: 1, max: 5 },
        }).policies,
      },
    };
    const done = await approveAttempt(choosing, attempt.id, 'user:default/ops');
    expect(done).toMatchObject({ status: 'applied', action: 'restart' });
    expect(apply).toHaveBeenCalledTimes(1);
    expect(apply.mock.calls[0][1].change.description).toMatch(/restart/i);
  });

  it('refuses with 409, without acting, once the alert resolved', async () => {
    const { context, store, apply, attempt } = await pendingAttempt();
    await store.addAlerts(
      parseAlertmanagerPayload(
        alertmanagerPayload([
          {
            fingerprint: 'x',
            status: 'resolved',
            startsAt: attempt.alert!.startsAt,
          },
        ]),
      ),
      new Date(),
    );
    await expect(
      approveAttempt(context, attempt.id, 'user:default/ops'),
    ).rejects.toMatchObject({
      name: 'ConflictError',
      message: expect.stringContaining(
        `healing attempt ${attempt.id} cannot be approved: alert PodCrashLooping resolved`,
      ),
    });
    expect(apply).not.toHaveBeenCalled();
  });
});
