import {
  defaultDeny,
  deployment,
  findingsFor,
  messagesFor,
  networkPolicy,
} from './testing/fixtures';
import {
  isClusterScoped,
  namespaceNameProblem,
  withDefaultNamespace,
} from './namespaces';
import { KubeObject } from './kube';

/** A manifest as written in a repository: no metadata.namespace. */
function unnamespaced(object: KubeObject): KubeObject {
  const { namespace: _, ...metadata } = object.metadata;
  return { ...object, metadata: metadata as KubeObject['metadata'] };
}

describe('withDefaultNamespace', () => {
  it('puts namespaced objects without a namespace into it, leaving the rest and the input alone', () => {
    const web = unnamespaced(deployment());
    const role: KubeObject = {
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'ClusterRole',
      metadata: { name: 'reader' },
    };
    const ns: KubeObject = {
      apiVersion: 'v1',
      kind: 'Namespace',
      metadata: { name: 'x' },
    };
    const constraint: KubeObject = {
      apiVersion: 'constraints.gatekeeper.sh/v1beta1',
      kind: 'K8sRequiredLabels',
      metadata: { name: 'owner' },
    };
    const own = deployment();
    const [a, b, c, d, e] = withDefaultNamespace(
      [web, role, ns, constraint, own],
      'team-a',
    );
    expect(a.metadata.namespace).toBe('team-a');
    expect(web.metadata.namespace).toBeUndefined();
    expect([b, c, d, e]).toEqual([role, ns, constraint, own]);
    expect(withDefaultNamespace([web])[0].metadata.namespace).toBe('default');
  });

  it('knows cluster-scoped kinds by their API group', () => {
    expect(isClusterScoped({ apiVersion: 'v1', kind: 'Node' })).toBe(true);
    expect(
      isClusterScoped({
        apiVersion: 'scheduling.k8s.io/v1',
        kind: 'PriorityClass',
      }),
    ).toBe(true);
    // A Role is namespaced; a kind of the same name in another group is not ours.
    expect(
      isClusterScoped({
        apiVersion: 'rbac.authorization.k8s.io/v1',
        kind: 'Role',
      }),
    ).toBe(false);
    expect(
      isClusterScoped({ apiVersion: 'example.com/v1', kind: 'Node' }),
    ).toBe(false);
  });

  it('names what is wrong with a namespace name', () => {
    expect(namespaceNameProblem('team-a')).toBeUndefined();
    expect(namespaceNameProblem('Team_A')).toContain('not a DNS label');
    expect(namespaceNameProblem('-a')).toContain('not a DNS label');
    expect(namespaceNameProblem('a'.repeat(64))).toContain('63 characters');
  });
});

describe('runChecks on manifests without a namespace', () => {
  it('judges them by the policies of the namespace they land in', () => {
    // The regression: a correct NetworkPolicy, both files without a
    // namespace, was not matched, so the workload was reported unprotected.
    const objects = [unnamespaced(deployment()), unnamespaced(defaultDeny())];
    expect(messagesFor('network-policy-missing', objects)).toEqual([]);
    expect(
      findingsFor('image-tag-latest', [
        unnamespaced(
          deployment((_pod, container) => (container.image = 'web:latest')),
        ),
      ])[0].resource.namespace,
    ).toBe('default');
  });

  it('lands them in the namespace asked for, where that namespace’s policies apply', () => {
    const objects = [
      unnamespaced(deployment()),
      networkPolicy('deny', 'team-a', { podSelector: {} }),
    ];
    expect(messagesFor('network-policy-missing', objects)).toEqual([
      'no NetworkPolicy in default selects pods labelled app=web',
    ]);
    expect(
      messagesFor('network-policy-missing', objects, { namespace: 'team-a' }),
    ).toEqual([]);
  });
});
