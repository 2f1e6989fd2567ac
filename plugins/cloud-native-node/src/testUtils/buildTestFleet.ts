import { Entity } from '@backstage/catalog-model';
import { ANNOTATION_KUBERNETES_ID } from '@cloud-native-platform/plugin-cloud-native-common';
import { KubeObject } from '../state/KubeObject';

/**
 * Shape of a synthetic fleet for {@link buildTestFleet}.
 *
 * @public
 */
export interface TestFleetOptions {
  /** Clusters, named `prod-01`, `prod-02`… */
  clusters: number;
  /** Replicas of each workload (a Deployment). Default 3. */
  podsPerWorkload?: number;
  /**
   * Pods of each cluster; the workloads are as many as it takes at
   * `podsPerWorkload` each, the last one taking what is left. Without it,
   * each cluster has `workloadsPerCluster` full workloads.
   */
  podsPerCluster?: number;
  /** Workloads of each cluster when `podsPerCluster` is not given. Default 10. */
  workloadsPerCluster?: number;
  /** Workloads per namespace (`apps-0`, `apps-1`…). Default 5. */
  workloadsPerNamespace?: number;
  /** Nodes of each cluster. Default one per 30 pods, at least 3. */
  nodesPerCluster?: number;
  /** Seed of the generator: the same options and seed give the same fleet. Default 1. */
  seed?: number;
}

/**
 * Clusters with their objects, and one catalog entity per workload name.
 *
 * @public
 */
export interface TestFleet {
  /** Objects of each cluster by cluster name, in the order a list returns them. */
  clusters: Record<string, KubeObject[]>;
  /** One Component per workload name, annotated with `backstage.io/kubernetes-id`. */
  entities: Entity[];
  /** Workload (Deployment) names, shared by every cluster: a service runs fleet-wide. */
  deployments: string[];
  podsPerCluster: number;
  nodesPerCluster: number;
}

interface ClusterShape {
  podsPerCluster: number;
  podsPerWorkload: number;
  workloadsPerNamespace: number;
  nodesPerCluster: number;
}

/** mulberry32: small, fast and the same sequence on every run and machine. */
function seeded(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Random = ReturnType<typeof seeded>;

const TEAMS = ['payments', 'trading', 'identity', 'search', 'catalog', 'ops'];
const NOUNS = [
  'api',
  'gateway',
  'worker',
  'ledger',
  'indexer',
  'scheduler',
  'notifier',
  'pricing',
  'router',
  'auditor',
];
const ALPHANUM = 'bcdfghjklmnpqrstvwxz2456789';
const HEX = '0123456789abcdef';
const EPOCH = Date.UTC(2025, 0, 6, 8, 0, 0);

function chars(random: Random, alphabet: string, length: number): string {
  let out = '';
  for (let i = 0; i < length; i++) {
    out += alphabet[Math.floor(random() * alphabet.length)];
  }
  return out;
}

function uid(random: Random): string {
  const h = (n: number) => chars(random, HEX, n);
  return `${h(8)}-${h(4)}-4${h(3)}-a${h(3)}-${h(12)}`;
}

function timestamp(offsetSeconds: number): string {
  return new Date(EPOCH + offsetSeconds * 1000)
    .toISOString()
    .replace(/\.\d{3}Z$/, 'Z');
}

/** Names stay identical across clusters, so one entity spans the fleet. */
function deploymentName(index: number): string {
  const team = TEAMS[index % TEAMS.length];
  const noun = NOUNS[Math.floor(index / TEAMS.length) % NOUNS.length];
  const round = Math.floor(index / (TEAMS.length * NOUNS.length));
  return round === 0 ? `${team}-${noun}` : `${team}-${noun}-${round + 1}`;
}

function managedFields(manager: string, time: string, subresource?: string) {
  // Real objects carry these; the cache strips them, the upstream backend
  // returns them, so leaving them out would flatter one side.
  return {
    manager,
    operation: 'Update',
    apiVersion: 'v1',
    time,
    fieldsType: 'FieldsV1',
    ...(subresource ? { subresource } : {}),
    fieldsV1: subresource
      ? {
          'f:status': {
            'f:conditions': {
              'k:{"type":"ContainersReady"}': { '.': {}, 'f:status': {} },
              'k:{"type":"Ready"}': { '.': {}, 'f:status': {} },
            },
            'f:containerStatuses': {},
            'f:hostIP': {},
            'f:phase': {},
            'f:podIP': {},
            'f:podIPs': { '.': {}, 'k:{"ip":"10.0.0.0"}': { '.': {} } },
            'f:startTime': {},
          },
        }
      : {
          'f:metadata': {
            'f:generateName': {},
            'f:labels': { '.': {}, 'f:app': {}, 'f:pod-template-hash': {} },
            'f:ownerReferences': { '.': {}, 'k:{"uid":"0"}': {} },
          },
          'f:spec': {
            'f:containers': { 'k:{"name":"app"}': { '.': {}, 'f:image': {} } },
            'f:securityContext': {},
            'f:terminationGracePeriodSeconds': {},
          },
        },
  };
}

function containerSpec(name: string, image: string, team: string) {
  return {
    name: 'app',
    image,
    imagePullPolicy: 'IfNotPresent',
    ports: [
      { name: 'http', containerPort: 8080, protocol: 'TCP' },
      { name: 'metrics', containerPort: 9090, protocol: 'TCP' },
    ],
    env: [
      { name: 'SERVICE_NAME', value: name },
      { name: 'TEAM', value: team },
      { name: 'LOG_LEVEL', value: 'info' },
      {
        name: 'POD_IP',
        valueFrom: {
          fieldRef: { apiVersion: 'v1', fieldPath: 'status.podIP' },
        },
      },
    ],
    resources: {
      requests: { cpu: '250m', memory: '256Mi' },
      limits: { cpu: '1', memory: '512Mi' },
    },
    livenessProbe: {
      httpGet: { path: '/healthz', port: 'http', scheme: 'HTTP' },
      initialDelaySeconds: 10,
      periodSeconds: 10,
      timeoutSeconds: 1,
      successThreshold: 1,
      failureThreshold: 3,
    },
    readinessProbe: {
      httpGet: { path: '/ready', port: 'http', scheme: 'HTTP' },
      periodSeconds: 5,
      timeoutSeconds: 1,
      successThreshold: 1,
      failureThreshold: 3,
    },
    securityContext: {
      allowPrivilegeEscalation: false,
      readOnlyRootFilesystem: true,
      runAsNonRoot: true,
      runAsUser: 10001,
      capabilities: { drop: ['ALL'] },
    },
    volumeMounts: [
      { name: 'tmp', mountPath: '/tmp' },
      {
        name: 'kube-api-access',
        mountPath: '/var/run/secrets/kubernetes.io/serviceaccount',
        readOnly: true,
      },
    ],
    terminationMessagePath: '/dev/termination-log',
    terminationMessagePolicy: 'File',
  };
}

function podTemplateSpec(name: string, image: string, team: string) {
  return {
    containers: [containerSpec(name, image, team)],
    restartPolicy: 'Always',
    terminationGracePeriodSeconds: 30,
    dnsPolicy: 'ClusterFirst',
    serviceAccountName: name,
    securityContext: {
      fsGroup: 10001,
      seccompProfile: { type: 'RuntimeDefault' },
    },
    schedulerName: 'default-scheduler',
  };
}

interface PodInput {
  namespace: string;
  deployment: string;
  team: string;
  image: string;
  hash: string;
  replicaSet: { name: string; uid: string };
  node: string;
  index: number;
}

function pod(random: Random, input: PodInput): KubeObject {
  const { deployment, team, image, hash, replicaSet, node, namespace } = input;
  const name = `${replicaSet.name}-${chars(random, ALPHANUM, 5)}`;
  const created = timestamp(3600 + Math.floor(random() * 86_400));
  const started = timestamp(3660 + Math.floor(random() * 86_400));
  // Most pods are healthy; a few restart, crash-loop or wait for a node,
  // which is what the health roll-up has to sort out.
  const roll = random();
  const crashLooping = roll < 0.01;
  const pending = roll >= 0.01 && roll < 0.02;
  let restarts = 0;
  if (crashLooping) restarts = 14;
  else if (roll < 0.06) restarts = 1 + (input.index % 3);
  const ready = !crashLooping && !pending;
  const podIP = `10.${input.index % 200}.${Math.floor(random() * 255)}.${
    1 + Math.floor(random() * 253)
  }`;
  const hostIP = `192.168.${Math.floor(input.index / 250) % 256}.${
    input.index % 250
  }`;
  const condition = (type: string, status: boolean) => ({
    type,
    status: status ? 'True' : 'False',
    lastProbeTime: null,
    lastTransitionTime: started,
  });
  const spec = {
    ...podTemplateSpec(deployment, image, team),
    nodeName: pending ? undefined : node,
    enableServiceLinks: true,
    preemptionPolicy: 'PreemptLowerPriority',
    priority: 0,
    tolerations: [
      {
        key: 'node.kubernetes.io/not-ready',
        operator: 'Exists',
        effect: 'NoExecute',
        tolerationSeconds: 300,
      },
      {
        key: 'node.kubernetes.io/unreachable',
        operator: 'Exists',
        effect: 'NoExecute',
        tolerationSeconds: 300,
      },
    ],
    volumes: [
      { name: 'tmp', emptyDir: {} },
      {
        name: 'kube-api-access',
        projected: {
          defaultMode: 420,
          sources: [
            { serviceAccountToken: { expirationSeconds: 3607, path: 'token' } },
            {
              configMap: {
                name: 'kube-root-ca.crt',
                items: [{ key: 'ca.crt', path: 'ca.crt' }],
              },
            },
            {
              downwardAPI: {
                items: [
                  {
                    path: 'namespace',
                    fieldRef: {
                      apiVersion: 'v1',
                      fieldPath: 'metadata.namespace',
                    },
                  },
                ],
              },
            },
          ],
        },
      },
    ],
  };
  const status = pending
    ? {
        phase: 'Pending',
        qosClass: 'Burstable',
        conditions: [
          {
            ...condition('PodScheduled', false),
            reason: 'Unschedulable',
            message:
              '0/84 nodes are available: 84 Insufficient cpu. preemption: 0/84 nodes are available.',
          },
        ],
      }
    : {
        phase: 'Running',
        qosClass: 'Burstable',
        hostIP,
        hostIPs: [{ ip: hostIP }],
        podIP,
        podIPs: [{ ip: podIP }],
        startTime: started,
        conditions: [
          condition('PodReadyToStartContainers', true),
          condition('Initialized', true),
          condition('Ready', ready),
          condition('ContainersReady', ready),
          condition('PodScheduled', true),
        ],
        containerStatuses: [
          {
            name: 'app',
            image,
            imageID: `${image.split(':')[0]}@sha256:${chars(random, HEX, 64)}`,
            containerID: `containerd://${chars(random, HEX, 64)}`,
            ready,
            started: ready,
            restartCount: restarts,
            state: crashLooping
              ? {
                  waiting: {
                    reason: 'CrashLoopBackOff',
                    message: `back-off 5m0s restarting failed container=app pod=${name}`,
                  },
                }
              : { running: { startedAt: started } },
            lastState:
              restarts > 0
                ? {
                    terminated: {
                      exitCode: 137,
                      reason: 'OOMKilled',
                      startedAt: created,
                      finishedAt: started,
                      containerID: `containerd://${chars(random, HEX, 64)}`,
                    },
                  }
                : {},
          },
        ],
      };
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name,
      generateName: `${replicaSet.name}-`,
      namespace,
      uid: uid(random),
      creationTimestamp: created,
      labels: {
        app: deployment,
        team,
        [ANNOTATION_KUBERNETES_ID]: deployment,
        'pod-template-hash': hash,
      },
      ownerReferences: [
        {
          apiVersion: 'apps/v1',
          kind: 'ReplicaSet',
          name: replicaSet.name,
          uid: replicaSet.uid,
          controller: true,
          blockOwnerDeletion: true,
        } as any,
      ],
      managedFields: [
        managedFields('kube-controller-manager', created),
        managedFields('kubelet', started, 'status'),
      ],
    },
    spec,
    status,
  };
}

function workloadLabels(name: string, team: string) {
  return { app: name, team, [ANNOTATION_KUBERNETES_ID]: name };
}

/** One cluster: nodes, namespaces, and per deployment its replica sets, pods and service. */
function cluster(
  random: Random,
  name: string,
  options: ClusterShape,
  deployments: string[],
): KubeObject[] {
  const objects: KubeObject[] = [];
  const namespaces = Math.max(
    1,
    Math.ceil(deployments.length / options.workloadsPerNamespace),
  );
  const nodes = options.nodesPerCluster;
  for (let n = 0; n < nodes; n++) {
    objects.push({
      apiVersion: 'v1',
      kind: 'Node',
      metadata: {
        name: `${name}-node-${String(n).padStart(3, '0')}`,
        uid: uid(random),
        labels: {
          'kubernetes.io/os': 'linux',
          'node.kubernetes.io/instance-type': 'm6i.2xlarge',
          'topology.kubernetes.io/zone': `zone-${n % 3}`,
        },
      },
      spec: { podCIDR: `10.${n % 200}.0.0/24` },
      status: {
        capacity: { cpu: '8', memory: '32Gi', pods: '110' },
        allocatable: { cpu: '7910m', memory: '31Gi', pods: '110' },
        conditions: [
          { type: 'Ready', status: 'True', reason: 'KubeletReady' },
          { type: 'MemoryPressure', status: 'False' },
          { type: 'DiskPressure', status: 'False' },
        ],
        nodeInfo: {
          kubeletVersion: 'v1.30.4',
          containerRuntimeVersion: 'containerd://1.7.20',
          osImage: 'Bottlerocket OS 1.20.5',
        },
      },
    });
  }
  for (let ns = 0; ns < namespaces; ns++) {
    objects.push({
      apiVersion: 'v1',
      kind: 'Namespace',
      metadata: { name: `apps-${ns}`, uid: uid(random) },
      status: { phase: 'Active' },
    });
  }
  let remaining = options.podsPerCluster;
  let podIndex = 0;
  deployments.forEach((deployment, d) => {
    const replicas = Math.min(options.podsPerWorkload, remaining);
    remaining -= replicas;
    const namespace = `apps-${d % namespaces}`;
    const team = TEAMS[d % TEAMS.length];
    const version = `2.${d % 7}.${d % 11}`;
    const image = `registry.example.com/${team}/${deployment}:${version}`;
    const labels = workloadLabels(deployment, team);
    const deploymentUid = uid(random);
    const created = timestamp(Math.floor(random() * 3600));
    objects.push({
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: {
        name: deployment,
        namespace,
        uid: deploymentUid,
        creationTimestamp: created,
        generation: 7,
        labels,
        annotations: { 'deployment.kubernetes.io/revision': '7' },
      },
      spec: {
        replicas,
        revisionHistoryLimit: 10,
        progressDeadlineSeconds: 600,
        selector: { matchLabels: { app: deployment } },
        strategy: {
          type: 'RollingUpdate',
          rollingUpdate: { maxSurge: '25%', maxUnavailable: '25%' },
        },
        template: {
          metadata: { labels },
          spec: podTemplateSpec(deployment, image, team),
        },
      },
      status: {
        observedGeneration: 7,
        replicas,
        updatedReplicas: replicas,
        readyReplicas: replicas,
        availableReplicas: replicas,
        conditions: [
          {
            type: 'Available',
            status: 'True',
            reason: 'MinimumReplicasAvailable',
          },
          {
            type: 'Progressing',
            status: 'True',
            reason: 'NewReplicaSetAvailable',
          },
        ],
      },
    });
    // The current replica set and the scaled-down one of the last rollout.
    const hashes = [chars(random, ALPHANUM, 10), chars(random, ALPHANUM, 10)];
    const replicaSets = hashes.map((hash, i) => ({
      name: `${deployment}-${hash}`,
      uid: uid(random),
      hash,
      replicas: i === 0 ? replicas : 0,
    }));
    for (const rs of replicaSets) {
      objects.push({
        apiVersion: 'apps/v1',
        kind: 'ReplicaSet',
        metadata: {
          name: rs.name,
          namespace,
          uid: rs.uid,
          creationTimestamp: created,
          labels: { ...labels, 'pod-template-hash': rs.hash },
          ownerReferences: [
            {
              apiVersion: 'apps/v1',
              kind: 'Deployment',
              name: deployment,
              uid: deploymentUid,
              controller: true,
            },
          ],
        },
        spec: {
          replicas: rs.replicas,
          selector: {
            matchLabels: { app: deployment, 'pod-template-hash': rs.hash },
          },
          template: {
            metadata: { labels: { ...labels, 'pod-template-hash': rs.hash } },
            spec: podTemplateSpec(deployment, image, team),
          },
        },
        status: {
          replicas: rs.replicas,
          readyReplicas: rs.replicas,
          availableReplicas: rs.replicas,
        },
      });
    }
    for (let p = 0; p < replicas; p++) {
      objects.push(
        pod(random, {
          namespace,
          deployment,
          team,
          image,
          hash: replicaSets[0].hash,
          replicaSet: replicaSets[0],
          node: `${name}-node-${String(podIndex % nodes).padStart(3, '0')}`,
          index: podIndex,
        }),
      );
      podIndex++;
    }
    objects.push({
      apiVersion: 'v1',
      kind: 'Service',
      metadata: {
        name: deployment,
        namespace,
        uid: uid(random),
        creationTimestamp: created,
        labels,
      },
      spec: {
        type: 'ClusterIP',
        clusterIP: `172.20.${d % 256}.${10 + (d % 200)}`,
        selector: { app: deployment },
        ports: [
          { name: 'http', port: 80, targetPort: 'http', protocol: 'TCP' },
        ],
      },
      status: { loadBalancer: {} },
    });
  });
  return objects;
}

function positive(name: string, value: number): number {
  if (!Number.isInteger(value) || value < 1) {
    throw new RangeError(`${name} must be a positive integer, got ${value}`);
  }
  return value;
}

/**
 * A synthetic fleet of clusters as their Kubernetes API would list them:
 * nodes, namespaces, and per workload a Deployment with its current and
 * previous ReplicaSet, its pods (a few restarting, crash-looping or
 * pending) and a Service, with the bookkeeping fields real objects carry.
 * The same options and seed give the same fleet on every machine.
 *
 * @public
 */
export function buildTestFleet(options: TestFleetOptions): TestFleet {
  const clusterCount = positive('clusters', options.clusters);
  const podsPerWorkload = positive(
    'podsPerWorkload',
    options.podsPerWorkload ?? 3,
  );
  const count =
    options.podsPerCluster === undefined
      ? positive('workloadsPerCluster', options.workloadsPerCluster ?? 10)
      : Math.ceil(
          positive('podsPerCluster', options.podsPerCluster) / podsPerWorkload,
        );
  const podsPerCluster = options.podsPerCluster ?? count * podsPerWorkload;
  const shape: ClusterShape = {
    podsPerCluster,
    podsPerWorkload,
    workloadsPerNamespace: positive(
      'workloadsPerNamespace',
      options.workloadsPerNamespace ?? 5,
    ),
    nodesPerCluster: positive(
      'nodesPerCluster',
      options.nodesPerCluster ?? Math.max(3, Math.ceil(podsPerCluster / 30)),
    ),
  };
  const random = seeded(options.seed ?? 1);
  const deployments = Array.from({ length: count }, (_, i) =>
    deploymentName(i),
  );
  const clusters: Record<string, KubeObject[]> = {};
  for (let c = 0; c < clusterCount; c++) {
    const name = `prod-${String(c + 1).padStart(2, '0')}`;
    clusters[name] = cluster(random, name, shape, deployments);
  }
  const entities: Entity[] = deployments.map((name, i) => ({
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name,
      namespace: 'default',
      annotations: { [ANNOTATION_KUBERNETES_ID]: name },
    },
    spec: {
      type: 'service',
      lifecycle: 'production',
      owner: `group:default/${TEAMS[i % TEAMS.length]}`,
    },
  }));
  return {
    clusters,
    entities,
    deployments,
    podsPerCluster,
    nodesPerCluster: shape.nodesPerCluster,
  };
}
