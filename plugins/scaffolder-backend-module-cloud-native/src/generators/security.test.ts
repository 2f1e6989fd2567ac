import {
  containerSecurityContext,
  generateSecurity,
  podSecurityContext,
} from './security';

describe('generateSecurity', () => {
  const base = {
    name: 'checkout',
    namespace: 'commerce',
    callers: ['sa:shop/web', 'ns:istio-system'],
  };

  it('writes a token-less ServiceAccount, a namespace default-deny and an allow policy', () => {
    const objects = generateSecurity(base);
    objects.forEach(o => o.validate());
    const [sa, deny, allow] = objects.map(o => o.toJSON() as any);
    expect(sa.automountServiceAccountToken).toBe(false);
    expect(deny.spec).toEqual({
      podSelector: {},
      policyTypes: ['Ingress', 'Egress'],
    });
    const from = allow.spec.ingress.map((rule: any) =>
      rule.from.map(
        (peer: any) =>
          peer.namespaceSelector.matchLabels['kubernetes.io/metadata.name'],
      ),
    );
    expect(from).toEqual([['istio-system', 'shop'], ['monitoring']]);
    expect(allow.spec.egress.map((rule: any) => rule.ports?.[0]?.port)).toEqual(
      [53, 15012],
    );
  });

  it('builds restricted security contexts with the chosen profiles', () => {
    expect(
      podSecurityContext({
        ...base,
        seccomp: {
          type: 'Localhost',
          localhostProfile: 'operator/commerce/checkout.json',
        },
      }),
    ).toMatchObject({
      runAsNonRoot: true,
      seccompProfile: {
        type: 'Localhost',
        localhostProfile: 'operator/commerce/checkout.json',
      },
      appArmorProfile: { type: 'RuntimeDefault' },
    });
    expect(containerSecurityContext()).toEqual({
      allowPrivilegeEscalation: false,
      readOnlyRootFilesystem: true,
      runAsNonRoot: true,
      capabilities: { drop: ['ALL'] },
    });
  });

  it.each([
    [
      {
        seccomp: {
          type: 'Localhost' as const,
          localhostProfile: '/etc/x.json',
        },
      },
      /^seccomp.localhostProfile: /,
    ],
    [{ appArmor: { type: 'Unconfined' } as any }, /^appArmor.type: /],
    [{ egressNamespaces: ['Bad'] }, /^egressNamespaces\[0\]: /],
  ])('refuses %j', (change, message) => {
    expect(() => generateSecurity({ ...base, ...change })).toThrow(message);
  });
});
