import { resolvePackagePath } from '@backstage/backend-plugin-api';
import { CustomErrorBase, InputError } from '@backstage/errors';
import { isClusterRole } from '@cloud-native-platform/plugin-cloud-native-common';
import {
  AuditReport,
  findingsToSarif,
  isCheckedWorkload,
  ManifestError,
  parseManifests,
  runChecks,
  summarizeFindings,
} from '@cloud-native-platform/plugin-security-posture-common';
import express from 'express';
import Router from 'express-promise-router';
import fs from 'node:fs';
import { resourceKey } from '../ClusterFindings';
import {
  applyScopedExceptions,
  exceptionsOfAnnotation,
} from '../exceptionScopes';
import { allowOnly, Query, single } from '../queryParams';
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
const FORMATS = ['json', 'sarif'];

/** A body above the route's size limit (413). */
export class PayloadTooLargeError extends CustomErrorBase {
  readonly statusCode = 413;
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

/** POST /audit: the posture of manifests posted in the body; reads no cluster. */
export function auditRoute(): express.Router {
  const router = Router();
  const body = express.text({
    type: AUDIT_CONTENT_TYPES,
    limit: `${AUDIT_LIMIT_MB}mb`,
  });

  router.post(
    '/audit',
    (req, res, next) =>
      body(req, res, error => {
        if (error?.type === 'entity.too.large') {
          next(
            new PayloadTooLargeError(
              `the manifests are larger than the ${AUDIT_LIMIT_MB} MB /audit accepts; audit them in parts`,
            ),
          );
        } else next(error);
      }),
    async (req, res) => {
      const query = req.query as Query;
      allowOnly(query, ['clusterRole', 'format']);
      const clusterRole = single(query, 'clusterRole');
      if (clusterRole !== undefined && !isClusterRole(clusterRole)) {
        throw new InputError(
          `clusterRole '${clusterRole}' is not a cluster role such as production or staging`,
        );
      }
      const format = single(query, 'format') ?? 'json';
      if (!FORMATS.includes(format)) {
        throw new InputError(
          `format '${format}' is not one of ${FORMATS.join(', ')}`,
        );
      }
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
      const findings = runChecks(parsed.objects, { clusterRole });
      const byKey = new Map(
        parsed.objects
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
      const resources = parsed.objects
        .filter(o => o?.metadata?.name && isCheckedWorkload(o as any))
        .map(o => ({
          kind: o.kind,
          ...(o.metadata.namespace !== undefined && {
            namespace: o.metadata.namespace,
          }),
          name: o.metadata.name,
        }));
      const summary = summarizeFindings(reportFindings, resources);
      if (format === 'sarif') {
        res
          .type('application/sarif+json')
          .send(
            JSON.stringify(
              findingsToSarif(summary.findings, { toolVersion: TOOL_VERSION }),
            ),
          );
        return;
      }
      const report: AuditReport = { ...summary, documents: parsed.documents };
      res.json(report);
    },
  );
  return router;
}
