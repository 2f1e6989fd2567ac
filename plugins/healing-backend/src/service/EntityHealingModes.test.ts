import { mockServices } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { EntityHealingModes } from './EntityHealingModes';

const component = (name: string, mode?: string): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name,
    annotations: mode
      ? { 'cloud-native-platform.io/healing-mode': mode }
      : undefined,
  },
  spec: { type: 'service', owner: 'team', lifecycle: 'production' },
});

describe('EntityHealingModes', () => {
  const auth = mockServices.auth();

  it('reads the annotation of the entity, or nothing when it sets none', async () => {
    const modes = new EntityHealingModes({
      catalog: catalogServiceMock({
        entities: [
          component('off', 'disabled'),
          component('dry', 'dry-run'),
          component('plain'),
          component('odd', 'sometimes'),
        ],
      }),
      auth,
    });
    expect(await modes.of('component:default/off')).toEqual({
      entityRef: 'component:default/off',
      mode: 'disabled',
    });
    expect(await modes.of('component:default/dry')).toEqual({
      entityRef: 'component:default/dry',
      mode: 'dry-run',
    });
    expect(await modes.of('component:default/plain')).toEqual({
      entityRef: 'component:default/plain',
    });
    expect(await modes.of('component:default/missing')).toEqual({
      entityRef: 'component:default/missing',
    });
    expect(await modes.of('component:default/odd')).toEqual({
      entityRef: 'component:default/odd',
      unknown: "unknown healing-mode 'sometimes'",
    });
  });

  it('keeps a value for a minute, and the last one read when the catalog fails', async () => {
    let now = 0;
    let fail = false;
    let mode = 'disabled';
    const catalog = {
      getEntityByRef: jest.fn(async () => {
        if (fail) throw new Error('catalog answered 503');
        return component('svc', mode);
      }),
    } as unknown as CatalogService;
    const modes = new EntityHealingModes({ catalog, auth, clock: () => now });
    const ref = 'component:default/svc';
    expect((await modes.of(ref)).mode).toBe('disabled');
    mode = 'enforce';
    now = 30_000;
    expect((await modes.of(ref)).mode).toBe('disabled');
    expect(catalog.getEntityByRef).toHaveBeenCalledTimes(1);
    now = 61_000;
    expect((await modes.of(ref)).mode).toBe('enforce');
    fail = true;
    now = 200_000;
    expect((await modes.of(ref)).mode).toBe('enforce');
    // Never read: unknown, which the pipeline runs as a dry run.
    expect(await modes.of('component:default/other')).toEqual({
      entityRef: 'component:default/other',
      unknown: 'the catalog could not be read: catalog answered 503',
    });
  });
});
