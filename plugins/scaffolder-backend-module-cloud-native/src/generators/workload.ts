import { checkDnsSubdomain, checkInteger } from './checks';
import { commonLabels, selectorLabels } from './labels';
import { KubeManifest, modelClasses } from './models';
import { OptionsError } from './OptionsError';
import {
  containerSecurityContext,
  podSecurityContext,
  SecurityOptions,
} from './security';

/** Requests and limits of the service's container. */
export interface ResourceOptions {
  cpuRequest?: string;
  memoryRequest?: string;
  cpuLimit?: string;
  memoryLimit?: string;
}

/** Options of {@link generateWorkload}. */
export interface WorkloadOptions {
  name: string;
  namespace: string;
  image: string;
  port: number;
  replicas: number;
  environment: string;
  resources?: ResourceOptions;
  /** PriorityClass of the pods; defaults to {@link DEFAULT_PRIORITY_CLASS}. */
  priorityClassName?: string;
  security: SecurityOptions;
  /** Also write the Namespace, with sidecar injection and Pod Security labels. */
  createNamespace: boolean;
}

/** Defaults of the container resources. */
export const RESOURCE_DEFAULTS = {
  cpuRequest: '100m',
  memoryRequest: '128Mi',
  cpuLimit: '500m',
  memoryLimit: '256Mi',
} as const;

/**
 * The PriorityClass the pods run at unless told otherwise: one the platform
 * team provides in every cluster, so that services outrank batch work when
 * nodes run short and are never preempted by it.
 */
export const DEFAULT_PRIORITY_CLASS = 'cloud-native-service';

/** Checks a PriorityClass name a service may use. */
export function checkPriorityClassName(value: string, field: string): string {
  checkDnsSubdomain(value, field);
  // The system- classes are the cluster's own, limited to kube-system by
  // the ResourceQuota admission of most clusters.
  if (value.startsWith('system-')) {
    throw new OptionsError(
      field,
      `'${value}' is a PriorityClass reserved for the cluster's own components`,
    );
  }
  return value;
}

const QUANTITY = /^[0-9]+(\.[0-9]+)?(m|k|M|G|T|Ki|Mi|Gi|Ti)?$/;
// registry/path:tag or registry/path@sha256:digest; a tag is required, as a
// floating image makes every node run whatever it pulled last.
const PINNED_IMAGE =
  /^[a-z0-9]+([._-][a-z0-9]+)*(:[0-9]+)?(\/[a-z0-9]+([._-][a-z0-9]+)*)*(:[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}|@sha256:[a-f0-9]{64})$/;

/** Checks that an image reference pins a version: a tag other than `latest`, or a digest. */
export function checkImage(image: string, field: string): string {
  if (!PINNED_IMAGE.test(image) || image.endsWith(':latest')) {
    throw new OptionsError(
      field,
      `'${image}' is not an image pinned to a version tag or digest, such as registry.example.com/team/app:1.0.0`,
    );
  }
  return image;
}

function resources(r: ResourceOptions | undefined) {
  const all = { ...RESOURCE_DEFAULTS, ...r };
  for (const [key, value] of Object.entries(all)) {
    if (!QUANTITY.test(value)) {
      throw new OptionsError(
        `resources.${key}`,
        `'${value}' is not a Kubernetes quantity`,
      );
    }
  }
  return {
    requests: { cpu: all.cpuRequest, memory: all.memoryRequest },
    limits: { cpu: all.cpuLimit, memory: all.memoryLimit },
  };
}

/** The Deployment of the service (probes, resources, zone spread). */
export function buildDeployment(o: WorkloadOptions): KubeManifest {
  const m = modelClasses();
  checkInteger(o.replicas, 'replicas', 1, 10000);
  const probe = (
    path: string,
    periodSeconds: number,
    failureThreshold: number,
  ) => ({
    httpGet: { path, port: 'http' },
    periodSeconds,
    timeoutSeconds: 2,
    failureThreshold,
  });
  const priorityClassName = checkPriorityClassName(
    o.priorityClassName ?? DEFAULT_PRIORITY_CLASS,
    'priorityClassName',
  );
  const spread = (
    topologyKey: string,
    whenUnsatisfiable: 'DoNotSchedule' | 'ScheduleAnyway',
  ) => ({
    maxSkew: 1,
    topologyKey,
    whenUnsatisfiable,
    labelSelector: { matchLabels: selectorLabels(o.name) },
    // Tainted nodes (cordoned, or unreachable in a zone outage) do not
    // count as a domain, so the surviving zones take the replicas instead
    // of leaving them pending to keep the skew against an empty zone.
    nodeTaintsPolicy: 'Honor' as const,
  });
  return new m.Deployment({
    metadata: {
      name: o.name,
      namespace: o.namespace,
      labels: commonLabels(o.name),
    },
    spec: {
      replicas: o.replicas,
      revisionHistoryLimit: 5,
      selector: { matchLabels: selectorLabels(o.name) },
      strategy: {
        type: 'RollingUpdate',
        rollingUpdate: { maxUnavailable: 0, maxSurge: '25%' },
      },
      template: {
        metadata: {
          labels: {
            ...commonLabels(o.name),
            track: 'stable',
            'sidecar.istio.io/inject': 'true',
          },
          annotations: {
            'kubectl.kubernetes.io/default-container': o.name,
            // The sidecar starts first and stops last, so the app never
            // runs without the mesh in front of it.
            'proxy.istio.io/config':
              '{"holdApplicationUntilProxyStarts": true}',
          },
        },
        spec: {
          serviceAccountName: o.name,
          automountServiceAccountToken: false,
          securityContext: podSecurityContext(o.security),
          terminationGracePeriodSeconds: 30,
          priorityClassName,
          topologySpreadConstraints: [
            // Zones strictly: a zone outage must leave replicas elsewhere.
            // Nodes best-effort: a cluster with fewer nodes than replicas
            // still runs them all, two to a node.
            spread('topology.kubernetes.io/zone', 'DoNotSchedule'),
            spread('kubernetes.io/hostname', 'ScheduleAnyway'),
          ],
          containers: [
            {
              name: o.name,
              image: o.image,
              imagePullPolicy: 'IfNotPresent',
              ports: [{ name: 'http', containerPort: o.port, protocol: 'TCP' }],
              env: [
                { name: 'PORT', value: String(o.port) },
                { name: 'ENVIRONMENT', value: o.environment },
              ],
              resources: resources(o.resources),
              startupProbe: probe('/healthz', 2, 30),
              livenessProbe: probe('/healthz', 10, 3),
              readinessProbe: probe('/readyz', 5, 3),
              securityContext: containerSecurityContext(),
              volumeMounts: [{ name: 'tmp', mountPath: '/tmp' }],
            },
          ],
          volumes: [{ name: 'tmp', emptyDir: { sizeLimit: '64Mi' } }],
        },
      },
    },
  });
}

/** The Namespace, Deployment and Service of the service. */
export function generateWorkload(o: WorkloadOptions): KubeManifest[] {
  const m = modelClasses();
  const objects: KubeManifest[] = [];
  if (o.createNamespace) {
    objects.push(
      new m.Namespace({
        metadata: {
          name: o.namespace,
          labels: {
            'istio-injection': 'enabled',
            'pod-security.kubernetes.io/enforce': 'restricted',
            'pod-security.kubernetes.io/warn': 'restricted',
          },
        },
      }),
    );
  }
  objects.push(
    buildDeployment(o),
    new m.Service({
      metadata: {
        name: o.name,
        namespace: o.namespace,
        labels: commonLabels(o.name),
      },
      spec: {
        type: 'ClusterIP',
        selector: selectorLabels(o.name),
        ports: [
          {
            name: 'http',
            port: o.port,
            targetPort: 'http',
            protocol: 'TCP',
            appProtocol: 'http',
          },
        ],
      },
    }),
  );
  return objects;
}
