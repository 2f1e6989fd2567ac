/*
 * Pieces the OpenAPI specs of the backend plugins share, so one parameter
 * means the same thing, within the same limits, on every route that takes
 * it. Each is declared `as const`: spread into a spec given to
 * `createValidatedOpenApiRouter<typeof spec>`, it keeps its literal types,
 * and `req.query` stays typed. A spec overrides a field by spreading, as in
 * `{ ...clusterQueryParameter, description: '…' }`.
 *
 * Every parameter allows reserved characters: entity references hold ':'
 * and '/', and what they name is checked by the route, not by the URL
 * syntax. None sets `minLength`: an empty value is refused by the validator
 * unless a spec adds `allowEmptyValue: true` for a route that names what is
 * missing itself.
 */

/**
 * The `entityRef` query parameter: a catalog entity reference, at most 1024
 * characters.
 *
 * @public
 */
export const entityRefQueryParameter = {
  in: 'query',
  name: 'entityRef',
  allowReserved: true,
  description:
    'A catalog entity reference such as `component:default/trading-engine`; a bare name reads as a component in the default namespace.',
  schema: { type: 'string', maxLength: 1024 },
} as const;

/**
 * The `cluster` query parameter: a configured cluster's name, at most 253
 * characters.
 *
 * @public
 */
export const clusterQueryParameter = {
  in: 'query',
  name: 'cluster',
  allowReserved: true,
  description: 'A cluster name, as in `cloudNativePlatform.clusters`.',
  schema: { type: 'string', maxLength: 253 },
} as const;

/**
 * The `namespace` query parameter: a Kubernetes namespace, at most 63
 * characters (a DNS label).
 *
 * @public
 */
export const namespaceQueryParameter = {
  in: 'query',
  name: 'namespace',
  allowReserved: true,
  description: 'A namespace of `cluster`; needs `cluster`.',
  schema: { type: 'string', maxLength: 63 },
} as const;

/**
 * The `team` query parameter: a group entity reference, at most 1024
 * characters.
 *
 * @public
 */
export const teamQueryParameter = {
  in: 'query',
  name: 'team',
  allowReserved: true,
  description:
    'A group whose components (`spec.owner`) are meant; a bare name reads as a group in the default namespace.',
  schema: { type: 'string', maxLength: 1024 },
} as const;

/**
 * The schema of an error answer: `error.name` (such as `InputError`) and
 * `error.message`, which names what is wrong. The Backstage error handler
 * adds the request and the status code beside `error`.
 *
 * @public
 */
export const errorBodySchema = {
  type: 'object',
  required: ['error'],
  properties: {
    error: {
      type: 'object',
      additionalProperties: false,
      properties: {
        name: { type: 'string' },
        message: { type: 'string' },
      },
    },
  },
} as const;

/**
 * An error answer of a route (400, 403, 404…), its body referring to
 * `#/components/schemas/Error`: a spec using it puts {@link errorBodySchema}
 * there.
 *
 * @public
 */
export const errorResponse = {
  description:
    'The request was refused; `error.message` says why, naming the parameter, body field, permission or object in question.',
  content: {
    'application/json': { schema: { $ref: '#/components/schemas/Error' } },
  },
} as const;
