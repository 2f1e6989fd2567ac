import { generateMesh, MESH_DEFAULTS, MeshOptions } from '../generators/mesh';
import { writeManifests } from '../generators/writeManifests';
import { createGenerateAction, FieldSchema } from './generateAction';
import {
  callersInput,
  durationInput,
  identityInput,
  objectInput,
  outputDirInput,
  portInput,
  scraperInput,
} from './inputs';
import { examples } from './mesh.examples';

const d = MESH_DEFAULTS;

/** The mesh options besides name, namespace, port and callers. */
export const meshFields: Record<string, FieldSchema> = {
  timeout: durationInput(
    `Timeout of a request, retries included. Defaults to ${d.timeout}`,
  ),
  retries: objectInput(
    {
      attempts: z =>
        z
          .number()
          .int()
          .min(0)
          .max(10)
          .optional()
          .describe(
            `Retries of a failed request. Defaults to ${d.retries.attempts}`,
          ),
      perTryTimeout: durationInput(
        `Timeout of each try. Defaults to ${d.retries.perTryTimeout}`,
      ),
      retryOn: z =>
        z
          .string()
          .optional()
          .describe(
            `Envoy retry conditions, comma-separated. Defaults to ${d.retries.retryOn}`,
          ),
    },
    'Retry policy of the VirtualService',
  ),
  canaryWeight: z =>
    z
      .number()
      .int()
      .min(1)
      .max(99)
      .optional()
      .describe(
        'Percent of requests sent to pods labelled track=canary; no split when unset',
      ),
  outlierDetection: objectInput(
    {
      consecutive5xxErrors: z =>
        z
          .number()
          .int()
          .positive()
          .optional()
          .describe(
            `5xx responses in a row that eject a pod. Defaults to ${d.outlierDetection.consecutive5xxErrors}`,
          ),
      interval: durationInput(
        `How often pods are evaluated. Defaults to ${d.outlierDetection.interval}`,
      ),
      baseEjectionTime: durationInput(
        `Shortest ejection. Defaults to ${d.outlierDetection.baseEjectionTime}`,
      ),
      maxEjectionPercent: z =>
        z
          .number()
          .int()
          .min(1)
          .max(100)
          .optional()
          .describe(
            `Most pods ejected at once, in percent. Defaults to ${d.outlierDetection.maxEjectionPercent}`,
          ),
    },
    'Outlier detection of the DestinationRule',
  ),
  connectionPool: objectInput(
    {
      maxConnections: z =>
        z
          .number()
          .int()
          .positive()
          .optional()
          .describe(
            `TCP connections to the service. Defaults to ${d.connectionPool.maxConnections}`,
          ),
      http1MaxPendingRequests: z =>
        z
          .number()
          .int()
          .positive()
          .optional()
          .describe(
            `Requests queued for a connection. Defaults to ${d.connectionPool.http1MaxPendingRequests}`,
          ),
      http2MaxRequests: z =>
        z
          .number()
          .int()
          .positive()
          .optional()
          .describe(
            `Concurrent requests. Defaults to ${d.connectionPool.http2MaxRequests}`,
          ),
      maxRequestsPerConnection: z =>
        z
          .number()
          .int()
          .positive()
          .optional()
          .describe(
            `Requests per connection before it is recycled. Defaults to ${d.connectionPool.maxRequestsPerConnection}`,
          ),
    },
    'Connection pool of the DestinationRule',
  ),
  trustDomain: z =>
    z
      .string()
      .optional()
      .describe(
        `Trust domain of the mesh's SPIFFE identities. Defaults to ${d.trustDomain}`,
      ),
  scraper: scraperInput,
};

/** Input of cloud-native:mesh:generate. */
export type MeshActionInput = MeshOptions & { outputDir?: string };

/**
 * cloud-native:mesh:generate: the Istio VirtualService, DestinationRule,
 * PeerAuthentication and AuthorizationPolicy of a service.
 */
export function createMeshGenerateAction() {
  return createGenerateAction<MeshActionInput>({
    id: 'cloud-native:mesh:generate',
    description:
      'Writes the Istio objects of a service to <outputDir>/mesh.yaml: a VirtualService with timeout, retries and an optional canary split; a DestinationRule with ISTIO_MUTUAL, outlier detection and a connection pool; a STRICT PeerAuthentication; an AuthorizationPolicy allowing only the named callers',
    examples,
    input: {
      ...identityInput,
      port: portInput,
      callers: callersInput,
      ...meshFields,
      outputDir: outputDirInput('kubernetes'),
    },
    defaultOutputDir: 'kubernetes',
    generate: (input, header) => {
      const { outputDir: _, ...options } = input;
      return writeManifests(
        [{ path: 'mesh.yaml', manifests: generateMesh(options) }],
        header,
      );
    },
  });
}
