import { ANNOTATIONS } from '../annotationCatalog';
import { parsePrometheusDuration } from './prometheusDuration';
import { fillSloQuery, parseSloAnnotation } from './sloAnnotation';

describe('parsePrometheusDuration', () => {
  it.each([
    ['5m', 300],
    ['30d', 2_592_000],
    ['4w', 2_419_200],
    ['1h30m', 5_400],
    ['1y', 31_536_000],
  ])('reads %s as %d seconds', (text, seconds) => {
    expect(parsePrometheusDuration(text)).toBe(seconds);
  });

  it.each(['', '0s', '1.5h', '30 d', 'month', '5M'])('refuses %j', text => {
    expect(parsePrometheusDuration(text)).toBeUndefined();
  });
});

describe('fillSloQuery', () => {
  it("fills Sloth's and the short placeholders, windows and clusters", () => {
    expect(
      fillSloQuery(
        'sum(rate(x{cluster="$cluster"}[$window])) / sum(rate(x{cluster="{{ .cluster }}"}[{{.window}}]))',
        '1h',
        'prod-east-a',
      ),
    ).toBe(
      'sum(rate(x{cluster="prod-east-a"}[1h])) / sum(rate(x{cluster="prod-east-a"}[1h]))',
    );
  });
});

describe('the slo annotation', () => {
  const descriptor = ANNOTATIONS.find(
    a => a.key === 'cloud-native-platform.io/slo',
  )!;

  it('is in the catalog with an example the parser reads', () => {
    expect(parseSloAnnotation(descriptor.example)).toEqual([
      expect.objectContaining({ kind: 'availability', objective: 99.9 }),
      expect.objectContaining({
        kind: 'latency',
        thresholdMs: 200,
        histogram: {
          metric: 'http_request_duration_seconds',
          matchers: 'job="api"',
          unit: 'seconds',
        },
      }),
    ]);
  });

  it('is validated with the reason a value is wrong', () => {
    expect(descriptor.validate('[{"objective":99}]')).toBe(
      'item 0 is an availability SLO without errorQuery and totalQuery',
    );
  });
});
