import { Config } from '@backstage/config';
import {
  DEFAULT_HEALING_BUDGETS,
  HealingBudgets,
  HealingPolicy,
  parseDuration,
  readHealingPolicies,
} from '@cloud-native-platform/plugin-healing-common';

/**
 * The `healing` configuration, read and checked once at start-up.
 *
 * @public
 */
export interface HealingConfig {
  policies: HealingPolicy[];
  budgets: HealingBudgets;
  /** `healing.killSwitch: true`: no action anywhere, and the UI cannot lift it. */
  killSwitch: boolean;
  /** Alert label naming the cluster. */
  clusterLabel: string;
  retentionDays: number;
  /** `healing.demo.replay`: replay the demo incidents once at start-up. */
  demoReplay: boolean;
  /** `healing.approvals.ttl`: how long an attempt waits for a decision before it expires. */
  approvalTtlMs: number;
}

const HOUR_MS = 3_600_000;

function positiveInteger(
  config: Config | undefined,
  key: string,
  fallback: number,
): number {
  const value = config?.getOptionalNumber(key) ?? fallback;
  if (!Number.isInteger(value) || value < 1) {
    throw new Error(
      `healing.${key} must be a whole number of at least 1, got ${value}`,
    );
  }
  return value;
}

function approvalTtl(config: Config | undefined): number {
  const value = config?.getOptionalString('approvals.ttl');
  if (value === undefined) return HOUR_MS;
  const ms = parseDuration(value, 'healing.approvals.ttl');
  if (ms < 1000) {
    throw new Error(
      `healing.approvals.ttl must be at least 1s, got '${value}'`,
    );
  }
  return ms;
}

/**
 * Reads `healing`; a wrong entry stops start-up with the key it is about.
 *
 * @public
 */
export function readHealingConfig(root: Config): HealingConfig {
  const config = root.getOptionalConfig('healing');
  return {
    policies: readHealingPolicies(config?.getOptional('policies')),
    budgets: {
      perNamespacePerHour: positiveInteger(
        config,
        'budgets.perNamespacePerHour',
        DEFAULT_HEALING_BUDGETS.perNamespacePerHour,
      ),
      perClusterPerHour: positiveInteger(
        config,
        'budgets.perClusterPerHour',
        DEFAULT_HEALING_BUDGETS.perClusterPerHour,
      ),
      perHour: positiveInteger(
        config,
        'budgets.perHour',
        DEFAULT_HEALING_BUDGETS.perHour,
      ),
    },
    killSwitch: config?.getOptionalBoolean('killSwitch') ?? false,
    clusterLabel: config?.getOptionalString('clusterLabel') ?? 'cluster',
    retentionDays: positiveInteger(config, 'retentionDays', 180),
    demoReplay: config?.getOptionalBoolean('demo.replay') ?? false,
    approvalTtlMs: approvalTtl(config),
  };
}
