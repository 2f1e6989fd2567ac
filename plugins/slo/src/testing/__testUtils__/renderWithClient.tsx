import { Entity } from '@backstage/catalog-model';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import {
  EntityProvider,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import { ReactElement } from 'react';
import { SloClient, sloApiRef } from '../../api';

/** Where the tests' msw handlers answer for the backend. */
export const testBaseUrl = 'http://localhost:7007/api/slo';

/** A component with SLO annotations, as the demo catalog declares them. */
export function testEntity(name: string): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name,
      namespace: 'default',
      annotations: {
        'backstage.io/kubernetes-id': name,
        'cloud-native-platform.io/slo-availability': '99.99',
      },
    },
    spec: { type: 'service', lifecycle: 'production', owner: 'trading-team' },
  };
}

/** Renders an element in a test app, talking to msw through the real client. */
export function renderWithClient(element: ReactElement, entity?: Entity) {
  const client = new SloClient({
    discoveryApi: { getBaseUrl: async () => testBaseUrl },
    fetchApi: { fetch: (input, init) => fetch(input, init) },
  });
  return renderInTestApp(
    entity ? (
      <EntityProvider entity={entity}>{element}</EntityProvider>
    ) : (
      element
    ),
    {
      apis: [[sloApiRef, client]],
      mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
    },
  );
}
