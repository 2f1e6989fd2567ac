import { tradingEngineFindings } from '../testing/fixtures';
import {
  defaultFindingFilter,
  describeResource,
  distinctValues,
  filterFindings,
  groupFindingsByCheck,
} from './findingGroups';

describe('filterFindings', () => {
  it('hides excepted findings unless asked for', () => {
    expect(
      filterFindings(tradingEngineFindings, defaultFindingFilter).map(
        f => f.checkId,
      ),
    ).not.toContain('image-tag-pinned');
    expect(
      filterFindings(tradingEngineFindings, {
        ...defaultFindingFilter,
        showExcepted: true,
      }),
    ).toHaveLength(tradingEngineFindings.length);
  });

  it('filters by severity, category, cluster and check together', () => {
    const ids = (filter: Partial<typeof defaultFindingFilter>) =>
      filterFindings(tradingEngineFindings, {
        ...defaultFindingFilter,
        ...filter,
      }).map(f => `${f.checkId}@${f.resource.cluster}`);

    expect(ids({ severities: ['critical', 'medium'] })).toEqual([
      'privileged-container@prod-east-b',
      'mesh-mtls-strict@prod-east-a',
    ]);
    expect(ids({ category: 'pod-security', cluster: 'prod-east-a' })).toEqual([
      'run-as-non-root@prod-east-a',
    ]);
    expect(ids({ checkId: 'run-as-non-root' })).toEqual([
      'run-as-non-root@prod-east-a',
      'run-as-non-root@prod-east-b',
    ]);
  });
});

describe('groupFindingsByCheck', () => {
  it('groups by check, worst severity and most findings first', () => {
    const groups = groupFindingsByCheck(tradingEngineFindings);
    expect(
      groups.map(g => [g.checkId, g.findings.length, g.exceptedCount]),
    ).toEqual([
      ['privileged-container', 1, 0],
      ['run-as-non-root', 2, 0],
      ['image-tag-pinned', 1, 1],
      ['mesh-mtls-strict', 1, 0],
    ]);
  });
});

describe('helpers', () => {
  it('lists distinct values and names resources', () => {
    expect(
      distinctValues(tradingEngineFindings, f => f.resource.cluster),
    ).toEqual(['prod-east-a', 'prod-east-b']);
    expect(describeResource(tradingEngineFindings[0].resource)).toBe(
      'Deployment trading/trading-engine',
    );
    expect(describeResource(tradingEngineFindings[3].resource)).toBe(
      'Namespace trading',
    );
  });
});
