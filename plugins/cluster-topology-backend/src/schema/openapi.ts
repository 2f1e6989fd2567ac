/**
 * The cluster-topology HTTP API, described once for the typed router, its
 * request validation and `GET /openapi.json`. The maturity routes are not
 * described here: they are served beside it until they move to their own
 * plugin.
 *
 * Parameters are strings given at most once; unknown parameters are refused.
 * What a schema cannot say the router checks itself, naming the parameter:
 * that `/workloads` needs an entity reference, which parameters `/object`
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
  components: {},
  paths: {
    '/clusters': {
      get: {
        operationId: 'GetClusters',
        description:
          'Every cluster with its role, source, sync status and object counts (`ClustersResponse`).',
        responses: {
          '200': { description: 'The clusters.' },
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
          '200': { description: "The entity's workloads." },
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
          '200': { description: 'The graph.' },
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
          '200': { description: 'The object.' },
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
