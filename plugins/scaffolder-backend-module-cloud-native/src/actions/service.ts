import {
  ENVIRONMENTS,
  generateService,
  ServiceOptions,
} from '../generators/service';
import { DEFAULT_PRIORITY_CLASS } from '../generators/workload';
import { createGenerateAction, FieldSchema } from './generateAction';
import {
  callersInput,
  identityInput,
  objectInput,
  outputDirInput,
  portInput,
  sloInput,
} from './inputs';
import { meshFields } from './mesh';
import { monitoringFields } from './monitoring';
import { scalingFields } from './scaling';
import { examples } from './service.examples';
import { securityFields } from './security';

const environmentFields: Record<string, FieldSchema> = {
  clusters: z =>
    z
      .array(z.string())
      .optional()
      .describe(
        'Clusters (cloudNativePlatform.clusters names) the environment runs in; listed in the catalog annotation',
      ),
  minReplicas: z =>
    z
      .number()
      .int()
      .min(2)
      .optional()
      .describe('Fewest replicas in this environment'),
  maxReplicas: z =>
    z
      .number()
      .int()
      .min(2)
      .optional()
      .describe('Most replicas in this environment, above its fewest'),
};

/** Input of cloud-native:service:generate. */
export type ServiceActionInput = ServiceOptions & { outputDir?: string };

/**
 * cloud-native:service:generate: everything a new service runs with, laid
 * out as Kustomize base and overlays, and its catalog-info.yaml.
 */
export function createServiceGenerateAction() {
  return createGenerateAction<ServiceActionInput>({
    id: 'cloud-native:service:generate',
    description:
      'Writes a whole service under <outputDir>: kubernetes/base (Namespace, Deployment with probes, resources, a priority class and zone and node spread, Service, and the mesh, monitoring, scaling and security objects), kubernetes/overlays/{staging,production,disaster-recovery}, and catalog-info.yaml with the upstream Kubernetes annotations and the cloud-native-platform.io ones',
    examples,
    input: {
      ...identityInput,
      image: z =>
        z
          .string()
          .describe(
            'Container image pinned to a version tag or digest, such as registry.example.com/team/app:1.0.0',
          ),
      owner: z =>
        z
          .string()
          .describe(
            'Owner of the catalog Component, an entity reference such as group:default/commerce-team',
          ),
      system: z =>
        z.string().optional().describe('System of the catalog Component'),
      lifecycle: z =>
        z
          .string()
          .optional()
          .describe(
            'Lifecycle of the catalog Component. Defaults to experimental',
          ),
      description: z =>
        z.string().optional().describe('Description of the catalog Component'),
      port: portInput,
      createNamespace: z =>
        z
          .boolean()
          .optional()
          .describe(
            'Write the Namespace too, with sidecar injection and the restricted Pod Security labels. Defaults to true',
          ),
      callers: callersInput,
      slo: sloInput,
      resources: objectInput(
        {
          cpuRequest: z =>
            z.string().optional().describe('CPU request. Defaults to 100m'),
          memoryRequest: z =>
            z.string().optional().describe('Memory request. Defaults to 128Mi'),
          cpuLimit: z =>
            z.string().optional().describe('CPU limit. Defaults to 500m'),
          memoryLimit: z =>
            z.string().optional().describe('Memory limit. Defaults to 256Mi'),
        },
        'Requests and limits of the container',
      ),
      priorityClassName: z =>
        z
          .string()
          .optional()
          .describe(
            `PriorityClass of the pods, one the cluster provides (the system- classes are refused). Defaults to ${DEFAULT_PRIORITY_CLASS}`,
          ),
      mesh: objectInput(
        meshFields,
        'Mesh options, as for cloud-native:mesh:generate',
      ),
      monitoring: objectInput(
        monitoringFields,
        'Monitoring options, as for cloud-native:monitoring:generate',
      ),
      scaling: objectInput(
        scalingFields,
        'Scaling options of production, as for cloud-native:scaling:generate',
      ),
      security: objectInput(
        securityFields,
        'Security options, as for cloud-native:security:generate',
      ),
      environments: objectInput(
        Object.fromEntries(
          ENVIRONMENTS.map(env => [
            env,
            objectInput(environmentFields, `The ${env} overlay`),
          ]),
        ),
        'Overlays: staging defaults to at most 4 replicas (and at least one above its fewest), disaster-recovery to the production bounds',
      ),
      catalog: objectInput(
        {
          healingMode: z =>
            z
              .enum(['enforce', 'dry-run', 'disabled'])
              .optional()
              .describe(
                'How the healing engine treats the service. Defaults to dry-run',
              ),
          rto: z =>
            z
              .string()
              .optional()
              .describe('Recovery time objective, such as 15s'),
          rpo: z =>
            z
              .string()
              .optional()
              .describe('Recovery point objective, such as 0s'),
        },
        'Catalog annotations besides those derived from the other inputs',
      ),
      outputDir: outputDirInput('.'),
    },
    defaultOutputDir: '.',
    generate: (input, header) => {
      const { outputDir: _, ...options } = input;
      return generateService(options, header);
    },
  });
}
