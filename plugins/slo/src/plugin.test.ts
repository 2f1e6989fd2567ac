import plugin, {
  EntitySloCard,
  EntitySloContent,
  SloPage,
  sloPlugin,
} from './index';
import alphaPlugin from './alpha';
import { Entity } from '@backstage/catalog-model';
import { coreExtensionData } from '@backstage/frontend-plugin-api';
import { createExtensionTester } from '@backstage/frontend-test-utils';
import {
  EntityCardBlueprint,
  EntityContentBlueprint,
} from '@backstage/plugin-catalog-react/alpha';

function component(annotations?: Record<string, string>): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name: 'trading-engine', annotations },
  };
}

const withSlo = component({
  'cloud-native-platform.io/slo-availability': '99.99',
});
const withoutSlo = component();

describe('slo plugin', () => {
  it('exports the new frontend system plugin by default', () => {
    expect(plugin).toBe(alphaPlugin);
    expect(plugin.$$type).toBe('@backstage/FrontendPlugin');
    expect(plugin.pluginId).toBe('slo');
    expect(plugin.getExtension('page:slo')).toBeDefined();
    expect(plugin.getExtension('entity-content:slo')).toBeDefined();
    expect(plugin.getExtension('entity-card:slo')).toBeDefined();
    expect(plugin.getExtension('api:slo')).toBeDefined();
  });

  it('serves the page at /slo, titled SLOs for the sidebar', () => {
    const tester = createExtensionTester(plugin.getExtension('page:slo'));
    expect(tester.get(coreExtensionData.routePath)).toBe('/slo');
    expect(tester.get(coreExtensionData.title)).toBe('SLOs');
  });

  it('shows the SLOs tab and the card only on components with SLOs', () => {
    const tab = createExtensionTester(
      plugin.getExtension('entity-content:slo'),
    );
    expect(tab.get(coreExtensionData.routePath)).toBe('/slo');
    expect(tab.get(EntityContentBlueprint.dataRefs.title)).toBe('SLOs');
    const tabFilter = tab.get(EntityContentBlueprint.dataRefs.filterFunction);
    expect(tabFilter?.(withSlo)).toBe(true);
    expect(tabFilter?.(withoutSlo)).toBe(false);

    const card = createExtensionTester(plugin.getExtension('entity-card:slo'));
    const cardFilter = card.get(EntityCardBlueprint.dataRefs.filterFunction);
    expect(cardFilter?.(withSlo)).toBe(true);
    expect(cardFilter?.(withoutSlo)).toBe(false);
  });

  it('exports the legacy plugin and its extensions', () => {
    expect(sloPlugin.getId()).toBe('slo');
    expect(SloPage).toBeDefined();
    expect(EntitySloContent).toBeDefined();
    expect(EntitySloCard).toBeDefined();
  });
});
