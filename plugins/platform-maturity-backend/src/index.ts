/**
 * Backend of the platform maturity plugins: maturity scores, DR readiness,
 * the leaderboard and the trend of every score.
 *
 * @packageDocumentation
 */

export { platformMaturityPlugin as default } from './plugin';
export * from './service/router';
export * from './config';
export * from './database/MaturityStore';
export { KnexMaturityStore } from './database/KnexMaturityStore';
export {
  MaturityAssessor,
  type EntityMaturity,
} from './service/MaturityAssessor';
export * from './service/PlatformSignals';
