import {
  AutomationLevel,
  MaturityFinding,
} from '@cloud-native-platform/plugin-platform-maturity-common';
import {
  isKind,
  templateMetadataOf,
  type KnownKind,
  type KubeKinds,
  type KubeObject,
} from '@cloud-native-platform/plugin-cloud-native-common';
import {
  GITOPS_LABELS,
  INTEGRATION_SHARES,
  MATURITY_TEMPLATES,
  MaturityWorkload,
} from './types';

/** What one component looks like on one workload. */
export interface ComponentSignals {
  integration: number;
  automation: AutomationLevel;
  signals: string[];
  findings: MaturityFinding[];
}

const MESH_ROOT_NAMESPACE = 'istio-system';

/** `cluster namespace/Kind/name`, how findings name a workload. */
export function describeWorkload(w: MaturityWorkload): string {
  const { namespace, name } = w.workload.metadata;
  return `${w.workload.kind} ${namespace ?? ''}/${name} in ${w.cluster}`;
}

/**
 * True when an Argo CD or Flux label (or Argo CD's tracking annotation) is on the object.
 *
 * @public
 */
export function isGitOpsManaged(object: KubeObject | undefined): boolean {
  const labels = object?.metadata.labels ?? {};
  if (labels['app.kubernetes.io/managed-by']?.toLowerCase() === 'argocd') {
    return true;
  }
  if (GITOPS_LABELS.some(label => labels[label])) return true;
  return Boolean(
    object?.metadata.annotations?.['argocd.argoproj.io/tracking-id'],
  );
}

function podLabels(w: MaturityWorkload): Record<string, string> {
  const template = templateMetadataOf(w.workload)?.labels;
  return { ...(w.pods[0]?.metadata.labels ?? {}), ...(template ?? {}) };
}

function matchLabelsSelect(
  selector: Record<string, string> | undefined,
  labels: Record<string, string>,
): boolean {
  const entries = Object.entries(selector ?? {});
  return entries.length > 0 && entries.every(([k, v]) => labels[k] === v);
}

/** The related objects of one kind, typed, in a namespace when one is given. */
function ofKind<K extends KnownKind>(
  w: MaturityWorkload,
  kind: K,
  namespace?: string,
): Array<KubeObject & KubeKinds[K]> {
  return w.related.filter(
    (o): o is KubeObject & KubeKinds[K] =>
      isKind(o, kind) &&
      (namespace === undefined || o.metadata.namespace === namespace),
  );
}

function namespaceOf(w: MaturityWorkload): string | undefined {
  return w.workload.metadata.namespace;
}

/** The Services that select the workload's pods. */
function servicesOf(w: MaturityWorkload): KubeKinds['Service'][] {
  const labels = podLabels(w);
  return ofKind(w, 'Service', namespaceOf(w)).filter(s =>
    matchLabelsSelect(s.spec?.selector, labels),
  );
}

/** Short names a mesh rule may use as host for the workload. */
function hostNames(w: MaturityWorkload): Set<string> {
  return new Set([
    w.workload.metadata.name,
    ...servicesOf(w).map(s => s.metadata.name),
  ]);
}

function refersToHost(host: unknown, names: Set<string>): boolean {
  if (typeof host !== 'string') return false;
  return names.has(host) || names.has(host.split('.')[0]);
}

function automationOfConfig(
  integration: number,
  objects: KubeObject[],
  workload: KubeObject,
): AutomationLevel {
  if (integration === 0) return 'none';
  // The Argo CD application that syncs a service usually syncs its config too.
  return objects.some(isGitOpsManaged) || isGitOpsManaged(workload)
    ? 'enforced'
    : 'manual';
}

function finding(
  component: MaturityFinding['component'],
  message: string,
  next: string,
): MaturityFinding {
  return {
    component,
    message,
    next,
    template: MATURITY_TEMPLATES.wireExisting,
  };
}

/** Sidecar or ambient data plane, VirtualService/DestinationRule, STRICT mTLS. */
export function meshSignals(w: MaturityWorkload): ComponentSignals {
  const shares = INTEGRATION_SHARES.mesh;
  const where = describeWorkload(w);
  const ns = namespaceOf(w);
  const result: ComponentSignals = {
    integration: 0,
    automation: 'none',
    signals: [],
    findings: [],
  };
  const namespace = w.related.find(
    o => o.kind === 'Namespace' && o.metadata.name === ns,
  );
  const sidecar = w.pods.some(
    p =>
      p.metadata.annotations?.['sidecar.istio.io/status'] ||
      (p.spec?.containers ?? []).some(c => c.name === 'istio-proxy'),
  );
  const ambient =
    namespace?.metadata.labels?.['istio.io/dataplane-mode'] === 'ambient' ||
    w.pods.some(
      p => p.metadata.labels?.['istio.io/dataplane-mode'] === 'ambient',
    );
  if (sidecar || ambient) {
    result.integration += shares.dataPlane;
    result.signals.push(ambient ? 'ambient data plane' : 'sidecar');
  } else {
    result.findings.push(
      finding(
        'mesh',
        `${where} is not in the mesh: no istio-proxy sidecar and no ambient label.`,
        'Label the namespace for sidecar injection or ambient mode.',
      ),
    );
  }
  const names = hostNames(w);
  const rules = [
    ...ofKind(w, 'VirtualService', ns).filter(vs =>
      (vs.spec?.hosts ?? []).some(h => refersToHost(h, names)),
    ),
    ...ofKind(w, 'DestinationRule', ns).filter(dr =>
      refersToHost(dr.spec?.host, names),
    ),
  ];
  if (rules.length > 0) {
    result.integration += shares.trafficRules;
    result.signals.push([...new Set(rules.map(r => r.kind))].join(' and '));
  } else {
    result.findings.push(
      finding(
        'mesh',
        `${where} has no VirtualService or DestinationRule.`,
        'Add a VirtualService with retries and timeouts, and a DestinationRule.',
      ),
    );
  }
  const disabledTls = rules.find(
    r =>
      isKind(r, 'DestinationRule') &&
      r.spec?.trafficPolicy?.tls?.mode === 'DISABLE',
  );
  const mode = peerAuthenticationMode(w);
  if (mode === 'STRICT' && !disabledTls) {
    result.integration += shares.strictMtls;
    result.signals.push('STRICT mTLS');
  } else {
    result.findings.push(
      finding(
        'mesh',
        disabledTls
          ? `${where}: DestinationRule ${disabledTls.metadata.name} disables TLS.`
          : `${where} is not under STRICT mTLS (mode ${mode ?? 'unset'}).`,
        'Apply a STRICT PeerAuthentication and use ISTIO_MUTUAL in DestinationRules.',
      ),
    );
  }
  result.integration = round(result.integration);
  result.automation = automationOfConfig(result.integration, rules, w.workload);
  return result;
}

/** The mTLS mode that applies: workload policy, else namespace, else mesh-wide. */
function peerAuthenticationMode(w: MaturityWorkload): string | undefined {
  const labels = podLabels(w);
  const ns = namespaceOf(w);
  const own = ofKind(w, 'PeerAuthentication', ns);
  const selecting = own.find(pa =>
    matchLabelsSelect(pa.spec?.selector?.matchLabels, labels),
  );
  const namespaceWide = own.find(
    pa => Object.keys(pa.spec?.selector?.matchLabels ?? {}).length === 0,
  );
  const meshWide = ofKind(w, 'PeerAuthentication', MESH_ROOT_NAMESPACE).find(
    pa => Object.keys(pa.spec?.selector?.matchLabels ?? {}).length === 0,
  );
  for (const pa of [selecting, namespaceWide, meshWide]) {
    const mode = pa?.spec?.mtls?.mode;
    if (mode && mode !== 'UNSET') return mode;
  }
  return undefined;
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}

export { podLabels, matchLabelsSelect, servicesOf, ofKind, round, finding };
export { automationOfConfig, namespaceOf, hostNames };
