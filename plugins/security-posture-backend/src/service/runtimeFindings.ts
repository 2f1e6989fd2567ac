import { ClusterHandle } from '@cloud-native-platform/plugin-cloud-native-node';
import {
  FalcoEvent,
  falcoFinding,
  Finding,
  FindingResource,
} from '@cloud-native-platform/plugin-security-posture-common';
import { FalcoAlertGroup, PostureStore } from '../database/PostureStore';

const DAY_MS = 86_400_000;

/** The cluster a Falco event is about: its own field, the webhook's `?cluster=`, or a `cluster:` tag. */
export function clusterOfEvent(
  event: FalcoEvent,
  queryCluster: string | undefined,
): string | undefined {
  const field = event.outputFields['k8s.cluster.name'];
  if (typeof field === 'string' && field !== '' && field !== '<NA>') {
    return field;
  }
  if (queryCluster) return queryCluster;
  for (const tag of event.tags) {
    const match = tag.match(/^cluster[:=](.+)$/);
    if (match) return match[1];
  }
  return undefined;
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' && value !== '<NA>'
    ? value
    : undefined;
}

/** Where in a cluster an event happened, with the workload its pod rolls up into. */
export function locateEvent(
  event: FalcoEvent,
  cluster: ClusterHandle | undefined,
): {
  namespace?: string;
  pod?: string;
  container?: string;
  workloadKind?: string;
  workloadName?: string;
} {
  const namespace = text(event.outputFields['k8s.ns.name']);
  const pod = text(event.outputFields['k8s.pod.name']);
  const container = text(event.outputFields['container.name']);
  const location = { namespace, pod, container };
  const object =
    namespace && pod ? cluster?.store.get('Pod', namespace, pod) : undefined;
  if (!object) return location;
  const workload = cluster!.store.topLevelOwner(object);
  return {
    ...location,
    workloadKind: workload.kind,
    workloadName: workload.metadata.name,
  };
}

function resourceOfGroup(
  group: FalcoAlertGroup,
  cluster: ClusterHandle,
): FindingResource | undefined {
  const name = cluster.definition.name;
  if (group.workloadKind && group.workloadName) {
    return {
      cluster: name,
      kind: group.workloadKind,
      namespace: group.namespace,
      name: group.workloadName,
    };
  }
  if (!group.pod || !group.namespace) return undefined;
  // Attributed again now: the pod may have reached the cache after the alert.
  const pod = cluster.store.get('Pod', group.namespace, group.pod);
  const workload = pod ? cluster.store.topLevelOwner(pod) : undefined;
  return {
    cluster: name,
    kind: workload?.kind ?? 'Pod',
    namespace: group.namespace,
    name: workload?.metadata.name ?? group.pod,
  };
}

/**
 * Findings of the Falco alerts received within the retention on the given
 * clusters: one per rule, pod and container, the newest alert's output with
 * the number of alerts. Alerts without a pod are not attributed.
 */
export async function runtimeFindings(options: {
  store: PostureStore;
  clusters: ClusterHandle[];
  retentionDays: number;
  now: Date;
}): Promise<Finding[]> {
  const { store, clusters, retentionDays, now } = options;
  if (clusters.length === 0) return [];
  const byName = new Map(clusters.map(c => [c.definition.name, c]));
  const groups = await store.listFalcoAlertGroups({
    since: new Date(now.getTime() - retentionDays * DAY_MS),
    clusters: [...byName.keys()],
  });
  const findings: Finding[] = [];
  for (const group of groups) {
    const cluster = byName.get(group.cluster ?? '');
    const resource = cluster && resourceOfGroup(group, cluster);
    if (!resource) continue;
    const finding = falcoFinding(
      {
        rule: group.rule,
        priority: group.priority,
        output: group.output,
        time: group.eventTime.toISOString(),
        tags: [],
        outputFields: { 'container.name': group.container ?? null },
      },
      resource,
    );
    findings.push(
      group.count > 1
        ? {
            ...finding,
            message: `${finding.message} (${group.count} alerts in the last ${retentionDays} days)`,
          }
        : finding,
    );
  }
  return findings;
}
