/**
 * What an SLO measures: the share of requests that succeed, or the share
 * answered within a latency threshold.
 *
 * @public
 */
export type SloKind = 'availability' | 'latency';

/**
 * Where an SLO's definition was read from:
 *
 * - `generated`: a PrometheusRule written by the suite's scaffolder actions;
 * - `sloth`: a Sloth `PrometheusServiceLevel` (`sloth.slok.dev/v1`);
 * - `pyrra`: a Pyrra `ServiceLevelObjective` (`pyrra.dev/v1alpha1`);
 * - `annotation`: the catalog entity's `cloud-native-platform.io/slo` annotation.
 *
 * @public
 */
export type SloSource = 'generated' | 'sloth' | 'pyrra' | 'annotation';

/**
 * The windows burn rates are reported over.
 *
 * @public
 */
export type SloBurnWindow = '5m' | '1h' | '6h' | '3d';

/**
 * How fast the budget burns over each window: the error ratio over the
 * window divided by the error budget (1 spends the budget exactly over the
 * SLO window). Null where the window has no events or no data.
 *
 * @public
 */
export type SloBurnRates = Record<SloBurnWindow, number | null>;

/**
 * Where an SLO's budget stands:
 *
 * - `ok`: budget left and no burn-rate alert firing;
 * - `burning`: a burn-rate alert of the SLO fires;
 * - `exhausted`: no budget left over the window;
 * - `no-data`: no cluster returned events for the window.
 *
 * @public
 */
export type SloStatus = 'ok' | 'burning' | 'exhausted' | 'no-data';

/**
 * One cluster's part of an SLO: its events over the SLO window and its
 * share of all of them.
 *
 * @public
 */
export interface SloClusterShare {
  cluster: string;
  /** Good events over the SLO window (requests that met the objective). */
  good: number | null;
  /** All events over the SLO window. */
  total: number | null;
  /** This cluster's `total` divided by the sum over every cluster (0–1). */
  share: number | null;
  /** 1 − good/total in this cluster alone. */
  errorRatio: number | null;
  /** Why this cluster gave no figures (no Prometheus, query failed…). */
  error?: string;
}

/**
 * One alert of an SLO's burn-rate rules as a cluster's Prometheus reports it.
 *
 * @public
 */
export interface SloAlert {
  name: string;
  cluster: string;
  state: 'firing' | 'pending';
  severity?: string;
  /** When it became active (RFC 3339). */
  activeAt?: string;
}

/**
 * The alerting of an SLO: the burn-rate alerts its definition declares and
 * those firing or pending now.
 *
 * @public
 */
export interface SloAlerting {
  /** Alert names the definition declares (may be empty for annotations). */
  rules: string[];
  active: SloAlert[];
}

/**
 * The latency part of a latency SLO: the observed quantile against its
 * threshold, over the last 5 minutes, summed across clusters.
 *
 * @public
 */
export interface SloLatency {
  /** The quantile, 0.99 for p99. */
  quantile: number;
  thresholdSeconds: number;
  observedSeconds: number | null;
  /** observed ≤ threshold; null without data. */
  met: boolean | null;
}

/**
 * One SLO with its budget, burn rates and alerting, summed across the
 * clusters that serve it.
 *
 * @public
 */
export interface SloObjective {
  /** Unique within the entity: `<service>-<kind>` or the definition's name. */
  name: string;
  service: string;
  entityRef?: string;
  /** The owning team's entity ref, from the catalog. */
  team?: string;
  kind: SloKind;
  source: SloSource;
  /** Where the definition was found: `<cluster>/<namespace>/<Kind>/<name>` or the entity ref. */
  definedIn: string;
  /** Target as a ratio: 0.999 for 99.9 %. */
  objective: number;
  /** The SLO window, a Prometheus duration such as `30d`. */
  window: string;
  /**
   * Share of the error budget left over the window: 1 untouched, 0 spent,
   * negative when overspent; null without data.
   */
  errorBudgetRemaining: number | null;
  /** 1 − good/total over the window, summed across clusters. */
  errorRatio: number | null;
  burnRates: SloBurnRates;
  alerting: SloAlerting;
  latency?: SloLatency;
  clusters: SloClusterShare[];
  status: SloStatus;
}

/**
 * `GET /api/slo/objectives?entityRef=…|team=…` (neither: every SLO).
 *
 * @public
 */
export interface SloObjectivesResponse {
  items: SloObjective[];
  /** Clusters or definitions that could not be read; the rest are listed. */
  errors?: Array<{ cluster?: string; definedIn?: string; message: string }>;
}

/**
 * One point of a budget trend.
 *
 * @public
 */
export interface SloTrendPoint {
  /** RFC 3339. */
  time: string;
  /** Budget left over the window ending at `time`; null without data. */
  errorBudgetRemaining: number | null;
}

/**
 * `GET /api/slo/trend?entityRef=…&name=…[&points=…]`: the budget left,
 * sampled over the SLO window (default 60 points).
 *
 * @public
 */
export interface SloTrendResponse {
  name: string;
  entityRef: string;
  window: string;
  points: SloTrendPoint[];
  /** Clusters left out of the sums because their Prometheus could not answer. */
  errors?: Array<{ cluster: string; message: string }>;
}
