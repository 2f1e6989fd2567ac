import { renderInTestApp } from '@backstage/frontend-test-utils';
import { screen } from '@testing-library/react';
import { healingApiRef } from '../../api';
import { denyAll } from '../../__testUtils__/permissions';
import { createTestClient } from '../../__testUtils__/mockServer';
import { engineStatus, flashSaleScale } from '../../testing/fixtures';
import { EngineStatusCard } from '../EngineStatusCard';
import { ApprovalButtons } from './ApprovalButtons';

jest.setTimeout(30_000);

// usePermission caches its answer for the whole file: every test here is
// for a user without healing.attempt.approve. The page's tests cover users
// with it.
describe('without the approve permission', () => {
  const apis = [[healingApiRef, createTestClient()], denyAll()] as const;

  it('shows approve and reject disabled, with the permission it needs there', async () => {
    await renderInTestApp(
      <ApprovalButtons attempt={flashSaleScale} onDecided={jest.fn()} />,
      { apis },
    );
    const approve = await screen.findByRole('button', { name: 'Approve' });
    expect(approve).toBeDisabled();
    expect(screen.getByRole('button', { name: 'Reject' })).toBeDisabled();
    expect(
      screen.getByText(
        `Deciding attempts in ${flashSaleScale.cluster}/${flashSaleScale.target.namespace} needs the healing.attempt.approve permission`,
      ),
    ).toBeInTheDocument();
  });

  it('shows the kill switch state and the toggle disabled, with the reason', async () => {
    await renderInTestApp(
      <EngineStatusCard
        status={{ ...engineStatus, killSwitch: true, killSwitchBy: 'config' }}
        onChange={jest.fn()}
      />,
      { apis },
    );
    expect(
      await screen.findByText('Kill switch on: no action is applied'),
    ).toBeInTheDocument();
    expect(screen.getByText('Set by config')).toBeInTheDocument();
    // A policy allowing several actions lists them, the choice being learned.
    expect(
      screen.getByRole('row', {
        name: 'scale-on-order-surge scale, traffic-shift, restart (learned) approval',
      }),
    ).toBeInTheDocument();
    expect(
      await screen.findByRole('checkbox', { name: 'Kill switch' }),
    ).toBeDisabled();
    expect(
      screen.getByText(
        'Turning the kill switch needs the healing.killswitch.update permission',
      ),
    ).toBeInTheDocument();
  });
});
