import { describeTarget, formatDuration, formatPercent } from './format';

describe('format', () => {
  it('writes durations as a human reads them', () => {
    expect(formatDuration(94)).toBe('1 min 34 s');
    expect(formatDuration(19)).toBe('19 s');
    expect(formatDuration(120)).toBe('2 min');
    expect(formatDuration(7500)).toBe('2 h 5 min');
    expect(formatDuration(undefined)).toBe('—');
  });

  it('writes ratios and targets', () => {
    expect(formatPercent(0.733)).toBe('73 %');
    expect(formatPercent(undefined)).toBe('—');
    expect(
      describeTarget({
        cluster: 'prod-east-a',
        kind: 'Node',
        name: 'prod-east-a-node-3',
      }),
    ).toBe('Node prod-east-a-node-3');
  });
});
