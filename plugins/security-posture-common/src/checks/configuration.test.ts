import { KubeObject } from '../kube';
import { deployment, findingLines, messagesFor } from '../testing/fixtures';

function ingress(spec: any): KubeObject {
  return {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'Ingress',
    metadata: { name: 'web', namespace: 'shop' },
    spec: {
      rules: [
        { host: 'shop.example.com', http: { paths: [] } },
        { host: 'api.shop.example.com', http: { paths: [] } },
      ],
      ...spec,
    },
  };
}

describe('ingress-tls-missing', () => {
  const id = 'ingress-tls-missing';

  it('passes TLS for every host, or a default certificate', () => {
    expect(
      messagesFor(id, [
        ingress({
          tls: [
            {
              hosts: ['shop.example.com', 'api.shop.example.com'],
              secretName: 'shop-tls',
            },
          ],
        }),
      ]),
    ).toEqual([]);
    expect(messagesFor(id, [ingress({ tls: [{ secretName: 'x' }] })])).toEqual(
      [],
    );
  });

  it('fails an Ingress without TLS', () => {
    expect(findingLines(id, [ingress({})])).toEqual([
      'medium Ingress shop/web: Ingress has no TLS (spec.tls unset)',
    ]);
    expect(messagesFor(id, [ingress({ tls: [] })])).toEqual([
      'Ingress has no TLS (spec.tls unset)',
    ]);
  });

  it('fails hosts no TLS entry names', () => {
    expect(
      messagesFor(id, [
        ingress({ tls: [{ hosts: ['shop.example.com'], secretName: 's' }] }),
      ]),
    ).toEqual([
      'host api.shop.example.com of the rules is in no spec.tls entry',
    ]);
  });

  it('judges Ingresses only', () => {
    const route = { ...ingress({}), apiVersion: 'route.openshift.io/v1' };
    expect(messagesFor(id, [route])).toEqual([]);
  });
});

describe('metadata-instance-mismatch', () => {
  const id = 'metadata-instance-mismatch';
  const labelled = (instance?: string) =>
    deployment((_p, _c, o) => {
      if (instance !== undefined) {
        o.metadata.labels = { 'app.kubernetes.io/instance': instance };
      }
    });

  it('passes a matching or absent instance label', () => {
    expect(messagesFor(id, [labelled('web')])).toEqual([]);
    expect(messagesFor(id, [labelled()])).toEqual([]);
  });

  it('fails an instance label that is not the name', () => {
    expect(messagesFor(id, [labelled('shop-prod')])).toEqual([
      'label app.kubernetes.io/instance is shop-prod, not the name web',
    ]);
  });
});
