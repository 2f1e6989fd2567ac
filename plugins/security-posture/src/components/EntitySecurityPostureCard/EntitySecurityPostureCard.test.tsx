import { Entity } from '@backstage/catalog-model';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import {
  EntityProvider,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import { registerMswTestHooks } from '@backstage/test-utils';
import { screen, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { securityPostureApiRef } from '../../api';
import {
  baseUrl,
  createTestClient,
  errorResponse,
  serveFixtures,
} from '../../__testUtils__/mockServer';
import { tradingEngineReport } from '../../testing/fixtures';
import { EntitySecurityPostureCard } from './EntitySecurityPostureCard';

// Rendering a whole test app with Material UI is slow when the suites of the
// repository run in parallel.
jest.setTimeout(30_000);

const entity: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name: 'trading-engine',
    annotations: { 'backstage.io/kubernetes-id': 'trading-engine' },
  },
  spec: { type: 'service', lifecycle: 'production', owner: 'trading-team' },
};

describe('EntitySecurityPostureCard', () => {
  const server = setupServer();
  registerMswTestHooks(server);

  function render() {
    return renderInTestApp(
      <EntityProvider entity={entity}>
        <EntitySecurityPostureCard />
      </EntityProvider>,
      {
        apis: [[securityPostureApiRef, createTestClient()]],
        mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
      },
    );
  }

  it('shows the score, the counts by severity and a link to the tab', async () => {
    serveFixtures(server);
    await render();

    const score = await screen.findByRole('img', { name: 'Score 68 of 100' });
    expect(score).toHaveTextContent('68');
    const counts = screen.getByRole('list', { name: 'Findings by severity' });
    expect(
      within(counts)
        .getAllByRole('listitem')
        .map(i => i.textContent),
    ).toEqual([
      '1 critical',
      '2 high',
      '1 medium',
      '0 low',
      '0 info',
      '1 excepted',
    ]);
    expect(
      within(screen.getByRole('list', { name: 'Costliest checks' })).getByText(
        'Containers are not privileged',
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByText(/Not included, could not be read: dr-west$/),
    ).toBeInTheDocument();
    // The report's meshCoverage: 1 of 2 workloads.
    expect(screen.getByText(/^Mesh coverage:/)).toHaveTextContent(
      'Mesh coverage: 50%',
    );
    expect(
      screen.getByRole('progressbar', { name: 'Mesh coverage 50%' }),
    ).toHaveAttribute('aria-valuenow', '50');
    expect(
      screen.getByText(
        '1 of 2 workloads with STRICT mTLS and an AuthorizationPolicy',
      ),
    ).toBeInTheDocument();
    expect(screen.getByRole('link', { name: /View findings/ })).toHaveAttribute(
      'href',
      '/catalog/default/component/trading-engine/security-posture',
    );
  });

  it('says so when the entity has no workload to cover', async () => {
    serveFixtures(server);
    server.use(
      http.get(`${baseUrl}/report`, () =>
        HttpResponse.json({
          ...tradingEngineReport,
          meshCoverage: { covered: 0, total: 0, ratio: null },
        }),
      ),
    );
    await render();
    expect(
      await screen.findByText('Mesh coverage: no workload to cover'),
    ).toBeInTheDocument();
  });

  it('shows the error of the backend', async () => {
    server.use(
      http.get(`${baseUrl}/report`, () =>
        errorResponse(500, 'Error', 'cluster state not ready'),
      ),
    );
    await render();
    expect(
      await screen.findByText(/Could not load the security posture/),
    ).toBeInTheDocument();
  });
});
