import { registerMswTestHooks } from '@backstage/test-utils';
import { screen, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { maturityLeaderboard } from '../../testing/maturityFixtures';
import {
  renderWithClient,
  testBaseUrl,
} from '../../testing/__testUtils__/renderWithClient';
import { PlatformMaturityContent } from './PlatformMaturityPage';

// Rendering a whole test app with Material UI is slow when the suites of the
// repository run in parallel.
jest.setTimeout(30_000);

describe('PlatformMaturityContent', () => {
  const server = setupServer();
  registerMswTestHooks(server);

  it('ranks teams and systems', async () => {
    server.use(
      http.get(`${testBaseUrl}/maturity/leaderboard`, () =>
        HttpResponse.json(maturityLeaderboard),
      ),
    );
    renderWithClient(<PlatformMaturityContent />);

    const teams = await screen.findByRole('table', { name: 'By team' });
    expect(
      within(teams)
        .getAllByRole('row')
        .map(r => r.textContent),
    ).toEqual([
      'NameScoreComponents',
      'commerce-team841',
      'trading-team632',
      'platform-team01 (1 not deployed)',
    ]);
    const systems = screen.getByRole('table', { name: 'By system' });
    expect(within(systems).getAllByRole('row')).toHaveLength(3);
    expect(screen.getByText(/Fleet score 52.5 over 4/)).toBeInTheDocument();
  });

  it('shows an error panel when the backend fails', async () => {
    server.use(
      http.get(`${testBaseUrl}/maturity/leaderboard`, () =>
        HttpResponse.json(
          { error: { name: 'Error', message: 'boom' } },
          { status: 500 },
        ),
      ),
    );
    renderWithClient(<PlatformMaturityContent />);

    expect(
      await screen.findByText(/Could not load the maturity leaderboard/),
    ).toBeInTheDocument();
  });
});
