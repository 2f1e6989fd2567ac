export { sloApiRef } from './SloApi';
export type { SloApi, SloObjectivesScope, SloTrendQuery } from './SloApi';
export { SloClient } from './SloClient';
