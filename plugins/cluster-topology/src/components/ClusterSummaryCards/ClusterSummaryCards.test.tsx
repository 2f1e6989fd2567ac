import { renderInTestApp } from '@backstage/frontend-test-utils';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ClusterSummary } from '../../api';
import { healthColors } from '../../lib/health';
import { clustersResponse } from '../../testing/fixtures';
import { ClusterSummaryCards } from './ClusterSummaryCards';

// Rendering a whole test app with Material UI is slow when the suites of the
// repository run in parallel.
jest.setTimeout(30_000);

const [prodEastA, prodEastB, drWest, staging] = clustersResponse.items;

const clusters: ClusterSummary[] = [
  {
    ...prodEastA,
    storage: {
      claims: { bound: 3, pending: 0, lost: 0 },
      ceph: {
        clusters: [{ name: 'rook-ceph', health: 'HEALTH_OK' }],
        blockPools: [
          {
            name: 'replicapool',
            mirroring: {
              enabled: true,
              mode: 'image',
              health: 'OK',
              daemonHealth: 'OK',
            },
          },
        ],
      },
    },
  },
  prodEastB,
  {
    ...drWest,
    storage: {
      claims: { bound: 2, pending: 1, lost: 0 },
      ceph: {
        clusters: [
          {
            name: 'rook-ceph',
            health: 'HEALTH_WARN',
            message: 'MON_DISK_LOW: mon c is low on available space',
          },
        ],
        blockPools: [
          {
            name: 'replicapool',
            mirroring: {
              enabled: true,
              mode: 'image',
              health: 'WARNING',
              daemonHealth: 'ERROR',
            },
          },
          { name: 'scratch', mirroring: { enabled: false } },
        ],
      },
    },
  },
  { ...staging, storage: { claims: { bound: 0, pending: 0, lost: 2 } } },
];

function card(name: string) {
  return within(screen.getByRole('region', { name: `Cluster ${name}` }));
}

describe('ClusterSummaryCards', () => {
  it('shows Ceph health, pool mirroring and claims on each cluster card', async () => {
    await renderInTestApp(<ClusterSummaryCards clusters={clusters} />);

    const prod = card('prod-east-a');
    expect(prod.getByText('Volume claims: 3 bound')).toBeInTheDocument();
    expect(prod.getByText('Ceph rook-ceph')).toBeInTheDocument();
    expect(prod.getByText('HEALTH_OK')).toBeInTheDocument();
    expect(prod.getByText('Pool replicapool')).toBeInTheDocument();
    expect(prod.getByText('mirroring image, OK')).toBeInTheDocument();

    const dr = card('dr-west');
    expect(
      dr.getByText('Volume claims: 2 bound, 1 pending'),
    ).toBeInTheDocument();
    expect(dr.getByText('HEALTH_WARN')).toBeInTheDocument();
    expect(
      dr.getByText('MON_DISK_LOW: mon c is low on available space'),
    ).toBeInTheDocument();
    expect(
      dr.getByText('mirroring image, WARNING, daemons ERROR'),
    ).toBeInTheDocument();
    expect(dr.getByText('mirroring off')).toBeInTheDocument();

    // Lost claims are a failure even without Ceph.
    const stagingCard = card('staging');
    expect(stagingCard.getByText('Volume claims: 0 bound, 2 lost')).toHaveStyle(
      { color: healthColors.failing },
    );
    expect(stagingCard.queryByText(/^Ceph /)).not.toBeInTheDocument();

    // A cluster without storage objects shows no storage at all.
    expect(
      card('prod-east-b').queryByLabelText('Storage'),
    ).not.toBeInTheDocument();
  });

  it('still opens a cluster from its card', async () => {
    const opened: string[] = [];
    await renderInTestApp(
      <ClusterSummaryCards
        clusters={clusters}
        onOpen={c => opened.push(c.name)}
      />,
    );
    await userEvent.click(
      screen.getByRole('button', { name: 'Open cluster dr-west' }),
    );
    expect(opened).toEqual(['dr-west']);
  });
});
