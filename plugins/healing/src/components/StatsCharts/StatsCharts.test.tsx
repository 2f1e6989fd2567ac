import { renderInTestApp } from '@backstage/frontend-test-utils';
import { screen } from '@testing-library/react';
import { fleetStats } from '../../testing/fixtures';
import { mttrOf, successRateOf } from './bucketValues';
import { MttrChart } from './MttrChart';
import { SuccessRateChart } from './SuccessRateChart';

jest.setTimeout(30_000);

describe('bucket values', () => {
  it('leaves days without a verified attempt without a success rate', () => {
    expect(fleetStats.buckets.map(successRateOf)).toEqual([
      0.75,
      undefined,
      0.6,
      1,
    ]);
  });

  it('takes the median MTTR, else the mean', () => {
    expect(fleetStats.buckets.map(mttrOf)).toEqual([180, undefined, 120, 94]);
    expect(
      mttrOf({
        ...fleetStats.buckets[0],
        medianMttrSeconds: undefined,
        meanMttrSeconds: 61,
      }),
    ).toBe(61);
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
