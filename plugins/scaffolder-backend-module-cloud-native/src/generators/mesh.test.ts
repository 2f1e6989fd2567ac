import { generateMesh } from './mesh';

describe('generateMesh', () => {
  const base = { name: 'checkout', namespace: 'commerce' };

  it('routes with timeout and retries, mTLS, STRICT and only the named callers', () => {
    const objects = generateMesh({
      ...base,
      callers: ['sa:commerce/storefront', 'ns:istio-system'],
    });
    objects.forEach(o => o.validate());
    const [vs, dr, pa, ap] = objects.map(o => o.toJSON() as any);
    expect(vs.spec.http[0]).toMatchObject({
      timeout: '5s',
      retries: { attempts: 3, perTryTimeout: '2s' },
    });
    expect(vs.spec.http[0].route).toEqual([
      {
        destination: {
          host: 'checkout.commerce.svc.cluster.local',
          port: { number: 8080 },
        },
      },
    ]);
    expect(dr.spec.trafficPolicy.tls).toEqual({ mode: 'ISTIO_MUTUAL' });
    expect(dr.spec.trafficPolicy.outlierDetection.consecutive5xxErrors).toBe(5);
    expect(dr.spec.trafficPolicy.connectionPool.tcp.maxConnections).toBe(100);
    expect(pa.spec.mtls).toEqual({ mode: 'STRICT' });
    expect(ap.spec.action).toBe('ALLOW');
    expect(ap.spec.rules[0].from).toEqual([
      { source: { principals: ['cluster.local/ns/commerce/sa/storefront'] } },
      { source: { namespaces: ['istio-system'] } },
    ]);
    expect(ap.spec.rules[1]).toEqual({
      from: [
        {
          source: { principals: ['cluster.local/ns/monitoring/sa/prometheus'] },
        },
      ],
      to: [{ operation: { methods: ['GET'], paths: ['/metrics'] } }],
    });
  });

  it('splits traffic to the canary subset by weight', () => {
    const vs = generateMesh({ ...base, canaryWeight: 10 })[0].toJSON() as any;
    expect(
      vs.spec.http[0].route.map((r: any) => [r.destination.subset, r.weight]),
    ).toEqual([
      ['stable', 90],
      ['canary', 10],
    ]);
  });

  it('lets only Prometheus in when there are no callers', () => {
    const ap = generateMesh(base)[3].toJSON() as any;
    expect(ap.spec.rules).toHaveLength(1);
  });

  it.each([
    [{ callers: ['user:alice'] }, /^callers\[0\]: unknown caller 'user:alice'/],
    [{ callers: ['ns:a', 'ns:a'] }, /^callers\[1\]: 'ns:a' is listed twice/],
    [{ timeout: '5 seconds' }, /^timeout: /],
    [{ canaryWeight: 100 }, /^canaryWeight: /],
    [{ name: 'Checkout' }, /^name: 'Checkout' is not a DNS-1123 label/],
  ])('refuses %j', (change, message) => {
    expect(() => generateMesh({ ...base, ...change })).toThrow(message);
  });
});
