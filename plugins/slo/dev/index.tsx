/*
 * Standalone dev app of the plugin: `yarn start` in this folder serves the
 * page, the entity card and the SLOs tab against the test fixtures, so no
 * backend is needed.
 */
import { Entity } from '@backstage/catalog-model';
import { createApiFactory } from '@backstage/core-plugin-api';
import { createDevApp } from '@backstage/dev-utils';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import { sloApiRef } from '../src/api';
import {
  EntitySloCard,
  EntitySloContent,
  SloPage,
  sloPlugin,
} from '../src/plugin';
import { FixtureSloApi } from './FixtureSloApi';

// The demo's core trading component, with an availability and a latency SLO.
const tradingEngine: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name: 'trading-engine',
    namespace: 'default',
    annotations: {
      'backstage.io/kubernetes-id': 'trading-engine',
      'cloud-native-platform.io/slo-availability': '99.99',
      'cloud-native-platform.io/slo-latency-p99-ms': '95',
    },
  },
  spec: {
    type: 'service',
    lifecycle: 'production',
    owner: 'trading-team',
    system: 'core-trading',
  },
};

createDevApp()
  .registerPlugin(sloPlugin)
  .registerApi(
    createApiFactory({
      api: sloApiRef,
      deps: {},
      factory: () => new FixtureSloApi(),
    }),
  )
  .addPage({ element: <SloPage />, title: 'SLOs', path: '/slo' })
  .addPage({
    element: (
      <EntityProvider entity={tradingEngine}>
        <EntitySloCard />
      </EntityProvider>
    ),
    title: 'trading-engine',
    path: '/trading-engine',
  })
  .addPage({
    element: (
      <EntityProvider entity={tradingEngine}>
        <EntitySloContent />
      </EntityProvider>
    ),
    title: 'trading-engine SLOs',
    path: '/trading-engine/slo',
  })
  .render();
