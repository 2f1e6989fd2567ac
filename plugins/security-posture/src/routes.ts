import { createRouteRef } from '@backstage/core-plugin-api';

/** The security posture page. */
export const rootRouteRef = createRouteRef({ id: 'security-posture' });

/** The "Security" tab of an entity. */
export const entityContentRouteRef = createRouteRef({
  id: 'security-posture:entity-content',
});
