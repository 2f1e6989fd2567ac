import {
  checkDnsLabel,
  checkPercent,
  checkServiceName,
  isDnsLabel,
} from './checks';
import { checkImage } from './workload';

describe('names and values', () => {
  it.each(['a', 'checkout', 'trading-engine', 'a1', '1a', 'x'.repeat(63)])(
    '%s is a DNS-1123 label',
    name => {
      expect(isDnsLabel(name)).toBe(true);
    },
  );
  it.each([
    '',
    'A',
    'under_score',
    '-a',
    'a-',
    'a.b',
    'x'.repeat(64),
    'ümlaut',
  ])('%j is not', name => {
    expect(isDnsLabel(name)).toBe(false);
    expect(() => checkDnsLabel(name, 'namespace')).toThrow(/^namespace: /);
  });
  it('wants Service names to start with a letter', () => {
    expect(() => checkServiceName('1a', 'name')).toThrow(
      "name: '1a' must start with a letter",
    );
  });
  it.each([0, 100, -1, 101, Number.NaN])('refuses the SLO target %s', value => {
    expect(() => checkPercent(value, 'slo.availability')).toThrow(
      /^slo.availability: /,
    );
  });
  it.each([
    'app:1.0',
    'registry.example.com:5000/team/app:1.2.3',
    `app@sha256:${'a'.repeat(64)}`,
  ])('accepts the pinned image %s', image =>
    expect(checkImage(image, 'image')).toBe(image),
  );
  it.each(['app', 'app:latest', 'App:1.0', 'registry/app:'])(
    'refuses the floating image %s',
    image => {
      expect(() => checkImage(image, 'image')).toThrow(/^image: /);
    },
  );
});
