/*
 * Standalone dev app of the plugin: `yarn start` in this folder serves the
 * page and the entity tab against a backend on http://localhost:7007 (start
 * one with `npm run backend` from the repository root).
 */
import { Entity } from '@backstage/catalog-model';
import { createDevApp } from '@backstage/dev-utils';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import {
  ClusterTopologyPage,
  EntityClusterTopologyContent,
  EntityClusterWorkloadsCard,
  clusterTopologyPlugin,
} from '../src/plugin';

// The demo's core trading component, which runs in all four clusters.
const tradingEngine: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name: 'trading-engine',
    namespace: 'default',
    annotations: { 'backstage.io/kubernetes-id': 'trading-engine' },
  },
  spec: { type: 'service', lifecycle: 'production', owner: 'trading-team' },
};

createDevApp()
  .registerPlugin(clusterTopologyPlugin)
  .addPage({
    element: <ClusterTopologyPage />,
    title: 'Cluster topology',
    path: '/cluster-topology',
  })
  .addPage({
    element: (
      <EntityProvider entity={tradingEngine}>
        <EntityClusterWorkloadsCard />
        <EntityClusterTopologyContent />
      </EntityProvider>
    ),
    title: 'trading-engine',
    path: '/trading-engine',
  })
  .render();
