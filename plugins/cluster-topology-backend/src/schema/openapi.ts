/**
 * The cluster-topology HTTP API, described once for the typed router, its
 * request validation and `GET /openapi.json`. The maturity routes are not
 * described here: they are served beside it until they move to their own
 * plugin.
 *
 * Each answer's schema is what the typed router checks `res.json` against,
 * beside the `satisfies` check against the types of
 * `@cloud-native-platform/plugin-cluster-topology-common`; answers are not
 * validated at run time.
 *
 * Parameters are strings given at most once; unknown parameters are refused.
 * What a schema cannot say the router checks itself, naming the parameter:
 * that `/workloads` and `/deliveries` need an entity reference, which parameters `/object`
 * is missing (all of them at once), the `layers` list, the `window` set and
 * which graph parameters go together.
 *
 * Every parameter allows reserved characters: entity references
 * (`component:default/trading-engine`), graph node ids and comma lists are
 * sent as they are.
 */

const errorResponses = {
  '400': {
    description:
      'A parameter is malformed, missing or unknown; the message names it.',
  },
  '401': { description: 'No Backstage credentials.' },
} as const;

const cluster = {
  in: 'query',
  allowReserved: true,
  name: 'cluster',
  description: 'A cluster name, as in `cloudNativePlatform.clusters`.',
  schema: { type: 'string', maxLength: 253 },
} as const;

const namespace = {
  in: 'query',
  allowReserved: true,
  name: 'namespace',
  description: 'A namespace of the cluster.',
  schema: { type: 'string', maxLength: 63 },
} as const;

const entityRef = {
  in: 'query',
  allowReserved: true,
  name: 'entityRef',
  description:
    'A catalog entity reference such as `component:default/trading-engine`; a bare name reads as a component in the default namespace.',
  schema: { type: 'string', maxLength: 512 },
} as const;

/** The OpenAPI 3.0 description of the routes above. */
export const spec = {
  openapi: '3.0.3',
  info: {
    title: 'cluster-topology',
    version: '1',
    description:
      'Every cluster of the fleet, its graph, the workloads of catalog entities and single objects, answered from the shared cluster state.',
    license: { name: 'Apache-2.0' },
  },
  servers: [{ url: '/' }],
  components: {
    schemas: {
      StringMap: {
        type: 'object',
        additionalProperties: { type: 'string' },
      },
      PodCounts: {
        type: 'object',
        additionalProperties: false,
        required: [
          'total',
          'ready',
          'restarting',
          'crashLooping',
          'pending',
          'failed',
          'restarts',
        ],
        properties: {
          total: { type: 'integer' },
          ready: { type: 'integer' },
          restarting: { type: 'integer' },
          crashLooping: { type: 'integer' },
          pending: { type: 'integer' },
          failed: { type: 'integer' },
          restarts: { type: 'integer' },
        },
      },
      ClusterError: {
        type: 'object',
        additionalProperties: false,
        required: ['cluster', 'error'],
        properties: { cluster: { type: 'string' }, error: { type: 'string' } },
      },
      ClustersResponse: {
        type: 'object',
        additionalProperties: false,
        required: ['items'],
        properties: {
          items: {
            type: 'array',
            items: {
              type: 'object',
              additionalProperties: false,
              required: [
                'name',
                'role',
                'labels',
                'source',
                'status',
                'counts',
                'kinds',
                'problems',
              ],
              properties: {
                name: { type: 'string' },
                role: {
                  type: 'string',
                  enum: [
                    'production',
                    'disaster-recovery',
                    'staging',
                    'test',
                    'development',
                  ],
                },
                region: { type: 'string' },
                labels: { $ref: '#/components/schemas/StringMap' },
                source: { type: 'string' },
                status: {
                  type: 'string',
                  enum: ['syncing', 'ready', 'degraded'],
                },
                error: { type: 'string' },
                lastSyncAt: { type: 'string', format: 'date-time' },
                counts: {
                  type: 'object',
                  additionalProperties: false,
                  required: ['nodes', 'namespaces', 'workloads', 'pods'],
                  properties: {
                    nodes: { type: 'integer' },
                    namespaces: { type: 'integer' },
                    workloads: { type: 'integer' },
                    pods: { type: 'integer' },
                  },
                },
                kinds: {
                  type: 'array',
                  items: {
                    type: 'object',
                    additionalProperties: false,
                    required: ['kind', 'state', 'count'],
                    properties: {
                      kind: { type: 'string' },
                      state: {
                        type: 'string',
                        enum: ['syncing', 'ready', 'absent', 'error'],
                      },
                      count: { type: 'integer' },
                      error: { type: 'string' },
                    },
                  },
                },
                problems: { type: 'array', items: { type: 'string' } },
                prometheus: {
                  type: 'object',
                  additionalProperties: false,
                  required: ['url', 'state'],
                  properties: {
                    url: { type: 'string' },
                    state: { type: 'string', enum: ['unknown', 'ok', 'error'] },
                    error: { type: 'string' },
                    lastSuccessAt: { type: 'string', format: 'date-time' },
                  },
                },
              },
            },
          },
        },
      },
      EntityWorkloadsResponse: {
        type: 'object',
        additionalProperties: false,
        required: ['entityRef', 'clusters', 'errors', 'items'],
        properties: {
          entityRef: { type: 'string' },
          clusters: { type: 'array', items: { type: 'string' } },
          errors: {
            type: 'array',
            items: { $ref: '#/components/schemas/ClusterError' },
          },
          items: {
            type: 'array',
            items: {
              type: 'object',
              additionalProperties: false,
              required: ['cluster', 'kind', 'name', 'health', 'images', 'pods'],
              properties: {
                cluster: { type: 'string' },
                kind: { type: 'string' },
                namespace: { type: 'string' },
                name: { type: 'string' },
                health: {
                  type: 'string',
                  enum: ['healthy', 'degraded', 'failing', 'idle'],
                },
                replicas: { type: 'integer' },
                images: { type: 'array', items: { type: 'string' } },
                pods: { $ref: '#/components/schemas/PodCounts' },
              },
            },
          },
        },
      },
      EntityDeliveriesResponse: {
        type: 'object',
        additionalProperties: false,
        required: ['items', 'errors'],
        properties: {
          items: {
            type: 'array',
            items: {
              type: 'object',
              additionalProperties: false,
              required: ['cluster', 'workload', 'pipelineRuns'],
              properties: {
                cluster: { type: 'string' },
                workload: {
                  type: 'object',
                  additionalProperties: false,
                  required: ['kind', 'name'],
                  properties: {
                    kind: { type: 'string' },
                    namespace: { type: 'string' },
                    name: { type: 'string' },
                  },
                },
                argocd: {
                  type: 'object',
                  additionalProperties: false,
                  description:
                    'The Argo CD Application managing the workload; `selfHeal` means a patch made outside Git is reverted.',
                  required: [
                    'application',
                    'syncStatus',
                    'health',
                    'automated',
                    'selfHeal',
                  ],
                  properties: {
                    application: { type: 'string' },
                    syncStatus: { type: 'string' },
                    health: { type: 'string' },
                    revision: { type: 'string' },
                    lastSyncAt: { type: 'string', format: 'date-time' },
                    automated: { type: 'boolean' },
                    selfHeal: { type: 'boolean' },
                  },
                },
                rollout: {
                  type: 'object',
                  additionalProperties: false,
                  required: ['strategy'],
                  properties: {
                    strategy: {
                      type: 'string',
                      enum: ['canary', 'blueGreen', 'unknown'],
                    },
                    step: { type: 'integer' },
                    totalSteps: { type: 'integer' },
                    canaryWeight: { type: 'number' },
                    analysis: { type: 'string' },
                    phase: { type: 'string' },
                  },
                },
                pipelineRuns: {
                  type: 'array',
                  items: {
                    type: 'object',
                    additionalProperties: false,
                    required: ['name', 'status'],
                    properties: {
                      name: { type: 'string' },
                      pipeline: { type: 'string' },
                      status: { type: 'string' },
                      startedAt: { type: 'string', format: 'date-time' },
                      durationSeconds: { type: 'integer' },
                    },
                  },
                },
              },
            },
          },
          errors: {
            type: 'array',
            items: { $ref: '#/components/schemas/ClusterError' },
          },
        },
      },
      TopologyGraphResponse: {
        type: 'object',
        additionalProperties: false,
        required: [
          'level',
          'nodes',
          'edges',
          'errors',
          'notices',
          'generatedAt',
        ],
        properties: {
          level: {
            type: 'string',
            enum: ['fleet', 'cluster', 'namespace', 'entity'],
          },
          nodes: {
            type: 'array',
            items: {
              type: 'object',
              additionalProperties: false,
              description:
                'A node; `labels` only where the caller may read the objects of its cluster.',
              required: ['id', 'kind', 'name', 'status'],
              properties: {
                id: { type: 'string' },
                kind: {
                  type: 'string',
                  enum: [
                    'group',
                    'cluster',
                    'node',
                    'namespace',
                    'workload',
                    'pod',
                    'service',
                    'entity',
                  ],
                },
                name: { type: 'string' },
                cluster: { type: 'string' },
                namespace: { type: 'string' },
                status: {
                  type: 'string',
                  enum: ['healthy', 'idle', 'unknown', 'degraded', 'failing'],
                },
                parent: { type: 'string' },
                objectKind: { type: 'string' },
                labels: { $ref: '#/components/schemas/StringMap' },
                pods: { $ref: '#/components/schemas/PodCounts' },
                collapsedChildren: { type: 'integer' },
                entityRef: { type: 'string' },
                role: { type: 'string' },
                region: { type: 'string' },
                detail: { type: 'string' },
                delivery: {
                  type: 'object',
                  additionalProperties: false,
                  description:
                    'Argo CD, Argo Rollouts and Tekton state of a workload node.',
                  properties: {
                    application: { type: 'string' },
                    syncStatus: { type: 'string' },
                    health: { type: 'string' },
                    selfHeal: { type: 'boolean' },
                    rolloutPhase: { type: 'string' },
                    canaryWeight: { type: 'number' },
                    step: { type: 'integer' },
                    totalSteps: { type: 'integer' },
                    pipelineStatus: { type: 'string' },
                  },
                },
              },
            },
          },
          edges: {
            type: 'array',
            items: {
              type: 'object',
              additionalProperties: false,
              required: ['id', 'source', 'target', 'kind'],
              properties: {
                id: { type: 'string' },
                source: { type: 'string' },
                target: { type: 'string' },
                kind: {
                  type: 'string',
                  enum: ['selects', 'routes', 'traffic', 'catalog', 'runs-on'],
                },
                weight: { type: 'number' },
                traffic: {
                  type: 'object',
                  additionalProperties: false,
                  required: ['requestsPerSecond', 'errorPercent'],
                  properties: {
                    requestsPerSecond: { type: 'number' },
                    errorPercent: { type: 'number' },
                    p50Ms: { type: 'number' },
                    p99Ms: { type: 'number' },
                    mtlsPercent: { type: 'number' },
                    tcpBytesPerSecond: { type: 'number' },
                  },
                },
                crossCluster: { type: 'boolean' },
                relation: { type: 'string' },
              },
            },
          },
          errors: {
            type: 'array',
            items: { $ref: '#/components/schemas/ClusterError' },
          },
          notices: { type: 'array', items: { type: 'string' } },
          generatedAt: { type: 'string', format: 'date-time' },
        },
      },
      ClusterObjectDetails: {
        type: 'object',
        additionalProperties: false,
        required: ['object', 'events', 'yaml'],
        properties: {
          object: {
            type: 'object',
            description: 'The Kubernetes object, credentials redacted.',
            required: ['apiVersion', 'kind', 'metadata'],
            properties: {
              apiVersion: { type: 'string' },
              kind: { type: 'string' },
              metadata: {
                type: 'object',
                required: ['name'],
                properties: {
                  name: { type: 'string' },
                  namespace: { type: 'string' },
                  uid: { type: 'string' },
                },
              },
            },
          },
          events: {
            type: 'array',
            items: {
              type: 'object',
              additionalProperties: false,
              required: ['count', 'involvedObject'],
              properties: {
                type: { type: 'string' },
                reason: { type: 'string' },
                message: { type: 'string' },
                count: { type: 'integer' },
                lastTimestamp: { type: 'string' },
                involvedObject: {
                  type: 'object',
                  additionalProperties: false,
                  required: ['kind', 'name'],
                  properties: {
                    kind: { type: 'string' },
                    name: { type: 'string' },
                  },
                },
              },
            },
          },
          owner: {
            type: 'object',
            additionalProperties: false,
            required: ['kind', 'name'],
            properties: { kind: { type: 'string' }, name: { type: 'string' } },
          },
          yaml: { type: 'string' },
        },
      },
    },
  },
  paths: {
    '/clusters': {
      get: {
        operationId: 'GetClusters',
        description:
          'Every cluster with its role, source, sync status and object counts (`ClustersResponse`).',
        responses: {
          '200': {
            description: 'The clusters.',
            content: {
              'application/json': {
                schema: { $ref: '#/components/schemas/ClustersResponse' },
              },
            },
          },
          ...errorResponses,
        },
      },
    },
    '/workloads': {
      get: {
        operationId: 'GetEntityWorkloads',
        description:
          "A catalog entity's workloads in every cluster, with pod health roll-ups (`EntityWorkloadsResponse`). `entityRef` is required.",
        parameters: [{ ...entityRef, allowEmptyValue: true }],
        responses: {
          '200': {
            description: "The entity's workloads.",
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/EntityWorkloadsResponse',
                },
              },
            },
          },
          ...errorResponses,
          '404': { description: 'The entity is not in the catalog.' },
        },
      },
    },
    '/deliveries': {
      get: {
        operationId: 'GetEntityDeliveries',
        description:
          'How each workload of a catalog entity is delivered: its Argo CD Application (sync, health, revision, last sync, self-heal), its Argo Rollouts Rollout (strategy, step, canary weight, analysis) and its Tekton PipelineRuns (`EntityDeliveriesResponse`). `entityRef` is required; clusters whose objects the caller may not read are listed under `errors`.',
        parameters: [{ ...entityRef, allowEmptyValue: true }],
        responses: {
          '200': {
            description: "The deliveries of the entity's workloads.",
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/EntityDeliveriesResponse',
                },
              },
            },
          },
          ...errorResponses,
          '404': { description: 'The entity is not in the catalog.' },
        },
      },
    },
    '/graph': {
      get: {
        operationId: 'GetTopologyGraph',
        description:
          'The topology graph (`TopologyGraphResponse`) of the fleet, of one cluster or namespace, or of a catalog entity. Object labels and Service and Ingress details are left out for clusters whose objects the caller may not read (`cluster-topology.object.read`).',
        parameters: [
          {
            ...entityRef,
            description: `${entityRef.description} Excludes \`cluster\`.`,
          },
          cluster,
          {
            ...namespace,
            description: 'A namespace of the cluster; needs `cluster`.',
          },
          {
            in: 'query',
            allowReserved: true,
            name: 'expand',
            description:
              'Comma-separated ids of workload nodes whose pods to draw, or `all`.',
            schema: { type: 'string', maxLength: 8192 },
          },
          {
            in: 'query',
            allowReserved: true,
            name: 'layers',
            description:
              'Comma-separated layers to draw, of `static`, `traffic` and `catalog`; all unless given.',
            schema: { type: 'string', maxLength: 64 },
          },
          {
            in: 'query',
            allowReserved: true,
            name: 'window',
            description:
              'Traffic window, one of `1m`, `5m`, `15m`, `1h`, `6h`, `24h`; `5m` unless given.',
            schema: { type: 'string', maxLength: 16 },
          },
        ],
        responses: {
          '200': {
            description: 'The graph.',
            content: {
              'application/json': {
                schema: { $ref: '#/components/schemas/TopologyGraphResponse' },
              },
            },
          },
          ...errorResponses,
          '404': {
            description:
              'The cluster, its namespace or the entity does not exist.',
          },
        },
      },
    },
    '/object': {
      get: {
        operationId: 'GetClusterObject',
        description:
          'One object of a cluster with its events and YAML (`ClusterObjectDetails`), credentials redacted; never a Secret. `cluster`, `kind` and `name` are required; needs `cluster-topology.object.read` for the cluster.',
        parameters: [
          { ...cluster, allowEmptyValue: true },
          {
            in: 'query',
            allowReserved: true,
            name: 'kind',
            description:
              'The Kubernetes kind, e.g. `Deployment`; not `Secret`.',
            allowEmptyValue: true,
            schema: { type: 'string', maxLength: 63 },
          },
          {
            ...namespace,
            description:
              'The namespace; left out (or empty) for cluster-scoped kinds.',
            allowEmptyValue: true,
          },
          {
            in: 'query',
            allowReserved: true,
            name: 'name',
            description: 'The object name.',
            allowEmptyValue: true,
            schema: { type: 'string', maxLength: 253 },
          },
        ],
        responses: {
          '200': {
            description: 'The object.',
            content: {
              'application/json': {
                schema: { $ref: '#/components/schemas/ClusterObjectDetails' },
              },
            },
          },
          ...errorResponses,
          '403': {
            description: 'The caller may not read objects of this cluster.',
          },
          '404': { description: 'The cluster or the object does not exist.' },
        },
      },
    },
  },
} as const;
