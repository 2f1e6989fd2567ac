import { trendSentence } from './MaturityTrendLine';

const point = (score: number) => ({
  takenAt: '2026-11-26T10:00:00Z',
  score,
  entities: 1,
  drReady: 0,
});
const history = (scores: number[]) => ({
  scope: { type: 'entity' as const, key: 'component:default/a' },
  days: 30,
  points: scores.map(point),
});

describe('trendSentence', () => {
  it('says how the score moved, or that there is nothing yet', () => {
    expect(trendSentence(history([]))).toBe(
      'No snapshot in the last 30 days yet; they are taken hourly.',
    );
    expect(trendSentence(history([70]))).toBe('One snapshot so far, at 70.');
    expect(trendSentence(history([70, 64.7, 62.3]))).toBe(
      'From 70 to 62.3 (-7.7) over the last 30 days, 3 snapshots.',
    );
    expect(trendSentence(history([50, 50]))).toBe(
      'From 50 to 50 (0) over the last 30 days, 2 snapshots.',
    );
  });
});
