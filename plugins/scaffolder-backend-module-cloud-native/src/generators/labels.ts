/** The labels that select the service's pods. */
export function selectorLabels(name: string): Record<string, string> {
  return { 'app.kubernetes.io/name': name };
}

/**
 * Labels of every generated object: the selector, the upstream Kubernetes
 * plugin's `backstage.io/kubernetes-id` and who manages the object.
 */
export function commonLabels(name: string): Record<string, string> {
  return {
    ...selectorLabels(name),
    'app.kubernetes.io/managed-by': 'backstage-scaffolder',
    'backstage.io/kubernetes-id': name,
  };
}

/** The in-cluster host of the service, as the mesh names it. */
export function serviceHost(name: string, namespace: string): string {
  return `${name}.${namespace}.svc.cluster.local`;
}
