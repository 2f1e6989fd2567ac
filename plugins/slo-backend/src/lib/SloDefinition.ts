import type { SloHistogram } from '@cloud-native-platform/plugin-cloud-native-common';
import type {
  SloKind,
  SloSource,
} from '@cloud-native-platform/plugin-slo-common';

/**
 * The queries of an SLO in one cluster: per-second rates of bad and of all
 * events over `$window`, or (Sloth's raw SLIs) the error ratio itself.
 */
export type SloQueries =
  | { errorQuery: string; totalQuery: string; errorRatioQuery?: never }
  | { errorRatioQuery: string; errorQuery?: never; totalQuery?: never };

/**
 * One SLO as one definition states it: a Sloth SLO, a Pyrra object, a
 * generated rule's objective or an annotation entry.
 */
export interface SloDefinition {
  /** The service it belongs to, matched to a catalog entity. */
  service: string;
  name: string;
  kind: SloKind;
  source: SloSource;
  /** `<cluster>/<namespace>/<Kind>/<name>` or the entity ref. */
  definedIn: string;
  /** Ratio, 0.999 for 99.9 %. */
  objective: number;
  /** Prometheus duration. */
  window: string;
  queries: SloQueries;
  /** Alert names of its burn-rate rules. */
  alertRules: string[];
  /** Labels an alert carries when it belongs to this SLO; others of the same name are another SLO's. */
  alertLabels: Record<string, string>;
  latency?: { thresholdSeconds: number; histogram?: SloHistogram };
  /** Where it is evaluated: the cluster it was found in; unset for annotations. */
  cluster?: string;
  /** Set for annotations: the entity it was read from. */
  entityRef?: string;
}

/** A definition that could not be read, and why. */
export interface SloDefinitionError {
  cluster?: string;
  /** The service it was meant for, where the object says. */
  service?: string;
  /** Set for annotations: the entity whose annotation is wrong. */
  entityRef?: string;
  definedIn: string;
  message: string;
}

/** What a reader found in one object: its SLOs and the parts it could not read. */
export interface SloReadResult {
  definitions: SloDefinition[];
  errors: SloDefinitionError[];
}

/** A percentage (99.9) as a ratio (0.999), without binary noise. */
export function percentToRatio(percent: number): number {
  return Number((percent / 100).toFixed(12));
}
