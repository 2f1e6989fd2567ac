/**
 * A health sample of the target: e.g. whether all its pods were ready.
 *
 * @public
 */
export interface HealthSample {
  at: Date;
  healthy: boolean;
}

/**
 * What verification looks at.
 *
 * @public
 */
export interface VerificationInput {
  now: Date;
  appliedAt: Date;
  windowMs: number;
  alert: { startsAt: Date; status: 'firing' | 'resolved'; resolvedAt?: Date };
  /** Samples of the target's health, any order. */
  health: readonly HealthSample[];
}

/**
 * Outcome of a verification; `pending` until the window has passed or the
 * alert resolved.
 *
 * @public
 */
export interface VerificationResult {
  outcome: 'succeeded' | 'failed' | 'inconclusive' | 'pending';
  reason: string;
  resolvedAt?: Date;
  /** Seconds from the alert's start to its resolution. */
  mttrSeconds?: number;
}

/**
 * Judges an applied action. Succeeded: the alert resolved within the
 * window and the target was healthy at the last sample. Failed: the alert
 * still fires when the window ends and the target is unhealthy or unseen.
 * Inconclusive: the two signals disagree (alert resolved but target
 * unhealthy, or target healthy but the alert still fires).
 *
 * @public
 */
export function verifyAttempt(input: VerificationInput): VerificationResult {
  const { now, appliedAt, windowMs, alert } = input;
  const windowEnd = appliedAt.getTime() + windowMs;
  const samples = [...input.health]
    .filter(s => s.at.getTime() >= appliedAt.getTime())
    .sort((a, b) => a.at.getTime() - b.at.getTime());
  const last = samples[samples.length - 1];
  const resolvedAt =
    alert.status === 'resolved' ? alert.resolvedAt ?? now : undefined;
  if (resolvedAt && resolvedAt.getTime() <= windowEnd) {
    const mttrSeconds = Math.max(
      0,
      Math.round((resolvedAt.getTime() - alert.startsAt.getTime()) / 1000),
    );
    if (last && !last.healthy) {
      return {
        outcome: 'inconclusive',
        reason:
          'the alert resolved but the target was still unhealthy at the last check',
        resolvedAt,
        mttrSeconds,
      };
    }
    return {
      outcome: 'succeeded',
      reason: 'the alert resolved within the verify window',
      resolvedAt,
      mttrSeconds,
    };
  }
  if (now.getTime() < windowEnd) {
    return { outcome: 'pending', reason: 'the verify window is still open' };
  }
  // The last third of the window tells whether the target settled.
  const tail = samples.filter(s => s.at.getTime() >= windowEnd - windowMs / 3);
  if (tail.length > 0 && tail.every(s => s.healthy)) {
    return {
      outcome: 'inconclusive',
      reason:
        'the target is healthy but the alert still fires after the verify window',
    };
  }
  return {
    outcome: 'failed',
    reason: resolvedAt
      ? 'the alert resolved only after the verify window'
      : 'the alert still fires after the verify window',
  };
}
