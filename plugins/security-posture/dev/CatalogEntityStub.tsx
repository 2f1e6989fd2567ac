import { attachComponentData } from '@backstage/core-plugin-api';
import { entityRouteRef } from '@backstage/plugin-catalog-react';
import Typography from '@material-ui/core/Typography';
import { useParams } from 'react-router-dom';

/**
 * Where the plugin's links to catalog entities lead in the dev app, which
 * has no catalog: the entity's reference, so that a link can be followed.
 */
export function CatalogEntityStub() {
  const { kind, namespace, name } = useParams();
  return (
    <Typography>
      The catalog page of {kind}:{namespace}/{name} (not part of the dev app).
    </Typography>
  );
}

// Binds the catalog's entity route to this page, as the catalog plugin does
// in a portal.
attachComponentData(CatalogEntityStub, 'core.mountPoint', entityRouteRef);
