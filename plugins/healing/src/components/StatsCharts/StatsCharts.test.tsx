import { renderInTestApp } from '@backstage/frontend-test-utils';
import { screen } from '@testing-library/react';
import { fleetStats } from '../../testing/fixtures';
import {
  brokenLinePath,
  niceCeiling,
  placeBars,
  placeRatioPoints,
  successRateOf,
} from './chartGeometry';
import { MttrChart } from './MttrChart';
import { SuccessRateChart } from './SuccessRateChart';

jest.setTimeout(30_000);

const box = {
  width: 140,
  height: 120,
  left: 20,
  right: 0,
  top: 10,
  bottom: 10,
};

describe('chart geometry', () => {
  it('places one bar per bucket with a value, in equal slots', () => {
    const bars = placeBars(
      fleetStats.buckets,
      b => b.medianMttrSeconds,
      200,
      box,
    );
    // Four slots of 30 across 120: the second day has no resolved attempt.
    expect(bars.map(b => [b.x, b.height, b.y])).toEqual([
      [20 + 15 - 10.5, 90, 20],
      [20 + 75 - 10.5, 60, 50],
      [20 + 105 - 10.5, 47, 63],
    ]);
    expect(bars[0].width).toBe(21);
  });

  it('rounds the axis up to 1, 2 or 5 of a power of ten', () => {
    expect(niceCeiling(180)).toBe(200);
    expect(niceCeiling(94)).toBe(100);
    expect(niceCeiling(408)).toBe(500);
    expect(niceCeiling(0)).toBe(1);
  });

  it('breaks the success-rate line on days without a verified attempt', () => {
    expect(fleetStats.buckets.map(successRateOf)).toEqual([
      0.75,
      undefined,
      0.6,
      1,
    ]);
    const points = placeRatioPoints(fleetStats.buckets, successRateOf, box);
    expect(brokenLinePath(points)).toBe('M35.0,35.0 M95.0,50.0 L125.0,10.0');
  });
});

describe('MttrChart', () => {
  it('draws a bar for each bucket with resolved attempts', async () => {
    await renderInTestApp(<MttrChart buckets={fleetStats.buckets} />);
    const chart = screen.getByRole('img', {
      name: /^Median MTTR by day: 3 of 4 days with resolved attempts, latest 1 min 34 s/,
    });
    const bars = chart.querySelectorAll('rect');
    expect(bars).toHaveLength(3);
    expect(bars[0].querySelector('title')).toHaveTextContent(
      '3 min over 4 attempts',
    );
  });

  it('says when nothing was resolved', async () => {
    await renderInTestApp(<MttrChart buckets={[fleetStats.buckets[1]]} />);
    expect(
      screen.getByText('No resolved attempts in this period.'),
    ).toBeInTheDocument();
  });
});

describe('SuccessRateChart', () => {
  it('draws a dot per day with verified attempts', async () => {
    await renderInTestApp(<SuccessRateChart buckets={fleetStats.buckets} />);
    const chart = screen.getByRole('img', {
      name: /^Success rate by day: 3 of 4 days with verified attempts, latest 100 %/,
    });
    expect(chart.querySelectorAll('circle')).toHaveLength(3);
    expect(chart.querySelector('path')?.getAttribute('d')).toMatch(
      /^M[\d.]+,[\d.]+ M[\d.]+,[\d.]+ L[\d.]+,[\d.]+$/,
    );
  });

  it('says when nothing was verified', async () => {
    await renderInTestApp(<SuccessRateChart buckets={[]} />);
    expect(
      screen.getByText('No verified attempts in this period.'),
    ).toBeInTheDocument();
  });
});
