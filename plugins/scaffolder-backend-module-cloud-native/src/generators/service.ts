import type { IDeployment } from 'kubernetes-models/apps/v1/Deployment';
import type { IHorizontalPodAutoscaler } from 'kubernetes-models/autoscaling/v2/HorizontalPodAutoscaler';
import type { IPodDisruptionBudget } from 'kubernetes-models/policy/v1/PodDisruptionBudget';
import type { IScaledObject } from '@kubernetes-models/keda/keda.sh/v1alpha1/ScaledObject';
import { parseCallers } from './callers';
import { buildCatalogInfo, CatalogInfoOptions } from './catalogInfo';
import { checkDnsLabel, checkInteger, checkServiceName } from './checks';
import { generateMesh, MeshOptions } from './mesh';
import { KubeManifest } from './models';
import { generateMonitoring, MonitoringOptions } from './monitoring';
import { OptionsError } from './OptionsError';
import {
  generateScaling,
  replicaBounds,
  ScalingOptions,
  SCALING_DEFAULTS,
} from './scaling';
import { generateSecurity, SecurityOptions } from './security';
import {
  buildDeployment,
  checkImage,
  generateWorkload,
  ResourceOptions,
} from './workload';
import { FileMap, FileSpec, writeManifests } from './writeManifests';

/** The environments every generated service gets a Kustomize overlay for. */
export const ENVIRONMENTS = [
  'staging',
  'production',
  'disaster-recovery',
] as const;

/** One of {@link ENVIRONMENTS}. */
export type Environment = (typeof ENVIRONMENTS)[number];

/** Where an environment runs and how far it scales. */
export interface EnvironmentOptions {
  clusters?: string[];
  minReplicas?: number;
  maxReplicas?: number;
}

/** Options of {@link generateService}. */
export interface ServiceOptions {
  name: string;
  namespace: string;
  image: string;
  owner: string;
  system?: string;
  lifecycle?: string;
  description?: string;
  port?: number;
  createNamespace?: boolean;
  callers?: string[];
  slo?: MonitoringOptions['slo'];
  resources?: ResourceOptions;
  /** PriorityClass of the pods; defaults to `DEFAULT_PRIORITY_CLASS`. */
  priorityClassName?: string;
  mesh?: Omit<MeshOptions, 'name' | 'namespace' | 'port' | 'callers'>;
  monitoring?: Omit<MonitoringOptions, 'name' | 'namespace' | 'slo'>;
  scaling?: Omit<ScalingOptions, 'name' | 'namespace'>;
  security?: Omit<SecurityOptions, 'name' | 'namespace' | 'port' | 'callers'>;
  environments?: Partial<Record<Environment, EnvironmentOptions>>;
  catalog?: Pick<CatalogInfoOptions, 'healingMode' | 'rto' | 'rpo'>;
}

/** Where the parts of a service go under the output directory. */
export const SERVICE_LAYOUT = {
  catalogInfo: 'catalog-info.yaml',
  base: 'kubernetes/base',
  overlays: 'kubernetes/overlays',
} as const;

const BASE_FILES = [
  'namespace',
  'workload',
  'security',
  'mesh',
  'monitoring',
  'scaling',
] as const;

/**
 * Runs a part's generator and renames the fields of its errors to their
 * place in the service input (`minReplicas` → `scaling.minReplicas`).
 */
function part<T>(prefix: string, topLevel: string[], run: () => T): T {
  try {
    return run();
  } catch (error) {
    if (
      error instanceof OptionsError &&
      !topLevel.some(f => error.field.startsWith(f))
    ) {
      throw new OptionsError(`${prefix}.${error.field}`, error.reason);
    }
    throw error;
  }
}

/** The generated objects of a service, by base file, and its overlays. */
export interface ServiceManifests {
  base: Record<(typeof BASE_FILES)[number], KubeManifest[]>;
  /** The full objects an overlay changes, as each environment runs them. */
  environments: Record<Environment, KubeManifest[]>;
  catalogInfo: object;
}

/** Builds (and checks) every object of a service, without serialising. */
export function buildService(o: ServiceOptions): ServiceManifests {
  const name = checkServiceName(o.name, 'name');
  const namespace = checkDnsLabel(o.namespace, 'namespace');
  const image = checkImage(o.image, 'image');
  const port = checkInteger(o.port ?? 8080, 'port', 1, 65535);
  const callers = o.callers ?? [];
  parseCallers(callers, 'callers');
  const id = { name, namespace };
  const scaling = { ...o.scaling, ...id };
  const production = part('scaling', [], () =>
    replicaBounds(
      scaling.minReplicas ?? SCALING_DEFAULTS.minReplicas,
      scaling.maxReplicas ?? SCALING_DEFAULTS.maxReplicas,
    ),
  );
  const security = { ...o.security, ...id, port, callers };
  const workload = (environment: string, replicas: number) =>
    part('security', ['callers', 'port'], () => ({
      name,
      namespace,
      image,
      port,
      replicas,
      environment,
      resources: o.resources,
      priorityClassName: o.priorityClassName,
      security,
      createNamespace: o.createNamespace ?? true,
    }));

  const base = {
    namespace: [] as KubeManifest[],
    workload: generateWorkload(workload('production', production.minReplicas)),
    security: part('security', ['callers'], () => generateSecurity(security)),
    mesh: part('mesh', ['callers'], () =>
      generateMesh({ ...o.mesh, ...id, port, callers }),
    ),
    monitoring: part('monitoring', ['slo'], () =>
      generateMonitoring({ ...o.monitoring, ...id, slo: o.slo }),
    ),
    scaling: part('scaling', [], () => generateScaling(scaling)),
  };
  // The Namespace gets a file of its own, so that a repository of several
  // services can leave it out of all but one base.
  base.namespace = base.workload.filter(object => object.kind === 'Namespace');
  base.workload = base.workload.filter(object => object.kind !== 'Namespace');

  const environments = {} as Record<Environment, KubeManifest[]>;
  for (const env of ENVIRONMENTS) {
    const field = `environments.${env}`;
    const given = o.environments?.[env];
    // Staging runs small by default; disaster recovery runs as production,
    // since a failover must take the whole load within the RTO.
    const min = given?.minReplicas ?? production.minReplicas;
    // Staging's ceiling stays above its floor, so that it autoscales too.
    const max =
      given?.maxReplicas ??
      (env === 'staging'
        ? Math.max(min + 1, Math.min(4, production.maxReplicas))
        : production.maxReplicas);
    const bounds = part(field, [], () => replicaBounds(min, max));
    environments[env] = [
      buildDeployment(workload(env, bounds.minReplicas)),
      ...part(field, [], () => generateScaling({ ...scaling, ...bounds })),
    ];
    (given?.clusters ?? []).forEach((cluster, i) =>
      checkDnsLabel(cluster, `${field}.clusters[${i}]`),
    );
  }

  const clusters = [
    ...new Set(
      ENVIRONMENTS.flatMap(env => o.environments?.[env]?.clusters ?? []),
    ),
  ];
  const latency = o.slo?.latency;
  const catalogInfo = buildCatalogInfo({
    name,
    namespace,
    owner: o.owner,
    system: o.system,
    lifecycle: o.lifecycle,
    description: o.description,
    availability: o.slo?.availability ?? 99.9,
    latencyP99Ms:
      latency && (latency.target ?? 99) === 99
        ? latency.thresholdMs
        : undefined,
    clusters,
    drCluster: o.environments?.['disaster-recovery']?.clusters?.[0],
    ...o.catalog,
  });
  return { base, environments, catalogInfo };
}

// The fields of an object an overlay patches: enough for a strategic merge.
// The patch carries the namespace too, so that its id is the base object's:
// kustomize matches a patch listed without a target by kind, name and
// namespace, and one without a namespace only matches objects without one
// (none of the base's are: every overlay failed to build that way).
/** The kinds an environment overlay patches, as their JSON. */
type PatchedKind =
  | IDeployment
  | IHorizontalPodAutoscaler
  | IScaledObject
  | IPodDisruptionBudget;

function patchOf(object: KubeManifest, environment: string): object {
  // The overlays patch only these kinds (see the callers of patchOf).
  const full = object.toJSON() as PatchedKind;
  const head = {
    apiVersion: full.apiVersion,
    kind: full.kind,
    metadata: {
      name: full.metadata?.name,
      namespace: full.metadata?.namespace,
    },
  };
  switch (full.kind) {
    case 'Deployment':
      return {
        ...head,
        spec: {
          replicas: full.spec?.replicas,
          template: {
            spec: {
              containers: [
                {
                  name: full.metadata?.name,
                  env: [{ name: 'ENVIRONMENT', value: environment }],
                },
              ],
            },
          },
        },
      };
    case 'HorizontalPodAutoscaler':
      return {
        ...head,
        spec: {
          minReplicas: full.spec?.minReplicas,
          maxReplicas: full.spec?.maxReplicas,
        },
      };
    case 'ScaledObject':
      return {
        ...head,
        spec: {
          minReplicaCount: full.spec?.minReplicaCount,
          maxReplicaCount: full.spec?.maxReplicaCount,
        },
      };
    default:
      return { ...head, spec: { minAvailable: full.spec?.minAvailable } };
  }
}

// The one base object a patch applies to, as kustomize's `patches` field
// selects it. A target that matches nothing is skipped without a word, so
// the proof test checks that each overlay's values reach the built objects.
function patchTarget(object: KubeManifest): Record<string, string> {
  const slash = object.apiVersion.indexOf('/');
  return {
    // The core group is empty and kustomize matches it as such.
    ...(slash > 0 && { group: object.apiVersion.slice(0, slash) }),
    version: object.apiVersion.slice(slash + 1),
    kind: object.kind,
    name: object.metadata?.name ?? '',
    namespace: object.metadata?.namespace ?? '',
  };
}

/**
 * A whole service: Kustomize base (workload, security, mesh, monitoring,
 * scaling), one overlay per environment, and catalog-info.yaml; paths
 * relative to the output directory.
 */
export function generateService(o: ServiceOptions, header: string): FileMap {
  const built = buildService(o);
  const files: FileSpec[] = [];
  const resources: string[] = [];
  for (const file of BASE_FILES) {
    if (built.base[file].length === 0) continue;
    resources.push(`${file}.yaml`);
    files.push({
      path: `${SERVICE_LAYOUT.base}/${file}.yaml`,
      manifests: built.base[file],
    });
  }
  files.push({
    path: `${SERVICE_LAYOUT.base}/kustomization.yaml`,
    documents: [
      {
        apiVersion: 'kustomize.config.k8s.io/v1beta1',
        kind: 'Kustomization',
        resources,
      },
    ],
  });
  for (const env of ENVIRONMENTS) {
    const dir = `${SERVICE_LAYOUT.overlays}/${env}`;
    const objects = built.environments[env];
    // Validated as whole objects, written as strategic-merge patches of
    // what differs from the base, one file per object.
    const patches = objects.map(object => {
      object.validate();
      const path = `${object.kind.toLowerCase()}-patch.yaml`;
      files.push({ path: `${dir}/${path}`, documents: [patchOf(object, env)] });
      return { path, target: patchTarget(object) };
    });
    files.push({
      path: `${dir}/kustomization.yaml`,
      documents: [
        {
          apiVersion: 'kustomize.config.k8s.io/v1beta1',
          kind: 'Kustomization',
          resources: ['../../base'],
          labels: [
            {
              pairs: { 'cloud-native-platform.io/environment': env },
              includeSelectors: false,
              includeTemplates: true,
            },
          ],
          patches,
        },
      ],
    });
  }
  files.push({
    path: SERVICE_LAYOUT.catalogInfo,
    documents: [built.catalogInfo],
  });
  return writeManifests(files, header);
}
