import { coreApis } from '@backstage/frontend-plugin-api';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import { entityRouteRef } from '@backstage/plugin-catalog-react';
import { registerMswTestHooks } from '@backstage/test-utils';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http } from 'msw';
import { setupServer } from 'msw/node';
import { securityPostureApiRef } from '../../api';
import {
  baseUrl,
  createTestClient,
  errorResponse,
  serveFixtures,
} from '../../__testUtils__/mockServer';
import { SecurityPostureContent } from './SecurityPosturePage';

// Rendering a whole test app with Material UI is slow when the suites of the
// repository run in parallel.
jest.setTimeout(30_000);

describe('SecurityPostureContent', () => {
  const server = setupServer();
  registerMswTestHooks(server);
  let requests: ReturnType<typeof serveFixtures>;

  beforeEach(() => {
    requests = serveFixtures(server);
  });

  function render(path = '/security-posture') {
    return renderInTestApp(<SecurityPostureContent />, {
      apis: [[securityPostureApiRef, createTestClient()]],
      mountPath: '/security-posture',
      initialRouteEntries: [path],
      mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
    });
  }

  const findingGroups = () =>
    screen.findByRole('region', { name: 'Findings by check' });

  const reportQueries = () =>
    requests.filter(r => r.path === '/report').map(r => r.query);

  it('shows the fleet score, clusters, namespaces, teams, top checks and trend', async () => {
    await render();

    expect(
      await screen.findByRole('img', { name: 'Score 76 of 100' }),
    ).toBeInTheDocument();
    // The fleet's meshCoverage, 13 of 48 workloads.
    expect(
      screen.getByRole('progressbar', { name: 'Mesh coverage 27%' }),
    ).toBeInTheDocument();
    expect(
      screen.getByText(
        '13 of 48 workloads with STRICT mTLS and an AuthorizationPolicy',
      ),
    ).toBeInTheDocument();
    const clusters = screen.getByRole('table', { name: 'Clusters' });
    expect(
      within(clusters)
        .getAllByRole('row')
        .slice(1)
        .map(r => within(r).getAllByRole('cell')[0].textContent),
    ).toEqual(['prod-east-a', 'prod-east-b', 'dr-west', 'staging']);
    expect(
      within(clusters).getByText('cluster is not reachable'),
    ).toBeInTheDocument();
    expect(
      screen.getByText(/Not included, could not be read: dr-west$/),
    ).toBeInTheDocument();
    expect(
      screen.getByText(/3 Falco alerts named no known cluster$/),
    ).toBeInTheDocument();
    expect(
      within(screen.getByRole('table', { name: 'Namespaces' })).getByText(
        'prod-east-b/trading',
      ),
    ).toBeInTheDocument();
    expect(
      within(screen.getByRole('table', { name: 'Teams' })).getByRole('link', {
        name: /trading-team/,
      }),
    ).toBeInTheDocument();
    const topChecks = screen.getByRole('list', { name: 'Top failing checks' });
    expect(
      within(topChecks).getByText('Containers run as a non-root user'),
    ).toBeInTheDocument();
    expect(within(topChecks).getByText('5 findings')).toBeInTheDocument();
    expect(
      await screen.findByRole('img', {
        name: /Fleet score trend: from 71 to 76/,
      }),
    ).toBeInTheDocument();

    // Without a choice, the worst readable cluster's findings are shown.
    expect(
      await screen.findByText('Findings of prod-east-b'),
    ).toBeInTheDocument();
    expect(reportQueries()).toEqual([{ cluster: 'prod-east-b' }]);
    // The cluster report's own figure, 4 of 13.
    expect(
      await screen.findByRole('progressbar', { name: 'Mesh coverage 31%' }),
    ).toBeInTheDocument();
    expect(
      within(await findingGroups()).getByRole('button', {
        name: /Containers are not privileged/,
      }),
    ).toBeInTheDocument();
  });

  it('narrows the findings to a top check and loads another cluster', async () => {
    const { apis } = await render();
    const history = apis.get(coreApis.appHistory)!;
    await findingGroups();

    await userEvent.click(
      within(
        screen.getByRole('list', { name: 'Top failing checks' }),
      ).getByRole('button', { name: /Containers run as a non-root user/ }),
    );
    await waitFor(() =>
      expect(history.getSnapshot().location.search).toBe(
        '?check=run-as-non-root',
      ),
    );
    expect(
      screen.getByLabelText('Check filter Containers run as a non-root user'),
    ).toBeInTheDocument();
    expect(
      within(await findingGroups()).queryByRole('button', {
        name: /Containers are not privileged/,
      }),
    ).not.toBeInTheDocument();
    // The lone group opens on its findings.
    expect(
      await screen.findByRole('table', {
        name: 'Findings of Containers run as a non-root user',
      }),
    ).toBeInTheDocument();

    await userEvent.selectOptions(
      screen.getByRole('combobox', { name: 'Cluster' }),
      'prod-east-a',
    );
    await waitFor(() =>
      expect(reportQueries().at(-1)).toEqual({ cluster: 'prod-east-a' }),
    );
    expect(
      await screen.findByText('Findings of prod-east-a'),
    ).toBeInTheDocument();
  });

  it('opens the report of a namespace from the URL', async () => {
    await render('/security-posture?cluster=prod-east-b&namespace=trading');
    expect(
      await screen.findByText('Findings of prod-east-b/trading'),
    ).toBeInTheDocument();
    expect(reportQueries()).toEqual([
      { cluster: 'prod-east-b', namespace: 'trading' },
    ]);
  });

  it.each([
    [403, 'NotAllowedError', /You are not allowed to read/],
    [500, 'Error', /Could not load the security posture overview/],
  ])(
    'shows a readable panel when the overview fails with %s',
    async (status, name, title) => {
      server.use(
        http.get(`${baseUrl}/overview`, () =>
          errorResponse(status, name, 'overview refused'),
        ),
      );
      await render();
      expect(await screen.findByText(title)).toBeInTheDocument();
    },
  );

  it('keeps the overview when the cluster report fails', async () => {
    server.use(
      http.get(`${baseUrl}/report`, () =>
        errorResponse(
          403,
          'NotAllowedError',
          'cluster prod-east-b is not yours',
        ),
      ),
    );
    await render();
    expect(
      await screen.findByText(
        /You are not allowed to read the report of prod-east-b/,
      ),
    ).toBeInTheDocument();
    expect(screen.getByRole('table', { name: 'Clusters' })).toBeInTheDocument();
  });
});
