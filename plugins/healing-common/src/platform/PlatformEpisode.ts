import { HealingActionType, HealingStep } from '../api';
import { ClusterIndex, OwnedTarget } from './ClusterIndex';

/**
 * One thing Kubernetes healed (or tried to) by itself, before it becomes a
 * HealingAttempt.
 */
export interface PlatformEpisode {
  /**
   * What identifies the episode across extractions: the object's uid, what
   * happened and when it began. Parts that change while the episode goes
   * on (restart counts, status reasons) must stay out of it.
   */
  identity: string[];
  target: OwnedTarget;
  action: HealingActionType;
  healed: boolean;
  /** When it began, ms. */
  startedAt: number;
  /** When recovery is visible in the state, ms. */
  resolvedAt?: number;
  /** Latest time the state or events say something about it, ms. */
  lastSeenAt: number;
  /** Why it counts as failed, or what is still outstanding. */
  reason?: string;
  steps: HealingStep[];
}

/** What each episode finder gets. */
export interface EpisodeContext {
  index: ClusterIndex;
  now: number;
}

/** An ISO time of milliseconds. */
export function iso(ms: number): string {
  return new Date(ms).toISOString();
}

/** A duration in words for reasons: `42 s`, `66 min`, `3.5 h`. */
export function duration(ms: number): string {
  const s = Math.max(0, Math.round(ms / 1000));
  if (s < 120) return `${s} s`;
  if (s < 3 * 3600) return `${Math.round(s / 60)} min`;
  return `${(s / 3600).toFixed(1)} h`;
}

/** The earliest of some times, ignoring unknown ones. */
export function earliest(...times: Array<number | undefined>) {
  const known = times.filter((t): t is number => t !== undefined);
  return known.length ? Math.min(...known) : undefined;
}

/** The latest of some times, ignoring unknown ones. */
export function latest(...times: Array<number | undefined>) {
  const known = times.filter((t): t is number => t !== undefined);
  return known.length ? Math.max(...known) : undefined;
}
