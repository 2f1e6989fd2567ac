import { KubeObject } from '../kube';
import {
  deployment,
  istio,
  meshNamespace,
  messagesFor,
  namespace,
} from '../testing/fixtures';

const selectWeb = { selector: { matchLabels: { app: 'web' } } };

describe('DestinationRule TLS check', () => {
  function rule(host: string, spec: any): KubeObject {
    return istio('DestinationRule', 'web', 'shop', { host, ...spec });
  }
  const check = (object: KubeObject) =>
    messagesFor('mesh-destination-tls-downgrade', [
      meshNamespace(),
      namespace('legacy'),
      object,
    ]);

  it.each([
    [
      'web.shop.svc.cluster.local',
      { trafficPolicy: { tls: { mode: 'ISTIO_MUTUAL' } } },
    ],
    ['api.payments.example', { trafficPolicy: { tls: { mode: 'SIMPLE' } } }],
    [
      'db.legacy.svc.cluster.local',
      { trafficPolicy: { tls: { mode: 'DISABLE' } } },
    ],
  ])('passes %s with %j', (host, spec) => {
    expect(check(rule(host, spec))).toEqual([]);
  });

  it.each([
    [
      'web.shop.svc.cluster.local',
      { trafficPolicy: { tls: { mode: 'DISABLE' } } },
      'trafficPolicy.tls.mode is DISABLE towards web.shop.svc.cluster.local, a host in the mesh',
    ],
    [
      'web',
      { subsets: [{ name: 'v2', trafficPolicy: { tls: { mode: 'SIMPLE' } } }] },
      'subsets[v2].trafficPolicy.tls.mode is SIMPLE towards web, a host in the mesh',
    ],
    [
      '*.shop.svc.cluster.local',
      {
        trafficPolicy: {
          portLevelSettings: [
            { port: { number: 8080 }, tls: { mode: 'DISABLE' } },
          ],
        },
      },
      'trafficPolicy.portLevelSettings[port 8080].tls.mode is DISABLE towards *.shop.svc.cluster.local, a host in the mesh',
    ],
    [
      'web.shop',
      { trafficPolicy: { tls: { mode: 'SIMPLE' } } },
      'trafficPolicy.tls.mode is SIMPLE towards web.shop, a host in the mesh',
    ],
  ])('fails %s with %j', (host, spec, message) => {
    expect(check(rule(host, spec))).toEqual([message]);
  });
});

describe('DestinationRule TLS check on a rule alone', () => {
  const alone = (host: string, mode: string) =>
    messagesFor('mesh-destination-tls-downgrade', [
      istio('DestinationRule', 'web', 'shop', {
        host,
        trafficPolicy: { tls: { mode } },
      }),
    ]);

  it('reports DISABLE towards a namespace the audit does not show', () => {
    expect(alone('web.shop.svc.cluster.local', 'DISABLE')).toEqual([
      'trafficPolicy.tls.mode is DISABLE towards web.shop.svc.cluster.local, a host of the cluster no Namespace among the objects puts outside the mesh',
    ]);
    expect(alone('*.local', 'DISABLE')).toHaveLength(1);
  });

  it.each([
    ['SIMPLE, which a TLS server of its own may want', 'web', 'SIMPLE'],
    ['ISTIO_MUTUAL', 'web', 'ISTIO_MUTUAL'],
    [
      'DISABLE towards a host outside the cluster',
      'api.example.com',
      'DISABLE',
    ],
  ])('passes %s', (_, host, mode) => {
    expect(alone(host, mode)).toEqual([]);
  });
});

describe('AuthorizationPolicy checks', () => {
  const web = deployment();
  const allowFromCheckout = {
    rules: [
      {
        from: [
          { source: { principals: ['cluster.local/ns/shop/sa/checkout'] } },
        ],
      },
    ],
  };

  it.each([
    [
      'a policy selecting it',
      istio('AuthorizationPolicy', 'web', 'shop', {
        ...selectWeb,
        ...allowFromCheckout,
      }),
    ],
    [
      'a namespace-wide policy',
      istio('AuthorizationPolicy', 'deny', 'shop', {
        action: 'DENY',
        rules: [{}],
      }),
    ],
    [
      'a mesh-wide policy',
      istio('AuthorizationPolicy', 'none', 'istio-system', {}),
    ],
    [
      'a root-namespace policy selecting it',
      istio('AuthorizationPolicy', 'web', 'istio-system', selectWeb),
    ],
  ])('mesh-authz-missing passes with %s', (_, policy) => {
    expect(
      messagesFor('mesh-authz-missing', [meshNamespace(), web, policy]),
    ).toEqual([]);
  });

  it.each([
    ['no policy', []],
    [
      'a policy selecting others',
      [
        istio('AuthorizationPolicy', 'db', 'shop', {
          selector: { matchLabels: { app: 'db' } },
        }),
      ],
    ],
    [
      'an AUDIT policy',
      [
        istio('AuthorizationPolicy', 'audit', 'shop', {
          action: 'AUDIT',
          rules: [{}],
        }),
      ],
    ],
    [
      'a policy of another namespace',
      [istio('AuthorizationPolicy', 'all', 'other', {})],
    ],
    [
      'a targetRefs policy',
      [
        istio('AuthorizationPolicy', 'gw', 'shop', {
          targetRefs: [{ kind: 'Gateway', name: 'gw' }],
        }),
      ],
    ],
  ])('mesh-authz-missing fails with %s', (_, policies) => {
    expect(
      messagesFor('mesh-authz-missing', [meshNamespace(), web, ...policies]),
    ).toEqual([
      'no AuthorizationPolicy in shop or istio-system applies to the pods, so every workload of the mesh may call them',
    ]);
  });

  it.each([
    ['rules with a source', { ...selectWeb, ...allowFromCheckout }],
    ['no rules, which denies everything', { ...selectWeb }],
    ['a DENY rule {}', { action: 'DENY', rules: [{}] }],
  ])('mesh-authz-allow-all passes %s', (_, spec) => {
    expect(
      messagesFor('mesh-authz-allow-all', [
        istio('AuthorizationPolicy', 'p', 'shop', spec),
      ]),
    ).toEqual([]);
  });

  it.each([
    [
      'shop',
      { rules: [{}] },
      'rule 1 has no from, to or when: it allows every request to every workload of namespace shop',
    ],
    [
      'shop',
      {
        ...selectWeb,
        action: 'ALLOW',
        rules: [allowFromCheckout.rules[0], { from: [], to: [] }],
      },
      'rule 2 has no from, to or when: it allows every request to every workload labelled app=web',
    ],
    [
      'istio-system',
      { rules: [{}] },
      'rule 1 has no from, to or when: it allows every request to every workload of the mesh',
    ],
  ])('mesh-authz-allow-all fails in %s with %j', (ns, spec, message) => {
    expect(
      messagesFor('mesh-authz-allow-all', [
        istio('AuthorizationPolicy', 'p', ns, spec),
      ]),
    ).toEqual([message]);
  });
});
