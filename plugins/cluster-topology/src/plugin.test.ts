import plugin, {
  ClusterTopologyPage,
  EntityClusterTopologyContent,
  EntityClusterWorkloadsCard,
  EntityDeliveryCard,
  clusterTopologyPlugin,
} from './index';
import alphaPlugin from './alpha';

describe('cluster-topology plugin', () => {
  it('exports the new frontend system plugin by default', () => {
    expect(plugin).toBe(alphaPlugin);
    expect(plugin.$$type).toBe('@backstage/FrontendPlugin');
    expect(plugin.pluginId).toBe('cluster-topology');
    expect(plugin.getExtension('page:cluster-topology')).toBeDefined();
    expect(
      plugin.getExtension('entity-content:cluster-topology/topology'),
    ).toBeDefined();
    expect(
      plugin.getExtension('entity-card:cluster-topology/cluster-workloads'),
    ).toBeDefined();
    expect(
      plugin.getExtension('entity-card:cluster-topology/delivery'),
    ).toBeDefined();
    expect(plugin.getExtension('api:cluster-topology')).toBeDefined();
  });

  it('exports the legacy plugin and its extensions', () => {
    expect(clusterTopologyPlugin.getId()).toBe('cluster-topology');
    expect(ClusterTopologyPage).toBeDefined();
    expect(EntityClusterTopologyContent).toBeDefined();
    expect(EntityClusterWorkloadsCard).toBeDefined();
    expect(EntityDeliveryCard).toBeDefined();
  });
});
