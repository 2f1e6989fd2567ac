/*
 * Standalone dev app of the plugin: `yarn start` in this folder serves the
 * healing page, the entity tab and the entity card against the fixtures the
 * plugin's tests use, held in memory (approvals and the kill switch work),
 * with every permission granted.
 */
import { Entity } from '@backstage/catalog-model';
import { createApiFactory } from '@backstage/core-plugin-api';
import { createDevApp } from '@backstage/dev-utils';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { permissionApiRef } from '@backstage/plugin-permission-react';
import { healingApiRef } from '../src/api';
import {
  EntityHealingCard,
  EntityHealingContent,
  HealingPage,
  healingPlugin,
} from '../src/plugin';
import { CatalogEntityStub } from './CatalogEntityStub';
import { FixtureHealingApi } from './FixtureHealingApi';

// The component most of the fixture attempts are about.
const riskService: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name: 'risk-service',
    namespace: 'default',
    annotations: { 'backstage.io/kubernetes-id': 'risk-service' },
  },
  spec: { type: 'service', lifecycle: 'production', owner: 'trading-team' },
};

createDevApp()
  .registerPlugin(healingPlugin)
  .registerApi(
    createApiFactory({
      api: healingApiRef,
      deps: {},
      factory: () => new FixtureHealingApi(),
    }),
  )
  .registerApi(
    createApiFactory({
      api: permissionApiRef,
      deps: {},
      factory: () => ({
        authorize: async () => ({ result: AuthorizeResult.ALLOW }),
      }),
    }),
  )
  .addPage({
    element: <HealingPage />,
    title: 'Healing',
    path: '/healing',
  })
  .addPage({
    element: (
      <EntityProvider entity={riskService}>
        <EntityHealingCard />
        <EntityHealingContent />
      </EntityProvider>
    ),
    title: 'risk-service',
    path: '/risk-service',
  })
  .addPage({
    element: <CatalogEntityStub />,
    path: '/catalog/:namespace/:kind/:name',
  })
  .render();
