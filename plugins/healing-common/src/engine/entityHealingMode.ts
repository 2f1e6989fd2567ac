import { HealingMode } from '../api';
import { HealingPolicy } from './policies';

/**
 * What the target's catalog entity says about healing, from its
 * `cloud-native-platform.io/healing-mode` annotation.
 *
 * @public
 */
export interface EntityHealingMode {
  entityRef: string;
  /** The annotation's value; absent when the entity sets none. */
  mode?: 'enforce' | 'dry-run' | 'disabled';
  /** Set when the entity could not be read: the mode is unknown. */
  unknown?: string;
}

const ACTING: ReadonlySet<HealingMode> = new Set(['approval', 'enforce']);

/**
 * The policy as the entity's annotation lets it run: `disabled` turns it
 * into observe, `dry-run` caps approval and enforce at dry-run, `enforce`
 * (or no annotation) leaves it as it is; the annotation never raises a
 * policy's mode. An entity that could not be read caps at dry-run too, so
 * an annotation nobody could check never lets the engine act. `note` says
 * why the mode changed, for the attempt's decision.
 *
 * @public
 */
export function capPolicyByEntity(
  policy: HealingPolicy,
  entity: EntityHealingMode | undefined,
): { policy: HealingPolicy; note?: string } {
  if (!entity) return { policy };
  if (entity.mode === 'disabled') {
    return {
      policy: { ...policy, mode: 'observe' },
      note: `${entity.entityRef} disables healing (cloud-native-platform.io/healing-mode: disabled): its alerts are recorded, never acted on`,
    };
  }
  if (!ACTING.has(policy.mode)) return { policy };
  if (entity.mode === 'dry-run') {
    return {
      policy: { ...policy, mode: 'dry-run' },
      note: `${entity.entityRef} caps healing at dry-run (cloud-native-platform.io/healing-mode: dry-run); policy ${policy.name} would ${policy.mode}`,
    };
  }
  if (entity.unknown !== undefined) {
    return {
      policy: { ...policy, mode: 'dry-run' },
      note: `the healing-mode annotation of ${entity.entityRef} could not be read (${entity.unknown}), so policy ${policy.name} runs as a dry run`,
    };
  }
  return { policy };
}
