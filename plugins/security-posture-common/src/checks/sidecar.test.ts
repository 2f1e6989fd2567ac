import { KubeObject } from '../kube';
import {
  deployment,
  findingsFor,
  meshNamespace,
  namespace,
  webWithCopies,
} from '../testing/fixtures';

const istiod: KubeObject = {
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: {
    name: 'istiod',
    namespace: 'istio-system',
    labels: { app: 'istiod' },
  },
  spec: { template: { spec: { containers: [{ name: 'discovery' }] } } },
};

const NO_IDENTITY = 'its traffic has no mTLS and no SPIFFE identity';

function lines(objects: KubeObject[], clusterRole?: string): string[] {
  return findingsFor('mesh-sidecar-missing', objects, { clusterRole }).map(
    ({ severity, resource, message }) =>
      `${severity} ${resource.kind} ${resource.namespace}/${resource.name}: ${message}`,
  );
}

function withSidecars(objects: KubeObject[]): KubeObject[] {
  return objects.map(object =>
    object.kind === 'Pod'
      ? {
          ...object,
          spec: { containers: [{ name: 'app' }, { name: 'istio-proxy' }] },
        }
      : object,
  );
}

describe('mesh-sidecar-missing', () => {
  it.each([
    [
      'a workload of a namespace labelled for injection',
      [istiod, meshNamespace(), deployment()],
    ],
    [
      'a workload whose template carries the sidecar',
      [
        istiod,
        namespace('shop'),
        deployment(pod => pod.containers.push({ name: 'istio-proxy' })),
      ],
    ],
    [
      'a workload whose pods all run the sidecar',
      [istiod, meshNamespace(), ...withSidecars(webWithCopies())],
    ],
    [
      'a cluster without a mesh (no istiod, no label, no sidecar)',
      [namespace('shop'), deployment(pod => (pod.hostNetwork = true))],
    ],
    [
      'a workload of kube-system',
      [
        istiod,
        deployment((_p, _c, o) => (o.metadata.namespace = 'kube-system')),
      ],
    ],
    [
      'a gateway, whose only container is the proxy',
      [
        istiod,
        namespace('shop'),
        deployment((_p, c) => (c.name = 'istio-proxy')),
      ],
    ],
  ])('passes %s', (_, objects) => {
    expect(lines(objects, 'production')).toEqual([]);
  });

  it.each([
    [
      'a host-network pod',
      [meshNamespace(), deployment(pod => (pod.hostNetwork = true))],
      `the pod uses the host network (hostNetwork true), where Istio cannot inject a sidecar: ${NO_IDENTITY}`,
    ],
    [
      'the inject label set to false',
      [
        meshNamespace(),
        deployment(
          (_p, _c, o) =>
            (o.spec.template.metadata.labels['sidecar.istio.io/inject'] =
              'false'),
        ),
      ],
      `sidecar injection is turned off (pod label sidecar.istio.io/inject: "false"): ${NO_IDENTITY}`,
    ],
    [
      'the inject annotation set to false',
      [
        meshNamespace(),
        deployment(
          (_p, _c, o) =>
            (o.spec.template.metadata.annotations = {
              'sidecar.istio.io/inject': 'false',
            }),
        ),
      ],
      `sidecar injection is turned off (pod annotation sidecar.istio.io/inject: "false"): ${NO_IDENTITY}`,
    ],
    [
      'a namespace with injection disabled, beside a meshed one',
      [
        namespace('payments', { 'istio-injection': 'enabled' }),
        namespace('shop', { 'istio-injection': 'disabled' }),
        deployment(),
      ],
      `sidecar injection is turned off (namespace label istio-injection=disabled): ${NO_IDENTITY}`,
    ],
    [
      'a namespace not labelled, in a cluster running istiod',
      [istiod, namespace('shop'), deployment()],
      `namespace shop is not labelled for injection (istio-injection=enabled or istio.io/rev) and the pods do not ask for a sidecar: ${NO_IDENTITY}`,
    ],
    [
      'pods started without the sidecar in a labelled namespace',
      [meshNamespace(), ...webWithCopies()],
      `injection is on but 2 of 2 pods run without istio-proxy (started before injection was turned on, or the webhook failed): ${NO_IDENTITY}`,
    ],
  ])('fails %s', (_, objects, message) => {
    expect(lines(objects, 'production')).toEqual([
      `high Deployment shop/web: ${message}`,
    ]);
  });

  it('reports a half-done rollout, and is medium outside production', () => {
    const [web, replicaSet, podA, podB] = webWithCopies();
    const objects = [
      meshNamespace(),
      web,
      replicaSet,
      ...withSidecars([podA]),
      podB,
    ];
    expect(lines(objects, 'staging')).toEqual([
      `medium Deployment shop/web: injection is on but 1 of 2 pods run without istio-proxy (started before injection was turned on, or the webhook failed): for those pods ${NO_IDENTITY}`,
    ]);
    expect(lines(objects)).toHaveLength(1);
  });

  it('takes the workload of pods without a sidecar out of the mTLS checks', () => {
    const objects = [meshNamespace(), ...webWithCopies()];
    expect(findingsFor('mesh-mtls-permissive', objects)).toEqual([]);
    expect(findingsFor('mesh-authz-missing', objects)).toEqual([]);
  });
});
