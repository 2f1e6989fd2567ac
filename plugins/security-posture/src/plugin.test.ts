import plugin, {
  EntitySecurityPostureCard,
  EntitySecurityPostureContent,
  SecurityPosturePage,
  securityPosturePlugin,
} from './index';
import alphaPlugin from './alpha';

describe('security-posture plugin', () => {
  it('exports the new frontend system plugin by default', () => {
    expect(plugin).toBe(alphaPlugin);
    expect(plugin.$$type).toBe('@backstage/FrontendPlugin');
    expect(plugin.pluginId).toBe('security-posture');
    expect(plugin.getExtension('page:security-posture')).toBeDefined();
    expect(
      plugin.getExtension('entity-content:security-posture/security'),
    ).toBeDefined();
    expect(
      plugin.getExtension('entity-card:security-posture/security-posture'),
    ).toBeDefined();
    expect(plugin.getExtension('api:security-posture')).toBeDefined();
  });

  it('exports the legacy plugin and its extensions', () => {
    expect(securityPosturePlugin.getId()).toBe('security-posture');
    expect(SecurityPosturePage).toBeDefined();
    expect(EntitySecurityPostureContent).toBeDefined();
    expect(EntitySecurityPostureCard).toBeDefined();
  });
});
