/**
 * Backend of the platform maturity plugins: maturity scores, DR readiness,
 * the leaderboard and the trend of every score. Install it with
 * `backend.add(import('@cloud-native-platform/plugin-platform-maturity-backend'))`;
 * the answers' types and the `platform-maturity.read` permission are in
 * `@cloud-native-platform/plugin-platform-maturity-common`.
 *
 * @packageDocumentation
 */

export { platformMaturityPlugin as default } from './plugin';
