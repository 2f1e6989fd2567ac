import { createRouteRef } from '@backstage/core-plugin-api';

/** The cluster topology page. */
export const rootRouteRef = createRouteRef({ id: 'cluster-topology' });

/** The "Topology" tab of an entity. */
export const entityContentRouteRef = createRouteRef({
  id: 'cluster-topology:entity-content',
});
