import {
  DEMO_INCIDENTS,
  demoFeatureSeries,
  incidentTimes,
} from './demoScenario';

describe('demoFeatureSeries', () => {
  it('gives every replay the same series, whatever the clock says', async () => {
    const flashSale = DEMO_INCIDENTS.find(
      i => i.labels.deployment === 'flash-sale',
    )!;
    const seriesAt = async (now: Date) => {
      // The request the replay makes one minute after the alert started.
      const startsAt = incidentTimes(flashSale, now).startsAt.getTime();
      return demoFeatureSeries(
        DEMO_INCIDENTS,
        now,
      )({
        cluster: flashSale.labels.cluster,
        namespace: flashSale.labels.namespace,
        service: 'flash-sale',
        metric: 'lat_99',
        start: new Date(startsAt + 60_000 - 3_600_000),
        end: new Date(startsAt + 60_000),
        stepSeconds: 30,
      });
    };
    const first = await seriesAt(new Date('2026-12-03T09:00:00.000Z'));
    // The replay that failed CI ran at an odd millisecond and decided otherwise.
    expect(await seriesAt(new Date('2026-12-03T09:13:27.381Z'))).toEqual(first);
    expect(await seriesAt(new Date('2027-04-01T23:59:59.999Z'))).toEqual(first);
    // The anomaly is in it: the last point is well above the first.
    expect(first.at(-1)!).toBeGreaterThan(first[0] * 3);
  });
});
