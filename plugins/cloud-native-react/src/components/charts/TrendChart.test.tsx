import { renderInTestApp } from '@backstage/test-utils';
import { screen } from '@testing-library/react';
import { TrendChart, TrendChartPoint } from './TrendChart';

jest.setTimeout(30_000);

const points: TrendChartPoint[] = [
  { key: 'a', time: '2026-11-22T00:00:00Z', value: 58, label: '22 Nov: 58' },
  { key: 'b', time: '2026-11-23T00:00:00Z', value: 61, label: '23 Nov: 61' },
  { key: 'c', time: '2026-11-25T00:00:00Z', value: 68, label: '25 Nov: 68' },
];

describe('TrendChart', () => {
  it('draws a line with a titled dot per value, named by its title', async () => {
    await renderInTestApp(
      <TrendChart
        title="Score: from 58 to 68"
        points={points}
        domain={[0, 100]}
        edgeLabels={{ start: '22 Nov', end: '25 Nov' }}
      />,
    );
    const chart = screen.getByRole('img', { name: 'Score: from 58 to 68' });
    const dots = chart.querySelectorAll('circle');
    expect(dots).toHaveLength(3);
    expect([...dots].map(d => d.querySelector('title')?.textContent)).toEqual([
      '22 Nov: 58',
      '23 Nov: 61',
      '25 Nov: 68',
    ]);
    expect(chart.querySelector('path')?.getAttribute('d')).toMatch(
      /^M[\d.]+,[\d.]+( L[\d.]+,[\d.]+){2}$/,
    );
    expect(chart).toHaveTextContent('22 Nov');
    expect(chart).toHaveTextContent('25 Nov');
    // The default ticks: bottom, middle and top of the domain.
    expect(chart).toHaveTextContent('050100');
  });

  it('spaces points by time unless given slots', async () => {
    const { container } = await renderInTestApp(
      <>
        <TrendChart title="by time" points={points} domain={[0, 100]} />
        <TrendChart
          title="by slot"
          points={points}
          domain={[0, 100]}
          placement="slot"
        />
      </>,
    );
    const xs = (name: string) =>
      [...screen.getByRole('img', { name }).querySelectorAll('circle')].map(c =>
        Number(c.getAttribute('cx')),
      );
    const [a, b, c] = xs('by time');
    expect(c - b).toBeCloseTo(2 * (b - a));
    const [d, e, f] = xs('by slot');
    expect(f - e).toBeCloseTo(e - d);
    expect(container.querySelectorAll('svg')).toHaveLength(2);
  });

  it('breaks the line and skips the dot of a missing value', async () => {
    await renderInTestApp(
      <TrendChart
        title="Success rate"
        placement="slot"
        domain={[0, 1]}
        points={[
          { key: '1', value: 0.75, label: 'one' },
          { key: '2', label: 'two, nothing verified' },
          { key: '3', value: 0.6, label: 'three' },
          { key: '4', value: 1, label: 'four' },
        ]}
      />,
    );
    const chart = screen.getByRole('img', { name: 'Success rate' });
    expect(chart.querySelectorAll('circle')).toHaveLength(3);
    expect(chart.querySelector('path')?.getAttribute('d')).toMatch(
      /^M[\d.]+,[\d.]+ M[\d.]+,[\d.]+ L[\d.]+,[\d.]+$/,
    );
  });

  it('names its threshold lines and colours dots as told', async () => {
    await renderInTestApp(
      <TrendChart
        title="Score"
        points={[{ ...points[0], color: 'rgb(1, 2, 3)' }, points[1]]}
        domain={[0, 100]}
        thresholds={[
          { value: 80, label: 'Good from 80', color: 'green' },
          { value: 50, label: 'Fair from 50' },
        ]}
      />,
    );
    const chart = screen.getByRole('img', { name: 'Score' });
    const lines = [...chart.querySelectorAll('line')].filter(
      l => l.querySelector('title') !== null,
    );
    expect(lines.map(l => l.querySelector('title')?.textContent)).toEqual([
      'Good from 80',
      'Fair from 50',
    ]);
    expect(lines[0]).toHaveStyle({ stroke: 'green' });
    expect(lines[1].getAttribute('style')).toBeNull();
    expect(chart.querySelector('circle')?.getAttribute('fill')).toBe(
      'rgb(1, 2, 3)',
    );
  });

  it('marks only the latest value past maxDots, and shades the area when asked', async () => {
    await renderInTestApp(
      <TrendChart title="Many" points={points} maxDots={2} area />,
    );
    const chart = screen.getByRole('img', { name: 'Many' });
    expect(chart.querySelectorAll('circle')).toHaveLength(1);
    expect(chart.querySelector('circle title')).toHaveTextContent('25 Nov: 68');
    expect(chart.querySelectorAll('path')[1].getAttribute('d')).toMatch(/Z$/);
  });

  it('says so when no point has a value', async () => {
    await renderInTestApp(
      <>
        <TrendChart title="Empty" points={[]} emptyMessage="No history yet." />
        <TrendChart title="Gaps" points={[{ key: 'x', label: 'x' }]} />
      </>,
    );
    expect(screen.queryByRole('img')).not.toBeInTheDocument();
    expect(screen.getByText('No history yet.')).toBeInTheDocument();
    expect(screen.getByText('No data in this period.')).toBeInTheDocument();
  });
});
