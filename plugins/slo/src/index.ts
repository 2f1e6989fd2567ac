/**
 * SLOs: each service's error budget, multi-window burn rates, burn-rate
 * alerts, latency against its threshold and per-cluster shares, the budget
 * trend over the SLO window, and every team's budget status with the
 * fleet's worst burners.
 *
 * The default export is the plugin for the new frontend system; the named
 * exports serve apps on the legacy frontend system.
 *
 * @packageDocumentation
 */

export { default } from './alpha';
export { sloPlugin, SloPage, EntitySloContent, EntitySloCard } from './plugin';
export { isSloAvailable } from './isSloAvailable';
export { SloClient, sloApiRef } from './api';
export type { SloApi, SloObjectivesScope, SloTrendQuery } from './api';
export type {
  SloAlert,
  SloAlerting,
  SloBurnRates,
  SloBurnWindow,
  SloClusterShare,
  SloKind,
  SloLatency,
  SloObjective,
  SloObjectivesResponse,
  SloSource,
  SloStatus,
  SloTrendPoint,
  SloTrendResponse,
} from '@cloud-native-platform/plugin-slo-common';
