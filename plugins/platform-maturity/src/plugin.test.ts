import plugin, {
  EntityDrReadinessContent,
  EntityPlatformMaturityCard,
  PlatformMaturityPage,
  platformMaturityPlugin,
} from './index';
import alphaPlugin from './alpha';

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

  it('exports the legacy plugin and its extensions', () => {
    expect(platformMaturityPlugin.getId()).toBe('platform-maturity');
    expect(PlatformMaturityPage).toBeDefined();
    expect(EntityPlatformMaturityCard).toBeDefined();
    expect(EntityDrReadinessContent).toBeDefined();
  });
});
