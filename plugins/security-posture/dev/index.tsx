/*
 * Standalone dev app of the plugin: `yarn start` in this folder serves the
 * security posture page, the entity tab and the entity card against the
 * fixtures the plugin's tests use. The plugin asks no permission itself
 * (its backend does), so none is set up here.
 */
import { Entity } from '@backstage/catalog-model';
import { createApiFactory } from '@backstage/core-plugin-api';
import { createDevApp } from '@backstage/dev-utils';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import { securityPostureApiRef } from '../src/api';
import {
  EntitySecurityPostureCard,
  EntitySecurityPostureContent,
  SecurityPosturePage,
  securityPosturePlugin,
} from '../src/plugin';
import { CatalogEntityStub } from './CatalogEntityStub';
import { FixtureSecurityPostureApi } from './FixtureSecurityPostureApi';

// The component the fixture report and trend are of.
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
  .registerPlugin(securityPosturePlugin)
  .registerApi(
    createApiFactory({
      api: securityPostureApiRef,
      deps: {},
      factory: () => new FixtureSecurityPostureApi(),
    }),
  )
  .addPage({
    element: <SecurityPosturePage />,
    title: 'Security posture',
    path: '/security-posture',
  })
  .addPage({
    element: (
      <EntityProvider entity={tradingEngine}>
        <EntitySecurityPostureCard />
        <EntitySecurityPostureContent />
      </EntityProvider>
    ),
    title: 'trading-engine',
    path: '/trading-engine',
  })
  .addPage({
    element: <CatalogEntityStub />,
    path: '/catalog/:namespace/:kind/:name',
  })
  .render();
