import { createValidatedOpenApiRouter } from '@backstage/backend-openapi-utils';
import { spec } from '../schema/openapi';

/**
 * A router validating requests against the plugin's OpenAPI spec, with
 * `req.query`, `req.params` and `req.body` typed from it. Its default JSON
 * body parser skips bodies a route already read.
 */
export function createApiRouter() {
  return createValidatedOpenApiRouter<typeof spec>(spec);
}

/** A router made by {@link createApiRouter}. */
export type ApiRouter = ReturnType<typeof createApiRouter>;
