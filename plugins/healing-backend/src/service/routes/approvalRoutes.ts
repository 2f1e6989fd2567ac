import { BackstageCredentials } from '@backstage/backend-plugin-api';
import {
  ConflictError,
  NotAllowedError,
  NotFoundError,
} from '@backstage/errors';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  HealingAttempt,
  healingAttemptApprovePermission,
  healingKillSwitchUpdatePermission,
} from '@cloud-native-platform/plugin-healing-common';
import express from 'express';
import { approveAttempt, refuseIfExpired } from '../approveAttempt';
import { attemptIdParam } from '../attemptIdParam';
import { ApiRouter } from '../createApiRouter';
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

/** The optional `{ comment }` of an approval or rejection (its shape checked by the spec), trimmed. */
function commentOf(body: { comment?: string | null } | undefined) {
  return body?.comment?.trim() || undefined;
}

function whereOf(attempt: HealingAttempt): string {
  return attempt.target.namespace
    ? `${attempt.cluster}/${attempt.target.namespace}`
    : attempt.cluster;
}

/**
 * POST /attempts/:id/approve and /reject need healing.attempt.approve on the
 * attempt (a policy may limit it per cluster and namespace); PUT
 * /kill-switch needs healing.killswitch.update. Both are decided before
 * anything is changed; the shape of the body is checked by the OpenAPI spec.
 */
export function approvalRoutes(router: ApiRouter, context: RouteContext): void {
  const { httpAuth, permissions, store, killSwitch, logger } = context;

  /** The attempt, once the caller may decide it; 404 before 403, as reads are open. */
  async function decidable(
    req: express.Request,
  ): Promise<{ by: string; attempt: HealingAttempt }> {
    const credentials = await httpAuth.credentials(req, { allow: ['user'] });
    const attempt = await store.getAttempt(attemptIdParam(req.params.id));
    if (!attempt) {
      throw new NotFoundError(`no healing attempt ${req.params.id}`);
    }
    const [decision] = await permissions.authorize(
      [
        {
          permission: healingAttemptApprovePermission,
          resourceRef: attempt.id,
        },
      ],
      { credentials },
    );
    if (decision.result !== AuthorizeResult.ALLOW) {
      throw new NotAllowedError(
        `deciding healing attempts in ${whereOf(attempt)} needs the ${
          healingAttemptApprovePermission.name
        } permission`,
      );
    }
    return { by: principalOf(credentials), attempt };
  }

  router.post('/attempts/:id/approve', async (req, res) => {
    const { by, attempt: pending } = await decidable(req);
    const comment = commentOf(req.body);
    const attempt = await approveAttempt(context, pending.id, by, comment);
    logger.info(
      `healing attempt ${attempt.id} approved by ${by}: ${attempt.status}`,
    );
    res.json(attempt);
  });

  router.post('/attempts/:id/reject', async (req, res) => {
    const { by, attempt } = await decidable(req);
    const comment = commentOf(req.body);
    await refuseIfExpired(context, attempt);
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

  router.put('/kill-switch', async (req, res) => {
    const credentials = await httpAuth.credentials(req, { allow: ['user'] });
    const [decision] = await permissions.authorize(
      [{ permission: healingKillSwitchUpdatePermission }],
      { credentials },
    );
    if (decision.result !== AuthorizeResult.ALLOW) {
      throw new NotAllowedError(
        `the kill switch needs the ${healingKillSwitchUpdatePermission.name} permission`,
      );
    }
    const by = principalOf(credentials);
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
}
