import { redactObject } from '@cloud-native-platform/plugin-cloud-native-common';
import { ClusterObject } from '../objects';
import { toYaml } from '../toYaml';

type JsonRecord = Record<string, unknown>;

/** Fields that tell which element of a list a changed one is. */
const IDENTITY = ['name', 'destination'];

function isRecord(value: unknown): value is JsonRecord {
  return !!value && typeof value === 'object' && !Array.isArray(value);
}

function equal(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((item, i) => equal(item, b[i]));
  }
  if (isRecord(a) && isRecord(b)) {
    const keys = Object.keys(a);
    return (
      keys.length === Object.keys(b).length &&
      keys.every(k => k in b && equal(a[k], b[k]))
    );
  }
  return false;
}

/** What differs, on each side; undefined where a side does not have it. */
interface Pruned {
  before: unknown;
  after: unknown;
}

/** A changed list element, led by what names it. */
function identified(pruned: unknown, redacted: unknown): unknown {
  if (!isRecord(pruned) || !isRecord(redacted)) return pruned;
  const identity = Object.fromEntries(
    IDENTITY.filter(k => k in redacted).map(k => [k, redacted[k]]),
  );
  return { ...identity, ...pruned };
}

function namesOf(list: unknown[]): string[] | undefined {
  const names = list.map(item =>
    isRecord(item) && typeof item.name === 'string' ? item.name : undefined,
  );
  if (names.some(n => n === undefined)) return undefined;
  return new Set(names).size === names.length ? (names as string[]) : undefined;
}

/**
 * The parts of `before` and `after` that differ, with the ancestors that
 * lead to them. Decisions are taken on the raw values; what is shown comes
 * from their redacted copies, so a changed secret shows as a changed path
 * without its value.
 */
function prune(
  before: unknown,
  after: unknown,
  shownBefore: unknown,
  shownAfter: unknown,
): Pruned | undefined {
  if (equal(before, after)) return undefined;
  if (isRecord(before) && isRecord(after)) {
    const out = { before: {} as JsonRecord, after: {} as JsonRecord };
    const keys = [
      ...Object.keys(before),
      ...Object.keys(after).filter(k => !(k in before)),
    ];
    for (const key of keys) {
      const child = prune(
        before[key],
        after[key],
        isRecord(shownBefore) ? shownBefore[key] : undefined,
        isRecord(shownAfter) ? shownAfter[key] : undefined,
      );
      if (!child) continue;
      if (child.before !== undefined) out.before[key] = child.before;
      if (child.after !== undefined) out.after[key] = child.after;
    }
    return out;
  }
  if (Array.isArray(before) && Array.isArray(after)) {
    return pruneList(
      before,
      after,
      Array.isArray(shownBefore) ? shownBefore : [],
      Array.isArray(shownAfter) ? shownAfter : [],
    );
  }
  return { before: shownBefore, after: shownAfter };
}

/**
 * Lists are compared element by element: by `name` when every element has a
 * distinct one (containers, env, ports), else by position.
 */
function pruneList(
  before: unknown[],
  after: unknown[],
  shownBefore: unknown[],
  shownAfter: unknown[],
): Pruned {
  const beforeNames = namesOf(before);
  const afterNames = namesOf(after);
  const pairs: Array<[number | undefined, number | undefined]> = [];
  if (beforeNames && afterNames) {
    beforeNames.forEach((name, i) => {
      const j = afterNames.indexOf(name);
      pairs.push([i, j < 0 ? undefined : j]);
    });
    afterNames.forEach((name, j) => {
      if (!beforeNames.includes(name)) pairs.push([undefined, j]);
    });
  } else {
    for (let i = 0; i < Math.max(before.length, after.length); i++) {
      pairs.push([
        i < before.length ? i : undefined,
        i < after.length ? i : undefined,
      ]);
    }
  }
  const out = { before: [] as unknown[], after: [] as unknown[] };
  for (const [i, j] of pairs) {
    const child = prune(
      i === undefined ? undefined : before[i],
      j === undefined ? undefined : after[j],
      i === undefined ? undefined : shownBefore[i],
      j === undefined ? undefined : shownAfter[j],
    );
    if (!child) continue;
    if (child.before !== undefined) {
      out.before.push(identified(child.before, shownBefore[i!]));
    }
    if (child.after !== undefined) {
      out.after.push(identified(child.after, shownAfter[j!]));
    }
  }
  return out;
}

/** The object without status and bookkeeping fields, which no action changes. */
function comparable(object: ClusterObject): JsonRecord {
  const { status: _status, ...rest } = object;
  const {
    managedFields: _m,
    resourceVersion: _r,
    uid: _u,
    generation: _g,
    ...metadata
  } = object.metadata;
  return { ...rest, metadata };
}

/**
 * The before and after YAML of a change, reduced to the paths it changes (a
 * restart's annotation, `spec.replicas`, a route's weights, the pod template
 * fields a rollback puts back) and redacted by the suite's `redactObject`,
 * so no credential of the object is stored or shown. An object the action
 * removes is shown by its kind and name only.
 *
 * @public
 */
export function changeDiff(
  before: ClusterObject,
  after: ClusterObject | null,
): { before?: string; after?: string } {
  if (!after) {
    const { name, namespace } = before.metadata;
    return {
      before: toYaml({
        apiVersion: before.apiVersion,
        kind: before.kind,
        metadata: namespace ? { name, namespace } : { name },
      }),
    };
  }
  const raw = [comparable(before), comparable(after)];
  const pruned = prune(
    raw[0],
    raw[1],
    redactObject(raw[0]),
    redactObject(raw[1]),
  );
  if (!pruned) return {};
  return { before: toYaml(pruned.before), after: toYaml(pruned.after) };
}
