import { createRouteRef } from '@backstage/core-plugin-api';

/** The platform maturity leaderboard page. */
export const rootRouteRef = createRouteRef({ id: 'platform-maturity' });

/** The "DR readiness" tab of an entity. */
export const drReadinessRouteRef = createRouteRef({
  id: 'platform-maturity:dr-readiness',
});
