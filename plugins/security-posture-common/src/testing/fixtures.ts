import { KubeObject } from '../kube';
import { runChecks, RunChecksOptions } from '../runChecks';

/** Changes a compliant pod spec and its first container in place. */
export type Mutation = (pod: any, container: any, object: KubeObject) => void;

/** A pod spec with one container that passes every check. */
export function compliantPodSpec(): any {
  return {
    automountServiceAccountToken: false,
    securityContext: {
      runAsNonRoot: true,
      runAsUser: 10001,
      seccompProfile: { type: 'RuntimeDefault' },
    },
    containers: [
      {
        name: 'app',
        image: 'registry.example.com/team/app:1.2.3',
        imagePullPolicy: 'IfNotPresent',
        resources: {
          requests: { cpu: '100m', memory: '128Mi' },
          limits: { cpu: '1', memory: '256Mi' },
        },
        livenessProbe: { httpGet: { path: '/healthz', port: 8080 } },
        readinessProbe: { httpGet: { path: '/readyz', port: 8080 } },
        securityContext: {
          allowPrivilegeEscalation: false,
          readOnlyRootFilesystem: true,
          capabilities: { drop: ['ALL'] },
        },
        volumeMounts: [{ name: 'tmp', mountPath: '/tmp' }],
      },
    ],
    volumes: [{ name: 'tmp', emptyDir: {} }],
  };
}

/** A Deployment `shop/web` with the compliant pod spec, then mutated. */
export function deployment(mutate?: Mutation): KubeObject {
  const object: KubeObject = {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'web', namespace: 'shop' },
    spec: {
      replicas: 3,
      template: {
        metadata: { labels: { app: 'web' } },
        spec: compliantPodSpec(),
      },
    },
  };
  const pod = object.spec.template;
  mutate?.(pod.spec, pod.spec.containers[0], object);
  return object;
}

/** The messages of the findings of one check. */
export function messagesFor(
  checkId: string,
  objects: KubeObject[],
  options: RunChecksOptions = {},
): string[] {
  return runChecks(objects, { clusterRole: 'production', ...options })
    .filter(finding => finding.checkId === checkId)
    .map(finding => finding.message);
}
