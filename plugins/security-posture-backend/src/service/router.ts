import {
  AuthService,
  HttpAuthService,
  LoggerService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { ClusterStateService } from '@cloud-native-platform/plugin-cloud-native-node';
import express from 'express';
import Router from 'express-promise-router';
import { PostureConfig } from '../config';
import { PostureStore } from '../database/PostureStore';
import { ClusterFindingsCache } from './ClusterFindings';
import { ComponentIndex } from './ComponentIndex';
import { PostureReporter } from './PostureReporter';
import { RouteContext } from './RouteContext';
import { auditRoute } from './routes/auditRoute';
import { falcoRoute } from './routes/falcoRoute';
import { readRoutes } from './routes/readRoutes';

/**
 * Options of {@link createRouter}.
 *
 * @public
 */
export interface RouterOptions {
  clusterState: ClusterStateService;
  catalog: CatalogService;
  /**
   * Where entity views read their entity: the plugin's
   * `CatalogEntityCache`; the catalog itself when not given.
   */
  entities?: Pick<CatalogService, 'getEntityByRef'>;
  auth: AuthService;
  httpAuth: HttpAuthService;
  permissions: PermissionsService;
  logger: LoggerService;
  store: PostureStore;
  config: PostureConfig;
  /** Shared with the snapshot task; created when not given. */
  reporter?: PostureReporter;
}

/**
 * Builds the reporter the router and the snapshot task share: one findings
 * cache and one catalog index per plugin.
 *
 * @public
 */
export function createPostureReporter(
  options: Omit<RouterOptions, 'reporter' | 'httpAuth' | 'permissions'>,
): { reporter: PostureReporter; components: ComponentIndex } {
  const components = new ComponentIndex({
    catalog: options.catalog,
    auth: options.auth,
    logger: options.logger,
  });
  const reporter = new PostureReporter({
    clusterState: options.clusterState,
    // Under watch churn a cluster's findings are reused for a few seconds.
    cache: new ClusterFindingsCache({ minAgeMs: 5_000 }),
    components,
    store: options.store,
    config: options.config,
  });
  return { reporter, components };
}

/**
 * The security posture HTTP API.
 *
 * @public
 */
export async function createRouter(
  options: RouterOptions,
): Promise<express.Router> {
  const created = createPostureReporter(options);
  const context: RouteContext = {
    ...options,
    components: created.components,
    reporter: options.reporter ?? created.reporter,
  };
  const router = Router();
  // The webhook and the audit read their bodies themselves (after the
  // token check, and within the audit queue), so they come before the read
  // routes, whose router parses JSON bodies. Each validates against the
  // spec in src/schema/openapi.ts, served at /openapi.json.
  router.use(auditRoute());
  router.use(falcoRoute(context));
  router.use(readRoutes(context));
  return router;
}
