import plugin, {
  EntityDrReadinessContent,
  EntityPlatformMaturityCard,
  PlatformMaturityPage,
  platformMaturityPlugin,
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

const deployed = component({ 'backstage.io/kubernetes-id': 'trading-engine' });
const undeployed = component();

describe('platform-maturity plugin', () => {
  it('exports the new frontend system plugin by default', () => {
    expect(plugin).toBe(alphaPlugin);
    expect(plugin.$$type).toBe('@backstage/FrontendPlugin');
    expect(plugin.pluginId).toBe('platform-maturity');
    expect(plugin.getExtension('page:platform-maturity')).toBeDefined();
    expect(
      plugin.getExtension('entity-content:platform-maturity/dr-readiness'),
    ).toBeDefined();
    expect(plugin.getExtension('entity-card:platform-maturity')).toBeDefined();
    expect(plugin.getExtension('api:platform-maturity')).toBeDefined();
  });

  it('serves the page at /platform-maturity', () => {
    const tester = createExtensionTester(
      plugin.getExtension('page:platform-maturity'),
    );
    expect(tester.get(coreExtensionData.routePath)).toBe('/platform-maturity');
  });

  it('shows the DR readiness tab and the card only on entities with workloads', () => {
    const tab = createExtensionTester(
      plugin.getExtension('entity-content:platform-maturity/dr-readiness'),
    );
    expect(tab.get(coreExtensionData.routePath)).toBe('/dr-readiness');
    expect(tab.get(EntityContentBlueprint.dataRefs.title)).toBe('DR readiness');
    const tabFilter = tab.get(EntityContentBlueprint.dataRefs.filterFunction);
    expect(tabFilter?.(deployed)).toBe(true);
    expect(tabFilter?.(undeployed)).toBe(false);

    const card = createExtensionTester(
      plugin.getExtension('entity-card:platform-maturity'),
    );
    const cardFilter = card.get(EntityCardBlueprint.dataRefs.filterFunction);
    expect(cardFilter?.(deployed)).toBe(true);
    expect(cardFilter?.(undeployed)).toBe(false);
  });

  it('exports the legacy plugin and its extensions', () => {
    expect(platformMaturityPlugin.getId()).toBe('platform-maturity');
    expect(PlatformMaturityPage).toBeDefined();
    expect(EntityPlatformMaturityCard).toBeDefined();
    expect(EntityDrReadinessContent).toBeDefined();
  });
});
