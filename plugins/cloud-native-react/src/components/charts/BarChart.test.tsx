import { renderInTestApp } from '@backstage/test-utils';
import { screen } from '@testing-library/react';
import { BarChart } from './BarChart';

jest.setTimeout(30_000);

describe('BarChart', () => {
  it('draws a titled bar per value, taller for larger values', async () => {
    await renderInTestApp(
      <BarChart
        title="Findings by severity"
        bars={[
          {
            key: 'critical',
            value: 2,
            label: 'critical: 2',
            category: 'critical',
          },
          { key: 'high', value: 7, label: 'high: 7', category: 'high' },
          { key: 'low', value: 3, label: 'low: 3', category: 'low' },
        ]}
      />,
    );
    const chart = screen.getByRole('img', { name: 'Findings by severity' });
    const bars = [...chart.querySelectorAll('rect')];
    expect(bars.map(b => b.querySelector('title')?.textContent)).toEqual([
      'critical: 2',
      'high: 7',
      'low: 3',
    ]);
    const heights = bars.map(b => Number(b.getAttribute('height')));
    expect(heights[1]).toBeGreaterThan(heights[2]);
    expect(heights[2]).toBeGreaterThan(heights[0]);
    // Categories under the bars; the axis rounds up to 10.
    expect(chart).toHaveTextContent('critical');
    expect(chart).toHaveTextContent('high');
    expect(chart).toHaveTextContent('0510');
  });

  it('leaves the slot of a missing value empty and formats the axis', async () => {
    await renderInTestApp(
      <BarChart
        title="MTTR"
        formatValue={v => `${v} s`}
        edgeLabels={{ start: 'Mon', end: 'Thu' }}
        bars={[
          { key: 'mon', value: 180, label: 'Mon: 180 s' },
          { key: 'tue', label: 'Tue: nothing resolved' },
          { key: 'wed', value: 120, label: 'Wed: 120 s' },
          { key: 'thu', value: 94, label: 'Thu: 94 s' },
        ]}
        thresholds={[{ value: 150, label: 'Target 150 s' }]}
      />,
    );
    const chart = screen.getByRole('img', { name: 'MTTR' });
    expect(chart.querySelectorAll('rect')).toHaveLength(3);
    expect(chart).toHaveTextContent('200 s');
    expect(chart).toHaveTextContent('Mon');
    expect(chart).toHaveTextContent('Thu');
    expect(chart.querySelector('line title')).toHaveTextContent('Target 150 s');
  });

  it('says so when no bar has a value', async () => {
    await renderInTestApp(
      <BarChart
        title="MTTR"
        bars={[{ key: 'tue', label: 'Tue' }]}
        emptyMessage="No resolved attempts in this period."
      />,
    );
    expect(screen.queryByRole('img')).not.toBeInTheDocument();
    expect(
      screen.getByText('No resolved attempts in this period.'),
    ).toBeInTheDocument();
  });
});
