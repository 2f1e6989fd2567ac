import {
  isKind,
  KubeObjectOf,
  Pod,
  LabelRequirement,
  matchesLabelSelector,
} from '@cloud-native-platform/plugin-cloud-native-common';
import { KubeObject, stripObject } from './KubeObject';

/**
 * Filters of {@link ClusterObjectStore.list}.
 *
 * @public
 */
export interface ListOptions {
  namespace?: string;
  labelSelector?: LabelRequirement[];
}

/** Kinds that own pods, in the order an owner walk stops at them. */
const TOP_LEVEL_OWNERS = new Set([
  'Deployment',
  'StatefulSet',
  'DaemonSet',
  'CronJob',
  'Rollout',
  'VirtualMachine',
]);

/** Fields whose values are unique per object: sharing them saves nothing. */
const UNIQUE_FIELDS = new Set([
  'uid',
  'resourceVersion',
  'name',
  'generateName',
  'containerID',
  'podIP',
  'ip',
  'creationTimestamp',
  'startTime',
  'startedAt',
  'finishedAt',
  'lastTransitionTime',
  'lastHeartbeatTime',
  'lastProbeTime',
  'lastUpdateTime',
]);
/** Past this many shared strings the table starts over, so churn cannot grow it. */
const MAX_SHARED_STRINGS = 200_000;

function groupOf(apiVersion: string): string {
  return apiVersion.includes('/') ? apiVersion.split('/')[0] : '';
}

/**
 * The objects of one cluster, indexed by kind and namespace, uid, owner and
 * label, so every query the pages make is a map lookup rather than a scan
 * of the cluster.
 *
 * @public
 */
export class ClusterObjectStore {
  /** kind → namespace ('' when cluster-scoped) → name → object */
  private readonly objects = new Map<
    string,
    Map<string, Map<string, KubeObject>>
  >();
  private readonly byUid = new Map<string, KubeObject>();
  /** owner uid → objects it owns */
  private readonly byOwner = new Map<string, Set<KubeObject>>();
  /** `key=value` → objects carrying that label */
  private readonly byLabel = new Map<string, Set<KubeObject>>();
  /** API group → kinds seen in it */
  private readonly groups = new Map<string, Set<string>>();
  private readonly strings = new Map<string, string>();
  private mutations = 0;

  /** Changes with every mutation, so derived views can be cached until it moves. */
  get version(): number {
    return this.mutations;
  }

  /** Adds or replaces one object; returns the stored (stripped) copy. */
  upsert(input: KubeObject): KubeObject {
    const object = this.intern(stripObject(input));
    const { kind } = object;
    const namespace = object.metadata.namespace ?? '';
    let byNamespace = this.objects.get(kind);
    if (!byNamespace) {
      byNamespace = new Map();
      this.objects.set(kind, byNamespace);
      const group = groupOf(object.apiVersion);
      if (!this.groups.has(group)) this.groups.set(group, new Set());
      this.groups.get(group)!.add(kind);
    }
    let byName = byNamespace.get(namespace);
    if (!byName) {
      byName = new Map();
      byNamespace.set(namespace, byName);
    }
    const previous = byName.get(object.metadata.name);
    if (previous) this.unindex(previous);
    byName.set(object.metadata.name, object);
    this.mutations++;
    this.index(object);
    return object;
  }

  /** Removes one object; true when it was there. */
  delete(object: Pick<KubeObject, 'kind' | 'metadata'>): boolean {
    const byName = this.objects
      .get(object.kind)
      ?.get(object.metadata.namespace ?? '');
    const previous = byName?.get(object.metadata.name);
    if (!previous) return false;
    byName!.delete(object.metadata.name);
    this.unindex(previous);
    this.mutations++;
    return true;
  }

  /**
   * Replaces every object of a kind with a fresh list, as after a LIST.
   * Objects of the kind that the list lacks are removed.
   */
  replaceKind(kind: string, objects: KubeObject[]): void {
    this.clearKind(kind);
    for (const object of objects) {
      this.upsert({ ...object, kind: object.kind ?? kind });
    }
  }

  /** Removes every object of a kind. */
  clearKind(kind: string): void {
    const byNamespace = this.objects.get(kind);
    if (!byNamespace) return;
    for (const byName of byNamespace.values()) {
      for (const object of byName.values()) this.unindex(object);
    }
    byNamespace.clear();
    this.mutations++;
  }

  // Objects are filed by their `kind`, so one read by kind is of that kind's
  // type (KubeObjectOf gives the plain KubeObject for kinds without one).
  get<K extends string>(
    kind: K,
    namespace: string | undefined,
    name: string,
  ): KubeObjectOf<K> | undefined {
    return this.objects
      .get(kind)
      ?.get(namespace ?? '')
      ?.get(name) as KubeObjectOf<K> | undefined;
  }

  getByUid(uid: string): KubeObject | undefined {
    return this.byUid.get(uid);
  }

  /** Objects of a kind, optionally in one namespace and matching a label selector. */
  list<K extends string>(
    kind: K,
    options: ListOptions = {},
  ): KubeObjectOf<K>[] {
    const byNamespace = this.objects.get(kind);
    if (!byNamespace) return [];
    const selector = options.labelSelector;
    const equality = selector?.find(
      r => r.operator === 'In' && r.values.length === 1,
    );
    let candidates: Iterable<KubeObject>;
    if (equality) {
      const indexed = this.byLabel.get(`${equality.key}=${equality.values[0]}`);
      candidates = [...(indexed ?? [])].filter(
        o =>
          o.kind === kind &&
          (options.namespace === undefined ||
            o.metadata.namespace === options.namespace),
      );
    } else if (options.namespace !== undefined) {
      candidates = byNamespace.get(options.namespace)?.values() ?? [];
    } else {
      candidates = [...byNamespace.values()].flatMap(m => [...m.values()]);
    }
    const out: KubeObjectOf<K>[] = [];
    for (const object of candidates) {
      if (!selector || matchesLabelSelector(selector, object.metadata.labels)) {
        out.push(object as KubeObjectOf<K>);
      }
    }
    return out;
  }

  /** Kinds currently held, with the API group of each. */
  kinds(): string[] {
    return [...this.objects.keys()];
  }

  /** Kinds seen in an API group, for example every Gatekeeper constraint kind. */
  kindsInGroup(group: string): string[] {
    return [...(this.groups.get(group) ?? [])];
  }

  count(kind: string): number {
    let n = 0;
    for (const byName of this.objects.get(kind)?.values() ?? [])
      n += byName.size;
    return n;
  }

  /** Objects whose ownerReferences name this uid. */
  ownedBy<K extends string = string>(uid: string, kind?: K): KubeObjectOf<K>[] {
    const owned = [...(this.byOwner.get(uid) ?? [])];
    return (
      kind ? owned.filter(o => o.kind === kind) : owned
    ) as KubeObjectOf<K>[];
  }

  /** The controlling owner of an object, if it is in the store. */
  owner(object: KubeObject): KubeObject | undefined {
    const refs = object.metadata.ownerReferences ?? [];
    const ref = refs.find(r => r.controller) ?? refs[0];
    return ref ? this.byUid.get(ref.uid) : undefined;
  }

  /** Pods that roll up into a workload (through ReplicaSets, Jobs or a VMI); a pod is its own. */
  podsOf(workload: KubeObject): Pod[] {
    if (isKind(workload, 'Pod')) return [workload];
    const pods: Pod[] = [];
    const visit = (owner: KubeObject, depth: number) => {
      if (depth > 3 || !owner.metadata.uid) return;
      for (const child of this.ownedBy(owner.metadata.uid)) {
        if (isKind(child, 'Pod')) pods.push(child);
        else visit(child, depth + 1);
      }
    };
    visit(workload, 0);
    return pods;
  }

  /**
   * Walks controlling owners up to the workload a person thinks of:
   * pod → ReplicaSet → Deployment (or Rollout), pod → StatefulSet,
   * DaemonSet, Job → CronJob, virt-launcher pod → VMI → VirtualMachine.
   * Returns the object itself when it has no owner in the store.
   */
  topLevelOwner(object: KubeObject): KubeObject {
    let current = object;
    for (let depth = 0; depth < 8; depth++) {
      if (TOP_LEVEL_OWNERS.has(current.kind) && current !== object) break;
      const next = this.owner(current);
      if (!next) break;
      current = next;
    }
    return current;
  }

  private index(object: KubeObject) {
    const { uid, labels, ownerReferences } = object.metadata;
    if (uid) this.byUid.set(uid, object);
    for (const ref of ownerReferences ?? []) {
      let set = this.byOwner.get(ref.uid);
      if (!set) {
        set = new Set();
        this.byOwner.set(ref.uid, set);
      }
      set.add(object);
    }
    for (const [key, value] of Object.entries(labels ?? {})) {
      const pair = `${key}=${value}`;
      let set = this.byLabel.get(pair);
      if (!set) {
        set = new Set();
        this.byLabel.set(this.internString(pair), set);
      }
      set.add(object);
    }
  }

  private unindex(object: KubeObject) {
    const { uid, labels, ownerReferences } = object.metadata;
    if (uid && this.byUid.get(uid) === object) this.byUid.delete(uid);
    for (const ref of ownerReferences ?? []) {
      const set = this.byOwner.get(ref.uid);
      set?.delete(object);
      if (set?.size === 0) this.byOwner.delete(ref.uid);
    }
    for (const [key, value] of Object.entries(labels ?? {})) {
      const pair = `${key}=${value}`;
      const set = this.byLabel.get(pair);
      set?.delete(object);
      if (set?.size === 0) this.byLabel.delete(pair);
    }
  }

  /**
   * Shares equal strings between objects: image names, label values, node
   * names and the like repeat across thousands of pods, and parsed JSON
   * gives each pod its own copy.
   */
  private intern<T>(value: T): T {
    if (typeof value === 'string') {
      return (value.length <= 256 ? this.internString(value) : value) as T;
    }
    if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) value[i] = this.intern(value[i]);
      return value;
    }
    if (value && typeof value === 'object') {
      const record = value as Record<string, unknown>;
      for (const key of Object.keys(record)) {
        if (!UNIQUE_FIELDS.has(key)) record[key] = this.intern(record[key]);
      }
    }
    return value;
  }

  private internString(value: string): string {
    const existing = this.strings.get(value);
    if (existing !== undefined) return existing;
    if (this.strings.size >= MAX_SHARED_STRINGS) this.strings.clear();
    this.strings.set(value, value);
    return value;
  }
}
