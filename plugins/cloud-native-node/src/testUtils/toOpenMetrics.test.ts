import { toOpenMetrics } from './toOpenMetrics';

describe('toOpenMetrics', () => {
  const range = { startSeconds: 100, endSeconds: 130, stepSeconds: 15 };

  it('writes one sample per step, skipping undefined values', () => {
    expect(
      toOpenMetrics(
        [
          {
            name: 'up',
            labels: { job: 'kubelet', instance: 'node-a' },
            value: t => (t === 115 ? undefined : t - 100),
          },
          { name: 'build_info', value: () => 1 },
        ],
        range,
      ),
    ).toBe(
      [
        'up{job="kubelet",instance="node-a"} 0 100',
        'up{job="kubelet",instance="node-a"} 30 130',
        'build_info 1 100',
        'build_info 1 115',
        'build_info 1 130',
        '# EOF',
        '',
      ].join('\n'),
    );
  });

  it('sorts explicit samples and spells special values', () => {
    expect(
      toOpenMetrics(
        [
          {
            name: 'x',
            samples: [
              [200, Infinity],
              [100, NaN],
              [150, -Infinity],
            ],
          },
        ],
        range,
      ),
    ).toBe('x NaN 100\nx -Inf 150\nx +Inf 200\n# EOF\n');
  });

  it('escapes label values', () => {
    expect(
      toOpenMetrics(
        [{ name: 'x', labels: { path: 'a\\b"c\nd' }, samples: [[1, 2]] }],
        range,
      ),
    ).toBe('x{path="a\\\\b\\"c\\nd"} 2 1\n# EOF\n');
  });

  it('rejects invalid names', () => {
    expect(() =>
      toOpenMetrics([{ name: 'http-requests', value: () => 1 }], range),
    ).toThrow('invalid metric name "http-requests"');
    expect(() =>
      toOpenMetrics(
        [
          {
            name: 'x',
            labels: { 'app.kubernetes.io/name': 'a' },
            value: () => 1,
          },
        ],
        range,
      ),
    ).toThrow('invalid label name "app.kubernetes.io/name" on x');
  });
});
