export interface Config {
  /** Configuration of the healing engine (plugins/healing-backend). */
  healing?: {
    /**
     * Remediation policies, first match wins: order them from the most
     * specific to the most general.
     */
    policies?: Array<{
      /**
       * Unique name, shown on each attempt.
       * @visibility backend
       */
      name: string;
      /**
       * What the policy applies to; every field given must match.
       * @visibility backend
       */
      match?: {
        /** @visibility backend */
        alertname?: string;
        /** Labels the alert must carry with these values. @visibility backend */
        labels?: { [name: string]: string };
        /** @visibility backend */
        cluster?: string;
        /** @visibility backend */
        namespace?: string;
        /** Catalog entity of the workload, e.g. component:default/risk-service. @visibility backend */
        entityRef?: string;
      };
      /**
       * restart, scale, traffic-shift, rollback, evict, rollout-abort or
       * rollout-undo (Argo Rollouts: abort the update under way, or go back
       * to the previous revision) the one action of the policy. Give either this or `actions`, not both.
       * @visibility backend
       */
      action?:
        | 'restart'
        | 'scale'
        | 'traffic-shift'
        | 'rollback'
        | 'evict'
        | 'rollout-abort'
        | 'rollout-undo';
      /**
       * The actions the policy allows, preferred first, e.g. [restart, scale].
       * The engine picks one per alert by Thompson sampling over verified
       * outcomes of earlier attempts on the same alert and workload kind
       * (succeeded counts for, failed against, inconclusive neither); the
       * order is its prior, so without evidence the first is chosen most
       * often. An action whose plan or safety rails refuse gives way to the
       * next. Only these actions are ever taken. Give either this or
       * `action`, not both; scale and traffic-shift need their settings below.
       * @visibility backend
       */
      actions?: Array<
        | 'restart'
        | 'scale'
        | 'traffic-shift'
        | 'rollback'
        | 'evict'
        | 'rollout-abort'
        | 'rollout-undo'
      >;
      /**
       * observe (detect only), dry-run (plan, never apply; the default),
       * approval (apply once approved), enforce (apply when confident).
       * @visibility backend
       */
      mode?: 'observe' | 'dry-run' | 'approval' | 'enforce';
      /**
       * Calibrated confidence needed to act, 0–1. Default 0.9. With 0 an
       * enforce policy acts even when no metrics give a confidence.
       * @visibility backend
       */
      threshold?: number;
      /**
       * No second action on the same target within this time, e.g. 15m (default).
       * @visibility backend
       */
      cooldown?: string;
      /**
       * How long an applied action is watched before it counts as failed. Default 10m.
       * @visibility backend
       */
      verifyWindow?: string;
      /**
       * Failed actions in a row on a target after which the engine stops on it. Default 3.
       * @visibility backend
       */
      maxConsecutiveFailures?: number;
      /**
       * For scale: replicas added per action (negative to remove) and the most allowed.
       * @visibility backend
       */
      scale?: { step: number; max: number };
      /**
       * For traffic-shift: percentage points moved to the subset or cluster.
       * @visibility backend
       */
      trafficShift?: { percent: number; toSubset?: string; toCluster?: string };
    }>;
    /** Actions allowed per hour. */
    budgets?: {
      /** Default 3. @visibility backend */
      perNamespacePerHour?: number;
      /** Default 10. @visibility backend */
      perClusterPerHour?: number;
      /** Across the fleet. Default 30. @visibility backend */
      perHour?: number;
    };
    /**
     * true stops every action; it cannot be lifted from the UI.
     * @visibility backend
     */
    killSwitch?: boolean;
    /**
     * Alert label naming the cluster. Default cluster.
     * @visibility backend
     */
    clusterLabel?: string;
    /** Attempts waiting for a person's decision. */
    approvals?: {
      /**
       * How long an attempt waits for an approval, e.g. 30m or 4h (default
       * 1h). After it the attempt is `expired`: approving or rejecting it
       * answers 409, since the cluster and the alert have moved on.
       * @visibility backend
       */
      ttl?: string;
    };
    /**
     * Days alerts and attempts are kept. Default 180.
     * @visibility backend
     */
    retentionDays?: number;
    /** The embedded demo. */
    demo?: {
      /**
       * true replays the demo incidents (examples/clusters) once at
       * start-up through the webhook's store and the pipeline, with
       * scripted metric series, so the history is not empty. Skipped when
       * attempts already exist. For the demo only: never in production.
       * @visibility backend
       */
      replay?: boolean;
    };
  };
}
