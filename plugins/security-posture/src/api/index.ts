export { securityPostureApiRef } from './SecurityPostureApi';
export type {
  FleetScope,
  PostureScope,
  SecurityPostureApi,
} from './SecurityPostureApi';
export { SecurityPostureClient } from './SecurityPostureClient';
