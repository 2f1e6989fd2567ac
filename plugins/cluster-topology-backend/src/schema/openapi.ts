import {
  clusterQueryParameter,
  entityRefQueryParameter,
  errorBodySchema,
  errorResponse,
  namespaceQueryParameter,
} from '@cloud-native-platform/plugin-cloud-native-node';

/**
 * The cluster-topology HTTP API, described once for the typed router, its
 * request validation and `GET /openapi.json`. The maturity routes that moved
 * to the platform-maturity plugin are described at the end: for one release
 * they answer 301 to their new place, unvalidated (the new place decides the
 * permission before it reads the query), and the stored snapshots are
 * listed to service principals for the import.
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
  '400': errorResponse,
  '401': { description: 'No Backstage credentials.' },
} as const;

/** Where a moved maturity route answers now; its query string is kept. */
function movedTo(path: string) {
  return {
    description: `Moved to \`/api/platform-maturity${path}\`, query string kept.`,
    headers: {
      Location: {
        description: 'The same request under the platform-maturity plugin.',
        schema: { type: 'string' },
      },
    },
  } as const;
}

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
      Error: errorBodySchema,
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
                storage: {
                  type: 'object',
                  additionalProperties: false,
                  description:
                    'PersistentVolumeClaims by phase and, where Rook runs, Ceph health and block-pool mirroring; present when the cluster has claims or Rook-Ceph objects.',
                  required: ['claims'],
                  properties: {
                    ceph: {
                      type: 'object',
                      additionalProperties: false,
                      required: ['clusters', 'blockPools'],
                      properties: {
                        clusters: {
                          type: 'array',
                          items: {
                            type: 'object',
                            additionalProperties: false,
                            required: ['name', 'health'],
                            properties: {
                              name: { type: 'string' },
                              health: {
                                type: 'string',
                                description:
                                  'HEALTH_OK, HEALTH_WARN, HEALTH_ERR, or HEALTH_UNKNOWN before Rook has reported.',
                              },
                              message: { type: 'string' },
                            },
                          },
                        },
                        blockPools: {
                          type: 'array',
                          items: {
                            type: 'object',
                            additionalProperties: false,
                            required: ['name', 'mirroring'],
                            properties: {
                              name: { type: 'string' },
                              mirroring: {
                                type: 'object',
                                additionalProperties: false,
                                required: ['enabled'],
                                properties: {
                                  enabled: { type: 'boolean' },
                                  mode: { type: 'string' },
                                  health: { type: 'string' },
                                  daemonHealth: { type: 'string' },
                                },
                              },
                            },
                          },
                        },
                      },
                    },
                    claims: {
                      type: 'object',
                      additionalProperties: false,
                      required: ['bound', 'pending', 'lost'],
                      properties: {
                        bound: { type: 'integer' },
                        pending: { type: 'integer' },
                        lost: { type: 'integer' },
                      },
                    },
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
                    'volume',
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
                  enum: [
                    'selects',
                    'routes',
                    'traffic',
                    'catalog',
                    'runs-on',
                    'mounts',
                    'binds',
                    'provisioned-by',
                  ],
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
      LegacyMaturitySnapshotPage: {
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
                'id',
                'takenAt',
                'scopeType',
                'scopeKey',
                'score',
                'entities',
                'drReady',
              ],
              properties: {
                id: { type: 'integer' },
                takenAt: { type: 'string', format: 'date-time' },
                scopeType: { type: 'string' },
                scopeKey: { type: 'string' },
                score: { type: 'number' },
                entities: { type: 'integer' },
                drReady: { type: 'integer' },
              },
            },
          },
          nextAfterId: { type: 'integer' },
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
        parameters: [{ ...entityRefQueryParameter, allowEmptyValue: true }],
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
        parameters: [{ ...entityRefQueryParameter, allowEmptyValue: true }],
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
          'The topology graph (`TopologyGraphResponse`) of the fleet, of one cluster or namespace, or of a catalog entity. Object labels and the spec-read details of Services, Ingresses and storage are left out for clusters whose objects the caller may not read (`cluster-topology.object.read`).',
        parameters: [
          {
            ...entityRefQueryParameter,
            description: `${entityRefQueryParameter.description} Excludes \`cluster\`.`,
          },
          clusterQueryParameter,
          {
            ...namespaceQueryParameter,
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
              'Comma-separated layers to draw, of `static`, `traffic`, `catalog` and `storage`; all unless given.',
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
          { ...clusterQueryParameter, allowEmptyValue: true },
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
            ...namespaceQueryParameter,
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
    '/logs': {
      get: {
        operationId: 'GetPodLogs',
        description:
          "A pod's log lines, oldest first, each `<RFC 3339 timestamp> <text>` with credentials redacted: from the cluster's Kubernetes API, or from its Loki for a manifests cluster, a query with `start`, or `source=loki`. `follow=true` streams them as server-sent events ending with an `end` event. Needs `cluster-topology.logs.read` for the cluster.",
        parameters: [
          { ...clusterQueryParameter, allowEmptyValue: true },
          { ...namespaceQueryParameter, allowEmptyValue: true },
          {
            in: 'query',
            allowReserved: true,
            name: 'pod',
            description: 'The pod name.',
            allowEmptyValue: true,
            schema: { type: 'string', maxLength: 253 },
          },
          {
            in: 'query',
            allowReserved: true,
            name: 'container',
            description:
              "The container; the pod's default or first container unless given.",
            allowEmptyValue: true,
            schema: { type: 'string', maxLength: 253 },
          },
          {
            in: 'query',
            allowReserved: true,
            name: 'previous',
            description:
              "`true` for the container's previous run; Kubernetes only.",
            allowEmptyValue: true,
            schema: { type: 'string', maxLength: 5 },
          },
          {
            in: 'query',
            allowReserved: true,
            name: 'sinceSeconds',
            description: 'Only lines of the last so many seconds, at least 1.',
            schema: { type: 'string', maxLength: 12 },
          },
          {
            in: 'query',
            allowReserved: true,
            name: 'tailLines',
            description:
              'Only the last so many lines, 1 to 10000; 500 when neither tailLines, sinceSeconds nor start is given.',
            schema: { type: 'string', maxLength: 12 },
          },
          {
            in: 'query',
            allowReserved: true,
            name: 'follow',
            description: '`true` streams new lines as server-sent events.',
            allowEmptyValue: true,
            schema: { type: 'string', maxLength: 5 },
          },
          {
            in: 'query',
            allowReserved: true,
            name: 'start',
            description: 'Only lines from this RFC 3339 timestamp on.',
            schema: { type: 'string', maxLength: 40 },
          },
          {
            in: 'query',
            allowReserved: true,
            name: 'end',
            description:
              'Only lines before this RFC 3339 timestamp, after start.',
            schema: { type: 'string', maxLength: 40 },
          },
          {
            in: 'query',
            allowReserved: true,
            name: 'source',
            description: 'Forces where the lines come from.',
            schema: { type: 'string', enum: ['kubernetes', 'loki'] },
          },
        ],
        responses: {
          '200': {
            description:
              'The lines; header `X-Log-Source` says where from, `X-Log-Truncated: true` that the answer was cut at `cloudNativePlatform.logs.maxBytes`. Followed: one `data: <timestamp> <text>` event per line, then `event: end` with `{"reason":"duration"|"size"|"closed"}`.',
            content: {
              'text/plain': { schema: { type: 'string' } },
              'text/event-stream': { schema: { type: 'string' } },
            },
          },
          ...errorResponses,
          '403': {
            description: 'The caller may not read logs of this cluster.',
          },
          '404': { description: 'The cluster or the pod does not exist.' },
          '502': {
            description:
              "The cluster's Kubernetes API or Loki failed to answer.",
          },
        },
      },
    },
    '/maturity': {
      get: {
        operationId: 'GetMaturityMoved',
        description: 'Moved: the maturity of an entity or a team.',
        responses: { '301': movedTo('') },
      },
    },
    '/maturity/leaderboard': {
      get: {
        operationId: 'GetMaturityLeaderboardMoved',
        description: 'Moved: the maturity leaderboard.',
        responses: { '301': movedTo('/leaderboard') },
      },
    },
    '/maturity/history': {
      get: {
        operationId: 'GetMaturityHistoryMoved',
        description: 'Moved: the maturity trend.',
        responses: { '301': movedTo('/history') },
      },
    },
    '/legacy/maturity-snapshots': {
      get: {
        operationId: 'GetLegacyMaturitySnapshots',
        description:
          'The maturity snapshots stored by this plugin before the routes moved, in pages of ascending id, for the platform-maturity import. Service principals only.',
        parameters: [
          {
            in: 'query',
            name: 'afterId',
            description:
              'The `nextAfterId` of the page before; 0 unless given.',
            schema: {
              type: 'integer',
              minimum: 0,
              maximum: Number.MAX_SAFE_INTEGER,
            },
          },
          {
            in: 'query',
            name: 'limit',
            description: 'The largest page; 1000 unless given.',
            schema: { type: 'integer', minimum: 1, maximum: 5000 },
          },
        ],
        responses: {
          '200': {
            description:
              'A page of snapshots; `nextAfterId` is given while more may follow.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/LegacyMaturitySnapshotPage',
                },
              },
            },
          },
          ...errorResponses,
          '403': errorResponse,
        },
      },
    },
  },
} as const;
