import { seededRandom } from '../detection/random';
import { MetricSeries, parseMetricName } from './metrics';
import { nSigmaRanking } from './nSigmaRanking';
import { rankRootCauses } from './rankRootCauses';
import { accuracyAtK, averageAccuracy } from './rootCauseAccuracy';

const SERVICES = ['front-end', 'orders', 'carts', 'carts-db'];

function period(n: number, seed: number, hog?: string): MetricSeries {
  const random = seededRandom(seed);
  const out: MetricSeries = {};
  for (const s of SERVICES) {
    const noise = () => 1 + 0.1 * (random() - 0.5);
    out[`${s}_cpu`] = Array.from(
      { length: n },
      () => (s === hog ? 60 : 5) * noise(),
    );
    out[`${s}_mem`] = Array.from({ length: n }, () => 2e8 * noise());
    // Callers of the hogged service slow down too, and by more.
    const slow = hog && s !== hog && s !== 'carts-db' ? 8 : 1;
    out[`${s}_lat_90`] = Array.from({ length: n }, () => 20 * slow * noise());
  }
  return out;
}

describe('root-cause ranking', () => {
  const normal = period(120, 1);
  const anomalous = period(120, 2, 'carts');

  it('parses service and metric kind', () => {
    expect(parseMetricName('carts-db_lat_99')).toEqual({
      service: 'carts-db',
      kind: 'lat_99',
    });
    expect(parseMetricName('time')).toBeUndefined();
  });

  it('ranks an injected CPU hog first, with its evidence', () => {
    const [top] = rankRootCauses(normal, anomalous, { limit: 3 });
    expect(top.service).toBe('carts');
    expect(top.evidence[0]).toMatchObject({ metric: 'carts_cpu', kind: 'cpu' });
    expect(top.evidence[0].sigmas).toBeGreaterThan(10);
  });

  it('puts a caller behind the anomalous callee that explains it', () => {
    const ranked = rankRootCauses(normal, anomalous, {
      weights: { lat_90: 1 },
      dependencies: { 'front-end': ['orders', 'carts'], orders: ['carts'] },
    });
    expect(ranked[0].service).toBe('carts');
    expect(rankRootCauses(normal, anomalous, { limit: 2 })).toHaveLength(2);
  });

  it('has an NSigma baseline that finds the hog', () => {
    expect(nSigmaRanking(normal, anomalous)[0].service).toBe('carts');
  });

  it('measures AC@k and Avg@5', () => {
    const rankings = [
      ['a', 'b'],
      ['b', 'a'],
      ['c', 'a'],
    ];
    const truths = ['a', 'a', 'b'];
    expect(accuracyAtK(rankings, truths, 1)).toBeCloseTo(1 / 3);
    expect(accuracyAtK(rankings, truths, 2)).toBeCloseTo(2 / 3);
    expect(averageAccuracy(rankings, truths, 2)).toBeCloseTo(0.5);
  });
});
