import { applyFilterChange, parseAttemptFilter } from './attemptFilter';

describe('attempt filter', () => {
  it('reads the filters of a URL and drops unknown choices', () => {
    expect(
      parseAttemptFilter(
        new URLSearchParams(
          'cluster=prod-east-a&status=pending-approval&mode=yolo&kind=platform&page=2',
        ),
      ),
    ).toEqual({
      cluster: 'prod-east-a',
      status: 'pending-approval',
      kind: 'platform',
    });
  });

  it('drops a namespace without its cluster', () => {
    expect(
      parseAttemptFilter(new URLSearchParams('namespace=trading')),
    ).toEqual({});
    expect(
      applyFilterChange(
        new URLSearchParams('cluster=prod-east-b&namespace=trading'),
        { cluster: undefined },
      ).toString(),
    ).toBe('');
  });

  it('changes keys one by one and keeps unrelated params', () => {
    const next = applyFilterChange(
      new URLSearchParams('cluster=prod-east-a&tab=x'),
      { cluster: undefined, action: 'scale' },
    );
    expect(next.toString()).toBe('tab=x&action=scale');
  });
});
