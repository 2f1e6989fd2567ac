import { renderInTestApp } from '@backstage/frontend-test-utils';
import { screen } from '@testing-library/react';
import { tradingEngineTrend } from '../../testing/fixtures';
import { ScoreTrendChart } from './ScoreTrendChart';
import { linePath, placePoints } from './trendGeometry';

jest.setTimeout(30_000);

const box = {
  width: 110,
  height: 120,
  left: 10,
  right: 0,
  top: 10,
  bottom: 10,
};

describe('placePoints', () => {
  it('places points by time and score on a 0–100 axis', () => {
    const placed = placePoints(
      [
        { ...tradingEngineTrend.points[0], score: 100 },
        // Two days later, then one day later: x follows time, not index.
        {
          ...tradingEngineTrend.points[2],
          takenAt: '2026-11-24T00:00:00Z',
          score: 50,
        },
        {
          ...tradingEngineTrend.points[3],
          takenAt: '2026-11-26T00:00:00Z',
          score: 0,
        },
      ],
      box,
    );
    expect(placed.map(p => [p.x, p.y])).toEqual([
      [10, 10],
      [10 + 100 / 2, 60],
      [110, 110],
    ]);
    expect(linePath(placed)).toBe('M10.0,10.0 L60.0,60.0 L110.0,110.0');
  });

  it('centres a single point', () => {
    expect(placePoints(tradingEngineTrend.points.slice(0, 1), box)[0].x).toBe(
      60,
    );
  });
});

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

  it('says when there is no history', async () => {
    await renderInTestApp(<ScoreTrendChart points={[]} />);
    expect(screen.getByText(/No history yet/)).toBeInTheDocument();
  });
});
