import { renderInTestApp } from '@backstage/frontend-test-utils';
import { screen } from '@testing-library/react';
import { tradingEngineTrend } from '../../testing/fixtures';
import { ScoreTrendChart } from './ScoreTrendChart';

jest.setTimeout(30_000);

describe('ScoreTrendChart', () => {
  it('draws a line with one dot per snapshot', async () => {
    await renderInTestApp(
      <ScoreTrendChart points={tradingEngineTrend.points} title="Trend" />,
    );
    const chart = screen.getByRole('img', {
      name: 'Trend: from 58 to 68 over 4 snapshots',
    });
    expect(chart.querySelectorAll('circle')).toHaveLength(4);
    expect(chart.querySelector('path')?.getAttribute('d')).toMatch(
      /^M[\d.]+,[\d.]+( L[\d.]+,[\d.]+){3}$/,
    );
  });

  it('names the thresholds and colours each snapshot by its score', async () => {
    await renderInTestApp(
      <ScoreTrendChart points={tradingEngineTrend.points} title="Trend" />,
    );
    const chart = screen.getByRole('img', { name: /^Trend:/ });
    expect(
      [...chart.querySelectorAll('line > title')].map(t => t.textContent),
    ).toEqual(['Good from 90', 'Fair from 70']);
    // Each threshold in its own score colour.
    const [good, fair] = [...chart.querySelectorAll('line')].filter(
      l => l.querySelector('title') !== null,
    );
    expect(good.style.stroke).not.toBe('');
    expect(good.style.stroke).not.toBe(fair.style.stroke);
    const fills = [...chart.querySelectorAll('circle')].map(c =>
      c.getAttribute('fill'),
    );
    // 58, 61, 66 and 68 are all below fair: one colour, the error one.
    expect(new Set(fills).size).toBe(1);
    expect(chart.querySelector('circle title')).toHaveTextContent(': 58');
  });

  it('says when there is no history', async () => {
    await renderInTestApp(<ScoreTrendChart points={[]} />);
    expect(screen.getByText(/No history yet/)).toBeInTheDocument();
  });
});
