/*
 * Standalone dev app of the plugin: `yarn start` in this folder serves the
 * page, the entity card and the SLOs tab against the test fixtures, so no
 * backend is needed.
 */
import { Entity } from '@backstage/catalog-model';
import {
  createApiFactory,
  createPlugin,
  createRoutableExtension,
} from '@backstage/core-plugin-api';
import { createDevApp } from '@backstage/dev-utils';
import {
  EntityProvider,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import Grid from '@material-ui/core/Grid';
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

// The dev app has no catalog: this page stands in for the entity page, so
// that the entity links of the page and the card resolve. Every entity shows
// the trading engine.
const devCatalogPlugin = createPlugin({ id: 'slo-dev-catalog' });
const DevEntityPage = devCatalogPlugin.provide(
  createRoutableExtension<() => JSX.Element>({
    name: 'DevEntityPage',
    component: async () => () =>
      (
        <EntityProvider entity={tradingEngine}>
          <Grid container spacing={3}>
            <Grid item md={6}>
              <EntitySloCard />
            </Grid>
            <Grid item xs={12}>
              <EntitySloContent />
            </Grid>
          </Grid>
        </EntityProvider>
      ),
    mountPoint: entityRouteRef,
  }),
);

createDevApp()
  .registerPlugin(sloPlugin, devCatalogPlugin)
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
  .addPage({
    element: <DevEntityPage />,
    title: 'Entity page',
    path: '/catalog/:namespace/:kind/:name',
  })
  .render();
