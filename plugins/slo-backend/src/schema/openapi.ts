import {
  entityRefQueryParameter,
  errorBodySchema,
  errorResponse,
  teamQueryParameter,
} from '@cloud-native-platform/plugin-cloud-native-node';

/*
 * Requests are checked against this spec (unknown, repeated or empty
 * parameters, bounds of points) before a handler runs, and it is served at
 * /openapi.json. Rules across parameters and entity references are the
 * router's; answers follow the slo-common types and are not validated.
 */

const errorResponses = {
  '400': errorResponse,
  '401': { description: 'No Backstage credentials.' },
  '403': errorResponse,
  '404': errorResponse,
} as const;

/** A field the slo-common type of that name describes. */
const ofType = <T extends string>(description: T) => ({ description } as const);

const problems = {
  type: 'array',
  description:
    'Clusters or definitions that could not be read; the rest are answered.',
  items: {
    type: 'object',
    required: ['message'],
    properties: {
      cluster: { type: 'string' },
      definedIn: { type: 'string' },
      message: { type: 'string' },
    },
  },
} as const;

/** The OpenAPI 3.0 description of the SLO routes. */
export const spec = {
  openapi: '3.0.3',
  info: {
    title: 'slo',
    version: '1',
    description:
      'Service level objectives of the fleet: error budget, burn rates, alerts and latency per SLO, summed across the clusters that serve it, and the budget trend.',
    license: { name: 'Apache-2.0' },
  },
  servers: [{ url: '/' }],
  components: {
    schemas: {
      Error: errorBodySchema,
      Objectives: {
        type: 'object',
        additionalProperties: false,
        description: '`SloObjectivesResponse` of slo-common.',
        required: ['items'],
        properties: {
          items: {
            type: 'array',
            items: ofType('An `SloObjective`.'),
          },
          errors: problems,
        },
      },
      Trend: {
        type: 'object',
        additionalProperties: false,
        description: '`SloTrendResponse` of slo-common.',
        required: ['name', 'entityRef', 'window', 'points'],
        properties: {
          name: { type: 'string' },
          entityRef: { type: 'string' },
          window: { type: 'string' },
          points: {
            type: 'array',
            description: 'Oldest first.',
            items: ofType('An `SloTrendPoint`.'),
          },
          errors: problems,
        },
      },
    },
  },
  paths: {
    '/objectives': {
      get: {
        operationId: 'GetSloObjectives',
        description:
          'The SLOs of one entity (`entityRef`), of the components a team owns (`team`), or with neither every SLO of the fleet; not both.',
        parameters: [
          {
            ...entityRefQueryParameter,
            description:
              'A component; a bare name reads as a component in the default namespace.',
          },
          {
            ...teamQueryParameter,
            description:
              'A group whose components (`spec.owner`) are meant; a bare name reads as a group in the default namespace.',
          },
        ],
        responses: {
          '200': {
            description: 'The objectives.',
            content: {
              'application/json': {
                schema: { $ref: '#/components/schemas/Objectives' },
              },
            },
          },
          ...errorResponses,
        },
      },
    },
    '/trend': {
      get: {
        operationId: 'GetSloTrend',
        description:
          "The error budget left of one of an entity's SLOs, sampled over its window with Prometheus range queries and summed across clusters.",
        parameters: [
          {
            ...entityRefQueryParameter,
            required: true,
            description:
              'A component; a bare name reads as a component in the default namespace.',
          },
          {
            in: 'query',
            name: 'name',
            required: true,
            description: "The SLO's name, as `GET /objectives` lists it.",
            schema: { type: 'string', maxLength: 253 },
          },
          {
            in: 'query',
            name: 'points',
            description: 'Samples over the window; 60 unless given.',
            schema: { type: 'integer', minimum: 2, maximum: 500, default: 60 },
          },
        ],
        responses: {
          '200': {
            description: 'The trend.',
            content: {
              'application/json': {
                schema: { $ref: '#/components/schemas/Trend' },
              },
            },
          },
          ...errorResponses,
        },
      },
    },
  },
} as const;
