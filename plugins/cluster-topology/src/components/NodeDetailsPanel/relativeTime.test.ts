import { relativeTime } from './relativeTime';

describe('relativeTime', () => {
  const now = Date.parse('2026-11-26T10:00:00Z');

  it.each([
    ['2026-11-26T09:59:30Z', 'just now'],
    ['2026-11-26T10:00:20Z', 'just now'],
    ['2026-11-26T09:55:00Z', '5m ago'],
    ['2026-11-26T07:00:00Z', '3h ago'],
    ['2026-11-24T09:00:00Z', '2d ago'],
  ])('says %s was %s', (timestamp, expected) => {
    expect(relativeTime(timestamp, now)).toBe(expected);
  });

  it('has nothing to say without a parsable timestamp', () => {
    expect(relativeTime(undefined, now)).toBeUndefined();
    expect(relativeTime('yesterday', now)).toBeUndefined();
  });
});
