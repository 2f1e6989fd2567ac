import type { KubeObject } from '../kube/KubeObject';
import type { ArgoCdApplication } from '../kube/customResources';

/**
 * The label Argo CD tracks the objects of an application by, by default.
 *
 * @public
 */
export const ARGOCD_INSTANCE_LABEL = 'app.kubernetes.io/instance';

/**
 * The annotation Argo CD tracks objects by with `annotation` tracking:
 * `<application>:<group>/<kind>:<namespace>/<name>`.
 *
 * @public
 */
export const ARGOCD_TRACKING_ID_ANNOTATION = 'argocd.argoproj.io/tracking-id';

/** The in-cluster destination Argo CD names by default. */
const IN_CLUSTER_SERVER = 'https://kubernetes.default.svc';

/**
 * True for an Argo CD Application (kind and API group; other projects
 * have an `Application` kind too).
 *
 * @public
 */
export function isArgoCdApplication(
  object: KubeObject | undefined,
): object is ArgoCdApplication {
  return (
    object?.kind === 'Application' &&
    (object.apiVersion ?? '').startsWith('argoproj.io/')
  );
}

function groupOf(apiVersion: string): string {
  const slash = apiVersion.indexOf('/');
  return slash < 0 ? '' : apiVersion.slice(0, slash);
}

/**
 * Whether the application deploys to the cluster `cluster` when the
 * application itself lives in `applicationCluster`: the in-cluster
 * destination of its own cluster, or a destination named after the cluster.
 *
 * @public
 */
export function applicationTargetsCluster(
  application: ArgoCdApplication,
  cluster: string,
  applicationCluster: string,
): boolean {
  const destination = application.spec?.destination;
  if (destination?.name) {
    if (destination.name === cluster) return true;
    return destination.name === 'in-cluster' && cluster === applicationCluster;
  }
  if (!destination?.server || destination.server === IN_CLUSTER_SERVER) {
    return cluster === applicationCluster;
  }
  return false;
}

/**
 * The names an application is known by in tracking labels and ids: its
 * name, and `<namespace>_<name>` for applications outside Argo CD's own
 * namespace.
 */
function trackingNames(application: ArgoCdApplication): string[] {
  const { name, namespace } = application.metadata;
  return namespace ? [name, `${namespace}_${name}`] : [name];
}

/**
 * Whether an application manages an object: the object is listed in the
 * application's `status.resources`, carries its tracking id, or its
 * instance label.
 *
 * @public
 */
export function applicationManages(
  application: ArgoCdApplication,
  object: KubeObject,
): boolean {
  const group = groupOf(object.apiVersion ?? '');
  const { namespace, name } = object.metadata;
  const listed = (application.status?.resources ?? []).some(
    r =>
      r.kind === object.kind &&
      (r.group ?? '') === group &&
      (r.namespace ?? '') === (namespace ?? '') &&
      r.name === name,
  );
  if (listed) return true;
  const names = trackingNames(application);
  const trackingId =
    object.metadata.annotations?.[ARGOCD_TRACKING_ID_ANNOTATION];
  if (trackingId) {
    // `<app>:<group>/<kind>:<namespace>/<name>`; the app is what precedes the first colon.
    const app = trackingId.slice(0, trackingId.indexOf(':'));
    return names.includes(app);
  }
  const instance = object.metadata.labels?.[ARGOCD_INSTANCE_LABEL];
  return instance !== undefined && names.includes(instance);
}

/**
 * The Argo CD application that manages an object of cluster `cluster`,
 * among applications given with the cluster each lives in; undefined when
 * none does.
 *
 * @public
 */
export function managingApplication(
  object: KubeObject,
  cluster: string,
  applications: Iterable<{ cluster: string; application: KubeObject }>,
): { cluster: string; application: ArgoCdApplication } | undefined {
  for (const candidate of applications) {
    const { application } = candidate;
    if (!isArgoCdApplication(application)) continue;
    if (!applicationTargetsCluster(application, cluster, candidate.cluster)) {
      continue;
    }
    if (applicationManages(application, object)) {
      return { cluster: candidate.cluster, application };
    }
  }
  return undefined;
}

/**
 * Whether Argo CD puts back any change made to the application's objects
 * outside Git (`spec.syncPolicy.automated.selfHeal`).
 *
 * @public
 */
export function selfHeals(application: ArgoCdApplication): boolean {
  return application.spec?.syncPolicy?.automated?.selfHeal === true;
}
