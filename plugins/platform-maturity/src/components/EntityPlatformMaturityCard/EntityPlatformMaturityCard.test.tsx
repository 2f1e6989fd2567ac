import { registerMswTestHooks } from '@backstage/test-utils';
import { screen, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import type { EntityMaturityResponse } from '../../api';
import {
  docsSiteMaturity,
  tradingEngineMaturity,
} from '../../testing/maturityFixtures';
import {
  renderWithClient,
  testBaseUrl,
  testEntity,
} from '../../testing/__testUtils__/renderWithClient';
import { EntityPlatformMaturityCard } from './EntityPlatformMaturityCard';

// Rendering a whole test app with Material UI is slow when the suites of the
// repository run in parallel.
jest.setTimeout(30_000);

describe('EntityPlatformMaturityCard', () => {
  const server = setupServer();
  registerMswTestHooks(server);

  function answer(name: string, body: EntityMaturityResponse) {
    server.use(
      http.get(`${testBaseUrl}/history`, ({ request }) =>
        new URL(request.url).searchParams.get('entityRef') === body.entityRef
          ? HttpResponse.json({
              scope: { type: 'entity', key: body.entityRef },
              days: 30,
              points: [
                {
                  takenAt: '2026-11-20T10:00:00Z',
                  score: 88,
                  entities: 1,
                  drReady: 0,
                },
                {
                  takenAt: '2026-11-26T10:00:00Z',
                  score: 93,
                  entities: 1,
                  drReady: 0,
                },
              ],
            })
          : new HttpResponse(null, { status: 400 }),
      ),
    );
    server.use(
      http.get(`${testBaseUrl}`, ({ request }) =>
        new URL(request.url).searchParams.get('entityRef') ===
        `component:default/${name}`
          ? HttpResponse.json(body)
          : new HttpResponse(null, { status: 400 }),
      ),
    );
  }

  it('shows the score, the terms and what to do next', async () => {
    answer('trading-engine', tradingEngineMaturity);
    renderWithClient(
      <EntityPlatformMaturityCard />,
      testEntity('trading-engine'),
    );

    const table = await screen.findByRole('table', { name: 'Maturity terms' });
    expect(screen.getByText('93')).toBeInTheDocument();
    expect(await screen.findByLabelText('Trend')).toHaveTextContent(
      'Trend: From 88 to 93 (+5) over the last 30 days, 2 snapshots.',
    );
    const rows = within(table).getAllByRole('row');
    expect(rows.map(r => r.textContent)).toEqual([
      'ComponentIntegrationAutomationPointsSignals',
      'mesh100%enforced (×1)20/20sidecar, VirtualService and DestinationRule, STRICT mTLS',
      'monitoring100%enforced (×1)20/20ServiceMonitor, 3 alert rule(s), SLO alerts',
      'scaling70%enforced (×1)14/20HPA 6–20, PDB',
      'healing100%enforced (×1)20/20policy trading-engine-restart',
      'security95%enforced (×1)19/20posture score 95',
    ]);

    const next = screen.getByRole('list', { name: 'What to do next' });
    const items = within(next).getAllByRole('listitem');
    // Scaling loses 6 points, security 1: scaling comes first.
    expect(items[0]).toHaveTextContent(
      'scaling: Set scale-up and scale-down behavior',
    );
    expect(items[1]).toHaveTextContent('security: Fix the findings');
    expect(
      within(items[0]).getByRole('link', { name: 'Wire the missing piece' }),
    ).toHaveAttribute(
      'href',
      '/create/templates/default/wire-existing-service',
    );
    expect(within(items[1]).queryByRole('link')).toBeNull();
    expect(
      screen.getByText(/score = Σ weight × integration × automation factor/),
    ).toHaveTextContent('automation factors: none 0, manual 0.5');
  });

  it('shows a security term that was not assessed, and why', async () => {
    const reason =
      'the security-posture backend answered HTTP 403: not allowed to read posture reports';
    answer('trading-engine', {
      ...tradingEngineMaturity,
      score: 74,
      terms: tradingEngineMaturity.terms.map(t =>
        t.component === 'security'
          ? {
              ...t,
              status: 'not-assessed',
              integration: 0,
              automation: 'none',
              automationFactor: 0,
              points: 0,
              signals: [`not assessed: ${reason}`],
            }
          : t,
      ),
    });
    renderWithClient(
      <EntityPlatformMaturityCard />,
      testEntity('trading-engine'),
    );

    const table = await screen.findByRole('table', { name: 'Maturity terms' });
    const rows = within(table).getAllByRole('row');
    expect(rows[5]).toHaveTextContent(
      `security–none (×0)0/20not assessed: ${reason}`,
    );
  });

  it('points an undeployed entity at the cloud-native-service template', async () => {
    answer('docs-site', docsSiteMaturity);
    renderWithClient(<EntityPlatformMaturityCard />, testEntity('docs-site'));

    expect(
      await screen.findByRole('link', {
        name: 'Create a cloud-native service',
      }),
    ).toHaveAttribute('href', '/create/templates/default/cloud-native-service');
    expect(screen.getByText(/not deployed in any cluster/)).toBeInTheDocument();
  });

  it('shows an error panel when the entity is unknown', async () => {
    server.use(
      http.get(`${testBaseUrl}`, () =>
        HttpResponse.json(
          {
            error: {
              name: 'NotFoundError',
              message: 'no entity component:default/nope in the catalog',
            },
          },
          { status: 404 },
        ),
      ),
    );
    renderWithClient(<EntityPlatformMaturityCard />, testEntity('nope'));

    expect(
      await screen.findByText(/No data for the platform maturity/),
    ).toBeInTheDocument();
    expect(
      screen.getAllByText(/no entity component:default\/nope/).length,
    ).toBeGreaterThan(0);
  });
});
