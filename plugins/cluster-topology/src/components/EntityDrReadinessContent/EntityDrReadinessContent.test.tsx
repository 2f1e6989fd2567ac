import { registerMswTestHooks } from '@backstage/test-utils';
import { screen, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { tradingEngineMaturity } from '../../testing/maturityFixtures';
import {
  renderWithClient,
  testBaseUrl,
  testEntity,
} from '../../testing/__testUtils__/renderWithClient';
import { EntityDrReadinessContent } from './EntityDrReadinessContent';

// Rendering a whole test app with Material UI is slow when the suites of the
// repository run in parallel.
jest.setTimeout(30_000);

describe('EntityDrReadinessContent', () => {
  const server = setupServer();
  registerMswTestHooks(server);

  it('lists the DR findings, the DR copies, replication and objectives', async () => {
    server.use(
      http.get(`${testBaseUrl}/maturity`, ({ request }) =>
        new URL(request.url).searchParams.get('entityRef') ===
        'component:default/trading-engine'
          ? HttpResponse.json(tradingEngineMaturity)
          : new HttpResponse(null, { status: 400 }),
      ),
    );
    renderWithClient(
      <EntityDrReadinessContent />,
      testEntity('trading-engine'),
    );

    const findings = await screen.findByRole('list', { name: 'DR findings' });
    expect(screen.getByText('at-risk')).toBeInTheDocument();
    const texts = within(findings)
      .getAllByRole('listitem')
      .map(i => i.textContent);
    expect(texts).toEqual(tradingEngineMaturity.dr.findings);
    expect(texts[0]).toMatch(/runs .*:2\.3\.0 in dr-west but .*:2\.4\.1/);
    expect(texts[1]).toMatch(/dr-west runs 2 replica\(s\) where .* at least 6/);
    expect(texts[3]).toMatch(/no Deployment trading\/order-router runs/);

    const rows = within(
      screen.getByRole('table', { name: 'DR workloads' }),
    ).getAllByRole('row');
    expect(rows.map(r => r.textContent)).toEqual([
      'Production workloadDR copyimagereplicascapacityhealthReady',
      'Deployment trading/trading-engineprod-east-adr-westfailedokokoknot ready',
      'Deployment trading/trading-engineprod-east-bdr-westokfailedfailedoknot ready',
      'Deployment trading/order-routerprod-east-bmissing––––not ready',
    ]);

    const replication = within(
      screen.getByRole('table', { name: 'Replication components' }),
    ).getAllByRole('row');
    expect(replication.map(r => r.textContent)).toEqual([
      'kafka-mirrormakerhealthy2/2 ready in dr-west',
      'ledger-dbunhealthy0/1 ready in dr-west',
    ]);

    const objectives = within(
      screen.getByRole('table', { name: 'Recovery objectives' }),
    ).getAllByRole('row');
    expect(objectives.map(r => r.textContent)).toEqual([
      'DeclaredMeasured',
      'RTO15snot measuredRTO 15s declared; not measured.',
      'RPOnot declarednot measuredNo RPO is declared on the entity.',
    ]);
  });

  it('shows an error panel when the backend fails', async () => {
    server.use(
      http.get(`${testBaseUrl}/maturity`, () =>
        HttpResponse.json(
          { error: { name: 'Error', message: 'cluster state not ready' } },
          { status: 500 },
        ),
      ),
    );
    renderWithClient(
      <EntityDrReadinessContent />,
      testEntity('trading-engine'),
    );

    expect(
      await screen.findByText(/Could not load the DR readiness/),
    ).toBeInTheDocument();
  });
});
