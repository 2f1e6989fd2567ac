import { coreApis } from '@backstage/frontend-plugin-api';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import { entityRouteRef } from '@backstage/plugin-catalog-react';
import { registerMswTestHooks } from '@backstage/test-utils';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import {
  PlatformMaturityClient,
  platformMaturityApiRef,
  MaturityHistory,
  MaturityLeaderboard,
  TeamMaturityResponse,
} from '../../api';
import {
  maturityLeaderboard,
  tradingEngineMaturity,
} from '../../testing/maturityFixtures';
import { testBaseUrl } from '../../testing/__testUtils__/renderWithClient';
import { PlatformMaturityContent } from './PlatformMaturityPage';

// Rendering a whole test app with Material UI is slow when the suites of the
// repository run in parallel.
jest.setTimeout(30_000);

/** The demo fleet's leaderboard with all four of its components. */
const leaderboard: MaturityLeaderboard = {
  ...maturityLeaderboard,
  entities: [
    ...maturityLeaderboard.entities,
    {
      entityRef: 'component:default/risk-service',
      owner: 'group:default/trading-team',
      system: 'system:default/core-trading',
      score: 33,
      deployed: true,
      dr: 'ready',
    },
    {
      entityRef: 'component:default/docs-site',
      owner: 'group:default/platform-team',
      score: 0,
      deployed: false,
      dr: 'not-applicable',
    },
  ],
};

const fleetHistory: MaturityHistory = {
  scope: { type: 'fleet', key: '' },
  days: 30,
  points: [
    { takenAt: '2026-11-25T08:00:00Z', score: 48, entities: 4, drReady: 1 },
    { takenAt: '2026-11-25T20:00:00Z', score: 50, entities: 4, drReady: 1 },
    { takenAt: '2026-11-26T10:00:00Z', score: 52.5, entities: 4, drReady: 1 },
  ],
};

const tradingTeamHistory: MaturityHistory = {
  scope: { type: 'team', key: 'group:default/trading-team' },
  days: 30,
  points: [
    { takenAt: '2026-11-26T08:00:00Z', score: 60, entities: 2, drReady: 1 },
    { takenAt: '2026-11-26T09:00:00Z', score: 63, entities: 2, drReady: 1 },
  ],
};

const tradingTeamMaturity: TeamMaturityResponse = {
  team: 'group:default/trading-team',
  score: 63,
  entities: [
    {
      entityRef: 'component:default/trading-engine',
      system: 'system:default/core-trading',
      score: 93,
      deployed: true,
      terms: tradingEngineMaturity.terms,
      dr: 'at-risk',
    },
    {
      entityRef: 'component:default/risk-service',
      system: 'system:default/core-trading',
      score: 33,
      deployed: true,
      terms: tradingEngineMaturity.terms.map(t =>
        t.component === 'mesh' ? { ...t, integration: 0, points: 0 } : t,
      ),
      dr: 'ready',
    },
  ],
  findings: [
    ...tradingEngineMaturity.findings.map(f => ({
      ...f,
      entityRef: 'component:default/trading-engine',
    })),
    {
      entityRef: 'component:default/risk-service',
      component: 'mesh',
      message: 'Deployment trading/risk-service (prod-east-b): no sidecar.',
      next: 'Enable sidecar injection in the namespace trading.',
    },
  ],
  formula: tradingEngineMaturity.formula,
};

describe('PlatformMaturityContent', () => {
  const server = setupServer();
  registerMswTestHooks(server);
  let requests: URL[];

  const requested = (path: string) =>
    requests
      .filter(u => u.pathname === new URL(`${testBaseUrl}${path}`).pathname)
      .map(u => Object.fromEntries(u.searchParams));

  beforeEach(() => {
    requests = [];
    server.events.on('request:start', ({ request }) => {
      requests.push(new URL(request.url));
    });
    server.use(
      http.get(`${testBaseUrl}/leaderboard`, () =>
        HttpResponse.json(leaderboard),
      ),
      http.get(`${testBaseUrl}/history`, ({ request }) =>
        HttpResponse.json(
          new URL(request.url).searchParams.get('team')
            ? tradingTeamHistory
            : fleetHistory,
        ),
      ),
      http.get(`${testBaseUrl}`, ({ request }) =>
        new URL(request.url).searchParams.get('team') ===
        'group:default/trading-team'
          ? HttpResponse.json(tradingTeamMaturity)
          : HttpResponse.json(
              { error: { name: 'NotFoundError', message: 'no such team' } },
              { status: 404 },
            ),
      ),
    );
  });

  afterEach(() => {
    server.events.removeAllListeners();
  });

  function render(path = '/platform-maturity') {
    const client = new PlatformMaturityClient({
      discoveryApi: { getBaseUrl: async () => testBaseUrl },
      fetchApi: { fetch: (input, init) => fetch(input, init) },
    });
    return renderInTestApp(<PlatformMaturityContent />, {
      apis: [[platformMaturityApiRef, client]],
      mountPath: '/platform-maturity',
      initialRouteEntries: [path],
      mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
    });
  }

  const rowsOf = (table: HTMLElement) =>
    within(table)
      .getAllByRole('row')
      .map(r => r.textContent);

  it('ranks teams and systems, lists every component and draws the fleet trend', async () => {
    render();

    const teams = await screen.findByRole('table', { name: 'By team' });
    expect(rowsOf(teams)).toEqual([
      'NameScoreComponents',
      'commerce-team841',
      'trading-team632',
      'platform-team01 (1 not deployed)',
    ]);
    expect(
      rowsOf(screen.getByRole('table', { name: 'By system' })),
    ).toHaveLength(3);
    expect(
      screen.getByText(/Fleet score 52.5 over 4 components, 1 of them/),
    ).toBeInTheDocument();
    expect(screen.queryByText(/no history is kept/)).not.toBeInTheDocument();

    const components = screen.getByRole('table', { name: 'Components' });
    const [, ...rows] = within(components).getAllByRole('row');
    expect(rows).toHaveLength(4);
    expect(rows[0]).toHaveTextContent(
      /trading-team.*core-trading.*93.*At risk/,
    );
    expect(rows[1]).toHaveTextContent(
      /commerce-team.*storefront.*84.*Not ready/,
    );
    expect(rows[3]).toHaveTextContent(
      /platform-team.*–.*0 \(not deployed\).*No production workload/,
    );
    expect(
      within(rows[0]).getByRole('link', { name: /trading-engine/ }),
    ).toHaveAttribute('href', '/catalog/default/component/trading-engine');

    const chart = await screen.findByRole('img', {
      name: 'Maturity score of the fleet over the last 30 days, latest 52.5',
    });
    // One line through the three snapshots, one dot each.
    expect(chart.querySelectorAll('circle')).toHaveLength(3);
    expect(chart.querySelectorAll('text').length).toBeGreaterThan(5);
    expect(screen.getByText(/\+4.5 since/)).toBeInTheDocument();
    expect(requested('/history')).toEqual([{}]);
    expect(requested('')).toEqual([]);
  });

  it('selecting a team shows its trend, its components and what to do next', async () => {
    const { apis } = render();
    const history = apis.get(coreApis.appHistory)!;

    const teams = await screen.findByRole('table', { name: 'By team' });
    await userEvent.click(
      within(teams).getByRole('button', { name: 'trading-team' }),
    );

    await waitFor(() =>
      expect(
        new URLSearchParams(history.getSnapshot().location.search).get('team'),
      ).toBe('group:default/trading-team'),
    );
    const card = await screen.findByRole('table', {
      name: 'Components of team trading-team',
    });
    const [, ...rows] = within(card).getAllByRole('row');
    // Lowest score first.
    expect(rows).toHaveLength(2);
    expect(rows[0]).toHaveTextContent(/risk-service.*33.*Ready/);
    expect(rows[0]).toHaveTextContent(
      'mesh: Enable sidecar injection in the namespace trading.',
    );
    expect(rows[1]).toHaveTextContent(/trading-engine.*93.*At risk/);
    // The scaling term loses the most points, so its finding comes first.
    const advice = within(rows[1]).getAllByRole('listitem');
    expect(advice[0]).toHaveTextContent(
      'scaling: Set scale-up and scale-down behavior',
    );
    expect(
      within(advice[0]).getByRole('link', { name: 'Wire the missing piece' }),
    ).toHaveAttribute(
      'href',
      '/create/templates/default/wire-existing-service',
    );
    expect(
      within(rows[1]).getByRole('link', { name: /trading-engine/ }),
    ).toHaveAttribute('href', '/catalog/default/component/trading-engine');
    expect(
      within(teams).getByRole('button', { name: 'trading-team' }),
    ).toHaveAttribute('aria-pressed', 'true');

    expect(
      await screen.findByRole('img', {
        name: 'Maturity score of team trading-team over the last 30 days, latest 63',
      }),
    ).toBeInTheDocument();
    expect(requested('')).toEqual([{ team: 'group:default/trading-team' }]);
    expect(requested('/history')).toEqual([
      {},
      { team: 'group:default/trading-team' },
    ]);
    // The fleet-wide table gives way to the team's.
    expect(
      screen.queryByRole('table', { name: 'Components' }),
    ).not.toBeInTheDocument();

    await userEvent.click(screen.getByRole('button', { name: 'Fleet' }));
    await waitFor(() => expect(history.getSnapshot().location.search).toBe(''));
    expect(
      await screen.findByRole('table', { name: 'Components' }),
    ).toBeInTheDocument();
    expect(
      await screen.findByRole('img', { name: /of the fleet.*latest 52.5/ }),
    ).toBeInTheDocument();
  });

  it('opens a shared link to a team', async () => {
    render('/platform-maturity?team=group:default/trading-team');

    expect(
      await screen.findByRole('table', {
        name: 'Components of team trading-team',
      }),
    ).toBeInTheDocument();
    expect(requested('')).toEqual([{ team: 'group:default/trading-team' }]);
    expect(requested('/history')).toEqual([
      { team: 'group:default/trading-team' },
    ]);
  });

  it('shows the trend and the components of a system named in the URL', async () => {
    render('/platform-maturity?system=system:default/core-trading');

    const table = await screen.findByRole('table', {
      name: 'Components of system core-trading',
    });
    const [, ...rows] = within(table).getAllByRole('row');
    expect(
      rows.map(r => within(r).getAllByRole('cell')[0].textContent),
    ).toEqual([
      expect.stringMatching(/trading-engine/),
      expect.stringMatching(/risk-service/),
    ]);
    await waitFor(() =>
      expect(requested('/history')).toEqual([
        { system: 'system:default/core-trading' },
      ]),
    );
    expect(
      within(screen.getByRole('table', { name: 'By system' })).getByRole(
        'button',
        { name: 'core-trading' },
      ),
    ).toHaveAttribute('aria-pressed', 'true');
    expect(
      screen.getByText('Showing system core-trading.'),
    ).toBeInTheDocument();
  });

  it('says when there are too few snapshots for a trend', async () => {
    server.use(
      http.get(`${testBaseUrl}/history`, () =>
        HttpResponse.json({
          ...fleetHistory,
          points: fleetHistory.points.slice(-1),
        }),
      ),
    );
    render();

    expect(
      await screen.findByText(
        'The trend starts after the first snapshots; they are taken hourly.',
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByText(/The only snapshot so far.*scored 52.5/),
    ).toBeInTheDocument();
    expect(screen.queryByRole('img', { name: /Maturity score/ })).toBeNull();
  });

  it('keeps the leaderboard when the trend cannot be loaded', async () => {
    server.use(
      http.get(`${testBaseUrl}/history`, () =>
        HttpResponse.json(
          { error: { name: 'Error', message: 'no snapshots table' } },
          { status: 500 },
        ),
      ),
    );
    render();

    expect(
      await screen.findByText(/Could not load the maturity trend/),
    ).toBeInTheDocument();
    expect(
      await screen.findByRole('table', { name: 'By team' }),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('table', { name: 'Components' }),
    ).toBeInTheDocument();
    expect(screen.queryByRole('img', { name: /Maturity score/ })).toBeNull();
  });

  it('keeps the trend when the leaderboard cannot be loaded', async () => {
    server.use(
      http.get(`${testBaseUrl}/leaderboard`, () =>
        HttpResponse.json(
          { error: { name: 'Error', message: 'boom' } },
          { status: 500 },
        ),
      ),
    );
    render();

    expect(
      await screen.findByText(/Could not load the maturity leaderboard/),
    ).toBeInTheDocument();
    expect(
      await screen.findByRole('img', { name: /of the fleet.*latest 52.5/ }),
    ).toBeInTheDocument();
  });
});
