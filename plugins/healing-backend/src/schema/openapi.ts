import {
  clusterQueryParameter,
  entityRefQueryParameter,
  errorBodySchema,
  errorResponse,
  namespaceQueryParameter,
} from '@cloud-native-platform/plugin-cloud-native-node';

/**
 * The healing HTTP API. The router validates requests against it and serves
 * it at `/openapi.json`; checks a schema cannot say (entity reference
 * syntax, `namespace` needing `cluster`, dates the store can hold, printable
 * attempt ids) are made in code.
 */

const filterParameters = [
  {
    ...entityRefQueryParameter,
    description:
      'Attempts on a catalog entity; a bare name reads as a component in the default namespace.',
  },
  clusterQueryParameter,
  namespaceQueryParameter,
  {
    in: 'query',
    name: 'action',
    schema: {
      type: 'string',
      enum: [
        'restart',
        'scale',
        'traffic-shift',
        'rollback',
        'evict',
        'rollout-abort',
        'rollout-undo',
      ],
    },
  },
  {
    in: 'query',
    name: 'status',
    schema: {
      type: 'string',
      enum: [
        'unmatched',
        'observed',
        'planned',
        'pending-approval',
        'approved',
        'rejected',
        'expired',
        'refused',
        'applied',
        'succeeded',
        'failed',
        'inconclusive',
        'healed',
      ],
    },
  },
  {
    in: 'query',
    name: 'mode',
    schema: {
      type: 'string',
      enum: ['observe', 'dry-run', 'approval', 'enforce'],
    },
  },
  {
    in: 'query',
    name: 'kind',
    description:
      'Attempts of the remediation engine, or the platform’s own self-healing.',
    schema: { type: 'string', enum: ['remediation', 'platform'] },
  },
] as const;

const idParameter = {
  in: 'path',
  name: 'id',
  required: true,
  description: 'A healing attempt id: at most 255 printable characters.',
  schema: { type: 'string', minLength: 1, maxLength: 255 },
} as const;

const attempt = {
  description:
    'A healing attempt (`HealingAttempt` of healing-common): cluster, target, action, mode, status, steps, evidence; credentials redacted.',
} as const;

const attemptResponse = {
  description: 'The attempt.',
  content: { 'application/json': { schema: attempt } },
} as const;

const engineStatusResponse = {
  description:
    'The engine status (`HealingEngineStatus`): kill switch, pending approvals, policies.',
  content: {
    'application/json': {
      schema: { $ref: '#/components/schemas/EngineStatus' },
    },
  },
} as const;

const decisionBody = {
  required: false,
  content: {
    'application/json': {
      schema: {
        type: 'object',
        additionalProperties: false,
        properties: {
          comment: {
            type: 'string',
            nullable: true,
            maxLength: 500,
            description: 'Why; kept with the attempt, trimmed.',
          },
        },
      },
    },
  },
} as const;

/** @public */
export const spec = {
  openapi: '3.0.3',
  info: {
    title: 'healing',
    version: '1',
    description:
      'Healing attempts of the auto-remediation engine and the platform, their approval, the kill switch and the Alertmanager webhook.',
    license: { name: 'Apache-2.0' },
  },
  servers: [{ url: '/' }],
  components: {
    schemas: {
      Error: errorBodySchema,
      EngineStatus: {
        description:
          'killSwitch, who set it and when, pendingApprovals, and the policies with their mode and action.',
      },
    },
  },
  paths: {
    '/alerts': {
      post: {
        operationId: 'PostAlerts',
        description:
          "Alertmanager's webhook (payload version 4); service tokens holding healing.alert.create only. Each alert is stored once and handled outside the request; bad alerts are refused one by one, and only a notification with nothing to store is a 400.",
        requestBody: {
          required: true,
          description:
            'The Alertmanager notification, up to 5 MB. Its fields are checked by the route, which names the first bad one.',
          content: {
            'application/json': {
              schema: {
                type: 'object',
                properties: {
                  version: { type: 'string', description: 'Must be `4`.' },
                  groupKey: { type: 'string' },
                  truncatedAlerts: { type: 'integer' },
                  status: { type: 'string' },
                  receiver: { type: 'string' },
                  groupLabels: { type: 'object' },
                  commonLabels: { type: 'object' },
                  commonAnnotations: { type: 'object' },
                  externalURL: { type: 'string' },
                  alerts: {
                    type: 'array',
                    description:
                      'status, labels, annotations, startsAt, endsAt, generatorURL, fingerprint.',
                    items: {},
                  },
                },
              },
            },
          },
        },
        responses: {
          '202': {
            description:
              'Accepted; `refused` lists the alerts not stored and why.',
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  additionalProperties: false,
                  properties: {
                    stored: { type: 'integer' },
                    duplicates: { type: 'integer' },
                    resolved: { type: 'integer' },
                    refused: { type: 'array', items: {} },
                  },
                },
              },
            },
          },
          '400': errorResponse,
          '403': errorResponse,
        },
      },
    },
    '/attempts': {
      get: {
        operationId: 'GetAttempts',
        description: 'Attempts, newest first, matching every filter given.',
        parameters: [
          ...filterParameters,
          {
            in: 'query',
            name: 'since',
            description: 'ISO date-time; attempts created at or after it.',
            allowReserved: true,
            schema: { type: 'string', minLength: 1, maxLength: 64 },
          },
          {
            in: 'query',
            name: 'limit',
            schema: {
              type: 'integer',
              minimum: 1,
              maximum: 1000,
              default: 100,
            },
          },
        ],
        responses: {
          '200': {
            description: 'A page of attempts and the total matching.',
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  additionalProperties: false,
                  properties: {
                    items: { type: 'array', items: attempt },
                    total: { type: 'integer' },
                  },
                },
              },
            },
          },
          '400': errorResponse,
          '404': errorResponse,
        },
      },
    },
    '/attempts/{id}': {
      get: {
        operationId: 'GetAttempt',
        parameters: [idParameter],
        responses: {
          '200': attemptResponse,
          '400': errorResponse,
          '404': errorResponse,
        },
      },
    },
    '/attempts/{id}/approve': {
      post: {
        operationId: 'ApproveAttempt',
        description:
          'Approves a pending attempt, which is then applied; needs healing.attempt.approve on it (404 for an unknown attempt before 403).',
        parameters: [idParameter],
        requestBody: decisionBody,
        responses: {
          '200': attemptResponse,
          '400': errorResponse,
          '403': errorResponse,
          '404': errorResponse,
          '409': errorResponse,
        },
      },
    },
    '/attempts/{id}/reject': {
      post: {
        operationId: 'RejectAttempt',
        description:
          'Rejects a pending attempt; needs healing.attempt.approve on it.',
        parameters: [idParameter],
        requestBody: decisionBody,
        responses: {
          '200': attemptResponse,
          '400': errorResponse,
          '403': errorResponse,
          '404': errorResponse,
          '409': errorResponse,
        },
      },
    },
    '/stats': {
      get: {
        operationId: 'GetStats',
        description:
          'Daily buckets (UTC) of attempts, successes and time to recovery (`HealingStats`).',
        parameters: [
          ...filterParameters,
          {
            in: 'query',
            name: 'days',
            schema: { type: 'integer', minimum: 1, maximum: 365, default: 30 },
          },
        ],
        responses: {
          '200': {
            description: 'The stats.',
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  additionalProperties: false,
                  properties: {
                    buckets: { type: 'array', items: {} },
                    successRate: { type: 'number' },
                    medianMttrSeconds: { type: 'number' },
                  },
                },
              },
            },
          },
          '400': errorResponse,
          '404': errorResponse,
        },
      },
    },
    '/status': {
      get: {
        operationId: 'GetStatus',
        responses: { '200': engineStatusResponse, '400': errorResponse },
      },
    },
    '/kill-switch': {
      put: {
        operationId: 'PutKillSwitch',
        description:
          'Turns the kill switch on or off (off only when the configuration does not set it); needs healing.killswitch.update.',
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                type: 'object',
                additionalProperties: false,
                required: ['enabled'],
                properties: { enabled: { type: 'boolean' } },
              },
            },
          },
        },
        responses: {
          '200': engineStatusResponse,
          '400': errorResponse,
          '403': errorResponse,
          '409': errorResponse,
        },
      },
    },
  },
} as const;
