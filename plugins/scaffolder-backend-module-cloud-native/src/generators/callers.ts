import { checkDnsLabel } from './checks';
import { OptionsError } from './OptionsError';

/**
 * A workload allowed to call the service: one service account, or every
 * workload of a namespace.
 */
export type Caller =
  | { kind: 'serviceAccount'; namespace: string; name: string }
  | { kind: 'namespace'; namespace: string };

/** How callers are written in the action input. */
export const CALLER_FORMS =
  "'sa:<namespace>/<service-account>' or 'ns:<namespace>'";

/** Parses a caller written `sa:<namespace>/<name>` or `ns:<namespace>`. */
export function parseCaller(value: string, field: string): Caller {
  const serviceAccount = /^sa:([^/]+)\/([^/]+)$/.exec(value);
  if (serviceAccount) {
    return {
      kind: 'serviceAccount',
      namespace: checkDnsLabel(serviceAccount[1], field),
      name: checkDnsLabel(serviceAccount[2], field),
    };
  }
  const namespace = /^ns:([^/]+)$/.exec(value);
  if (namespace) {
    return { kind: 'namespace', namespace: checkDnsLabel(namespace[1], field) };
  }
  throw new OptionsError(
    field,
    `unknown caller '${value}': expected ${CALLER_FORMS}`,
  );
}

/** Parses every caller, naming `field[i]` on the first bad one; no duplicates. */
export function parseCallers(
  values: readonly string[] | undefined,
  field: string,
): Caller[] {
  const seen = new Set<string>();
  return (values ?? []).map((value, index) => {
    if (seen.has(value)) {
      throw new OptionsError(
        `${field}[${index}]`,
        `'${value}' is listed twice`,
      );
    }
    seen.add(value);
    return parseCaller(value, `${field}[${index}]`);
  });
}

/** The SPIFFE principal Istio gives a service account. */
export function principalOf(
  caller: { namespace: string; name: string },
  trustDomain: string,
): string {
  return `${trustDomain}/ns/${caller.namespace}/sa/${caller.name}`;
}

/** Namespaces the callers come from, sorted and without duplicates. */
export function callerNamespaces(callers: readonly Caller[]): string[] {
  return [...new Set(callers.map(caller => caller.namespace))].sort();
}
