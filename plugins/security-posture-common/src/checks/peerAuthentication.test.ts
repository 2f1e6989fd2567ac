import { KubeObject } from '../kube';
import {
  deployment,
  findingsFor,
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

// The findings on the workload, the effect of the policies resolved for it;
// the policies' own findings are tested apart.
function onWorkload(checkId: string, objects: KubeObject[]): string[] {
  return findingsFor(checkId, objects)
    .filter(finding => finding.resource.kind === 'Deployment')
    .map(finding => finding.message);
}

function mtls(objects: KubeObject[]): string[] {
  return [
    ...onWorkload('mesh-mtls-disabled', objects),
    ...onWorkload('mesh-mtls-permissive', objects),
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
    expect(onWorkload(id, [meshNamespace(), web, ...pass])).toEqual([]);
    expect(onWorkload(id, [meshNamespace(), web, ...fail])).toEqual([message]);
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

describe('mesh mTLS checks on the PeerAuthentication itself', () => {
  const policyLines = (objects: KubeObject[]) =>
    ['mesh-mtls-disabled', 'mesh-mtls-permissive'].flatMap(id =>
      findingsFor(id, objects)
        .filter(finding => finding.resource.kind === 'PeerAuthentication')
        .map(
          ({ checkId, severity, resource, message }) =>
            `${checkId} ${severity} ${resource.namespace}/${resource.name}: ${message}`,
        ),
    );

  it('reports a lone PERMISSIVE PeerAuthentication, with no workload in the audit', () => {
    expect(policyLines([peerAuthentication('PERMISSIVE')])).toEqual([
      'mesh-mtls-permissive medium shop/default: mtls.mode is PERMISSIVE: every workload of namespace shop without a policy of its own accepts plaintext, without mTLS or a SPIFFE identity for the caller',
    ]);
  });

  it.each([
    ['STRICT', peerAuthentication('STRICT')],
    ['UNSET', peerAuthentication('UNSET')],
    ['no mtls block', istio('PeerAuthentication', 'default', 'shop', {})],
    [
      'portLevelMtls without a selector, which Istio ignores',
      peerAuthentication('STRICT', {
        portLevelMtls: { 8080: { mode: 'DISABLE' } },
      }),
    ],
    [
      'a selector policy in the root namespace, which Istio ignores',
      istio('PeerAuthentication', 'web', 'istio-system', {
        ...selectWeb,
        mtls: { mode: 'DISABLE' },
      }),
    ],
    [
      'a PeerAuthentication of another API group',
      {
        ...peerAuthentication('DISABLE'),
        apiVersion: 'example.com/v1',
      },
    ],
  ])('passes %s', (_, policy) => {
    expect(policyLines([policy])).toEqual([]);
  });

  it('reports DISABLE mesh-wide and port by port on a selector policy', () => {
    const meshWide = istio('PeerAuthentication', 'default', 'istio-system', {
      mtls: { mode: 'DISABLE' },
    });
    const ports = peerAuthentication(
      'STRICT',
      {
        ...selectWeb,
        portLevelMtls: {
          9090: { mode: 'PERMISSIVE' },
          8080: { mode: 'DISABLE' },
          8443: { mode: 'STRICT' },
        },
      },
      'web',
    );
    expect(policyLines([meshWide, ports])).toEqual([
      'mesh-mtls-disabled high istio-system/default: mtls.mode is DISABLE: every workload of the mesh without a policy of its own accepts only plaintext, without mTLS or a SPIFFE identity for the caller',
      'mesh-mtls-disabled high shop/web: portLevelMtls 8080 is DISABLE: the workloads of shop labelled app=web accept only plaintext on port 8080, without mTLS or a SPIFFE identity for the caller',
      'mesh-mtls-permissive medium shop/web: portLevelMtls 9090 is PERMISSIVE: the workloads of shop labelled app=web accept plaintext on port 9090, without mTLS or a SPIFFE identity for the caller',
    ]);
  });

  it('reports the policy once and each workload it applies to', () => {
    const objects = [
      meshNamespace(),
      deployment(),
      peerAuthentication('DISABLE'),
    ];
    expect(
      findingsFor('mesh-mtls-disabled', objects).map(f => f.resource.kind),
    ).toEqual(['Deployment', 'PeerAuthentication']);
  });
});
