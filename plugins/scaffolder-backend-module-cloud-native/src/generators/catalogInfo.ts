import {
  ANNOTATIONS,
  ANNOTATION_CLUSTERS,
  ANNOTATION_DR_CLUSTER,
  ANNOTATION_HEALING_MODE,
  ANNOTATION_KUBERNETES_ID,
  ANNOTATION_KUBERNETES_LABEL_SELECTOR,
  ANNOTATION_KUBERNETES_NAMESPACE,
  ANNOTATION_MESH_HOST,
  ANNOTATION_RPO,
  ANNOTATION_RTO,
  ANNOTATION_SLO_AVAILABILITY,
  ANNOTATION_SLO_LATENCY_P99,
} from '@cloud-native-platform/plugin-cloud-native-common';
import { serviceHost } from './labels';
import { OptionsError } from './OptionsError';

/** What the catalog entity of a generated service says about it. */
export interface CatalogInfoOptions {
  name: string;
  namespace: string;
  owner: string;
  system?: string;
  lifecycle?: string;
  description?: string;
  availability: number;
  /** The latency objective's threshold, when its target is the 99th percentile. */
  latencyP99Ms?: number;
  clusters: string[];
  drCluster?: string;
  healingMode?: 'enforce' | 'dry-run' | 'disabled';
  rto?: string;
  rpo?: string;
}

const ENTITY_REF = /^([a-z]+:)?([a-z0-9-_.]+\/)?[a-z0-9-_.]+$/i;
const DESCRIPTORS = new Map(ANNOTATIONS.map(d => [d.key, d]));

// Which input field each annotation comes from, to name it on a bad value.
const FIELDS: Record<string, string> = {
  [ANNOTATION_CLUSTERS]: 'environments',
  [ANNOTATION_DR_CLUSTER]: 'environments.disaster-recovery.clusters',
  [ANNOTATION_HEALING_MODE]: 'catalog.healingMode',
  [ANNOTATION_RTO]: 'catalog.rto',
  [ANNOTATION_RPO]: 'catalog.rpo',
  [ANNOTATION_SLO_AVAILABILITY]: 'slo.availability',
  [ANNOTATION_SLO_LATENCY_P99]: 'slo.latency.thresholdMs',
};

/**
 * The catalog-info.yaml Component: the upstream Kubernetes plugin's
 * annotations, so the Kubernetes tab finds the pods, and the suite's, so the
 * topology, posture and healing pages light up; each value checked with the
 * suite's own annotation validation.
 */
export function buildCatalogInfo(o: CatalogInfoOptions): object {
  for (const [field, value] of [
    ['owner', o.owner],
    ['system', o.system],
  ] as const) {
    if (value !== undefined && !ENTITY_REF.test(value)) {
      throw new OptionsError(field, `'${value}' is not an entity reference`);
    }
  }
  const annotations: Record<string, string | undefined> = {
    [ANNOTATION_KUBERNETES_ID]: o.name,
    [ANNOTATION_KUBERNETES_NAMESPACE]: o.namespace,
    [ANNOTATION_KUBERNETES_LABEL_SELECTOR]: `app.kubernetes.io/name=${o.name}`,
    [ANNOTATION_CLUSTERS]:
      o.clusters.length > 0 ? o.clusters.join(',') : undefined,
    [ANNOTATION_MESH_HOST]: serviceHost(o.name, o.namespace),
    [ANNOTATION_SLO_AVAILABILITY]: String(o.availability),
    [ANNOTATION_SLO_LATENCY_P99]:
      o.latencyP99Ms === undefined ? undefined : String(o.latencyP99Ms),
    [ANNOTATION_RTO]: o.rto,
    [ANNOTATION_RPO]: o.rpo,
    [ANNOTATION_DR_CLUSTER]: o.drCluster,
    [ANNOTATION_HEALING_MODE]: o.healingMode ?? 'dry-run',
  };
  const defined: Record<string, string> = {};
  for (const [key, value] of Object.entries(annotations)) {
    if (value === undefined) continue;
    const problem = DESCRIPTORS.get(key)?.validate(value);
    if (problem) {
      throw new OptionsError(FIELDS[key] ?? key, `${key}: ${problem}`);
    }
    defined[key] = value;
  }
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name: o.name,
      ...(o.description && { description: o.description }),
      annotations: defined,
      tags: ['cloud-native', 'istio', 'slo'],
    },
    spec: {
      type: 'service',
      lifecycle: o.lifecycle ?? 'experimental',
      owner: o.owner,
      ...(o.system && { system: o.system }),
    },
  };
}
