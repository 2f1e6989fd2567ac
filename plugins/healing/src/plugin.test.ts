import plugin, {
  EntityHealingCard,
  EntityHealingContent,
  HealingPage,
  healingPlugin,
} from './index';
import alphaPlugin from './alpha';

describe('healing plugin', () => {
  it('exports the new frontend system plugin by default', () => {
    expect(plugin).toBe(alphaPlugin);
    expect(plugin.$$type).toBe('@backstage/FrontendPlugin');
    expect(plugin.pluginId).toBe('healing');
    expect(plugin.getExtension('page:healing')).toBeDefined();
    expect(plugin.getExtension('entity-content:healing/healing')).toBeDefined();
    expect(plugin.getExtension('entity-card:healing/healing')).toBeDefined();
    expect(plugin.getExtension('api:healing')).toBeDefined();
  });

  it('exports the legacy plugin and its extensions', () => {
    expect(healingPlugin.getId()).toBe('healing');
    expect(HealingPage).toBeDefined();
    expect(EntityHealingContent).toBeDefined();
    expect(EntityHealingCard).toBeDefined();
  });
});
