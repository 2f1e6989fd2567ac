import type {
  KubeObjectOf,
  Pod,
} from '@cloud-native-platform/plugin-cloud-native-common';
import { KubeEventLike, KubeObjectLike } from './kube';

/** A workload or node that healing is about; `object` when it is in the state. */
export interface OwnedTarget {
  kind: string;
  name: string;
  namespace?: string;
  object?: KubeObjectLike;
}

// Kinds whose pods the owner walk stops at: each is what a user deploys.
const TOP_KINDS = new Set([
  'Deployment',
  'StatefulSet',
  'DaemonSet',
  'Rollout',
  'CronJob',
  'VirtualMachine',
]);

/**
 * One cluster's objects and events, looked up by uid, by kind and name, and
 * by the object an event is about.
 */
export class ClusterIndex {
  private readonly byUid = new Map<string, KubeObjectLike>();
  private readonly byName = new Map<string, KubeObjectLike>();
  private readonly podsByOwner = new Map<string, Pod[]>();
  private readonly eventsByObject = new Map<string, KubeEventLike[]>();

  constructor(
    readonly objects: KubeObjectLike[],
    readonly events: KubeEventLike[],
  ) {
    for (const o of objects) {
      if (!o?.kind || !o.metadata?.name) continue;
      if (o.metadata.uid) this.byUid.set(o.metadata.uid, o);
      this.byName.set(
        nameKey(o.kind, o.metadata.namespace, o.metadata.name),
        o,
      );
    }
    for (const pod of this.ofKind('Pod')) {
      const top = this.ownerOf(pod);
      const key = nameKey(top.kind, top.namespace, top.name);
      this.podsByOwner.set(key, [...(this.podsByOwner.get(key) ?? []), pod]);
    }
    for (const e of events) {
      if (!e?.involvedObject?.name) continue;
      const { kind, namespace, name } = e.involvedObject;
      const key = nameKey(kind, namespace, name);
      this.eventsByObject.set(key, [
        ...(this.eventsByObject.get(key) ?? []),
        e,
      ]);
    }
  }

  /** Every object of a kind. */
  ofKind<K extends string>(kind: K): KubeObjectOf<K>[] {
    // Filtered by `kind`, so each is of that kind's type.
    return this.objects.filter(
      o => o?.kind === kind && o.metadata?.name,
    ) as KubeObjectOf<K>[];
  }

  /** An object by kind, namespace and name. */
  find<K extends string>(
    kind: K,
    namespace: string | undefined,
    name: string | undefined,
  ): KubeObjectOf<K> | undefined {
    if (name === undefined) return undefined;
    return this.byName.get(nameKey(kind, namespace, name)) as
      | KubeObjectOf<K>
      | undefined;
  }

  /** Events about an object (matched by kind, namespace and name). */
  eventsAbout(
    kind: string,
    namespace: string | undefined,
    name: string,
  ): KubeEventLike[] {
    return this.eventsByObject.get(nameKey(kind, namespace, name)) ?? [];
  }

  /**
   * The workload that owns an object: controller references are followed
   * (pod → ReplicaSet → Deployment or Rollout, pod → Job → CronJob) as far
   * as the objects given reach.
   */
  ownerOf(object: KubeObjectLike): OwnedTarget {
    let current: OwnedTarget = targetOf(object);
    for (let hops = 0; hops < 4 && !TOP_KINDS.has(current.kind); hops++) {
      const refs = current.object?.metadata.ownerReferences ?? [];
      const ref = refs.find(r => r.controller) ?? refs[0];
      if (!ref) break;
      const owner =
        (ref.uid && this.byUid.get(ref.uid)) ||
        this.find(ref.kind, current.namespace, ref.name);
      current = owner
        ? targetOf(owner)
        : { kind: ref.kind, name: ref.name, namespace: current.namespace };
    }
    return current;
  }

  /**
   * The owner of a pod that may no longer exist, e.g. one evicted and
   * deleted: its name is its controller's plus a generated suffix.
   */
  ownerOfPodNamed(namespace: string | undefined, podName: string): OwnedTarget {
    const pod = this.find('Pod', namespace, podName);
    if (pod) return this.ownerOf(pod);
    const base = podName.replace(/-[a-z0-9]{5}$/, '');
    for (const kind of ['ReplicaSet', 'DaemonSet', 'Job']) {
      const owner = this.find(kind, namespace, base);
      if (owner) return this.ownerOf(owner);
    }
    const ordinal = podName.replace(/-\d+$/, '');
    const set = this.find('StatefulSet', namespace, ordinal);
    if (set) return targetOf(set);
    return { kind: 'Pod', name: podName, namespace };
  }

  /** The pods a workload owns (through its ReplicaSets where it has any). */
  podsOf(target: { kind: string; namespace?: string; name: string }): Pod[] {
    return (
      this.podsByOwner.get(
        nameKey(target.kind, target.namespace, target.name),
      ) ?? []
    );
  }
}

function targetOf(o: KubeObjectLike): OwnedTarget {
  return {
    kind: o.kind,
    name: o.metadata.name,
    namespace: o.metadata.namespace,
    object: o,
  };
}

function nameKey(
  kind: string | undefined,
  namespace: string | undefined,
  name: string,
) {
  return `${kind}\u0000${namespace ?? ''}\u0000${name}`;
}
