export { healingApiRef } from './HealingApi';
export type { HealingApi, HealingAttemptQuery } from './HealingApi';
export { HealingClient } from './HealingClient';
