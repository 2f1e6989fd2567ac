import {
  clusterQueryParameter,
  entityRefQueryParameter,
  errorBodySchema,
  errorResponse,
  namespaceQueryParameter,
  teamQueryParameter,
} from '@cloud-native-platform/plugin-cloud-native-node';

/**
 * The security posture HTTP API. The router validates requests against it
 * and serves it at `/openapi.json`; checks a schema cannot say (entity
 * reference syntax, one scope at a time, namespace names) are made in code.
 */

const severityCounts = {
  type: 'object',
  description: 'Findings that count, by severity.',
  additionalProperties: false,
  properties: {
    critical: { type: 'integer' },
    high: { type: 'integer' },
    medium: { type: 'integer' },
    low: { type: 'integer' },
    info: { type: 'integer' },
  },
} as const;

/** What reports of a scope and audits of manifests both hold. */
const reportProperties = {
  generatedAt: { type: 'string', format: 'date-time' },
  score: { type: 'number', minimum: 0, maximum: 100 },
  counts: { $ref: '#/components/schemas/SeverityCounts' },
  exceptedCount: { type: 'integer' },
  penalties: {
    type: 'array',
    description: 'Why the score is what it is, costliest check first.',
    items: {},
  },
  findings: {
    type: 'array',
    description: 'Worst first; excepted findings are marked `excepted`.',
    items: {},
  },
  resources: {
    type: 'array',
    description: 'Every scored object, with its own score.',
    items: {},
  },
  meshCoverage: {
    description:
      'Workloads with STRICT mTLS and an AuthorizationPolicy, of those audited.',
  },
} as const;

const scopeParameters = [
  entityRefQueryParameter,
  clusterQueryParameter,
  namespaceQueryParameter,
  {
    ...teamQueryParameter,
    description:
      'A group whose components (`spec.owner`) are reported; a bare name reads as a group.',
  },
] as const;

/** @public */
export const spec = {
  openapi: '3.0.3',
  info: {
    title: 'security-posture',
    version: '1',
    description:
      'Security posture of services, namespaces, clusters and teams, the manifests audit and the Falco webhook.',
    license: { name: 'Apache-2.0' },
  },
  servers: [{ url: '/' }],
  components: {
    schemas: {
      Error: errorBodySchema,
      SeverityCounts: severityCounts,
      Report: {
        type: 'object',
        description:
          'The score and findings of a scope (`PostureReport` of security-posture-common).',
        additionalProperties: false,
        properties: {
          ...reportProperties,
          scope: {
            description:
              'The scope asked for: entityRef, cluster and namespace, or team.',
          },
          clusters: {
            type: 'array',
            description:
              'Per cluster covered; a cluster that could not be read has `error`.',
            items: {},
          },
        },
      },
      AuditReport: {
        type: 'object',
        description: 'The posture of posted manifests (`AuditReport`).',
        additionalProperties: false,
        properties: {
          ...reportProperties,
          documents: {
            type: 'integer',
            description: 'YAML or JSON documents read from the body.',
          },
        },
      },
      Overview: {
        type: 'object',
        description: 'Fleet score and rankings (`PostureOverview`).',
        additionalProperties: false,
        properties: {
          generatedAt: reportProperties.generatedAt,
          score: reportProperties.score,
          counts: reportProperties.counts,
          exceptedCount: reportProperties.exceptedCount,
          meshCoverage: reportProperties.meshCoverage,
          clusters: { type: 'array', items: {} },
          namespaces: { type: 'array', description: 'Worst first.', items: {} },
          teams: { type: 'array', description: 'Worst first.', items: {} },
          unattributedFalcoAlerts: {
            type: 'integer',
            description:
              'Falco alerts within retention that name no configured cluster.',
          },
          topChecks: {
            type: 'array',
            description: 'The checks failing on the most resources.',
            items: {},
          },
        },
      },
    },
  },
  paths: {
    '/report': {
      get: {
        operationId: 'GetReport',
        description:
          'The posture of one of `entityRef`, `cluster` (with `namespace`) or `team`; of the whole fleet the caller may read without any.',
        parameters: scopeParameters,
        responses: {
          '200': {
            description: 'The report.',
            content: {
              'application/json': {
                schema: { $ref: '#/components/schemas/Report' },
              },
            },
          },
          '400': errorResponse,
          '403': errorResponse,
          '404': errorResponse,
        },
      },
    },
    '/overview': {
      get: {
        operationId: 'GetOverview',
        description:
          'Fleet score and rankings of clusters, namespaces and teams (`PostureOverview`).',
        responses: {
          '200': {
            description: 'The overview.',
            content: {
              'application/json': {
                schema: { $ref: '#/components/schemas/Overview' },
              },
            },
          },
          '400': errorResponse,
        },
      },
    },
    '/history': {
      get: {
        operationId: 'GetHistory',
        description:
          'Stored scores of a scope (`PostureTrend`); needs read permission on every cluster of the scope.',
        parameters: [
          ...scopeParameters,
          {
            in: 'query',
            name: 'days',
            description: 'Days back from now.',
            schema: { type: 'integer', minimum: 1, maximum: 365, default: 30 },
          },
        ],
        responses: {
          '200': {
            description: 'The trend.',
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  additionalProperties: false,
                  properties: {
                    scope: { description: 'The scope asked for.' },
                    points: {
                      type: 'array',
                      description:
                        'Stored scores (takenAt, score, counts), oldest first.',
                      items: {},
                    },
                  },
                },
              },
            },
          },
          '400': errorResponse,
          '403': errorResponse,
          '404': errorResponse,
        },
      },
    },
    '/checks': {
      get: {
        operationId: 'GetChecks',
        description: 'Every check a finding can come from.',
        responses: {
          '200': {
            description: 'The checks.',
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  additionalProperties: false,
                  properties: {
                    items: {
                      type: 'array',
                      description:
                        'id, title, severity, category, remediation.',
                      items: {},
                    },
                  },
                },
              },
            },
          },
          '400': errorResponse,
        },
      },
    },
    '/audit': {
      post: {
        operationId: 'PostAudit',
        description:
          'The posture of the manifests in the body; reads no cluster. One audit runs at a time per instance; 503 with Retry-After when too many wait.',
        parameters: [
          {
            in: 'query',
            name: 'clusterRole',
            description:
              'Role of the cluster the manifests are meant for (production, disaster-recovery, staging, test, development).',
            schema: { type: 'string', minLength: 1 },
          },
          {
            in: 'query',
            name: 'format',
            schema: {
              type: 'string',
              enum: ['json', 'sarif'],
              default: 'json',
            },
          },
          {
            in: 'query',
            name: 'namespace',
            description:
              'Where objects without a namespace are audited, as `kubectl apply -n` would store them (default `default`).',
            schema: { type: 'string', minLength: 1 },
          },
        ],
        requestBody: {
          required: true,
          description:
            'Kubernetes manifests, one or more YAML documents or JSON, up to 10 MB (413 above), as application/yaml, text/yaml, application/x-yaml, text/plain or application/json; other media types are refused with 415. The media type is checked by the route, so it is left open here.',
          content: { '*/*': { schema: {} } },
        },
        responses: {
          '200': {
            description:
              'The audit (`AuditReport`), or SARIF 2.1.0 with `format=sarif`.',
            content: {
              'application/json': {
                schema: { $ref: '#/components/schemas/AuditReport' },
              },
              'application/sarif+json': { schema: {} },
            },
          },
          '400': errorResponse,
          '408': errorResponse,
          '413': errorResponse,
          '415': errorResponse,
          '503': errorResponse,
        },
      },
    },
    '/falco': {
      post: {
        operationId: 'PostFalcoEvent',
        description:
          "falcosidekick's webhook; service tokens holding security-posture.falco.create only, each posting for the clusters of its securityPosture.falco.senders entry.",
        parameters: [
          {
            in: 'query',
            name: 'cluster',
            description:
              'The cluster of the events, when they do not name it themselves.',
            schema: { type: 'string', minLength: 1, maxLength: 253 },
          },
        ],
        requestBody: {
          required: true,
          description:
            "falcosidekick's JSON event (uuid, rule, priority, output, time, output_fields, tags), up to 1 MB; its fields are checked by the route, which names the first bad one.",
          content: { '*/*': { schema: {} } },
        },
        responses: {
          '202': {
            description: 'Stored (or already stored: `duplicate`).',
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  additionalProperties: false,
                  properties: {
                    duplicate: { type: 'boolean' },
                    cluster: {
                      type: 'string',
                      description:
                        'The configured cluster the alert counts in.',
                    },
                    workload: {
                      description:
                        'kind, namespace and name of the workload of the pod.',
                    },
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
  },
} as const;
