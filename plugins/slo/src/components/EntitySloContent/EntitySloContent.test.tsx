import { registerMswTestHooks } from '@backstage/test-utils';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import type {
  SloObjectivesResponse,
  SloTrendResponse,
} from '@cloud-native-platform/plugin-slo-common';
import {
  linearTrend,
  tradingEngineObjectives,
} from '../../testing/sloFixtures';
import { backendError } from '../../testing/__testUtils__/backendError';
import {
  renderWithClient,
  testBaseUrl,
  testEntity,
} from '../../testing/__testUtils__/renderWithClient';
import { EntitySloContent } from './EntitySloContent';

// Rendering a whole test app with Material UI is slow when the suites of the
// repository run in parallel.
jest.setTimeout(30_000);

const entityRef = 'component:default/trading-engine';

describe('EntitySloContent', () => {
  const server = setupServer();
  registerMswTestHooks(server);

  const trendRequests: string[] = [];

  function answer(
    objectives: SloObjectivesResponse | (() => Response),
    trends: Record<string, SloTrendResponse> = {},
  ) {
    trendRequests.length = 0;
    server.use(
      http.get(`${testBaseUrl}/objectives`, ({ request }) => {
        if (new URL(request.url).searchParams.get('entityRef') !== entityRef) {
          return new HttpResponse(null, { status: 400 });
        }
        return typeof objectives === 'function'
          ? objectives()
          : HttpResponse.json(objectives);
      }),
      http.get(`${testBaseUrl}/trend`, ({ request }) => {
        const params = new URL(request.url).searchParams;
        const name = params.get('name') ?? '';
        trendRequests.push(name);
        return params.get('entityRef') === entityRef && trends[name]
          ? HttpResponse.json(trends[name])
          : backendError(404, 'NotFoundError', `no SLO ${name}`);
      }),
    );
  }

  it('lists every SLO with its figures, burn rates highlighted by threshold', async () => {
    answer(tradingEngineObjectives, {
      'trading-engine-availability': linearTrend(
        'trading-engine-availability',
        0.9,
        0.423,
      ),
    });
    renderWithClient(<EntitySloContent />, testEntity('trading-engine'));

    const table = await screen.findByRole('table', {
      name: 'Service level objectives',
    });
    const rows = within(table).getAllByRole('row');
    expect(rows[0]).toHaveTextContent(
      'SLOKindSourceObjectiveWindowBudget remainingBurn 5mBurn 1hBurn 6hBurn 3dStatusAlertsLatency',
    );
    expect(rows).toHaveLength(3);

    const availability = within(rows[1]).getAllByRole('cell');
    expect(availability.map(c => c.textContent)).toEqual([
      'trading-engine-availability',
      'availability',
      'generated',
      '99.99\u00a0%',
      '30d',
      '42.3\u00a0%',
      '16.2×',
      '15.1×',
      '7.30×',
      '0.80×',
      'burning',
      'TradingEngineAvailabilityFastBurnfiring in prod-east-a (critical)',
      '–',
    ]);
    // 5m and 1h at or above 14.4, 6h at or above 6, 3d below 1.
    expect(availability.slice(6, 10).map(c => c.dataset.burn)).toEqual([
      'fast',
      'fast',
      'slow',
      'normal',
    ]);
    expect(availability[7]).toHaveAttribute(
      'title',
      '1h burn rate 15.1×: fast burn, at or above 14.4',
    );
    expect(
      within(availability[5]).getByRole('progressbar', {
        name: 'Error budget remaining of trading-engine-availability',
      }),
    ).toHaveAttribute('aria-valuenow', '42');

    const latency = within(rows[2]).getAllByRole('cell');
    expect(latency.map(c => c.textContent)).toEqual([
      'trading-engine-latency',
      'latency',
      'sloth',
      '99.9\u00a0%',
      '30d',
      '-12.5\u00a0%',
      '0.50×',
      '0.90×',
      '1.40×',
      '1.10×',
      'exhausted',
      'TradingEngineLatencyBudgetBurnpending in prod-east-b',
      'p99 112\u00a0ms / 95\u00a0ms',
    ]);
    expect(latency.slice(6, 10).map(c => c.dataset.burn)).toEqual([
      'normal',
      'normal',
      'over',
      'over',
    ]);
    // An overspent budget is red, and so is a missed latency threshold.
    expect(within(latency[5]).getByText('-12.5 %')).toHaveAttribute(
      'data-budget',
      'spent',
    );
    expect(within(latency[12]).getByText('p99 112 ms / 95 ms')).toHaveAttribute(
      'title',
      'above the threshold over the last 5 minutes',
    );

    // The cluster that could not be read is named above the table.
    expect(
      screen.getByText(/Some SLO data could not be read \(1\)/),
    ).toBeInTheDocument();
    expect(
      within(screen.getByRole('list', { name: 'SLO read errors' })).getByText(
        'cluster dr-west has no Prometheus configured',
      ),
    ).toBeInTheDocument();
  });

  it('shows the first SLO’s budget trend and cluster shares, and another’s when selected', async () => {
    answer(tradingEngineObjectives, {
      'trading-engine-availability': linearTrend(
        'trading-engine-availability',
        0.9,
        0.423,
      ),
      'trading-engine-latency': linearTrend(
        'trading-engine-latency',
        0.6,
        -0.125,
        { gapAt: 3 },
      ),
    });
    renderWithClient(<EntitySloContent />, testEntity('trading-engine'));

    const chart = await screen.findByRole('img', {
      name: 'Error budget remaining of trading-engine-availability over 30d, latest 42.3\u00a0%',
    });
    expect(chart.querySelectorAll('circle')).toHaveLength(31);
    expect(
      screen.getByRole('button', { name: 'trading-engine-availability' }),
    ).toHaveAttribute('aria-pressed', 'true');

    const clusters = screen.getByRole('table', {
      name: 'Clusters of trading-engine-availability',
    });
    expect(
      within(clusters)
        .getAllByRole('row')
        .map(r => r.textContent),
    ).toEqual([
      'ClusterShareError ratioGood / total events',
      'prod-east-a62\u00a0%0.01\u00a0%61,993,800 / 62,000,000',
      'prod-east-b38\u00a0%0.005\u00a0%37,998,100 / 38,000,000',
      'dr-westcluster dr-west has no Prometheus configured',
    ]);
    expect(
      screen.getByText(
        'Burn-rate alert rules: TradingEngineAvailabilityFastBurn, TradingEngineAvailabilitySlowBurn.',
      ),
    ).toBeInTheDocument();

    await userEvent.click(
      screen.getByRole('button', { name: 'trading-engine-latency' }),
    );
    const latencyChart = await screen.findByRole('img', {
      name: 'Error budget remaining of trading-engine-latency over 30d, latest -12.5\u00a0%',
    });
    // One point without data leaves a gap; the spent part is under the 0 line.
    expect(latencyChart.querySelectorAll('circle')).toHaveLength(30);
    expect(within(latencyChart).getByText('budget spent')).toBeInTheDocument();
    expect(within(latencyChart).getByText('-20%')).toBeInTheDocument();
    expect(
      screen.getByRole('table', { name: 'Clusters of trading-engine-latency' }),
    ).toBeInTheDocument();
    expect(trendRequests).toEqual([
      'trading-engine-availability',
      'trading-engine-latency',
    ]);
  });

  it('says why the trend is missing without hiding the table', async () => {
    answer(tradingEngineObjectives);
    renderWithClient(<EntitySloContent />, testEntity('trading-engine'));

    expect(
      await screen.findByText(
        /No data for the budget trend of trading-engine-availability/,
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByText('no SLO trading-engine-availability'),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('table', { name: 'Service level objectives' }),
    ).toBeInTheDocument();
  });

  it('says when the entity has no SLO', async () => {
    answer({ items: [] });
    renderWithClient(<EntitySloContent />, testEntity('trading-engine'));

    expect(
      await screen.findByText('No service level objectives for trading-engine'),
    ).toBeInTheDocument();
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
  });

  it('shows the backend’s 404 and 403 as such', async () => {
    answer(() =>
      backendError(
        404,
        'NotFoundError',
        'component:default/trading-engine has no SLO',
      ),
    );
    const { unmount } = await renderWithClient(
      <EntitySloContent />,
      testEntity('trading-engine'),
    );
    expect(
      await screen.findByText(/No data for the SLOs of trading-engine/),
    ).toBeInTheDocument();
    expect(
      screen.getByText('component:default/trading-engine has no SLO'),
    ).toBeInTheDocument();
    unmount();

    answer(() =>
      backendError(
        403,
        'NotAllowedError',
        'slo.read is denied to user:default/guest',
      ),
    );
    renderWithClient(<EntitySloContent />, testEntity('trading-engine'));
    expect(
      await screen.findByText(
        /You are not allowed to read the SLOs of trading-engine/,
      ),
    ).toBeInTheDocument();
    await waitFor(() =>
      expect(
        screen.getByText(
          'slo.read is denied to user:default/guest. Ask the platform team for the slo.read permission.',
        ),
      ).toBeInTheDocument(),
    );
  });
});
