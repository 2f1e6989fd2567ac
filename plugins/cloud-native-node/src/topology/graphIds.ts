import { KubeObject } from '../state/KubeObject';

/**
 * Ids of topology nodes: stable across requests, readable in URLs.
 *
 * @public
 */
export const graphIds = {
  group: (role: string, region?: string) => `group:${role}/${region ?? 'any'}`,
  cluster: (cluster: string) => `cluster:${cluster}`,
  node: (cluster: string, name: string) => `node:${cluster}/${name}`,
  namespace: (cluster: string, namespace: string) =>
    `namespace:${cluster}/${namespace}`,
  workload: (cluster: string, object: Pick<KubeObject, 'kind' | 'metadata'>) =>
    `workload:${cluster}/${object.metadata.namespace ?? ''}/${object.kind}/${
      object.metadata.name
    }`,
  pod: (cluster: string, pod: Pick<KubeObject, 'metadata'>) =>
    `pod:${cluster}/${pod.metadata.namespace ?? ''}/${pod.metadata.name}`,
  service: (cluster: string, service: Pick<KubeObject, 'metadata'>) =>
    `service:${cluster}/${service.metadata.namespace ?? ''}/${
      service.metadata.name
    }`,
  ingress: (cluster: string, ingress: Pick<KubeObject, 'metadata'>) =>
    `ingress:${cluster}/${ingress.metadata.namespace ?? ''}/${
      ingress.metadata.name
    }`,
  claim: (cluster: string, claim: Pick<KubeObject, 'metadata'>) =>
    `pvc:${cluster}/${claim.metadata.namespace ?? ''}/${claim.metadata.name}`,
  persistentVolume: (cluster: string, name: string) => `pv:${cluster}/${name}`,
  storageClass: (cluster: string, name: string) =>
    `storageclass:${cluster}/${name}`,
  entity: (entityRef: string) => `entity:${entityRef}`,
};
