import {
  defaultDeny,
  deployment,
  messagesFor,
  namespace,
  networkPolicy,
} from '../testing/fixtures';

const ingressFromCheckout = [
  { from: [{ podSelector: { matchLabels: { app: 'checkout' } } }] },
];

describe('network-default-deny-missing', () => {
  const check = (...policies: ReturnType<typeof networkPolicy>[]) =>
    messagesFor('network-default-deny-missing', [
      namespace('shop'),
      ...policies,
    ]);

  it.each([
    ['policyTypes Ingress and Egress', defaultDeny()],
    [
      'policyTypes left to their default',
      networkPolicy('deny', 'shop', { podSelector: {} }),
    ],
    [
      'an empty ingress list',
      networkPolicy('deny', 'shop', {
        podSelector: { matchLabels: {} },
        policyTypes: ['Ingress'],
        ingress: [],
      }),
    ],
  ])('passes a default deny with %s', (_, policy) => {
    expect(check(policy)).toEqual([]);
  });

  it.each([
    ['no policy', [], 0],
    [
      'an allow-all ingress rule',
      [
        networkPolicy('open', 'shop', {
          podSelector: {},
          policyTypes: ['Ingress'],
          ingress: [{}],
        }),
      ],
      1,
    ],
    [
      'an egress-only deny',
      [
        networkPolicy('egress', 'shop', {
          podSelector: {},
          policyTypes: ['Egress'],
        }),
      ],
      1,
    ],
    [
      'a deny for some pods only',
      [
        networkPolicy('web', 'shop', {
          podSelector: { matchLabels: { app: 'web' } },
          policyTypes: ['Ingress'],
        }),
        defaultDeny('other'),
      ],
      1,
    ],
  ])('fails with %s', (_, policies, count) => {
    expect(check(...policies)).toEqual([
      `no NetworkPolicy with podSelector {}, policyTypes Ingress and no ingress rules (${count} NetworkPolic${
        count === 1 ? 'y' : 'ies'
      } in the namespace)`,
    ]);
  });

  it('skips the Kubernetes system namespaces', () => {
    const system = ['kube-system', 'kube-public', 'kube-node-lease'].map(name =>
      namespace(name),
    );
    expect(messagesFor('network-default-deny-missing', system)).toEqual([]);
  });
});

describe('network-policy-missing', () => {
  const web = deployment();
  const check = (...objects: ReturnType<typeof networkPolicy>[]) =>
    messagesFor('network-policy-missing', objects);

  it.each([
    ['a namespace-wide policy', defaultDeny()],
    [
      'matchLabels',
      networkPolicy('web', 'shop', {
        podSelector: { matchLabels: { app: 'web' } },
        ingress: ingressFromCheckout,
      }),
    ],
    [
      'matchExpressions',
      networkPolicy('web', 'shop', {
        podSelector: {
          matchExpressions: [
            { key: 'app', operator: 'In', values: ['web', 'api'] },
            { key: 'canary', operator: 'DoesNotExist' },
          ],
        },
      }),
    ],
  ])('passes pods selected by %s', (_, policy) => {
    expect(check(web, policy)).toEqual([]);
  });

  it.each([
    ['no policy', []],
    ['a policy in another namespace', [defaultDeny('other')]],
    [
      'a policy for other pods',
      [
        networkPolicy('db', 'shop', {
          podSelector: { matchLabels: { app: 'db' } },
        }),
      ],
    ],
    [
      'a NotIn expression',
      [
        networkPolicy('no-web', 'shop', {
          podSelector: {
            matchExpressions: [
              { key: 'app', operator: 'NotIn', values: ['web'] },
            ],
          },
        }),
      ],
    ],
    [
      'an unknown operator',
      [
        networkPolicy('odd', 'shop', {
          podSelector: {
            matchExpressions: [
              { key: 'app', operator: 'Matches', values: ['w*'] },
            ],
          },
        }),
      ],
    ],
  ])('fails with %s', (_, policies) => {
    expect(check(web, ...policies)).toEqual([
      'no NetworkPolicy in shop selects pods labelled app=web',
    ]);
  });

  it.each([
    ['namespace-wide', {}],
    ['selecting the pods', { matchLabels: { app: 'web' } }],
  ])(
    'fails with only an Egress policy %s, which leaves ingress open',
    (_, podSelector) => {
      const egress = networkPolicy('egress-only', 'shop', {
        podSelector,
        policyTypes: ['Egress'],
        egress: [{ to: [{ podSelector: {} }] }],
      });
      expect(check(web, egress)).toEqual([
        'no NetworkPolicy in shop restricts ingress to pods labelled app=web: egress-only is Egress only',
      ]);
      // Empty policyTypes are defaulted by the API server: Ingress is in.
      const defaulted = networkPolicy('defaulted', 'shop', {
        podSelector,
        policyTypes: [],
      });
      expect(check(web, egress, defaulted)).toEqual([]);
    },
  );

  it('skips host-network pods, which policies do not reach, and system namespaces', () => {
    const hostNetwork = deployment(pod => (pod.hostNetwork = true));
    const coredns = deployment(
      (_p, _c, o) => (o.metadata.namespace = 'kube-system'),
    );
    expect(check(hostNetwork, coredns)).toEqual([]);
  });
});
