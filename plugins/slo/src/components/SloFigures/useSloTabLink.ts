import { useEntityRefLink } from '@backstage/plugin-catalog-react';

/** The entity tab's path under the entity page, as the plugin mounts it. */
export const SLO_TAB_PATH = 'slo';

/** A function giving the URL of an entity's SLOs tab. */
export function useSloTabLink(): (entityRef: string) => string {
  const entityLink = useEntityRefLink();
  return entityRef =>
    `${entityLink(entityRef).replace(/\/$/, '')}/${SLO_TAB_PATH}`;
}
