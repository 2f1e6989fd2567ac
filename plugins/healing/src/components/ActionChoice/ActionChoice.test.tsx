import { renderInTestApp } from '@backstage/frontend-test-utils';
import { screen, within } from '@testing-library/react';
import { flashSaleScale } from '../../testing/fixtures';
import { ActionChoice } from './ActionChoice';

jest.setTimeout(30_000);

describe('ActionChoice', () => {
  it('lists each allowed action with its evidence, sample and whether it was chosen', async () => {
    await renderInTestApp(
      <ActionChoice choice={flashSaleScale.actionChoice!} />,
    );
    expect(
      screen.getByText(
        'scale healed 9 of 10 such FlashSaleOrderSurge alerts on Deployments; traffic-shift 2 of 2; restart 1 of 3',
      ),
    ).toBeInTheDocument();
    const table = screen.getByRole('table', { name: 'Action candidates' });
    const rows = within(table)
      .getAllByRole('row')
      .map(r =>
        Array.from(r.querySelectorAll('th, td')).map(c => c.textContent),
      );
    expect(rows).toEqual([
      ['Action', 'Healed / tried', 'Sample', 'Chosen'],
      [
        'traffic-shift',
        '2 / 2',
        '0.912',
        expect.stringMatching(/^refused: .*cooldown ends in 600s$/),
      ],
      ['scale', '9 / 10', '0.861', 'chosen'],
      ['restart', '1 / 3', '0.304', ''],
    ]);
    expect(
      screen.queryByText('Every allowed action was refused.'),
    ).not.toBeInTheDocument();
  });

  it('says so when every allowed action was refused', async () => {
    const choice = flashSaleScale.actionChoice!;
    await renderInTestApp(
      <ActionChoice
        choice={{
          ...choice,
          chosen: undefined,
          candidates: choice.candidates.map(c => ({
            ...c,
            refused: 'the kill switch stops every action',
          })),
        }}
      />,
    );
    expect(
      screen.getByText('Every allowed action was refused.'),
    ).toBeInTheDocument();
    expect(
      screen.queryByRole('cell', { name: 'chosen' }),
    ).not.toBeInTheDocument();
    expect(
      screen.getAllByText('refused: the kill switch stops every action'),
    ).toHaveLength(3);
  });
});
