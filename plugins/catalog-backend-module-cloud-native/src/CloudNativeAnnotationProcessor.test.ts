import { Entity } from '@backstage/catalog-model';
import { CloudNativeAnnotationProcessor } from './CloudNativeAnnotationProcessor';

const location = { type: 'file', target: '/catalog/trading.yaml' };

function component(annotations: Record<string, string>): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name: 'trading-engine', annotations },
    spec: { type: 'service', owner: 'trading', lifecycle: 'production' },
  };
}

describe('CloudNativeAnnotationProcessor', () => {
  const processor = new CloudNativeAnnotationProcessor({
    knownClusters: ['prod-east-a', 'dr-west'],
  });

  it('passes valid entities through without errors', async () => {
    const emit = jest.fn();
    const entity = component({
      'cloud-native-platform.io/clusters': 'prod-east-a,dr-west',
      'cloud-native-platform.io/rto': '15s',
    });
    await expect(
      processor.preProcessEntity(entity, location, emit),
    ).resolves.toBe(entity);
    expect(emit).not.toHaveBeenCalled();
  });

  it('emits one input error per bad annotation, naming entity, key and value', async () => {
    const emit = jest.fn();
    await processor.preProcessEntity(
      component({
        'cloud-native-platform.io/clusters': 'prod-north',
        'cloud-native-platform.io/rto': 'fast',
      }),
      location,
      emit,
    );
    expect(emit).toHaveBeenCalledTimes(2);
    const errors = emit.mock.calls.map(([result]) => result);
    expect(
      errors.every(e => e.type === 'error' && e.error.name === 'InputError'),
    ).toBe(true);
    expect(errors[0].location).toEqual(location);
    expect(errors[0].error.message).toBe(
      'component:default/trading-engine has an invalid annotation cloud-native-platform.io/clusters: no cluster named prod-north in cloudNativePlatform.clusters (configured: prod-east-a, dr-west)',
    );
    expect(errors[1].error.message).toContain("'fast' is not a duration");
  });
});
