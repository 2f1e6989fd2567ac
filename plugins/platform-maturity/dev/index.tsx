/*
 * Standalone dev app of the plugin: `yarn start` in this folder serves the
 * page, the entity card and the DR readiness tab against the test fixtures,
 * so no backend is needed.
 */
import { Entity } from '@backstage/catalog-model';
import { createApiFactory } from '@backstage/core-plugin-api';
import { createDevApp } from '@backstage/dev-utils';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import { platformMaturityApiRef } from '../src/api';
import {
  EntityDrReadinessContent,
  EntityPlatformMaturityCard,
  PlatformMaturityPage,
  platformMaturityPlugin,
} from '../src/plugin';
import { FixturePlatformMaturityApi } from './FixturePlatformMaturityApi';

// The demo's core trading component, which runs in all four clusters.
const tradingEngine: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name: 'trading-engine',
    namespace: 'default',
    annotations: { 'backstage.io/kubernetes-id': 'trading-engine' },
  },
  spec: {
    type: 'service',
    lifecycle: 'production',
    owner: 'trading-team',
    system: 'core-trading',
  },
};

createDevApp()
  .registerPlugin(platformMaturityPlugin)
  .registerApi(
    createApiFactory({
      api: platformMaturityApiRef,
      deps: {},
      factory: () => new FixturePlatformMaturityApi(),
    }),
  )
  .addPage({
    element: <PlatformMaturityPage />,
    title: 'Platform maturity',
    path: '/platform-maturity',
  })
  .addPage({
    element: (
      <EntityProvider entity={tradingEngine}>
        <EntityPlatformMaturityCard />
      </EntityProvider>
    ),
    title: 'trading-engine',
    path: '/trading-engine',
  })
  .addPage({
    element: (
      <EntityProvider entity={tradingEngine}>
        <EntityDrReadinessContent />
      </EntityProvider>
    ),
    title: 'DR readiness',
    path: '/trading-engine/dr-readiness',
  })
  .render();
