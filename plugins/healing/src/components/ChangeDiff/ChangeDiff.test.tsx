import { renderInTestApp } from '@backstage/frontend-test-utils';
import { screen } from '@testing-library/react';
import { flashSaleScale } from '../../testing/fixtures';
import { ChangeDiff } from './ChangeDiff';

jest.setTimeout(30_000);

describe('ChangeDiff', () => {
  it('shows removed and added lines with their numbers', async () => {
    await renderInTestApp(
      <ChangeDiff change={flashSaleScale.change!} applied={false} />,
    );
    expect(
      screen.getByText(
        'Planned change to Deployment commerce/flash-sale: Scale out ahead of the autoscaler: 100 → 140 replicas',
      ),
    ).toBeInTheDocument();
    const table = screen.getByRole('table', {
      name: 'Diff of Deployment commerce/flash-sale: 1 added, 1 removed',
    });
    const rows = Array.from(table.querySelectorAll('tr')).map(r => [
      r.getAttribute('data-diff'),
      ...Array.from(r.querySelectorAll('td')).map(c => c.textContent),
    ]);
    expect(rows).toEqual([
      ['same', '1', '1', ' ', 'spec:'],
      ['removed', '2', '', '−', '  replicas: 100'],
      ['added', '', '2', '+', '  replicas: 140'],
    ]);
  });

  it('says when there is nothing to compare', async () => {
    await renderInTestApp(
      <ChangeDiff
        change={{ description: 'restart', object: 'Pod commerce/x' }}
        applied
      />,
    );
    expect(
      screen.getByText('The change records no YAML to compare.'),
    ).toBeInTheDocument();
  });
});
