import { Entity } from '@backstage/catalog-model';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import { registerMswTestHooks } from '@backstage/test-utils';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http } from 'msw';
import { setupServer } from 'msw/node';
import { securityPostureApiRef } from '../../api';
import { tradingEngineReport } from '../../testing/fixtures';
import {
  baseUrl,
  createTestClient,
  errorResponse,
  serveFixtures,
} from '../../__testUtils__/mockServer';
import { EntitySecurityPostureContent } from './EntitySecurityPostureContent';

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

// The test environment's Blob is Node's, which FileReader does not take.
const readBlob = (blob: Blob) => blob.text();

describe('EntitySecurityPostureContent', () => {
  const server = setupServer();
  registerMswTestHooks(server);
  let requests: ReturnType<typeof serveFixtures>;

  beforeEach(() => {
    requests = serveFixtures(server);
  });

  function render() {
    return renderInTestApp(
      <EntityProvider entity={entity}>
        <EntitySecurityPostureContent />
      </EntityProvider>,
      { apis: [[securityPostureApiRef, createTestClient()]] },
    );
  }

  // Accordion summaries are buttons named by their severity, title and count.
  const groupNames = () =>
    screen
      .getAllByRole('button', { expanded: false })
      .concat(screen.queryAllByRole('button', { expanded: true }))
      .filter(b => b.hasAttribute('aria-controls'))
      .map(b => b.id.replace('posture-check-', ''));

  it('shows the score, the unreadable cluster and the findings grouped by check', async () => {
    await render();

    expect(
      await screen.findByRole('img', { name: 'Score 68 of 100' }),
    ).toBeInTheDocument();
    const counts = screen.getAllByRole('list', {
      name: 'Findings by severity',
    })[0];
    expect(within(counts).getByText('1 critical')).toBeInTheDocument();
    expect(within(counts).getByText('2 high')).toBeInTheDocument();
    expect(within(counts).getByText('1 excepted')).toBeInTheDocument();
    expect(
      screen.getByText(/Not included, could not be read: dr-west$/),
    ).toBeInTheDocument();

    // Excepted findings are hidden until asked for.
    expect(groupNames()).toEqual([
      'privileged-container',
      'run-as-non-root',
      'mesh-mtls-strict',
    ]);

    await userEvent.click(
      screen.getByRole('button', { name: /Containers run as a non-root user/ }),
    );
    const table = await screen.findByRole('table', {
      name: 'Findings of Containers run as a non-root user',
    });
    expect(
      within(table)
        .getAllByRole('row')
        .map(r => r.textContent),
    ).toEqual([
      'ClusterResourceContainerMessageException',
      'prod-east-aDeployment trading/trading-engineenginecontainer engine may run as root: runAsNonRoot is not set—',
      'prod-east-bDeployment trading/trading-engineenginecontainer engine may run as root: runAsNonRoot is not set—',
    ]);
    expect(
      screen.getByText(/Set securityContext.runAsNonRoot: true/),
    ).toBeInTheDocument();
    // The check catalogue adds the description.
    expect(
      await screen.findByText(/A container running as root owns the node/),
    ).toBeInTheDocument();

    await waitFor(() =>
      expect(requests.find(r => r.path === '/history')?.query).toEqual({
        entityRef: 'component:default/trading-engine',
        days: '30',
      }),
    );
    expect(
      await screen.findByRole('img', {
        name: 'Score trend of this entity: from 58 to 68 over 4 snapshots',
      }),
    ).toBeInTheDocument();
  });

  it('filters by severity, category and cluster', async () => {
    await render();
    await screen.findByRole('img', { name: 'Score 68 of 100' });

    await userEvent.click(screen.getByRole('checkbox', { name: 'critical' }));
    expect(groupNames()).toEqual(['privileged-container']);

    await userEvent.click(screen.getByRole('checkbox', { name: 'critical' }));
    await userEvent.selectOptions(
      screen.getByRole('combobox', { name: 'Category' }),
      'mesh',
    );
    expect(groupNames()).toEqual(['mesh-mtls-strict']);

    await userEvent.selectOptions(
      screen.getByRole('combobox', { name: 'Category' }),
      '',
    );
    await userEvent.selectOptions(
      screen.getByRole('combobox', { name: 'Cluster' }),
      'prod-east-b',
    );
    expect(groupNames()).toEqual(['privileged-container', 'run-as-non-root']);
  });

  it('marks excepted findings with their reason, owner and expiry', async () => {
    await render();
    await screen.findByRole('img', { name: 'Score 68 of 100' });

    await userEvent.click(
      screen.getByRole('checkbox', { name: 'Show excepted' }),
    );
    await userEvent.click(
      screen.getByRole('button', { name: /Images are pinned.*1 excepted/ }),
    );
    const table = await screen.findByRole('table', {
      name: 'Findings of Images are pinned to a tag or digest',
    });
    expect(within(table).getByText('Excepted')).toBeInTheDocument();
    expect(
      within(table).getByText('vendor ships only latest; replaced in Q1'),
    ).toBeInTheDocument();
    expect(
      within(table).getByText(
        'Owner group:default/trading-team, until 2027-03-31',
      ),
    ).toBeInTheDocument();
  });

  describe('exports', () => {
    const blobs: Blob[] = [];
    const downloads: string[] = [];

    beforeEach(() => {
      blobs.length = 0;
      downloads.length = 0;
      URL.createObjectURL = jest.fn((blob: Blob) => {
        blobs.push(blob);
        return `blob:test/${blobs.length}`;
      });
      URL.revokeObjectURL = jest.fn();
      jest
        .spyOn(HTMLAnchorElement.prototype, 'click')
        .mockImplementation(function record(this: HTMLAnchorElement) {
          downloads.push(this.download);
        });
    });

    afterEach(() => jest.restoreAllMocks());

    it('downloads the findings as CSV and the report as JSON', async () => {
      await render();
      const group = await screen.findByRole('group', { name: 'Export report' });

      await userEvent.click(within(group).getByRole('button', { name: 'CSV' }));
      expect(downloads).toEqual([
        'security-posture-component-default-trading-engine.csv',
      ]);
      expect(blobs[0].type).toBe('text/csv');
      const csv = await readBlob(blobs[0]);
      const lines = csv.trim().split(/\r?\n/);
      // A header row, then one row per finding, excepted ones included.
      expect(lines).toHaveLength(1 + tradingEngineReport.findings.length);
      expect(csv).toContain('privileged-container');
      expect(csv).toContain('trading-engine');

      await userEvent.click(
        within(group).getByRole('button', { name: 'JSON' }),
      );
      expect(downloads[1]).toBe(
        'security-posture-component-default-trading-engine.json',
      );
      expect(JSON.parse(await readBlob(blobs[1]))).toEqual(tradingEngineReport);
    });

    it('downloads the findings as SARIF', async () => {
      await render();
      const group = await screen.findByRole('group', { name: 'Export report' });

      await userEvent.click(
        within(group).getByRole('button', { name: 'SARIF' }),
      );
      expect(downloads).toEqual([
        'security-posture-component-default-trading-engine.sarif',
      ]);
      const sarif = JSON.parse(await readBlob(blobs[0]));
      expect(sarif.version).toBe('2.1.0');
      expect(
        sarif.runs[0].results.map((r: { ruleId: string }) => r.ruleId),
      ).toContain('privileged-container');
    });
  });

  it.each([
    [500, 'Error', 'database is locked', /Could not load the security posture/],
    [
      403,
      'NotAllowedError',
      'not allowed',
      /You are not allowed to read the security posture/,
    ],
  ])('shows a readable panel on %s', async (status, name, message, title) => {
    server.use(
      http.get(`${baseUrl}/report`, () => errorResponse(status, name, message)),
    );
    await render();
    expect(await screen.findByText(title)).toBeInTheDocument();
    expect(screen.getAllByText(new RegExp(message)).length).toBeGreaterThan(0);
  });
});
