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
import { healingApiRef } from '../../api';
import {
  baseUrl,
  createTestClient,
  errorResponse,
  serveFixtures,
} from '../../__testUtils__/mockServer';
import { EntityHealingCard } from './EntityHealingCard';

jest.setTimeout(30_000);

const entity: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name: 'risk-service',
    annotations: { 'backstage.io/kubernetes-id': 'risk-service' },
  },
  spec: { type: 'service', lifecycle: 'production', owner: 'trading-team' },
};

describe('EntityHealingCard', () => {
  const server = setupServer();
  registerMswTestHooks(server);

  function render() {
    return renderInTestApp(
      <EntityProvider entity={entity}>
        <EntityHealingCard />
      </EntityProvider>,
      {
        apis: [[healingApiRef, createTestClient()]],
        mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
      },
    );
  }

  it('counts the last 30 days by outcome, with the median MTTR and the last attempt', async () => {
    const requests = serveFixtures(server);
    await render();

    const counts = await screen.findByRole('list', {
      name: 'Attempts by outcome',
    });
    expect(
      within(counts)
        .getAllByRole('listitem')
        .map(i => i.getAttribute('aria-label')),
    ).toEqual(['1 refused', '1 succeeded']);
    const summary = screen.getByLabelText('Healing summary');
    expect(summary).toHaveTextContent('Median MTTR1 min 34 s');
    expect(summary).toHaveTextContent(
      'restart of Deployment trading/risk-service in prod-east-b, succeeded',
    );
    expect(
      screen.getByRole('link', { name: /View healing history/ }),
    ).toHaveAttribute(
      'href',
      '/catalog/default/component/risk-service/healing',
    );

    const list = requests.find(r => r.path === '/attempts')!.query;
    expect(list.entityRef).toBe('component:default/risk-service');
    expect(Date.now() - Date.parse(list.since)).toBeGreaterThan(
      29.9 * 86_400_000,
    );
    expect(requests.find(r => r.path === '/stats')!.query).toEqual({
      entityRef: 'component:default/risk-service',
      days: '30',
    });
  });

  it('says when nothing was healed', async () => {
    server.use(
      http.get(`${baseUrl}/attempts`, () =>
        HttpResponse.json({ items: [], total: 0 }),
      ),
      http.get(`${baseUrl}/stats`, () => HttpResponse.json({ buckets: [] })),
    );
    await render();
    expect(
      await screen.findByText('Nothing was healed in the last 30 days.'),
    ).toBeInTheDocument();
  });

  it('shows the error of the backend', async () => {
    serveFixtures(server);
    server.use(
      http.get(`${baseUrl}/stats`, () =>
        errorResponse(500, 'Error', 'database is locked'),
      ),
    );
    await render();
    expect(
      await screen.findByText(/Could not load the healing history/),
    ).toBeInTheDocument();
  });
});
