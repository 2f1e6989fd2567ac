import { registerMswTestHooks } from '@backstage/test-utils';
import { screen, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import type { SloObjectivesResponse } from '@cloud-native-platform/plugin-slo-common';
import { fleetObjectives } from '../../testing/sloFixtures';
import { backendError } from '../../testing/__testUtils__/backendError';
import {
  renderWithClient,
  testBaseUrl,
} from '../../testing/__testUtils__/renderWithClient';
import { SloPage } from './SloPage';

// Rendering a whole test app with Material UI is slow when the suites of the
// repository run in parallel.
jest.setTimeout(30_000);

const rowTexts = (table: HTMLElement) =>
  within(table)
    .getAllByRole('row')
    .map(r => r.textContent);

describe('SloPage', () => {
  const server = setupServer();
  registerMswTestHooks(server);

  function answer(body: SloObjectivesResponse | (() => Response)) {
    server.use(
      http.get(`${testBaseUrl}/objectives`, ({ request }) => {
        // The page reads every SLO: no scope.
        if (new URL(request.url).search !== '') {
          return new HttpResponse(null, { status: 400 });
        }
        return typeof body === 'function' ? body() : HttpResponse.json(body);
      }),
    );
  }

  it('shows every team’s budget status and the fleet’s worst burners', async () => {
    answer(fleetObjectives);
    renderWithClient(<SloPage />);

    const teams = await screen.findByRole('table', { name: 'Teams' });
    expect(rowTexts(teams)).toEqual([
      'TeamSLOsexhaustedburningno dataokLowest budget remaining',
      'trading-team31101-12.5\u00a0%trading-engine-latency',
      'payments-team2000266\u00a0%quotes-availability',
      'web-team10010–',
      'No team1000150\u00a0%batch-reports-availability',
    ]);
    expect(
      within(teams).getByRole('link', { name: 'trading-team' }),
    ).toHaveAttribute('href', '/catalog/default/group/trading-team');
    expect(
      within(teams).getByRole('link', { name: 'trading-engine-latency' }),
    ).toHaveAttribute('href', '/catalog/default/component/trading-engine/slo');

    const burners = screen.getByRole('table', { name: 'Worst burners' });
    expect(rowTexts(burners)).toEqual([
      'SLOTeamBurn 1hBurn 6hBudget remainingStatus',
      'trading-engine-availabilitytrading-team15.1×7.30×42.3\u00a0%burning',
      'order-gateway-availabilitytrading-team2.10×6.40×78\u00a0%ok',
      'quotes-availabilitypayments-team2.10×0.40×66\u00a0%ok',
      'trading-engine-latencytrading-team0.90×1.40×-12.5\u00a0%exhausted',
      'payments-api-availabilitypayments-team0.20×0.30×91\u00a0%ok',
      'batch-reports-availability–0.00×0.90×50\u00a0%ok',
    ]);
    const top = within(burners).getAllByRole('row')[1];
    expect(within(top).getByText('15.1×')).toHaveAttribute('data-burn', 'fast');
    expect(within(top).getByText('7.30×')).toHaveAttribute('data-burn', 'slow');
    expect(
      within(top).getByRole('link', { name: 'trading-engine-availability' }),
    ).toHaveAttribute('href', '/catalog/default/component/trading-engine/slo');

    expect(
      screen.getByText(
        '7 SLOs of 3 teams: 4 ok, 1 burning, 1 exhausted, 1 without data.',
      ),
    ).toBeInTheDocument();

    // Partial results: what could not be read is listed with where it was.
    const errors = screen.getByRole('list', { name: 'SLO read errors' });
    expect(rowTextsOfList(errors)).toEqual([
      'cluster dr-west has no Prometheus configuredcluster dr-west',
      'the objective 1.5 is not a ratio below 1cluster prod-east-b, definition prod-east-b/quotes/ServiceLevelObjective/quotes-latency',
    ]);
  });

  it('says when no SLO is defined anywhere', async () => {
    answer({ items: [] });
    renderWithClient(<SloPage />);

    expect(
      await screen.findByText('No service level objectives yet'),
    ).toBeInTheDocument();
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
  });

  it('shows a refusal with the permission to ask for', async () => {
    answer(() => backendError(403, 'NotAllowedError', 'denied'));
    renderWithClient(<SloPage />);

    expect(
      await screen.findByText(/You are not allowed to read the fleet's SLOs/),
    ).toBeInTheDocument();
    expect(
      screen.getByText(
        'denied. Ask the platform team for the slo.read permission.',
      ),
    ).toBeInTheDocument();
  });
});

function rowTextsOfList(list: HTMLElement) {
  return within(list)
    .getAllByRole('listitem')
    .map(i => i.textContent);
}
