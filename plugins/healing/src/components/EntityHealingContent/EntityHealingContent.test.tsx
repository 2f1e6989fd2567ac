import { Entity } from '@backstage/catalog-model';
import { coreApis } from '@backstage/frontend-plugin-api';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import {
  EntityProvider,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import { registerMswTestHooks } from '@backstage/test-utils';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http } from 'msw';
import { setupServer } from 'msw/node';
import { healingApiRef } from '../../api';
import { allowAll } from '../../__testUtils__/permissions';
import { flashSaleScale, riskServiceRestart } from '../../testing/fixtures';
import {
  baseUrl,
  createTestClient,
  errorResponse,
  serveFixtures,
} from '../../__testUtils__/mockServer';
import { EntityHealingContent } from './EntityHealingContent';

jest.setTimeout(30_000);

const component = (name: string): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name, annotations: { 'backstage.io/kubernetes-id': name } },
  spec: { type: 'service', lifecycle: 'production', owner: 'trading-team' },
});

describe('EntityHealingContent', () => {
  const server = setupServer();
  registerMswTestHooks(server);
  let requests: ReturnType<typeof serveFixtures>;

  beforeEach(() => {
    requests = serveFixtures(server);
  });

  function render(name: string, path = '/catalog/default/component/x/healing') {
    return renderInTestApp(
      <EntityProvider entity={component(name)}>
        <EntityHealingContent />
      </EntityProvider>,
      {
        apis: [[healingApiRef, createTestClient()], allowAll()],
        initialRouteEntries: [path],
        mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
      },
    );
  }

  it("lists the entity's attempts and charts, and opens one in a drawer", async () => {
    const { apis } = await render('risk-service');
    const history = apis.get(coreApis.appHistory)!;

    const table = await screen.findByRole('table', {
      name: 'Healing attempts of risk-service',
    });
    expect(within(table).getAllByRole('row')).toHaveLength(3);
    expect(
      await screen.findByRole('img', { name: /^Median MTTR by day/ }),
    ).toBeInTheDocument();
    expect(
      screen.queryByRole('list', { name: 'Pending approvals' }),
    ).not.toBeInTheDocument();
    expect(
      requests.filter(r => r.path === '/attempts').map(r => r.query),
    ).toContainEqual({
      entityRef: 'component:default/risk-service',
      limit: '100',
    });

    await userEvent.click(within(table).getAllByRole('row')[1]);
    await waitFor(() =>
      expect(history.getSnapshot().location.search).toBe(
        `?attempt=${riskServiceRestart.id}`,
      ),
    );
    const drawer = await screen.findByRole('region', { name: 'Attempt' });
    expect(
      await within(drawer).findByRole('list', { name: 'Root cause ranking' }),
    ).toBeInTheDocument();

    await userEvent.click(
      within(drawer).getByRole('button', { name: 'Close the attempt' }),
    );
    await waitFor(() => expect(history.getSnapshot().location.search).toBe(''));
  });

  it('opens the attempt a link names and shows pending approvals', async () => {
    await render(
      'flash-sale',
      `/catalog/default/component/flash-sale/healing?attempt=${flashSaleScale.id}`,
    );
    // The open drawer hides the tab behind it from assistive technology.
    const pending = await screen.findByRole('list', {
      name: 'Pending approvals',
      hidden: true,
    });
    expect(
      await within(pending).findByRole('button', {
        name: 'Approve',
        hidden: true,
      }),
    ).toBeInTheDocument();
    const drawer = await screen.findByRole('region', { name: 'Attempt' });
    expect(
      await within(drawer).findByRole('heading', {
        name: /FlashSaleOrderSurge: scale of Deployment commerce\/flash-sale/,
      }),
    ).toBeInTheDocument();
  });

  it('shows a readable panel when the history is refused', async () => {
    server.use(
      http.get(`${baseUrl}/attempts`, () =>
        errorResponse(403, 'NotAllowedError', 'not your cluster'),
      ),
    );
    await render('risk-service');
    expect(
      await screen.findByText(
        /You are not allowed to read the healing history of component:default\/risk-service/,
      ),
    ).toBeInTheDocument();
  });
});
