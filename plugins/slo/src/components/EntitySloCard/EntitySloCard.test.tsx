import { registerMswTestHooks } from '@backstage/test-utils';
import { screen, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import type { SloObjectivesResponse } from '@cloud-native-platform/plugin-slo-common';
import { tradingEngineObjectives } from '../../testing/sloFixtures';
import { backendError } from '../../testing/__testUtils__/backendError';
import {
  renderWithClient,
  testBaseUrl,
  testEntity,
} from '../../testing/__testUtils__/renderWithClient';
import { EntitySloCard } from './EntitySloCard';

// Rendering a whole test app with Material UI is slow when the suites of the
// repository run in parallel.
jest.setTimeout(30_000);

describe('EntitySloCard', () => {
  const server = setupServer();
  registerMswTestHooks(server);

  function answer(body: SloObjectivesResponse | (() => Response)) {
    server.use(
      http.get(`${testBaseUrl}/objectives`, ({ request }) => {
        if (
          new URL(request.url).searchParams.get('entityRef') !==
          'component:default/trading-engine'
        ) {
          return new HttpResponse(null, { status: 400 });
        }
        return typeof body === 'function' ? body() : HttpResponse.json(body);
      }),
    );
  }

  it('shows each SLO’s budget, worst burn and status, and links to the tab', async () => {
    answer(tradingEngineObjectives);
    renderWithClient(<EntitySloCard />, testEntity('trading-engine'));

    const table = await screen.findByRole('table', { name: 'SLO budgets' });
    expect(
      within(table)
        .getAllByRole('row')
        .map(r => r.textContent),
    ).toEqual([
      'SLOBudget remainingWorst burnStatus',
      'trading-engine-availability99.99\u00a0% over 30d42.3\u00a0%16.2×burning',
      'trading-engine-latency99.9\u00a0% over 30d-12.5\u00a0%1.40×exhausted',
    ]);
    const [availability, latency] = within(table).getAllByRole('row').slice(1);
    expect(within(availability).getByText('16.2×')).toHaveAttribute(
      'data-burn',
      'fast',
    );
    expect(within(latency).getByText('1.40×')).toHaveAttribute(
      'title',
      '6h burn rate 1.40×: spending faster than the budget, at or above 1',
    );
    expect(
      screen.getByText(
        'Worst burn rate: 16.2× over 5m (trading-engine-availability).',
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByText(
        '1 cluster or definition could not be read; the SLOs tab says which.',
      ),
    ).toBeInTheDocument();
    expect(screen.getByRole('link', { name: /View SLOs/ })).toHaveAttribute(
      'href',
      '/catalog/default/component/trading-engine/slo',
    );
  });

  it('says when the entity has no SLO', async () => {
    answer({ items: [] });
    renderWithClient(<EntitySloCard />, testEntity('trading-engine'));

    expect(
      await screen.findByText(
        'No service level objectives are defined for trading-engine.',
      ),
    ).toBeInTheDocument();
  });

  it('shows a failed request', async () => {
    answer(() => backendError(500, 'Error', 'Prometheus query timed out'));
    renderWithClient(<EntitySloCard />, testEntity('trading-engine'));

    expect(
      await screen.findByText(/Could not load the SLOs/),
    ).toBeInTheDocument();
  });
});
