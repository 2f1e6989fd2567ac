import { KubeObject } from '../kube';
import { runChecks, RunChecksOptions } from '../runChecks';
import { Finding } from '../types';

// Tests set any value, valid or not, to see how the checks take it: the
// fixtures' specs are deliberately untyped.
/* eslint-disable @typescript-eslint/no-explicit-any */

/** A fixture object whose spec and status tests change freely. */
export type FixtureObject = KubeObject & { spec?: any; status?: any };

/** Changes a compliant pod spec and its first container in place. */
export type Mutation = (
  pod: any,
  container: any,
  object: FixtureObject,
) => void;

/** A pod spec with one container that passes every check. */
export function compliantPodSpec(): any {
  return {
    automountServiceAccountToken: false,
    priorityClassName: 'standard',
    topologySpreadConstraints: [
      {
        maxSkew: 1,
        topologyKey: 'kubernetes.io/hostname',
        whenUnsatisfiable: 'ScheduleAnyway',
        labelSelector: { matchLabels: { app: 'web' } },
      },
    ],
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
export function deployment(mutate?: Mutation): FixtureObject {
  const object: FixtureObject = {
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
  const pod = object.spec.template.spec;
  mutate?.(pod, pod.containers[0], object);
  return object;
}

/** A PodDisruptionBudget `shop/web` selecting the pods of `deployment()`. */
export function podDisruptionBudget(
  spec: Record<string, unknown> = { maxUnavailable: 1 },
  name = 'web',
): FixtureObject {
  return {
    apiVersion: 'policy/v1',
    kind: 'PodDisruptionBudget',
    metadata: { name, namespace: 'shop' },
    spec: { selector: { matchLabels: { app: 'web' } }, ...spec },
  };
}

/** A HorizontalPodAutoscaler `shop/web` scaling `deployment()`. */
export function autoscaler(spec: Record<string, unknown> = {}): FixtureObject {
  return {
    apiVersion: 'autoscaling/v2',
    kind: 'HorizontalPodAutoscaler',
    metadata: { name: 'web', namespace: 'shop' },
    spec: {
      scaleTargetRef: {
        apiVersion: 'apps/v1',
        kind: 'Deployment',
        name: 'web',
      },
      minReplicas: 3,
      maxReplicas: 10,
      ...spec,
    },
  };
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

/** The findings of one check, whole, for checks that set severity or resource. */
export function findingsFor(
  checkId: string,
  objects: KubeObject[],
  options: RunChecksOptions = {},
): Finding[] {
  return runChecks(objects, { clusterRole: 'production', ...options }).filter(
    finding => finding.checkId === checkId,
  );
}

/** A Namespace with the given labels. */
export function namespace(
  name: string,
  labels: Record<string, string> = {},
): FixtureObject {
  return { apiVersion: 'v1', kind: 'Namespace', metadata: { name, labels } };
}

/** The namespace of `deployment()` with sidecar injection on. */
export function meshNamespace(): FixtureObject {
  return namespace('shop', { 'istio-injection': 'enabled' });
}

/** An Istio object (PeerAuthentication, AuthorizationPolicy, DestinationRule). */
export function istio(
  kind: 'PeerAuthentication' | 'AuthorizationPolicy' | 'DestinationRule',
  name: string,
  namespaceName: string,
  spec: unknown,
  creationTimestamp = '2026-01-01T00:00:00Z',
): FixtureObject {
  const group = kind === 'DestinationRule' ? 'networking' : 'security';
  return {
    apiVersion: `${group}.istio.io/v1`,
    kind,
    metadata: { name, namespace: namespaceName, creationTimestamp },
    spec,
  };
}

/** A NetworkPolicy. */
export function networkPolicy(
  name: string,
  namespaceName: string,
  spec: unknown,
): FixtureObject {
  return {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'NetworkPolicy',
    metadata: { name, namespace: namespaceName },
    spec,
  };
}

/** A NetworkPolicy that denies all ingress and egress of the namespace. */
export function defaultDeny(namespaceName = 'shop'): FixtureObject {
  return networkPolicy('default-deny-all', namespaceName, {
    podSelector: {},
    policyTypes: ['Ingress', 'Egress'],
  });
}

/** Findings of one check as `severity Kind namespace/name [container]: message`. */
export function findingLines(checkId: string, objects: KubeObject[]): string[] {
  return findingsFor(checkId, objects).map(
    ({ severity, resource, message }) =>
      `${severity} ${resource.kind} ${resource.namespace ?? ''}/${
        resource.name
      }${resource.container ? ` [${resource.container}]` : ''}: ${message}`,
  );
}

function owned(
  kind: string,
  name: string,
  owner: { kind: string; name: string },
): FixtureObject {
  return {
    apiVersion: kind === 'Pod' ? 'v1' : 'apps/v1',
    kind,
    metadata: {
      name,
      namespace: 'shop',
      ownerReferences: [
        {
          apiVersion: 'apps/v1',
          uid: `uid-${owner.name}`,
          ...owner,
          controller: true,
        },
      ],
    },
  };
}

/**
 * `deployment()` with its ReplicaSet `web-5d8f` and two pods, so that
 * reports on the copies can be seen to move to the Deployment.
 */
export function webWithCopies(): KubeObject[] {
  return [
    deployment(),
    owned('ReplicaSet', 'web-5d8f', { kind: 'Deployment', name: 'web' }),
    owned('Pod', 'web-5d8f-a', { kind: 'ReplicaSet', name: 'web-5d8f' }),
    owned('Pod', 'web-5d8f-b', { kind: 'ReplicaSet', name: 'web-5d8f' }),
  ];
}
