import { createValidatedOpenApiRouter } from '@backstage/backend-openapi-utils';
import { wholeNumberQueryParams } from '@cloud-native-platform/plugin-cloud-native-node';
import express from 'express';
import { spec } from '../schema/openapi';

/**
 * A router validating requests against the plugin's OpenAPI spec, with
 * `req.query`, `req.params` and `req.body` typed from it. Its JSON body
 * parser skips bodies a route already read; integer query parameters must
 * be written in decimal digits.
 */
export function createApiRouter() {
  return createValidatedOpenApiRouter<typeof spec>(spec, {
    middleware: [express.json(), wholeNumberQueryParams(spec)],
  });
}

/** A router made by {@link createApiRouter}. */
export type ApiRouter = ReturnType<typeof createApiRouter>;
