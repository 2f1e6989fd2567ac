import {
  HttpAuthService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { NotAllowedError } from '@backstage/errors';
import {
  AuthorizeResult,
  BasicPermission,
} from '@backstage/plugin-permission-common';
import type { RequestHandler } from 'express';

/**
 * Middleware of a webhook: only a service principal holding the permission
 * gets past it, before the body is read. A static token of
 * `backend.auth.externalAccess` holds it when its `accessRestrictions` name
 * the plugin and the permission; a user's token is refused with 403 naming
 * the permission, whatever roles the user has.
 *
 * @public
 */
export function requireServicePermission(options: {
  httpAuth: HttpAuthService;
  permissions: PermissionsService;
  permission: BasicPermission;
}): RequestHandler {
  const { httpAuth, permissions, permission } = options;
  return (req, _res, next) => {
    (async () => {
      const credentials = await httpAuth.credentials(req, {
        allow: ['user', 'service'],
      });
      if (credentials.principal.type !== 'service') {
        throw new NotAllowedError(
          `${req.path} takes only service tokens holding the ${permission.name} permission, such as a backend.auth.externalAccess static token`,
        );
      }
      const [decision] = await permissions.authorize([{ permission }], {
        credentials,
      });
      if (decision.result !== AuthorizeResult.ALLOW) {
        throw new NotAllowedError(
          `this service token does not hold the ${permission.name} permission; add it to the token's accessRestrictions`,
        );
      }
    })().then(() => next(), next);
  };
}
