import { mockServices } from '@backstage/backend-test-utils';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import https from 'node:https';
import { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { ClusterDefinition } from '../clusters/ClusterDefinition';
import { ClusterObjectStore } from './ClusterObjectStore';
import { ClusterStatusTracker } from './ClusterStatusTracker';
import { KubernetesClusterSource } from './KubernetesClusterSource';
import { DEFAULT_KINDS } from './kinds';

const NAMESPACES = DEFAULT_KINDS.filter(k => k.kind === 'Namespace');

/**
 * An API server behind TLS with a self-signed certificate made by openssl,
 * answering a LIST of namespaces and holding watches open.
 */
describe('KubernetesClusterSource over TLS', () => {
  let dir: string;
  let server: https.Server;
  let url: string;
  let caPem: string;

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tls-'));
    const made = spawnSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'rsa:2048',
        '-nodes',
        '-days',
        '1',
        '-subj',
        '/CN=127.0.0.1',
        '-addext',
        'subjectAltName=IP:127.0.0.1',
        '-keyout',
        path.join(dir, 'key.pem'),
        '-out',
        path.join(dir, 'cert.pem'),
      ],
      { encoding: 'utf8' },
    );
    if (made.status !== 0) throw new Error(`openssl failed: ${made.stderr}`);
    caPem = fs.readFileSync(path.join(dir, 'cert.pem'), 'utf8');
    server = https.createServer(
      { key: fs.readFileSync(path.join(dir, 'key.pem')), cert: caPem },
      (req, res) => {
        if (req.headers.authorization !== 'Bearer tls-token') {
          res.writeHead(401).end();
          return;
        }
        res.setHeader('content-type', 'application/json');
        if (req.url?.includes('watch=1')) {
          res.writeHead(200);
          res.write('');
          return; // held open until the client stops
        }
        res.end(
          JSON.stringify({
            kind: 'NamespaceList',
            metadata: { resourceVersion: '7' },
            items: [{ metadata: { name: 'trading', uid: 'ns-1' } }],
          }),
        );
      },
    );
    await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
    url = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    server.closeAllConnections();
    await new Promise(resolve => server.close(resolve));
    fs.rmSync(dir, { recursive: true, force: true });
  });

  async function sync(tls: Partial<ClusterDefinition['source']>) {
    const cluster: ClusterDefinition = {
      name: 'secure',
      role: 'production',
      labels: {},
      source: {
        type: 'kubernetes',
        url,
        authProvider: 'serviceAccount',
        serviceAccountToken: 'tls-token',
        skipTLSVerify: false,
        ...tls,
      } as ClusterDefinition['source'],
      origin: 'test',
    };
    const store = new ClusterObjectStore();
    const status = new ClusterStatusTracker(cluster, k => store.count(k));
    const source = new KubernetesClusterSource(
      {
        cluster,
        store,
        status,
        logger: mockServices.logger.mock(),
        kinds: NAMESPACES,
        onChange: () => {},
      },
      { backoff: { initialMs: 50, maxMs: 100 } },
    );
    await source.start();
    await source.stop();
    return { store, status: status.snapshot() };
  }

  it('trusts the API server through caData', async () => {
    const { store, status } = await sync({
      caData: Buffer.from(caPem).toString('base64'),
    });
    expect(status.state).toBe('ready');
    expect(store.get('Namespace', undefined, 'trading')).toBeDefined();
  });

  it('trusts the API server through caFile', async () => {
    const { status } = await sync({ caFile: path.join(dir, 'cert.pem') });
    expect(status.state).toBe('ready');
  });

  it('reports an untrusted certificate as the reason the cluster is degraded', async () => {
    const { store, status } = await sync({});
    expect(status.state).toBe('degraded');
    expect(status.error).toMatch(/self[- ]signed certificate/i);
    expect(status.error).toContain('caData, caFile or skipTLSVerify');
    expect(store.count('Namespace')).toBe(0);
  });

  it('connects without verification when skipTLSVerify is set', async () => {
    const { status } = await sync({ skipTLSVerify: true });
    expect(status.state).toBe('ready');
  });

  it('reports a wrong token', async () => {
    const { status } = await sync({
      skipTLSVerify: true,
      serviceAccountToken: 'wrong',
    } as any);
    expect(status.state).toBe('degraded');
    expect(status.error).toContain('401 Unauthorized');
  });
});
