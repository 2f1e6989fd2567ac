import { ResponseError } from '@backstage/errors';
import { registerMswTestHooks } from '@backstage/test-utils';
import { setupServer } from 'msw/node';
import {
  baseUrl,
  createTestClient,
  errorResponse,
  serveFixtures,
} from '../__testUtils__/mockServer';
import { http } from 'msw';
import {
  allAttempts,
  engineStatus,
  fleetStats,
  flashSaleScale,
} from '../testing/fixtures';

describe('HealingClient', () => {
  const server = setupServer();
  registerMswTestHooks(server);
  const client = createTestClient();
  let requests: ReturnType<typeof serveFixtures>;

  beforeEach(() => {
    requests = serveFixtures(server);
  });

  it('lists attempts with the query in a fixed order', async () => {
    await expect(client.listAttempts()).resolves.toEqual(allAttempts);
    await client.listAttempts({
      limit: 50,
      status: 'pending-approval',
      cluster: 'prod-east-a',
      since: '2026-11-01T00:00:00.000Z',
      namespace: '',
    });
    expect(requests.map(r => [r.path, r.query])).toEqual([
      ['/attempts', {}],
      [
        '/attempts',
        {
          cluster: 'prod-east-a',
          status: 'pending-approval',
          since: '2026-11-01T00:00:00.000Z',
          limit: '50',
        },
      ],
    ]);
  });

  it('reads one attempt, the stats and the status', async () => {
    await expect(client.getAttempt(flashSaleScale.id)).resolves.toEqual(
      flashSaleScale,
    );
    await expect(
      client.getStats({ cluster: 'prod-east-b' }, 30),
    ).resolves.toEqual(fleetStats);
    await expect(client.getStatus()).resolves.toEqual(engineStatus);
    expect(requests.map(r => [r.path, r.query])).toEqual([
      [`/attempts/${flashSaleScale.id}`, {}],
      ['/stats', { cluster: 'prod-east-b', days: '30' }],
      ['/status', {}],
    ]);
  });

  it('approves and rejects with an optional comment, and sets the kill switch', async () => {
    await expect(
      client.approveAttempt(flashSaleScale.id, 'sale starts at 10:00'),
    ).resolves.toMatchObject({ status: 'approved' });
    await expect(client.rejectAttempt(flashSaleScale.id)).rejects.toMatchObject(
      { statusCode: 409 },
    );
    await expect(client.setKillSwitch(true)).resolves.toMatchObject({
      killSwitch: true,
    });
    expect(requests.map(r => [r.method, r.path, r.body])).toEqual([
      [
        'POST',
        `/attempts/${flashSaleScale.id}/approve`,
        { comment: 'sale starts at 10:00' },
      ],
      ['POST', `/attempts/${flashSaleScale.id}/reject`, {}],
      ['PUT', '/kill-switch', { enabled: true }],
    ]);
  });

  it('throws a ResponseError when the backend refuses', async () => {
    server.use(
      http.post(`${baseUrl}/attempts/:id/approve`, () =>
        errorResponse(403, 'NotAllowedError', 'healing.attempt.approve denied'),
      ),
    );
    const result = client.approveAttempt(flashSaleScale.id);
    await expect(result).rejects.toBeInstanceOf(ResponseError);
    await expect(result).rejects.toMatchObject({
      statusCode: 403,
      body: { error: { name: 'NotAllowedError' } },
    });
  });
});
