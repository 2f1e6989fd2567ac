/**
 * Healing history: what the remediation engine and the platform itself
 * healed, when, why and with what outcome, with MTTR, success rate, approvals
 * and the kill switch, on a page of its own and on the pages of catalog
 * entities.
 *
 * The default export is the plugin for the new frontend system; the named
 * exports serve apps on the legacy frontend system.
 *
 * @packageDocumentation
 */

export { default } from './alpha';
export {
  healingPlugin,
  HealingPage,
  EntityHealingContent,
  EntityHealingCard,
} from './plugin';
export { isHealingAvailable } from './isHealingAvailable';
export { HealingClient, healingApiRef } from './api';
export type { HealingApi, HealingAttemptQuery } from './api';
export { lineDiff } from './lib/lineDiff';
export type { DiffLine } from './lib/lineDiff';
