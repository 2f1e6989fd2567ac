import { createRouteRef, createSubRouteRef } from '@backstage/core-plugin-api';

/** The healing history page. */
export const rootRouteRef = createRouteRef({ id: 'healing' });

/** One attempt, under the page. */
export const attemptRouteRef = createSubRouteRef({
  id: 'healing:attempt',
  parent: rootRouteRef,
  path: '/attempts/:id',
});

/** The "Healing" tab of an entity. */
export const entityContentRouteRef = createRouteRef({
  id: 'healing:entity-content',
});
