import { renderInTestApp } from '@backstage/frontend-test-utils';
import { entityRouteRef } from '@backstage/plugin-catalog-react';
import { registerMswTestHooks } from '@backstage/test-utils';
import { screen, within } from '@testing-library/react';
import { setupServer } from 'msw/node';
import { healingApiRef } from '../../api';
import { allowAll } from '../../__testUtils__/permissions';
import {
  flashSaleScale,
  nodeNotReadyReschedule,
  refusedRollback,
  riskServiceRestart,
  zoneFailureShift,
} from '../../testing/fixtures';
import {
  createTestClient,
  serveFixtures,
} from '../../__testUtils__/mockServer';
import { AttemptView } from './AttemptView';

jest.setTimeout(30_000);

describe('AttemptView', () => {
  const server = setupServer();
  registerMswTestHooks(server);

  beforeEach(() => {
    serveFixtures(server);
  });

  function render(id: string) {
    return renderInTestApp(<AttemptView id={id} />, {
      apis: [[healingApiRef, createTestClient()], allowAll()],
      mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
    });
  }

  it('shows the alert, each step, the root cause, the decision and the diff', async () => {
    await render(riskServiceRestart.id);

    expect(
      await screen.findByRole('heading', {
        name: 'KubePodCrashLooping: restart of Deployment trading/risk-service in prod-east-b',
      }),
    ).toBeInTheDocument();
    const alert = screen.getByRole('list', { name: 'Alert labels' });
    expect(
      within(alert).getByText('pod=risk-service-7d9f6c5b8-x2kqp'),
    ).toBeInTheDocument();

    const steps = screen.getByRole('list', { name: 'Pipeline steps' });
    expect(
      within(steps)
        .getAllByRole('heading')
        .map(h => h.textContent),
    ).toEqual([
      'Features',
      'Anomaly detection',
      'Root cause',
      'Decision',
      'Action',
      'Verification',
    ]);
    const features = within(steps).getByRole('table', { name: 'Features' });
    expect(
      within(features).getByRole('row', { name: 'restarts_10m 7' }),
    ).toBeInTheDocument();
    expect(
      within(steps).getByRole('row', { name: 'isolationForest 0.81' }),
    ).toBeInTheDocument();

    const ranking = screen.getByRole('list', { name: 'Root cause ranking' });
    expect(
      within(ranking)
        .getAllByRole('listitem')
        .map(i => i.textContent),
    ).toEqual([
      expect.stringMatching(
        /^1\. risk-service \(score 0\.91\)container restarts 7/,
      ),
      expect.stringMatching(/^2\. trading-engine/),
      expect.stringMatching(/^3\. ledger-db/),
    ]);

    const decision = screen.getByLabelText('Decision');
    expect(decision).toHaveTextContent('restart-crash-looping-pods');
    expect(decision).toHaveTextContent('0.97 ≥ 0.90: above the threshold');

    const diff = screen.getByRole('table', {
      name: 'Diff of Deployment trading/risk-service: 1 added, 0 removed',
    });
    const added = diff.querySelectorAll('tr[data-diff="added"]');
    expect(added).toHaveLength(1);
    expect(added[0]).toHaveTextContent('kubectl.kubernetes.io/restartedAt');
    expect(screen.getByText(/^Applied change to/)).toBeInTheDocument();

    const outcome = screen.getByLabelText('Outcome');
    expect(outcome).toHaveTextContent('succeeded');
    expect(outcome).toHaveTextContent('1 min 34 s');
    // Decided, so there is nothing left to approve.
    expect(
      screen.queryByRole('button', { name: 'Approve' }),
    ).not.toBeInTheDocument();
  });

  it('offers approval on a pending attempt', async () => {
    await render(flashSaleScale.id);
    expect(
      await screen.findByRole('button', { name: 'Approve' }),
    ).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Reject' })).toBeInTheDocument();
    expect(screen.getByText(/^Planned change to/)).toBeInTheDocument();
    expect(
      screen.getByRole('table', { name: /1 added, 1 removed/ }),
    ).toHaveTextContent('replicas: 140');
    // The action was chosen among the policy's, with its evidence.
    const candidates = screen.getByRole('table', { name: 'Action candidates' });
    expect(
      within(candidates).getByRole('row', {
        name: 'scale 9 / 10 0.861 chosen',
      }),
    ).toBeInTheDocument();
    const steps = screen.getByRole('list', { name: 'Pipeline steps' });
    expect(within(steps).getByText('Action choice')).toBeInTheDocument();
  });

  it('shows a planned traffic shift and a refusal with its safety rail', async () => {
    const { unmount } = await render(zoneFailureShift.id);
    expect(await screen.findByText(/^Planned change to/)).toBeInTheDocument();
    expect(screen.getByLabelText('Decision')).toHaveTextContent('dry-run');
    unmount();

    await render(refusedRollback.id);
    const decision = await screen.findByLabelText('Decision');
    expect(decision).toHaveTextContent('rate-limit');
    expect(decision).toHaveTextContent(
      'Refused becauserate limit: 1 action per workload per 30 min',
    );
  });

  it('explains platform healing without a pipeline', async () => {
    await render(nodeNotReadyReschedule.id);
    expect(
      await screen.findByText(/Kubernetes healed this by itself/),
    ).toBeInTheDocument();
    expect(screen.getByLabelText('Outcome')).toHaveTextContent(
      '14 pods rescheduled',
    );
  });

  it('says when there is no such attempt', async () => {
    await render('att-missing');
    expect(
      await screen.findByText(/No data for the healing attempt att-missing/),
    ).toBeInTheDocument();
  });
});
