import { coreApis } from '@backstage/frontend-plugin-api';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import { entityRouteRef } from '@backstage/plugin-catalog-react';
import { registerMswTestHooks } from '@backstage/test-utils';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http } from 'msw';
import { setupServer } from 'msw/node';
import { healingApiRef } from '../../api';
import { allowAll } from '../../__testUtils__/permissions';
import { flashSaleScale, riskServiceRestart } from '../../testing/fixtures';
import {
  baseUrl,
  createTestClient,
  errorResponse,
  serveFixtures,
} from '../../__testUtils__/mockServer';
import { HealingContent } from './HealingPage';

// Rendering a whole test app with Material UI is slow when the suites of the
// repository run in parallel.
jest.setTimeout(30_000);

describe('HealingContent', () => {
  const server = setupServer();
  registerMswTestHooks(server);
  let requests: ReturnType<typeof serveFixtures>;

  beforeEach(() => {
    requests = serveFixtures(server);
  });

  // usePermission caches answers for the whole test file, so every test of
  // this file holds the permission; ApprovalButtons.test.tsx covers users
  // without it.
  function render(path = '/healing') {
    return renderInTestApp(<HealingContent />, {
      apis: [[healingApiRef, createTestClient()], allowAll()],
      mountPath: '/healing',
      initialRouteEntries: [path],
      mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
    });
  }

  const attemptsTable = () =>
    screen.findByRole('table', { name: 'Healing attempts' });
  const attemptQueries = () =>
    requests
      .filter(
        r => r.path === '/attempts' && r.query.status !== 'pending-approval',
      )
      .map(r => r.query);
  const targets = (table: HTMLElement) =>
    within(table)
      .getAllByRole('row')
      .slice(1)
      .map(r => within(r).getAllByRole('cell')[2].textContent);

  it('shows the engine, pending approvals, charts and every attempt', async () => {
    await render();

    const table = await attemptsTable();
    expect(targets(table)).toEqual([
      'Deployment commerce/flash-saleFlashSaleOrderSurge',
      'Deployment trading/risk-serviceKubePodCrashLooping',
      'Pod commerce/inventory-service-5b6f8d7c9-m4tzr',
      'VirtualService trading/trading-engineZoneUnavailable',
      'Node prod-east-a-node-3',
      'Deployment trading/risk-service',
    ]);
    const riskRow = within(table).getAllByRole('row')[2];
    expect(within(riskRow).getByText('succeeded')).toBeInTheDocument();
    expect(within(riskRow).getByText('1 min 34 s')).toBeInTheDocument();
    expect(within(riskRow).getByText('0.97')).toBeInTheDocument();

    expect(
      await screen.findByText('Engine acting under its policies'),
    ).toBeInTheDocument();
    expect(
      within(screen.getByRole('table', { name: 'Policies' })).getByText(
        'scale-on-order-surge',
      ),
    ).toBeInTheDocument();
    const pending = await screen.findByRole('list', {
      name: 'Pending approvals',
    });
    expect(
      within(pending).getByText(flashSaleScale.change!.description),
    ).toBeInTheDocument();
    expect(
      await screen.findByRole('img', {
        name: /^Median MTTR by day: 3 of 4 days/,
      }),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('img', { name: /^Success rate by day: 3 of 4 days/ }),
    ).toBeInTheDocument();
    expect(attemptQueries()).toEqual([{ limit: '200' }]);
  });

  it('keeps the filters in the URL and sends them to the backend', async () => {
    const { apis } = await render();
    const history = apis.get(coreApis.appHistory)!;
    await attemptsTable();

    await userEvent.selectOptions(
      screen.getByRole('combobox', { name: 'Outcome' }),
      'succeeded',
    );
    await waitFor(() =>
      expect(history.getSnapshot().location.search).toBe('?status=succeeded'),
    );
    await userEvent.type(
      screen.getByRole('textbox', { name: 'Cluster' }),
      'prod-east-b{Enter}',
    );
    await waitFor(() =>
      expect(attemptQueries().at(-1)).toEqual({
        cluster: 'prod-east-b',
        status: 'succeeded',
        limit: '200',
      }),
    );
    expect(history.getSnapshot().location.search).toBe(
      '?status=succeeded&cluster=prod-east-b',
    );
    await userEvent.type(
      screen.getByRole('textbox', { name: 'Namespace' }),
      'trading{Enter}',
    );
    await waitFor(() =>
      expect(attemptQueries().at(-1)).toEqual({
        cluster: 'prod-east-b',
        namespace: 'trading',
        status: 'succeeded',
        limit: '200',
      }),
    );
    await waitFor(async () =>
      expect(targets(await attemptsTable())).toEqual([
        'Deployment trading/risk-serviceKubePodCrashLooping',
      ]),
    );
    // Stats cover every outcome of the filtered attempts.
    expect(requests.filter(r => r.path === '/stats').at(-1)!.query).toEqual({
      cluster: 'prod-east-b',
      namespace: 'trading',
      days: '30',
    });
  });

  it('reproduces a view from a link', async () => {
    await render('/healing?kind=platform&mode=enforce');
    const table = await attemptsTable();
    expect(targets(table)).toEqual([
      'Pod commerce/inventory-service-5b6f8d7c9-m4tzr',
      'Node prod-east-a-node-3',
    ]);
    expect(attemptQueries()).toEqual([
      { mode: 'enforce', kind: 'platform', limit: '200' },
    ]);
    expect(screen.getByRole('combobox', { name: 'Kind' })).toHaveValue(
      'platform',
    );
  });

  it('approves a pending attempt with a comment', async () => {
    await render();
    const pending = await screen.findByRole('list', {
      name: 'Pending approvals',
    });
    await userEvent.click(
      await within(pending).findByRole('button', { name: 'Approve' }),
    );
    const dialog = await screen.findByRole('dialog');
    expect(
      within(dialog).getByText(
        'Approve the scale of Deployment commerce/flash-sale in prod-east-a?',
      ),
    ).toBeInTheDocument();
    await userEvent.type(
      within(dialog).getByRole('textbox', { name: 'Comment' }),
      'sale starts at 10:00',
    );
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Approve' }),
    );

    await waitFor(() =>
      expect(requests.filter(r => r.method === 'POST')).toEqual([
        {
          method: 'POST',
          path: `/attempts/${flashSaleScale.id}/approve`,
          query: {},
          body: { comment: 'sale starts at 10:00' },
        },
      ]),
    );
    expect(
      await screen.findByText('Nothing is waiting for approval.'),
    ).toBeInTheDocument();
  });

  it('says when someone else decided first', async () => {
    server.use(
      http.post(`${baseUrl}/attempts/:id/reject`, () =>
        errorResponse(409, 'ConflictError', 'attempt is approved'),
      ),
    );
    await render();
    const pending = await screen.findByRole('list', {
      name: 'Pending approvals',
    });
    await userEvent.click(
      await within(pending).findByRole('button', { name: 'Reject' }),
    );
    const dialog = await screen.findByRole('dialog');
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Reject' }),
    );
    expect(await within(dialog).findByRole('alert')).toHaveTextContent(
      'This attempt is no longer waiting for approval: attempt is approved',
    );
  });

  it('turns the kill switch on for a user who may', async () => {
    await render();
    await userEvent.click(
      await screen.findByRole('checkbox', { name: 'Kill switch' }),
    );
    expect(
      await screen.findByText('Kill switch on: no action is applied'),
    ).toBeInTheDocument();
    expect(
      screen.getByText('Set by user:default/ops-lead'),
    ).toBeInTheDocument();
    expect(requests.find(r => r.method === 'PUT')?.body).toEqual({
      enabled: true,
    });
    // The answer carries only the switch; the policies stay.
    expect(screen.getByRole('table', { name: 'Policies' })).toBeInTheDocument();
  });

  it('opens an attempt from its row and comes back', async () => {
    const { apis } = await render();
    const history = apis.get(coreApis.appHistory)!;
    const table = await attemptsTable();
    await userEvent.click(within(table).getAllByRole('row')[2]);
    await waitFor(() =>
      expect(history.getSnapshot().location.pathname).toBe(
        `/healing/attempts/${riskServiceRestart.id}`,
      ),
    );
    expect(
      await screen.findByRole('heading', {
        name: /KubePodCrashLooping: restart of Deployment trading\/risk-service/,
      }),
    ).toBeInTheDocument();
    await userEvent.click(
      screen.getByRole('link', { name: /Healing history/ }),
    );
    await waitFor(() =>
      expect(history.getSnapshot().location.pathname).toBe('/healing'),
    );
    expect(await attemptsTable()).toBeInTheDocument();
  });

  it.each([
    [403, 'NotAllowedError', /You are not allowed to read the healing history/],
    [500, 'Error', /Could not load the healing history/],
  ])(
    'shows a readable panel when the history fails with %s',
    async (status, name, title) => {
      server.use(
        http.get(`${baseUrl}/attempts`, () =>
          errorResponse(status, name, 'history refused'),
        ),
      );
      await render();
      expect(await screen.findByText(title)).toBeInTheDocument();
      // The rest of the page stays.
      expect(
        await screen.findByText('Engine acting under its policies'),
      ).toBeInTheDocument();
    },
  );
});
