import { Caller, parseCallers, principalOf } from './callers';
import {
  checkDuration,
  checkInteger,
  checkServiceName,
  checkDnsLabel,
} from './checks';
import { commonLabels, selectorLabels, serviceHost } from './labels';
import { KubeManifest, modelClasses } from './models';
import { OptionsError } from './OptionsError';

/** The Prometheus server's identity, allowed to scrape the service. */
export interface ScraperIdentity {
  /** Namespace Prometheus runs in. Defaults to `monitoring`. */
  namespace?: string;
  /** Prometheus's service account. Defaults to `prometheus`. */
  serviceAccount?: string;
}

/** Options of {@link generateMesh}; defaults in {@link MESH_DEFAULTS}. */
export interface MeshOptions {
  name: string;
  namespace: string;
  port?: number;
  /** Callers allowed by the AuthorizationPolicy: `sa:<ns>/<name>` or `ns:<ns>`. */
  callers?: string[];
  timeout?: string;
  retries?: { attempts?: number; perTryTimeout?: string; retryOn?: string };
  /** Percentage of requests routed to the `canary` subset; none when unset. */
  canaryWeight?: number;
  outlierDetection?: {
    consecutive5xxErrors?: number;
    interval?: string;
    baseEjectionTime?: string;
    maxEjectionPercent?: number;
  };
  connectionPool?: {
    maxConnections?: number;
    http1MaxPendingRequests?: number;
    http2MaxRequests?: number;
    maxRequestsPerConnection?: number;
  };
  trustDomain?: string;
  scraper?: ScraperIdentity;
}

/** Defaults of the mesh options. */
export const MESH_DEFAULTS = {
  port: 8080,
  timeout: '5s',
  retries: {
    attempts: 3,
    perTryTimeout: '2s',
    retryOn: 'gateway-error,connect-failure,refused-stream,reset',
  },
  outlierDetection: {
    consecutive5xxErrors: 5,
    interval: '10s',
    baseEjectionTime: '30s',
    maxEjectionPercent: 50,
  },
  connectionPool: {
    maxConnections: 100,
    http1MaxPendingRequests: 100,
    http2MaxRequests: 1000,
    maxRequestsPerConnection: 100,
  },
  trustDomain: 'cluster.local',
  scraper: { namespace: 'monitoring', serviceAccount: 'prometheus' },
} as const;

/** Mesh options with every default filled in and every value checked. */
export interface ResolvedMeshOptions {
  name: string;
  namespace: string;
  port: number;
  callers: Caller[];
  timeout: string;
  retries: { attempts: number; perTryTimeout: string; retryOn: string };
  canaryWeight?: number;
  outlierDetection: Required<NonNullable<MeshOptions['outlierDetection']>>;
  connectionPool: Required<NonNullable<MeshOptions['connectionPool']>>;
  trustDomain: string;
  scraper: Required<ScraperIdentity>;
}

/** Fills in the defaults and checks the scraper identity. */
export function resolveScraper(
  scraper: ScraperIdentity | undefined,
  field: string,
): Required<ScraperIdentity> {
  return {
    namespace: checkDnsLabel(
      scraper?.namespace ?? MESH_DEFAULTS.scraper.namespace,
      `${field}.namespace`,
    ),
    serviceAccount: checkDnsLabel(
      scraper?.serviceAccount ?? MESH_DEFAULTS.scraper.serviceAccount,
      `${field}.serviceAccount`,
    ),
  };
}

/** Fills in the defaults and checks every mesh option. */
export function resolveMeshOptions(options: MeshOptions): ResolvedMeshOptions {
  const d = MESH_DEFAULTS;
  const retries = { ...d.retries, ...options.retries };
  const outlier = { ...d.outlierDetection, ...options.outlierDetection };
  const pool = { ...d.connectionPool, ...options.connectionPool };
  if (!/^[a-z0-9-]+(,[a-z0-9-]+)*$/.test(retries.retryOn)) {
    throw new OptionsError(
      'retries.retryOn',
      `'${retries.retryOn}' is not a comma-separated list of Envoy retry conditions`,
    );
  }
  const trustDomain = options.trustDomain ?? d.trustDomain;
  if (!/^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$/.test(trustDomain)) {
    throw new OptionsError(
      'trustDomain',
      `'${trustDomain}' is not a trust domain`,
    );
  }
  return {
    name: checkServiceName(options.name, 'name'),
    namespace: checkDnsLabel(options.namespace, 'namespace'),
    port: checkInteger(options.port ?? d.port, 'port', 1, 65535),
    callers: parseCallers(options.callers, 'callers'),
    timeout: checkDuration(options.timeout ?? d.timeout, 'timeout'),
    retries: {
      attempts: checkInteger(retries.attempts, 'retries.attempts', 0, 10),
      perTryTimeout: checkDuration(
        retries.perTryTimeout,
        'retries.perTryTimeout',
      ),
      retryOn: retries.retryOn,
    },
    canaryWeight:
      options.canaryWeight === undefined
        ? undefined
        : checkInteger(options.canaryWeight, 'canaryWeight', 1, 99),
    outlierDetection: {
      consecutive5xxErrors: checkInteger(
        outlier.consecutive5xxErrors,
        'outlierDetection.consecutive5xxErrors',
        1,
        1000,
      ),
      interval: checkDuration(outlier.interval, 'outlierDetection.interval'),
      baseEjectionTime: checkDuration(
        outlier.baseEjectionTime,
        'outlierDetection.baseEjectionTime',
      ),
      maxEjectionPercent: checkInteger(
        outlier.maxEjectionPercent,
        'outlierDetection.maxEjectionPercent',
        1,
        100,
      ),
    },
    connectionPool: {
      maxConnections: checkInteger(
        pool.maxConnections,
        'connectionPool.maxConnections',
        1,
        1e6,
      ),
      http1MaxPendingRequests: checkInteger(
        pool.http1MaxPendingRequests,
        'connectionPool.http1MaxPendingRequests',
        1,
        1e6,
      ),
      http2MaxRequests: checkInteger(
        pool.http2MaxRequests,
        'connectionPool.http2MaxRequests',
        1,
        1e6,
      ),
      maxRequestsPerConnection: checkInteger(
        pool.maxRequestsPerConnection,
        'connectionPool.maxRequestsPerConnection',
        1,
        1e6,
      ),
    },
    trustDomain,
    scraper: resolveScraper(options.scraper, 'scraper'),
  };
}

/**
 * Istio objects of a service: routing with timeouts, retries and an optional
 * canary split; mutual TLS, outlier detection and a connection pool towards
 * it; strict mTLS on its pods; and an AuthorizationPolicy that lets in only
 * the named callers, plus Prometheus on GET /metrics.
 */
export function generateMesh(input: MeshOptions): KubeManifest[] {
  const o = resolveMeshOptions(input);
  const m = modelClasses();
  const host = serviceHost(o.name, o.namespace);
  const metadata = {
    name: o.name,
    namespace: o.namespace,
    labels: commonLabels(o.name),
  };
  const destination = (subset?: string) => ({
    host,
    ...(subset && { subset }),
    port: { number: o.port },
  });
  const route =
    o.canaryWeight === undefined
      ? [{ destination: destination() }]
      : [
          { destination: destination('stable'), weight: 100 - o.canaryWeight },
          { destination: destination('canary'), weight: o.canaryWeight },
        ];

  const principals = o.callers.flatMap(caller =>
    caller.kind === 'serviceAccount'
      ? [principalOf(caller, o.trustDomain)]
      : [],
  );
  const namespaces = o.callers.flatMap(caller =>
    caller.kind === 'namespace' ? [caller.namespace] : [],
  );
  const sources = [
    ...(principals.length > 0 ? [{ source: { principals } }] : []),
    ...(namespaces.length > 0 ? [{ source: { namespaces } }] : []),
  ];
  const scraper = principalOf(
    { namespace: o.scraper.namespace, name: o.scraper.serviceAccount },
    o.trustDomain,
  );
  const rules = [
    ...(sources.length > 0
      ? [{ from: sources, to: [{ operation: { ports: [String(o.port)] } }] }]
      : []),
    {
      from: [{ source: { principals: [scraper] } }],
      to: [{ operation: { methods: ['GET'], paths: ['/metrics'] } }],
    },
  ];

  const objects: KubeManifest[] = [
    new m.VirtualService({
      metadata,
      spec: {
        hosts: [host],
        http: [
          {
            name: 'default',
            route,
            timeout: o.timeout,
            retries: o.retries,
          },
        ],
      },
    }),
    new m.DestinationRule({
      metadata,
      spec: {
        host,
        trafficPolicy: {
          tls: { mode: 'ISTIO_MUTUAL' },
          connectionPool: {
            tcp: { maxConnections: o.connectionPool.maxConnections },
            http: {
              http1MaxPendingRequests: o.connectionPool.http1MaxPendingRequests,
              http2MaxRequests: o.connectionPool.http2MaxRequests,
              maxRequestsPerConnection:
                o.connectionPool.maxRequestsPerConnection,
            },
          },
          outlierDetection: o.outlierDetection,
        },
        subsets: [
          { name: 'stable', labels: { track: 'stable' } },
          { name: 'canary', labels: { track: 'canary' } },
        ],
      },
    }),
    new m.PeerAuthentication({
      metadata,
      spec: {
        selector: { matchLabels: selectorLabels(o.name) },
        mtls: { mode: 'STRICT' },
      },
    }),
    new m.AuthorizationPolicy({
      metadata,
      spec: {
        selector: { matchLabels: selectorLabels(o.name) },
        action: 'ALLOW',
        rules,
      },
    }),
  ];
  return objects;
}
