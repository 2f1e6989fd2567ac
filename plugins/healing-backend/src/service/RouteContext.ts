import {
  HttpAuthService,
  LoggerService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { ClusterStateService } from '@cloud-native-platform/plugin-cloud-native-node';
import { ActionExecutor } from '../actions/ActionExecutor';
import { HealingConfig } from '../config';
import { HealingStore } from '../database/HealingStore';
import { AlertProcessor } from './AlertProcessor';
import { KillSwitch } from './KillSwitch';

/** What every route module is built from. */
export interface RouteContext {
  store: HealingStore;
  config: HealingConfig;
  clusterState: ClusterStateService;
  catalog: CatalogService;
  /**
   * Where entity views read their entity: the plugin's
   * `CatalogEntityCache`; the catalog itself when not given.
   */
  entities?: Pick<CatalogService, 'getEntityByRef'>;
  httpAuth: HttpAuthService;
  permissions: PermissionsService;
  logger: LoggerService;
  processor: AlertProcessor;
  killSwitch: KillSwitch;
  executor: ActionExecutor;
}
