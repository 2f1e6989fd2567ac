import {
  ANNOTATION_CLUSTER_STATUS,
  ANNOTATION_CLUSTERS,
  ANNOTATION_DR_CLUSTER,
  ANNOTATION_HEALING_MODE,
  ANNOTATION_KUBERNETES_ID,
  ANNOTATION_KUBERNETES_LABEL_SELECTOR,
  ANNOTATION_KUBERNETES_NAMESPACE,
  ANNOTATION_MESH_HOST,
  ANNOTATION_POSTURE_EXCEPTIONS,
  ANNOTATION_REPLICATION_LAG_QUERY,
  ANNOTATION_RPO,
  ANNOTATION_RTO,
  ANNOTATION_SLO,
  ANNOTATION_SLO_AVAILABILITY,
  ANNOTATION_SLO_LATENCY_P99,
  ANNOTATION_WORKLOADS,
} from './annotations';
import { parseDuration } from './duration';
import { parseLabelSelector } from './labelSelector';
import { parseSloAnnotation } from './slo/sloAnnotation';

/**
 * What an annotation means and how its value is checked.
 *
 * @public
 */
export interface AnnotationDescriptor {
  key: string;
  /** Who defines it: Backstage's Kubernetes plugin or this suite. */
  origin: 'upstream' | 'cloud-native-platform';
  description: string;
  example: string;
  /** Returns why the value is wrong, or undefined when it is valid. */
  validate(value: string): string | undefined;
}

const DNS_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const DNS_SUBDOMAIN =
  /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const KIND = /^[A-Z][A-Za-z0-9]*$/;
const HEALING_MODES = ['enforce', 'dry-run', 'disabled'];
const ENTITY_REF = /^([a-z]+:)?([a-z0-9-_.]+\/)?[a-z0-9-_.]+$/i;

function list(value: string): string[] {
  return value.split(',').map(part => part.trim());
}

function validateNameList(value: string, what: string): string | undefined {
  const parts = list(value);
  const bad = parts.find(part => !DNS_LABEL.test(part) || part.length > 63);
  if (bad !== undefined) {
    return `'${bad}' is not a valid ${what} (lowercase letters, digits and '-', at most 63 characters)`;
  }
  return undefined;
}

function validateWorkloads(value: string): string | undefined {
  for (const part of list(value)) {
    const segments = part.split('/');
    if (segments.length < 2 || segments.length > 3) {
      return `'${part}' is not Kind/name or namespace/Kind/name`;
    }
    const [namespace, kind, name] =
      segments.length === 3 ? segments : [undefined, ...segments];
    if (namespace !== undefined && !DNS_LABEL.test(namespace)) {
      return `'${namespace}' in '${part}' is not a valid namespace`;
    }
    if (!KIND.test(kind!)) {
      return `'${kind}' in '${part}' is not a Kubernetes kind (for example Deployment)`;
    }
    if (!DNS_SUBDOMAIN.test(name!)) {
      return `'${name}' in '${part}' is not a valid object name`;
    }
  }
  return undefined;
}

function validatePercent(value: string): string | undefined {
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n) || n <= 0 || n >= 100) {
    return `'${value}' is not a percentage between 0 and 100 (exclusive), for example 99.95`;
  }
  return undefined;
}

function validatePositiveNumber(value: string): string | undefined {
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n) || n <= 0) {
    return `'${value}' is not a positive number of milliseconds`;
  }
  return undefined;
}

function validateDuration(value: string): string | undefined {
  return parseDuration(value) === undefined
    ? `'${value}' is not a duration such as 15s, 500ms, 5m or 1h`
    : undefined;
}

function validateExceptions(value: string): string | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(value);
  } catch (e) {
    return `is not valid JSON: ${(e as Error).message}`;
  }
  if (!Array.isArray(parsed)) {
    return 'must be a JSON array of { check, reason, owner, expires }';
  }
  for (const [i, item] of parsed.entries()) {
    if (typeof item !== 'object' || item === null) {
      return `item ${i} is not an object`;
    }
    const { check, reason, owner, expires } = item as Record<string, unknown>;
    if (typeof check !== 'string' || check === '') {
      return `item ${i} has no check id`;
    }
    if (typeof reason !== 'string' || reason.trim() === '') {
      return `item ${i} (${check}) has no reason`;
    }
    if (typeof owner !== 'string' || !ENTITY_REF.test(owner)) {
      return `item ${i} (${check}) has no owner entity reference such as group:default/platform`;
    }
    if (
      typeof expires !== 'string' ||
      !/^\d{4}-\d{2}-\d{2}/.test(expires) ||
      Number.isNaN(Date.parse(expires))
    ) {
      return `item ${i} (${check}) has no expiry date such as 2027-03-31`;
    }
  }
  return undefined;
}

/**
 * Every annotation the suite reads, with meaning, example and validation.
 *
 * @public
 */
export const ANNOTATIONS: readonly AnnotationDescriptor[] = [
  {
    key: ANNOTATION_KUBERNETES_ID,
    origin: 'upstream',
    description:
      "Value of the backstage.io/kubernetes-id label carried by the component's workloads.",
    example: 'trading-engine',
    validate: v =>
      DNS_SUBDOMAIN.test(v) ||
      /^[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?$/.test(v)
        ? undefined
        : `'${v}' is not a valid label value`,
  },
  {
    key: ANNOTATION_KUBERNETES_LABEL_SELECTOR,
    origin: 'upstream',
    description: "Label selector that finds the component's workloads.",
    example: 'app.kubernetes.io/name=trading-engine,tier=core',
    validate: v => {
      try {
        parseLabelSelector(v);
        return undefined;
      } catch (e) {
        return (e as Error).message;
      }
    },
  },
  {
    key: ANNOTATION_KUBERNETES_NAMESPACE,
    origin: 'upstream',
    description: "Namespace the component's workloads run in.",
    example: 'trading',
    validate: v => validateNameList(v, 'namespace'),
  },
  {
    key: ANNOTATION_CLUSTERS,
    origin: 'cloud-native-platform',
    description:
      'Comma-separated names of the clusters (cloudNativePlatform.clusters) the component runs in; without it every cluster is searched.',
    example: 'prod-east-a,prod-east-b,dr-west',
    validate: v => validateNameList(v, 'cluster name'),
  },
  {
    key: ANNOTATION_WORKLOADS,
    origin: 'cloud-native-platform',
    description:
      'Comma-separated workloads as Kind/name or namespace/Kind/name, for workloads without the kubernetes-id label.',
    example: 'trading/StatefulSet/ledger-db',
    validate: validateWorkloads,
  },
  {
    key: ANNOTATION_MESH_HOST,
    origin: 'cloud-native-platform',
    description:
      'Istio service host of the component, used to match mesh traffic.',
    example: 'trading-engine.trading.svc.cluster.local',
    validate: v =>
      DNS_SUBDOMAIN.test(v) ? undefined : `'${v}' is not a DNS host name`,
  },
  {
    key: ANNOTATION_SLO_AVAILABILITY,
    origin: 'cloud-native-platform',
    description: 'Availability objective in percent over 30 days.',
    example: '99.95',
    validate: validatePercent,
  },
  {
    key: ANNOTATION_SLO_LATENCY_P99,
    origin: 'cloud-native-platform',
    description: 'p99 latency objective in milliseconds.',
    example: '95',
    validate: validatePositiveNumber,
  },
  {
    key: ANNOTATION_SLO,
    origin: 'cloud-native-platform',
    description:
      'Service level objectives of a component without Sloth, Pyrra or generated SLO rules: a JSON array of { name?, kind: availability|latency, objective (percent), window? (30d), errorQuery, totalQuery } with per-second rates over $window, or for latency { thresholdMs, histogram, matchers? }; $cluster stands for the cluster queried. The SLO page reads budgets, burn rates and p99 from it.',
    example:
      '[{"kind":"availability","objective":99.9,"errorQuery":"sum(rate(http_requests_total{job=\\"api\\",code=~\\"5..\\"}[$window]))","totalQuery":"sum(rate(http_requests_total{job=\\"api\\"}[$window]))"},{"kind":"latency","objective":99,"thresholdMs":200,"histogram":"http_request_duration_seconds","matchers":"job=\\"api\\""}]',
    validate: v => {
      try {
        parseSloAnnotation(v);
        return undefined;
      } catch (e) {
        return (e as Error).message;
      }
    },
  },
  {
    key: ANNOTATION_RTO,
    origin: 'cloud-native-platform',
    description: 'Recovery time objective.',
    example: '15s',
    validate: validateDuration,
  },
  {
    key: ANNOTATION_RPO,
    origin: 'cloud-native-platform',
    description: 'Recovery point objective; 0s means no data loss.',
    example: '0s',
    validate: validateDuration,
  },
  {
    key: ANNOTATION_REPLICATION_LAG_QUERY,
    origin: 'cloud-native-platform',
    description:
      'PromQL returning the replication lag in seconds, one series per replica; replaces the built-in PostgreSQL and MirrorMaker 2 queries when the RPO is measured.',
    example:
      'max_over_time(pg_replication_lag{namespace="trading",pod=~"ledger-db-.*"}[5m])',
    validate: v =>
      v.trim() === '' ? 'must be a PromQL expression' : undefined,
  },
  {
    key: ANNOTATION_DR_CLUSTER,
    origin: 'cloud-native-platform',
    description: 'Disaster-recovery cluster the component fails over to.',
    example: 'dr-west',
    validate: v => validateNameList(v, 'cluster name'),
  },
  {
    key: ANNOTATION_HEALING_MODE,
    origin: 'cloud-native-platform',
    description:
      'enforce: the healing engine acts; dry-run: it records what it would do; disabled: it ignores the alerts.',
    example: 'dry-run',
    validate: v =>
      HEALING_MODES.includes(v)
        ? undefined
        : `'${v}' is not one of ${HEALING_MODES.join(', ')}`,
  },
  {
    key: ANNOTATION_CLUSTER_STATUS,
    origin: 'cloud-native-platform',
    description:
      'Set by the suite on the catalog entity of each configured cluster: syncing, ready or degraded.',
    example: 'ready',
    validate: v =>
      ['syncing', 'ready', 'degraded'].includes(v)
        ? undefined
        : `'${v}' is not one of syncing, ready, degraded`,
  },
  {
    key: ANNOTATION_POSTURE_EXCEPTIONS,
    origin: 'cloud-native-platform',
    description:
      'Security posture exceptions: a JSON array of { check, reason, owner, expires }.',
    example:
      '[{"check":"pss-run-as-non-root","reason":"vendor image","owner":"group:default/trading","expires":"2027-03-31"}]',
    validate: validateExceptions,
  },
];
