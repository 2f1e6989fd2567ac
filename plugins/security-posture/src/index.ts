/**
 * Security posture: one score and one findings list per service, namespace,
 * cluster and team, with exceptions, trends and CSV, JSON and SARIF export,
 * on a page of its own and on the pages of catalog entities.
 *
 * The default export is the plugin for the new frontend system; the named
 * exports serve apps on the legacy frontend system.
 *
 * @packageDocumentation
 */

export { default } from './alpha';
export {
  securityPosturePlugin,
  SecurityPosturePage,
  EntitySecurityPostureContent,
  EntitySecurityPostureCard,
} from './plugin';
export { isSecurityPostureAvailable } from './isSecurityPostureAvailable';
export { SecurityPostureClient, securityPostureApiRef } from './api';
export type { FleetScope, PostureScope, SecurityPostureApi } from './api';
export { ScoreTrendChart } from './components/ScoreTrendChart';
export type { ScoreTrendChartProps } from './components/ScoreTrendChart';
