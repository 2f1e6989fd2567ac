import { resolvePackagePath } from '@backstage/backend-plugin-api';
import {
  CustomErrorBase,
  InputError,
  ServiceUnavailableError,
} from '@backstage/errors';
import { isClusterRole } from '@cloud-native-platform/plugin-cloud-native-common';
import { openApiErrorHandler } from '@cloud-native-platform/plugin-cloud-native-node';
import {
  AuditReport,
  findingsToSarif,
  isCheckedWorkload,
  ManifestError,
  parseManifests,
  namespaceNameProblem,
  withDefaultNamespace,
  summarizeFindings,
  summarizeMeshCoverage,
  assessObjects,
} from '@cloud-native-platform/plugin-security-posture-common';
import express from 'express';
import Router from 'express-promise-router';
import fs from 'node:fs';
import { resourceKey } from '../ClusterFindings';
import {
  applyScopedExceptions,
  exceptionsOfAnnotation,
} from '../exceptionScopes';
import { createApiRouter } from '../createApiRouter';
import { AuditQueue } from './AuditQueue';
import { ANNOTATION_POSTURE_EXCEPTIONS } from '@cloud-native-platform/plugin-cloud-native-common';

/** Media types the audit reads; JSON is read by the same YAML parser. */
export const AUDIT_CONTENT_TYPES = [
  'application/yaml',
  'text/yaml',
  'application/x-yaml',
  'text/plain',
  'application/json',
];
const AUDIT_LIMIT_MB = 10;
const AUDIT_LIMIT_BYTES = AUDIT_LIMIT_MB * 1024 * 1024;
/** How long an admitted audit may take to send its body. */
const BODY_DEADLINE_MS = 30_000;
/** Seconds a client turned away by a full queue is told to wait. */
const RETRY_AFTER_SECONDS = 5;

/** A body above the route's size limit (413). */
export class PayloadTooLargeError extends CustomErrorBase {
  readonly statusCode = 413;
}

/** A body not received within the deadline (408). */
export class RequestTimeoutError extends CustomErrorBase {
  readonly statusCode = 408;
}

/** A body of a media type the route does not read (415). */
export class UnsupportedMediaTypeError extends CustomErrorBase {
  readonly statusCode = 415;
}

const TOOL_VERSION: string = (() => {
  try {
    return JSON.parse(
      fs.readFileSync(
        resolvePackagePath(
          '@cloud-native-platform/plugin-security-posture-backend',
          'package.json',
        ),
        'utf8',
      ),
    ).version;
  } catch {
    return '0.0.0';
  }
})();

const tooLarge = () =>
  new PayloadTooLargeError(
    `the manifests are larger than the ${AUDIT_LIMIT_MB} MB /audit accepts; audit them in parts`,
  );

/**
 * POST /audit: the posture of manifests posted in the body; reads no cluster.
 *
 * Audits of one backend instance run one at a time: an audit takes the
 * queue's slot before its body is read and gives it back when its answer is
 * sent, so at most one body and its parsed objects are in memory. Up to
 * `maxWaiting` more wait their turn (holding only their connection); beyond
 * that the answer is 503 with Retry-After. A body announced above the limit
 * is refused with 413 before it is queued or read. The query is validated
 * against the OpenAPI spec once the body is read, as before any audit work.
 */
export function auditRoute(
  options: { queue?: AuditQueue; bodyDeadlineMs?: number } = {},
): express.Router {
  const router = Router();
  const queue = options.queue ?? new AuditQueue();
  const bodyDeadlineMs = options.bodyDeadlineMs ?? BODY_DEADLINE_MS;
  const body = express.text({
    type: AUDIT_CONTENT_TYPES,
    limit: AUDIT_LIMIT_BYTES,
  });

  const audit = createApiRouter();
  audit.post('/audit', async (req, res) => {
    const { clusterRole, namespace, format = 'json' } = req.query;
    if (clusterRole !== undefined && !isClusterRole(clusterRole)) {
      throw new InputError(
        `clusterRole '${clusterRole}' is not a cluster role such as production or staging`,
      );
    }
    const namespaceProblem =
      namespace === undefined ? undefined : namespaceNameProblem(namespace);
    if (namespaceProblem) throw new InputError(namespaceProblem);
    if (typeof req.body !== 'string') {
      throw new UnsupportedMediaTypeError(
        `post the manifests as one of ${AUDIT_CONTENT_TYPES.join(', ')}`,
      );
    }

    let parsed;
    try {
      parsed = parseManifests(req.body, 'request body');
    } catch (error) {
      if (error instanceof ManifestError) {
        throw new InputError(error.message);
      }
      throw error;
    }
    // Where kubectl would apply them: objects without a namespace land in
    // ?namespace= (default `default`) and its policies govern them.
    const objects = withDefaultNamespace(parsed.objects, namespace);
    const { findings, meshCoverage } = assessObjects(objects, {
      clusterRole,
    });
    const byKey = new Map(
      objects
        .filter(o => o?.metadata?.name)
        .map(o => [
          resourceKey({
            kind: o.kind,
            namespace: o.metadata.namespace,
            name: o.metadata.name,
          }),
          o,
        ]),
    );
    const reportFindings = applyScopedExceptions(
      findings,
      resource =>
        exceptionsOfAnnotation(
          byKey.get(resourceKey(resource))?.metadata.annotations?.[
            ANNOTATION_POSTURE_EXCEPTIONS
          ],
          'workload',
        ),
      new Date(),
    );
    const resources = objects
      .filter(o => o?.metadata?.name && isCheckedWorkload(o))
      .map(o => ({
        kind: o.kind,
        ...(o.metadata.namespace !== undefined && {
          namespace: o.metadata.namespace,
        }),
        name: o.metadata.name,
      }));
    const summary = summarizeFindings(reportFindings, resources);
    if (format === 'sarif') {
      // res.json keeps a media type set before it.
      res
        .type('application/sarif+json')
        .json(findingsToSarif(summary.findings, { toolVersion: TOOL_VERSION }));
      return;
    }
    const report: AuditReport = {
      ...summary,
      meshCoverage: summarizeMeshCoverage(meshCoverage),
      documents: parsed.documents,
    };
    res.json(report);
  });
  audit.use(openApiErrorHandler());

  router.post(
    '/audit',
    (req, res, next) => {
      if (Number(req.headers['content-length']) > AUDIT_LIMIT_BYTES) {
        next(tooLarge());
        return;
      }
      const slot = queue.acquire();
      if (!slot) {
        res.set('Retry-After', String(RETRY_AFTER_SECONDS));
        next(
          new ServiceUnavailableError(
            `${
              queue.running + queue.waiting
            } audits are running or waiting on this instance, the most it takes; retry in ${RETRY_AFTER_SECONDS} s`,
          ),
        );
        return;
      }
      slot.then(release => {
        res.once('close', release);
        // A client that went away while waiting gives its turn on at once.
        if (res.writableEnded || req.socket.destroyed) release();
        else next();
      });
    },
    (req, res, next) => {
      let settled = false;
      const deadline = setTimeout(() => {
        settled = true;
        res.set('Connection', 'close');
        next(
          new RequestTimeoutError(
            `the manifests were not received within ${
              bodyDeadlineMs / 1000
            } s; the audit gave its turn to the next`,
          ),
        );
      }, bodyDeadlineMs);
      body(req, res, error => {
        clearTimeout(deadline);
        if (settled) return;
        settled = true;
        next(error?.type === 'entity.too.large' ? tooLarge() : error);
      });
    },
    audit,
  );
  return router;
}
