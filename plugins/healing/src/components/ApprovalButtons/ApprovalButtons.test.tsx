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

  it('shows no approve or reject button on a pending attempt', async () => {
    await renderInTestApp(
      <>
        <p>pending</p>
        <ApprovalButtons attempt={flashSaleScale} onDecided={jest.fn()} />
      </>,
      { apis },
    );
    await screen.findByText('pending');
    // Let the permission answer arrive before looking for what it hides.
    await new Promise(resolve => setTimeout(resolve, 50));
    expect(screen.queryByRole('button')).not.toBeInTheDocument();
  });

  it('shows the kill switch state but no toggle', async () => {
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
    await new Promise(resolve => setTimeout(resolve, 50));
    expect(
      screen.queryByRole('checkbox', { name: 'Kill switch' }),
    ).not.toBeInTheDocument();
  });
});
