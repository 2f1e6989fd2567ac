import { mergeDefinitions } from './mergeDefinitions';
import { SloDefinition } from './SloDefinition';

const def = (over: Partial<SloDefinition>): SloDefinition => ({
  service: 'trading-engine',
  name: 'availability',
  kind: 'availability',
  source: 'sloth',
  definedIn: 'x',
  objective: 0.9999,
  window: '30d',
  queries: { errorQuery: 'e[$window]', totalQuery: 't[$window]' },
  alertRules: ['Burn'],
  alertLabels: {},
  ...over,
});

describe('mergeDefinitions', () => {
  it('makes one SLO of the same service and name in several clusters', () => {
    const [slo, other] = mergeDefinitions(
      [
        def({ cluster: 'prod-east-a', definedIn: 'a' }),
        def({
          cluster: 'prod-east-b',
          definedIn: 'b',
          alertRules: ['Burn', 'Burn2'],
        }),
        def({ name: 'latency', cluster: 'prod-east-a' }),
      ],
      () => [],
    );
    expect(slo.targets.map(t => t.cluster)).toEqual([
      'prod-east-a',
      'prod-east-b',
    ]);
    expect(slo.alertRules).toEqual(['Burn', 'Burn2']);
    expect(slo.conflicts).toEqual([]);
    expect(other.definition.name).toBe('latency');
  });

  it('evaluates an annotation where the workloads run and notes disagreeing objectives', () => {
    const [slo] = mergeDefinitions(
      [
        def({ cluster: 'prod-east-a', definedIn: 'a' }),
        def({
          source: 'annotation',
          definedIn: 'component:default/trading-engine',
          objective: 0.999,
        }),
      ],
      () => ['prod-east-a', 'prod-east-b'],
    );
    expect(slo.targets.map(t => t.cluster)).toEqual([
      'prod-east-a',
      'prod-east-b',
    ]);
    expect(slo.conflicts).toEqual([
      {
        definedIn: 'component:default/trading-engine',
        message: expect.stringContaining(
          'objective 0.999 over 30d, a with 0.9999',
        ),
      },
    ]);
  });
});
