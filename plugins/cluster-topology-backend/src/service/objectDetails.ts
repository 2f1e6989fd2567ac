import {
  ClusterObjectStore,
  KubeObject,
  redactObject,
  redactStrings,
} from '@cloud-native-platform/plugin-cloud-native-node';
import { stringify } from 'yaml';

/** At most this many events are returned for one object. */
export const MAX_EVENTS = 50;

/**
 * How deep the walk from a workload to what it owns goes: Deployment →
 * ReplicaSet → Pod and CronJob → Job → Pod need two steps, VirtualMachine →
 * VirtualMachineInstance → Pod two as well; one more guards odd operators.
 */
const MAX_OWNED_DEPTH = 3;

/**
 * Kinds whose owned objects are not part of them: a node owns its static
 * mirror pods and a Service its EndpointSlices, objects of their own.
 */
const NOT_WALKED = new Set(['Node', 'Service', 'Pod']);

/**
 * An event of an object, reduced to what a person reads in a list.
 */
export interface ObjectEvent {
  type?: string;
  reason?: string;
  message?: string;
  count: number;
  /** When the event last happened: `lastTimestamp`, else `eventTime`, else `firstTimestamp`. */
  lastTimestamp?: string;
  involvedObject: { kind: string; name: string };
}

/**
 * What `GET /object` answers.
 */
export interface ObjectDetails {
  object: KubeObject & { metadata: Record<string, unknown> };
  events: ObjectEvent[];
  owner?: { kind: string; name: string };
  yaml: string;
}

function eventTime(event: KubeObject): string | undefined {
  return (
    (event.lastTimestamp as string | null | undefined) ??
    (event.eventTime as string | null | undefined) ??
    (event.firstTimestamp as string | null | undefined) ??
    undefined
  );
}

function objectKey(kind: string, namespace: string | undefined, name: string) {
  return `${kind}/${namespace ?? ''}/${name}`;
}

/**
 * The object and, for a workload, what it owns down to its pods: the
 * objects whose events belong on its page.
 */
function withOwned(
  store: ClusterObjectStore,
  object: KubeObject,
): KubeObject[] {
  const out = [object];
  if (NOT_WALKED.has(object.kind)) return out;
  const seen = new Set<string>();
  let level = [object];
  for (let depth = 0; depth < MAX_OWNED_DEPTH && level.length > 0; depth++) {
    const next: KubeObject[] = [];
    for (const parent of level) {
      const uid = parent.metadata.uid;
      if (!uid || seen.has(uid) || parent.kind === 'Pod') continue;
      seen.add(uid);
      for (const child of store.ownedBy(uid)) {
        out.push(child);
        next.push(child);
      }
    }
    level = next;
  }
  return out;
}

/**
 * The events of an object and of what it owns, newest first, at most
 * {@link MAX_EVENTS}.
 *
 * An event matches on uid when both it and the object carry one, so the
 * events of a deleted object that had the same name are left out; otherwise
 * on kind, namespace and name.
 */
export function eventsOf(
  store: ClusterObjectStore,
  object: KubeObject,
): ObjectEvent[] {
  const targets = withOwned(store, object);
  const byUid = new Set<string>();
  const byKey = new Map<string, KubeObject>();
  for (const target of targets) {
    if (target.metadata.uid) byUid.add(target.metadata.uid);
    byKey.set(
      objectKey(target.kind, target.metadata.namespace, target.metadata.name),
      target,
    );
  }
  // Events live in the namespace of their object, so a namespaced object
  // needs only that namespace's events.
  const candidates = store.list(
    'Event',
    object.metadata.namespace ? { namespace: object.metadata.namespace } : {},
  );
  const matched: Array<{ event: KubeObject; at: number }> = [];
  for (const event of candidates) {
    const involved = (event.involvedObject ?? {}) as {
      kind?: string;
      namespace?: string;
      name?: string;
      uid?: string;
    };
    if (!involved.kind || !involved.name) continue;
    let matches = involved.uid !== undefined && byUid.has(involved.uid);
    if (!matches) {
      const target = byKey.get(
        objectKey(involved.kind, involved.namespace, involved.name),
      );
      matches = target !== undefined && !(involved.uid && target.metadata.uid);
    }
    if (matches) {
      const at = Date.parse(eventTime(event) ?? '');
      matched.push({ event, at: Number.isNaN(at) ? -Infinity : at });
    }
  }
  matched.sort((a, b) => b.at - a.at);
  return matched.slice(0, MAX_EVENTS).map(({ event }) => {
    const involved = event.involvedObject as { kind: string; name: string };
    const series = event.series as { count?: number } | undefined;
    return {
      type: event.type as string | undefined,
      reason: event.reason as string | undefined,
      message: event.message as string | undefined,
      count: (event.count as number | undefined) ?? series?.count ?? 1,
      lastTimestamp: eventTime(event),
      involvedObject: { kind: involved.kind, name: involved.name },
    };
  });
}

/**
 * Everything `GET /object` serves about one stored object, with every
 * credential in the object and in its events' messages redacted by the
 * suite's one `redactObject`.
 */
export function objectDetails(
  store: ClusterObjectStore,
  object: KubeObject,
): ObjectDetails {
  // A copy: the store shares strings and nested values between objects.
  const safe = redactObject(object);
  const top = store.topLevelOwner(object);
  return {
    // Spread into plain records: the answer's type is the JSON shape, open
    // to any field, which the model interfaces do not declare.
    object: { ...safe, metadata: { ...safe.metadata } },
    events: redactStrings(eventsOf(store, object)),
    owner:
      top !== object ? { kind: top.kind, name: top.metadata.name } : undefined,
    yaml: stringify(safe),
  };
}
