import { createRouteRef } from '@backstage/core-plugin-api';

/** The `/slo` page: every team's budget status and the worst burners. */
export const rootRouteRef = createRouteRef({ id: 'slo' });

/** The "SLOs" tab of an entity. */
export const entityContentRouteRef = createRouteRef({
  id: 'slo:entity-content',
});
