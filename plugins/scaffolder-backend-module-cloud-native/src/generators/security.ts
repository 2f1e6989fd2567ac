import { callerNamespaces, parseCallers } from './callers';
import { checkDnsLabel, checkInteger, checkServiceName } from './checks';
import { commonLabels, selectorLabels } from './labels';
import { resolveScraper, ScraperIdentity } from './mesh';
import { ISTIO_MERGED_METRICS_PORT } from './monitoring';
import { KubeManifest, modelClasses } from './models';
import { OptionsError } from './OptionsError';

/**
 * A seccomp or AppArmor profile: the runtime's default, or one installed on
 * the node (for seccomp, a profile of the Security Profiles Operator is at
 * `operator/<namespace>/<name>.json`).
 */
export type ProfileOptions =
  | { type: 'RuntimeDefault' }
  | { type: 'Localhost'; localhostProfile: string };

/** Options of {@link generateSecurity}; defaults in {@link SECURITY_DEFAULTS}. */
export interface SecurityOptions {
  name: string;
  namespace: string;
  port?: number;
  /** Callers allowed in by the NetworkPolicy, as for the mesh. */
  callers?: string[];
  seccomp?: ProfileOptions;
  appArmor?: ProfileOptions;
  runAsUser?: number;
  /** Namespaces the service may call, besides DNS and the Istio control plane. */
  egressNamespaces?: string[];
  scraper?: ScraperIdentity;
}

/** Defaults of the security options. */
export const SECURITY_DEFAULTS = {
  port: 8080,
  seccomp: { type: 'RuntimeDefault' },
  appArmor: { type: 'RuntimeDefault' },
  runAsUser: 10001,
} as const;

function checkProfile(profile: ProfileOptions, field: string): ProfileOptions {
  if (profile.type === 'RuntimeDefault') {
    return { type: 'RuntimeDefault' };
  }
  if (profile.type !== 'Localhost') {
    throw new OptionsError(
      `${field}.type`,
      `'${
        (profile as { type: string }).type
      }' is neither RuntimeDefault nor Localhost`,
    );
  }
  const path = profile.localhostProfile;
  if (
    typeof path !== 'string' ||
    !/^[A-Za-z0-9._/-]+$/.test(path) ||
    path.startsWith('/') ||
    path.split('/').includes('..')
  ) {
    throw new OptionsError(
      `${field}.localhostProfile`,
      `'${path}' is not a profile path relative to the kubelet's profile directory`,
    );
  }
  return { type: 'Localhost', localhostProfile: path };
}

/** The pod security context of the restricted Pod Security Standard. */
export function podSecurityContext(o: SecurityOptions) {
  const user = checkInteger(
    o.runAsUser ?? SECURITY_DEFAULTS.runAsUser,
    'runAsUser',
    1,
    2147483647,
  );
  return {
    runAsNonRoot: true,
    runAsUser: user,
    runAsGroup: user,
    fsGroup: user,
    seccompProfile: checkProfile(
      o.seccomp ?? SECURITY_DEFAULTS.seccomp,
      'seccomp',
    ),
    appArmorProfile: checkProfile(
      o.appArmor ?? SECURITY_DEFAULTS.appArmor,
      'appArmor',
    ),
  };
}

/** The container security context of the restricted Pod Security Standard. */
export function containerSecurityContext() {
  return {
    allowPrivilegeEscalation: false,
    readOnlyRootFilesystem: true,
    runAsNonRoot: true,
    capabilities: { drop: ['ALL'] },
  };
}

function namespaceSelector(namespace: string) {
  return {
    namespaceSelector: {
      matchLabels: { 'kubernetes.io/metadata.name': namespace },
    },
  };
}

/**
 * The service's identity and network isolation: a ServiceAccount that does
 * not mount its token, a default-deny NetworkPolicy for the namespace, and
 * a policy letting in the callers and Prometheus and letting out DNS, the
 * Istio control plane and the listed namespaces.
 */
export function generateSecurity(o: SecurityOptions): KubeManifest[] {
  const name = checkServiceName(o.name, 'name');
  const namespace = checkDnsLabel(o.namespace, 'namespace');
  const port = checkInteger(o.port ?? SECURITY_DEFAULTS.port, 'port', 1, 65535);
  const callers = parseCallers(o.callers, 'callers');
  const scraper = resolveScraper(o.scraper, 'scraper');
  const egress = (o.egressNamespaces ?? []).map((ns, i) =>
    checkDnsLabel(ns, `egressNamespaces[${i}]`),
  );
  // Checked here too so that a bad profile fails the security action alone.
  podSecurityContext(o);
  const m = modelClasses();
  const labels = commonLabels(name);
  const tcp = (p: number) => ({ protocol: 'TCP' as const, port: p });

  return [
    new m.ServiceAccount({
      metadata: { name, namespace, labels },
      automountServiceAccountToken: false,
    }),
    new m.NetworkPolicy({
      // One per namespace, whichever service writes it: the same name and
      // content, so applying it twice changes nothing.
      metadata: { name: 'default-deny', namespace },
      spec: { podSelector: {}, policyTypes: ['Ingress', 'Egress'] },
    }),
    new m.NetworkPolicy({
      metadata: { name, namespace, labels },
      spec: {
        podSelector: { matchLabels: selectorLabels(name) },
        policyTypes: ['Ingress', 'Egress'],
        ingress: [
          ...(callers.length > 0
            ? [
                {
                  from: callerNamespaces(callers).map(namespaceSelector),
                  ports: [tcp(port)],
                },
              ]
            : []),
          {
            from: [namespaceSelector(scraper.namespace)],
            ports: [tcp(port), tcp(ISTIO_MERGED_METRICS_PORT)],
          },
        ],
        egress: [
          {
            to: [namespaceSelector('kube-system')],
            ports: [{ protocol: 'UDP' as const, port: 53 }, tcp(53)],
          },
          // istiod: certificates and configuration for the sidecar.
          { to: [namespaceSelector('istio-system')], ports: [tcp(15012)] },
          ...(egress.length > 0 ? [{ to: egress.map(namespaceSelector) }] : []),
        ],
      },
    }),
  ];
}
