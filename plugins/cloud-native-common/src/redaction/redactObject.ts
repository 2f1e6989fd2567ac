import { isCredentialName } from './credentialHeuristics';
import { REDACTED, redactText } from './redactText';

/**
 * The annotation `kubectl apply` writes: the whole object again, as JSON.
 *
 * @public
 */
export const LAST_APPLIED_ANNOTATION =
  'kubectl.kubernetes.io/last-applied-configuration';

const FLAG = /^--?[A-Za-z0-9][A-Za-z0-9_.-]*$/;
const FLAG_WITH_VALUE = /^(--?[A-Za-z0-9][A-Za-z0-9_.-]*)=([\s\S]+)$/;

type JsonRecord = Record<string, unknown>;

function isRecord(value: unknown): value is JsonRecord {
  return !!value && typeof value === 'object' && !Array.isArray(value);
}

/** The value held under a credential-like name: gone, unless there is none. */
function underCredentialName(value: string): string {
  return value === '' ? value : REDACTED;
}

function redactEnvEntry(entry: unknown): unknown {
  if (
    !isRecord(entry) ||
    typeof entry.name !== 'string' ||
    typeof entry.value !== 'string'
  ) {
    return walk(entry);
  }
  const out = walk(entry) as JsonRecord;
  out.value = isCredentialName(entry.name)
    ? underCredentialName(entry.value)
    : redactText(entry.value);
  return out;
}

/** `--token abc`, `--password=abc` and whatever free text an argument holds. */
function redactArgs(args: unknown[]): unknown[] {
  return args.map((arg, i) => {
    if (typeof arg !== 'string') return walk(arg);
    const previous = args[i - 1];
    if (
      typeof previous === 'string' &&
      FLAG.test(previous) &&
      isCredentialName(previous) &&
      !arg.startsWith('-')
    ) {
      return underCredentialName(arg);
    }
    const flag = FLAG_WITH_VALUE.exec(arg);
    if (flag && isCredentialName(flag[1])) return `${flag[1]}=${REDACTED}`;
    return redactText(arg);
  });
}

function redactAnnotation(name: string, value: unknown): unknown {
  if (typeof value !== 'string') return walk(value);
  if (name === LAST_APPLIED_ANNOTATION) {
    try {
      return JSON.stringify(redactObject(JSON.parse(value)));
    } catch {
      return redactText(value);
    }
  }
  // An annotation key names its value by its last part: `vault.io/db-password`.
  const last = name.slice(name.lastIndexOf('/') + 1);
  return isCredentialName(last)
    ? underCredentialName(value)
    : redactText(value);
}

function walk(value: unknown, key?: string): unknown {
  if (typeof value === 'string') return redactText(value);
  if (Array.isArray(value)) {
    if (key === 'env') return value.map(redactEnvEntry);
    if (key === 'args' || key === 'command') return redactArgs(value);
    return value.map(item => walk(item));
  }
  if (isRecord(value)) {
    const out: JsonRecord = {};
    for (const [name, child] of Object.entries(value)) {
      out[name] =
        key === 'annotations'
          ? redactAnnotation(name, child)
          : walk(child, name);
    }
    return out;
  }
  return value;
}

function redactConfigMapData(data: unknown): unknown {
  if (!isRecord(data)) return walk(data);
  return Object.fromEntries(
    Object.entries(data).map(([name, value]) => [
      name,
      typeof value === 'string' && isCredentialName(name)
        ? underCredentialName(value)
        : walk(value),
    ]),
  );
}

/**
 * A copy of a Kubernetes object (any kind, or a List of them) that is safe to
 * show, store and log; the object given is never changed.
 *
 * - Secrets lose `data`, `stringData` and `binaryData`, and so does every
 *   kind but ConfigMap, whose `data` values are kept unless their key is
 *   {@link isCredentialName | a credential's name} or the value looks like
 *   one; `binaryData` values are redacted.
 * - Env entries anywhere (containers, initContainers, ephemeralContainers of
 *   a Pod, of any pod template, of a CronJob's jobTemplate, of custom
 *   resources) lose their value when the name is a credential's.
 * - In `args` and `command`, the value after a credential flag
 *   (`--token abc`) and of `--password=abc` is redacted.
 * - Annotations named like a credential lose their value;
 *   `kubectl.kubernetes.io/last-applied-configuration` is redacted as the
 *   object it repeats.
 * - Every other string goes through {@link redactText}, so a URL with a
 *   password, a key, a bearer token, a JWT or a random token is redacted
 *   wherever it sits, even under a harmless name such as `LEDGER_URL`.
 *
 * Redacted values become {@link REDACTED}.
 *
 * @public
 */
export function redactObject<T>(object: T): T {
  if (!isRecord(object)) return walk(object) as T;
  const { data, stringData, binaryData, ...rest } = object;
  const out = walk(rest) as JsonRecord;
  if (object.kind === 'ConfigMap') {
    if (data !== undefined) out.data = redactConfigMapData(data);
    if (isRecord(binaryData)) {
      out.binaryData = Object.fromEntries(
        Object.keys(binaryData).map(name => [name, REDACTED]),
      );
    }
  }
  if (
    typeof object.kind === 'string' &&
    object.kind.endsWith('List') &&
    Array.isArray(object.items)
  ) {
    out.items = object.items.map(item => redactObject(item));
  }
  return out as T;
}

/**
 * A copy of JSON data with every string in it through {@link redactText}:
 * for records that are not Kubernetes objects, such as a healing attempt.
 *
 * @public
 */
export function redactStrings<T>(value: T): T {
  if (typeof value === 'string') return redactText(value) as T;
  if (Array.isArray(value)) return value.map(redactStrings) as T;
  if (isRecord(value)) {
    return Object.fromEntries(
      Object.entries(value).map(([name, child]) => [
        name,
        redactStrings(child),
      ]),
    ) as T;
  }
  return value;
}
