import {
  entityRefQueryParameter,
  errorBodySchema,
  errorResponse,
  teamQueryParameter,
} from '@cloud-native-platform/plugin-cloud-native-node';

/**
 * The platform-maturity HTTP API. The router validates requests against it
 * and serves it at `/openapi.json`; what a schema cannot say (exactly one of
 * `entityRef` or `team`, at most one history scope, entity reference syntax
 * and kinds) is checked in code. The `platform-maturity.read` permission is
 * decided before any of it: a caller without it learns nothing about the
 * request, not even that it is malformed.
 *
 * The answers' schemas name their fields for the typed router's `res.json`
 * check; the types of `@cloud-native-platform/plugin-platform-maturity-common`
 * say what each holds. Answers are not validated at run time.
 */

const errorResponses = {
  '400': errorResponse,
  '401': { description: 'No Backstage credentials.' },
  '403': errorResponse,
} as const;

/** A field whose shape the -common type of its name says. */
const described = <T extends string>(description: T) =>
  ({ description } as const);

const groupScore = {
  type: 'object',
  additionalProperties: false,
  description:
    'A team, system or the fleet and the mean score of its components.',
  required: ['name', 'score', 'entities', 'notDeployed'],
  properties: {
    name: { type: 'string' },
    score: { type: 'number' },
    entities: { type: 'integer' },
    notDeployed: { type: 'integer' },
  },
} as const;

/** The OpenAPI 3.0 description of the platform-maturity routes. */
export const spec = {
  openapi: '3.0.3',
  info: {
    title: 'platform-maturity',
    version: '1',
    description:
      'Maturity scores and DR readiness of components and teams, the leaderboard of the fleet and the stored trend.',
    license: { name: 'Apache-2.0' },
  },
  servers: [{ url: '/' }],
  components: {
    schemas: {
      Error: errorBodySchema,
      EntityMaturity: {
        type: 'object',
        additionalProperties: false,
        description: '`EntityMaturityResponse` of platform-maturity-common.',
        required: [
          'entityRef',
          'score',
          'deployed',
          'terms',
          'findings',
          'dr',
          'formula',
        ],
        properties: {
          entityRef: { type: 'string' },
          owner: { type: 'string' },
          system: { type: 'string' },
          score: { type: 'number', minimum: 0, maximum: 100 },
          deployed: { type: 'boolean' },
          terms: { type: 'array', items: described('A `MaturityTerm`.') },
          findings: {
            type: 'array',
            items: described('A `MaturityFinding`.'),
          },
          dr: described('The `DrReadiness` of the entity.'),
          formula: described('The `MaturityFormula` and its weights.'),
        },
      },
      TeamMaturity: {
        type: 'object',
        additionalProperties: false,
        description: '`TeamMaturityResponse` of platform-maturity-common.',
        required: ['team', 'score', 'entities', 'findings', 'formula'],
        properties: {
          team: { type: 'string' },
          score: { type: 'number', minimum: 0, maximum: 100 },
          entities: {
            type: 'array',
            items: described(
              'A component of the team: entityRef, system, score, deployed, terms and DR status.',
            ),
          },
          findings: {
            type: 'array',
            items: described('A `MaturityFinding` with its entityRef.'),
          },
          formula: described('The `MaturityFormula` and its weights.'),
        },
      },
      Leaderboard: {
        type: 'object',
        additionalProperties: false,
        description: '`MaturityLeaderboard` of platform-maturity-common.',
        required: [
          'generatedAt',
          'fleet',
          'teams',
          'systems',
          'entities',
          'formula',
        ],
        properties: {
          generatedAt: { type: 'string', format: 'date-time' },
          fleet: groupScore,
          teams: { type: 'array', items: groupScore },
          systems: { type: 'array', items: groupScore },
          entities: {
            type: 'array',
            description: 'Every component, best first.',
            items: described(
              'entityRef, owner, system, score, deployed and DR status.',
            ),
          },
          formula: described('The `MaturityFormula` and its weights.'),
        },
      },
      History: {
        type: 'object',
        description: '`MaturityHistory` of platform-maturity-common.',
        additionalProperties: false,
        required: ['scope', 'days', 'points'],
        properties: {
          scope: {
            type: 'object',
            additionalProperties: false,
            required: ['type', 'key'],
            properties: {
              type: {
                type: 'string',
                enum: ['fleet', 'team', 'system', 'entity'],
              },
              key: { type: 'string' },
            },
          },
          days: { type: 'integer' },
          points: {
            type: 'array',
            description: 'Oldest first.',
            items: {
              type: 'object',
              additionalProperties: false,
              required: ['takenAt', 'score', 'entities', 'drReady'],
              properties: {
                takenAt: { type: 'string', format: 'date-time' },
                score: { type: 'number' },
                entities: { type: 'integer' },
                drReady: { type: 'integer' },
              },
            },
          },
        },
      },
    },
  },
  paths: {
    '/': {
      get: {
        operationId: 'GetMaturity',
        description:
          'The maturity of one entity (`entityRef`) or of a team (`team`): give exactly one.',
        parameters: [
          entityRefQueryParameter,
          {
            ...teamQueryParameter,
            description:
              'A group (or user) whose components (`spec.owner`) are scored; a bare name reads as a group in the default namespace.',
          },
        ],
        responses: {
          '200': {
            description: 'The entity or the team.',
            content: {
              'application/json': {
                schema: {
                  oneOf: [
                    { $ref: '#/components/schemas/EntityMaturity' },
                    { $ref: '#/components/schemas/TeamMaturity' },
                  ],
                },
              },
            },
          },
          ...errorResponses,
          '404': errorResponse,
        },
      },
    },
    '/leaderboard': {
      get: {
        operationId: 'GetMaturityLeaderboard',
        description:
          'The fleet, its teams and systems and every component the caller may see, best first; computed at most once a minute per caller (`generatedAt`). Takes no parameters.',
        responses: {
          '200': {
            description: 'The leaderboard.',
            content: {
              'application/json': {
                schema: { $ref: '#/components/schemas/Leaderboard' },
              },
            },
          },
          ...errorResponses,
        },
      },
    },
    '/history': {
      get: {
        operationId: 'GetMaturityHistory',
        description:
          'The stored scores of the fleet, or of one component, team or system (at most one of `entityRef`, `team`, `system`), oldest first.',
        parameters: [
          {
            ...entityRefQueryParameter,
            description:
              'A component; a bare name reads as a component in the default namespace.',
          },
          {
            ...teamQueryParameter,
            description:
              'A group or user; a bare name reads as a group in the default namespace.',
          },
          {
            ...entityRefQueryParameter,
            name: 'system',
            description:
              'A system; a bare name reads as a system in the default namespace.',
          },
          {
            in: 'query',
            name: 'days',
            description: 'The window, in days; 30 unless given.',
            schema: { type: 'integer', minimum: 1, maximum: 365, default: 30 },
          },
        ],
        responses: {
          '200': {
            description: 'The trend.',
            content: {
              'application/json': {
                schema: { $ref: '#/components/schemas/History' },
              },
            },
          },
          ...errorResponses,
          '404': errorResponse,
        },
      },
    },
  },
} as const;
