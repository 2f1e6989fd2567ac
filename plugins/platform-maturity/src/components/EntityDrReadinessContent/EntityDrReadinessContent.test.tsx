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
      http.get(`${testBaseUrl}`, ({ request }) =>
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
      'Production workloadDR copyimagereplicascapacityhealthfailoverReady',
      'Deployment trading/trading-engineprod-east-adr-westfailedok' +
        'okCPU 1500m freememory 24.0 GiB free' +
        'ok' +
        'oktraffic shift only' +
        'not ready',
      'Deployment trading/trading-engineprod-east-bdr-westokfailed' +
        'failedCPU 2000m needed, 1500m freememory 16.0 GiB needed, 24.0 GiB free' +
        'ok' +
        'failedscale-up first; pods start in 16s' +
        'not ready',
      'Deployment trading/order-routerprod-east-bmissing–––––not ready',
    ]);
    // The capacity cell words memory in binary units beside the CPU figures.
    const capacity = within(rows[2]).getAllByRole('cell')[4];
    expect(
      within(capacity).getByText('CPU 2000m needed, 1500m free'),
    ).toBeInTheDocument();
    expect(
      within(capacity).getByText('memory 16.0 GiB needed, 24.0 GiB free'),
    ).toBeInTheDocument();
    expect(capacity).toHaveAttribute(
      'title',
      'dr-west lacks CPU to scale up: 2000m more requested, 1500m free on Ready nodes',
    );

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
      `RTO15snot measuredfailover scale-up 16s${tradingEngineMaturity.dr.rto.note}`,
      'RPOnot declarednot measuredNo RPO is declared on the entity.',
    ]);
  });

  it('shows an error panel when the backend fails', async () => {
    server.use(
      http.get(`${testBaseUrl}`, () =>
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
