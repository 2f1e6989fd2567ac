import { BackstageCredentials } from '@backstage/backend-plugin-api';
import {
  ConflictError,
  InputError,
  NotAllowedError,
  NotFoundError,
} from '@backstage/errors';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { healingAttemptApprovePermission } from '@cloud-native-platform/plugin-cloud-native-common';
import express from 'express';
import Router from 'express-promise-router';
import { approveAttempt } from '../approveAttempt';
import { engineStatus } from '../engineStatus';
import { RouteContext } from '../RouteContext';

function principalOf(credentials: BackstageCredentials): string {
  const principal = credentials.principal as {
    type: string;
    userEntityRef?: string;
    subject?: string;
  };
  return principal.userEntityRef ?? principal.subject ?? principal.type;
}

const MAX_COMMENT_LENGTH = 500;

/** The optional `{ comment }` of an approval or rejection, trimmed. */
function commentOf(body: unknown): string | undefined {
  const comment = (body as { comment?: unknown } | undefined)?.comment;
  if (comment === undefined || comment === null) return undefined;
  if (typeof comment !== 'string' || comment.length > MAX_COMMENT_LENGTH) {
    throw new InputError(
      `comment must be a string of at most ${MAX_COMMENT_LENGTH} characters`,
    );
  }
  return comment.trim() || undefined;
}

/** POST /attempts/:id/approve and /reject, PUT /kill-switch: all need healing.attempt.approve. */
export function approvalRoutes(context: RouteContext): express.Router {
  const { httpAuth, permissions, store, killSwitch, logger } = context;
  const router = Router();

  async function authorized(req: express.Request): Promise<string> {
    const credentials = await httpAuth.credentials(req);
    const [decision] = await permissions.authorize(
      [{ permission: healingAttemptApprovePermission }],
      { credentials },
    );
    if (decision.result !== AuthorizeResult.ALLOW) {
      throw new NotAllowedError(
        'approving, rejecting and the kill switch need the healing.attempt.approve permission',
      );
    }
    return principalOf(credentials);
  }

  router.post('/attempts/:id/approve', express.json(), async (req, res) => {
    const by = await authorized(req);
    const comment = commentOf(req.body);
    const attempt = await approveAttempt(context, req.params.id, by, comment);
    logger.info(
      `healing attempt ${attempt.id} approved by ${by}: ${attempt.status}`,
    );
    res.json(attempt);
  });

  router.post('/attempts/:id/reject', express.json(), async (req, res) => {
    const by = await authorized(req);
    const comment = commentOf(req.body);
    const attempt = await store.getAttempt(req.params.id);
    if (!attempt)
      throw new NotFoundError(`no healing attempt ${req.params.id}`);
    const reason = comment
      ? `rejected by ${by}: ${comment}`
      : `rejected by ${by}`;
    if (
      !(await store.updateAttempt(attempt.id, 'pending-approval', {
        status: 'rejected',
        decidedBy: by,
        reason,
        steps: [
          ...attempt.steps,
          {
            name: 'approval',
            at: new Date().toISOString(),
            status: 'failed',
            summary: reason,
          },
        ],
      }))
    ) {
      throw new ConflictError(
        `healing attempt ${attempt.id} is ${attempt.status}, not pending-approval`,
      );
    }
    logger.info(`healing attempt ${attempt.id} rejected by ${by}`);
    res.json(await store.getAttempt(attempt.id));
  });

  router.put('/kill-switch', express.json(), async (req, res) => {
    const by = await authorized(req);
    if (typeof req.body?.enabled !== 'boolean') {
      throw new InputError('body must be { "enabled": true | false }');
    }
    if (!req.body.enabled && killSwitch.lockedByConfig) {
      throw new ConflictError(
        'the kill switch is set by healing.killSwitch in the configuration and cannot be lifted here',
      );
    }
    await killSwitch.set(req.body.enabled, by);
    logger.info(
      `healing kill switch ${req.body.enabled ? 'on' : 'off'}, set by ${by}`,
    );
    res.json(await engineStatus(context));
  });
  return router;
}
