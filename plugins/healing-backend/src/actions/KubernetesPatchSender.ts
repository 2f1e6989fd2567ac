import { fieldOf } from '@cloud-native-platform/plugin-cloud-native-common';
import { ClusterDefinition } from '@cloud-native-platform/plugin-cloud-native-node';
import { HealingPatch } from '@cloud-native-platform/plugin-healing-common';
import fs from 'node:fs';
import http from 'node:http';
import https from 'node:https';

const TIMEOUT_MS = 15_000;

/**
 * Sends a plan's request to a live cluster with the cluster's own
 * credentials. The shared KubernetesApiClient only reads (GET and watch),
 * so the few writes of the healing engine go through here.
 *
 * @public
 */
export async function sendKubernetesPatch(
  cluster: ClusterDefinition,
  patch: HealingPatch,
): Promise<unknown> {
  const source = cluster.source;
  if (source.type !== 'kubernetes') {
    throw new Error(`cluster ${cluster.name} is not a live cluster`);
  }
  const base = new URL(source.url);
  const url = new URL(base.pathname.replace(/\/$/, '') + patch.path, base);
  const body = JSON.stringify(patch.body);
  const headers: Record<string, string> = {
    Accept: 'application/json',
    'Content-Type': patch.contentType,
    'Content-Length': String(Buffer.byteLength(body)),
  };
  if (source.serviceAccountToken) {
    headers.Authorization = `Bearer ${source.serviceAccountToken}`;
  }
  const secure = url.protocol === 'https:';
  let ca: Buffer | undefined;
  if (source.caData) ca = Buffer.from(source.caData, 'base64');
  else if (source.caFile) ca = fs.readFileSync(source.caFile);
  return new Promise((resolve, reject) => {
    const request = (secure ? https : http).request(
      url,
      {
        method: patch.method,
        headers,
        timeout: TIMEOUT_MS,
        ...(secure && { ca, rejectUnauthorized: !source.skipTLSVerify }),
      },
      res => {
        const chunks: Buffer[] = [];
        res.on('data', c => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let parsed: unknown;
          try {
            parsed = text ? JSON.parse(text) : undefined;
          } catch {
            parsed = undefined;
          }
          if (res.statusCode! >= 200 && res.statusCode! < 300) {
            resolve(parsed);
          } else {
            // The API server's Status message says why (e.g. a PDB refused an eviction).
            const message = fieldOf(parsed, 'message');
            const detail =
              typeof message === 'string' ? message : text.slice(0, 200);
            reject(
              new Error(
                `${patch.method} ${patch.path.split('?')[0]} on cluster ${
                  cluster.name
                }: ${res.statusCode} ${detail}`,
              ),
            );
          }
        });
        res.on('error', reject);
      },
    );
    request.on('timeout', () =>
      request.destroy(
        new Error(
          `${patch.method} ${patch.path} on cluster ${cluster.name}: no answer in ${TIMEOUT_MS} ms`,
        ),
      ),
    );
    request.on('error', error =>
      reject(
        new Error(
          `${patch.method} ${patch.path} on cluster ${cluster.name}: ${error.message}`,
        ),
      ),
    );
    request.end(body);
  });
}
