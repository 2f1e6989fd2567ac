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

  it('shows the measured replication lag, its source and cluster against the declared RPO', async () => {
    const rpo = {
      declared: '0s',
      measured: '1.2s',
      lag: {
        seconds: 1.2,
        source: 'mirrormaker' as const,
        cluster: 'dr-west',
        replica: 'platform/kafka-mirrormaker-76f75995cb-bvskv',
        at: '2026-12-03T17:40:00.000Z',
      },
      met: false,
      status: 'breached' as const,
      note: 'RPO 0s declared; replication lagged up to 1.2s over the last 5 minutes (MirrorMaker 2 replication latency, platform/kafka-mirrormaker-76f75995cb-bvskv in dr-west), more than the target.',
    };
    server.use(
      http.get(`${testBaseUrl}`, () =>
        HttpResponse.json({
          ...tradingEngineMaturity,
          dr: {
            ...tradingEngineMaturity.dr,
            rpo,
            findings: [...tradingEngineMaturity.dr.findings, rpo.note],
          },
        }),
      ),
    );
    renderWithClient(
      <EntityDrReadinessContent />,
      testEntity('trading-engine'),
    );

    const table = await screen.findByRole('table', {
      name: 'Recovery objectives',
    });
    const row = within(table).getAllByRole('row')[2];
    const cells = within(row).getAllByRole('cell');
    expect(cells.map(c => c.textContent)).toEqual([
      'RPO',
      '0s',
      'breached 1.2sMirrorMaker 2 latency, platform/kafka-mirrormaker-76f75995cb-bvskv in dr-west',
      rpo.note,
    ]);
    const chip = within(cells[2]).getByText('breached');
    expect(chip).toBeInTheDocument();
    expect(
      within(screen.getByRole('list', { name: 'DR findings' })).getByText(
        rpo.note,
      ),
    ).toBeInTheDocument();
  });

  it('says why the RPO is not measured, with a chip', async () => {
    server.use(
      http.get(`${testBaseUrl}`, () =>
        HttpResponse.json({
          ...tradingEngineMaturity,
          dr: {
            ...tradingEngineMaturity.dr,
            rpo: {
              declared: '0s',
              status: 'not-measured',
              note: 'RPO 0s declared; not measured: no Prometheus is configured for prod-east-a, prod-east-b, dr-west.',
            },
          },
        }),
      ),
    );
    renderWithClient(
      <EntityDrReadinessContent />,
      testEntity('trading-engine'),
    );

    const table = await screen.findByRole('table', {
      name: 'Recovery objectives',
    });
    expect(within(table).getAllByRole('row')[2].textContent).toBe(
      'RPO0snot measured RPO 0s declared; not measured: no Prometheus is configured for prod-east-a, prod-east-b, dr-west.',
    );
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
