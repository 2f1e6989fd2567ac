import { KubeObject } from '../kube';
import {
  deployment,
  istio,
  meshNamespace,
  messagesFor,
  namespace,
} from '../testing/fixtures';

const strictMesh = istio('PeerAuthentication', 'default', 'istio-system', {
  mtls: { mode: 'STRICT' },
});

function peerAuthentication(mode: string, extra: any = {}, name = 'default') {
  return istio('PeerAuthentication', name, 'shop', {
    mtls: { mode },
    ...extra,
  });
}

const selectWeb = { selector: { matchLabels: { app: 'web' } } };

function mtls(objects: KubeObject[]): string[] {
  return [
    ...messagesFor('mesh-mtls-disabled', objects),
    ...messagesFor('mesh-mtls-permissive', objects),
  ];
}

describe('mesh mTLS checks', () => {
  const web = deployment();

  it.each([
    {
      id: 'mesh-mtls-permissive',
      pass: [strictMesh],
      fail: [peerAuthentication('PERMISSIVE')],
      message:
        'mTLS mode PERMISSIVE (PeerAuthentication shop/default, namespace-wide): plaintext is accepted',
    },
    {
      id: 'mesh-mtls-permissive',
      pass: [peerAuthentication('STRICT')],
      fail: [],
      message:
        "mTLS mode PERMISSIVE (no PeerAuthentication applies, Istio's default): plaintext is accepted",
    },
    {
      id: 'mesh-mtls-disabled',
      pass: [peerAuthentication('PERMISSIVE', {}, 'a'), strictMesh],
      fail: [strictMesh, peerAuthentication('DISABLE')],
      message:
        'mTLS mode DISABLE (PeerAuthentication shop/default, namespace-wide): only plaintext is accepted',
    },
  ])('$id: $message', ({ id, pass, fail, message }) => {
    expect(messagesFor(id, [meshNamespace(), web, ...pass])).toEqual([]);
    expect(messagesFor(id, [meshNamespace(), web, ...fail])).toEqual([message]);
  });

  it('lets a workload selector win over the namespace, and the namespace over the mesh', () => {
    const namespaceWide = peerAuthentication('PERMISSIVE');
    const selected = peerAuthentication('STRICT', selectWeb, 'web');
    expect(
      mtls([meshNamespace(), web, strictMesh, namespaceWide]),
    ).toHaveLength(1);
    expect(mtls([meshNamespace(), web, namespaceWide, selected])).toEqual([]);
    expect(
      mtls([
        meshNamespace(),
        web,
        strictMesh,
        peerAuthentication('DISABLE', selectWeb, 'web'),
      ]),
    ).toEqual([
      'mTLS mode DISABLE (PeerAuthentication shop/web, selecting the workload): only plaintext is accepted',
    ]);
  });

  it('inherits through UNSET and reports weaker port-level modes', () => {
    const ports = peerAuthentication(
      'UNSET',
      {
        ...selectWeb,
        portLevelMtls: {
          9090: { mode: 'DISABLE' },
          8080: { mode: 'PERMISSIVE' },
        },
      },
      'web',
    );
    expect(mtls([meshNamespace(), web, strictMesh, ports])).toEqual([
      'port 9090: mTLS mode DISABLE (portLevelMtls of PeerAuthentication shop/web): only plaintext is accepted',
      'port 8080: mTLS mode PERMISSIVE (portLevelMtls of PeerAuthentication shop/web): plaintext is accepted',
    ]);
  });

  it('notes stricter ports on a permissive workload', () => {
    const ports = peerAuthentication(
      'PERMISSIVE',
      { ...selectWeb, portLevelMtls: { 9090: { mode: 'STRICT' } } },
      'web',
    );
    expect(mtls([meshNamespace(), web, ports])).toEqual([
      'mTLS mode PERMISSIVE (PeerAuthentication shop/web, selecting the workload): plaintext is accepted; port 9090 is STRICT (portLevelMtls)',
    ]);
  });

  it('ignores port-level modes on a namespace-wide policy, as Istio does', () => {
    const ignored = peerAuthentication('STRICT', {
      portLevelMtls: { 8080: { mode: 'DISABLE' } },
    });
    expect(mtls([meshNamespace(), web, ignored])).toEqual([]);
  });

  it('applies the oldest of two policies selecting the workload', () => {
    const older = istio(
      'PeerAuthentication',
      'b',
      'shop',
      { ...selectWeb, mtls: { mode: 'STRICT' } },
      '2025-01-01T00:00:00Z',
    );
    const newer = istio(
      'PeerAuthentication',
      'a',
      'shop',
      { ...selectWeb, mtls: { mode: 'DISABLE' } },
      '2026-01-01T00:00:00Z',
    );
    expect(mtls([meshNamespace(), web, newer, older])).toEqual([]);
  });

  it.each([
    ['a namespace without injection', [namespace('shop'), deployment()]],
    [
      'a pod opting out of injection',
      [
        meshNamespace(),
        deployment(
          (_p, _c, o) =>
            (o.spec.template.metadata.labels['sidecar.istio.io/inject'] =
              'false'),
        ),
      ],
    ],
    [
      'a host-network pod',
      [meshNamespace(), deployment(pod => (pod.hostNetwork = true))],
    ],
    [
      'a gateway, whose only container is the proxy',
      [meshNamespace(), deployment((_p, c) => (c.name = 'istio-proxy'))],
    ],
  ])('leaves %s out of the mesh', (_, objects) => {
    expect(mtls(objects)).toEqual([]);
    expect(messagesFor('mesh-authz-missing', objects)).toEqual([]);
  });

  it.each([
    [
      'an injected sidecar',
      deployment(pod => pod.containers.push({ name: 'istio-proxy' })),
    ],
    [
      'the inject label',
      deployment(
        (_p, _c, o) =>
          (o.spec.template.metadata.labels['sidecar.istio.io/inject'] = 'true'),
      ),
    ],
    [
      'a revision label',
      deployment(
        (_p, _c, o) =>
          (o.spec.template.metadata.labels['istio.io/rev'] = 'canary'),
      ),
    ],
  ])('puts a workload with %s in the mesh', (_, object) => {
    expect(mtls([namespace('shop'), object])).toHaveLength(1);
  });

  it('puts workloads of a revision-labelled namespace in the mesh', () => {
    expect(
      mtls([namespace('shop', { 'istio.io/rev': 'stable' }), web]),
    ).toHaveLength(1);
  });
});
