import { KubeObject } from '../kube';
import {
  deployment,
  findingLines,
  findingsFor,
  webWithCopies,
} from '../testing/fixtures';

const summary = findingLines;
const webCopies = webWithCopies();

function constraint(
  enforcementAction: string | undefined,
  violations: any[],
): KubeObject {
  return {
    apiVersion: 'constraints.gatekeeper.sh/v1beta1',
    kind: 'K8sRequiredLabels',
    metadata: { name: 'must-have-owner' },
    spec: { ...(enforcementAction && { enforcementAction }) },
    status: { violations },
  };
}

const webViolation = {
  kind: 'Deployment',
  namespace: 'shop',
  name: 'web',
  message: 'you must provide labels: {"owner"}',
};

describe('gatekeeper-violation', () => {
  it.each([
    ['deny', 'high'],
    [undefined, 'high'],
    ['warn', 'medium'],
    ['dryrun', 'low'],
  ])('grades enforcementAction %s as %s', (action, severity) => {
    expect(
      summary('gatekeeper-violation', [constraint(action, []), deployment()]),
    ).toEqual([]);
    expect(
      summary('gatekeeper-violation', [constraint(action, [webViolation])]),
    ).toEqual([
      `${severity} Deployment shop/web: K8sRequiredLabels must-have-owner (${
        action ?? 'deny'
      }): you must provide labels: {"owner"}`,
    ]);
  });

  it("uses the violation's own action over the constraint's", () => {
    const scoped = {
      ...webViolation,
      enforcementAction: undefined,
      enforcementActions: ['warn', 'deny'],
    };
    expect(
      findingsFor('gatekeeper-violation', [constraint('scoped', [scoped])])[0]
        .severity,
    ).toBe('high');
  });

  it('reports violating pods once on their Deployment', () => {
    const pods = ['web-5d8f-b', 'web-5d8f-a'].map(name => ({
      kind: 'Pod',
      namespace: 'shop',
      name,
      message: `no host namespace: ${name}`,
    }));
    expect(
      summary('gatekeeper-violation', [...webCopies, constraint('warn', pods)]),
    ).toEqual([
      'medium Deployment shop/web: K8sRequiredLabels must-have-owner (warn): no host namespace: web-5d8f-a (Pod web-5d8f-a and 1 more)',
    ]);
  });
});

function policyReport(results: any[], extra: any = {}): KubeObject {
  return {
    apiVersion: 'wgpolicyk8s.io/v1alpha2',
    kind: 'PolicyReport',
    metadata: { name: 'polr-shop', namespace: 'shop' },
    results,
    ...extra,
  };
}

const webRef = {
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  name: 'web',
  namespace: 'shop',
};

describe('policy-report-failure', () => {
  const latest = {
    policy: 'disallow-latest-tag',
    rule: 'validate-image-tag',
    severity: 'high',
    message: "Using a mutable image tag e.g. 'latest' is not allowed.",
    resources: [webRef],
  };

  it.each([
    [
      { ...latest, result: 'fail' },
      "high Deployment shop/web: disallow-latest-tag/validate-image-tag: Using a mutable image tag e.g. 'latest' is not allowed.",
    ],
    [
      {
        ...latest,
        result: 'error',
        severity: undefined,
        message: 'variable not found',
      },
      'medium Deployment shop/web: disallow-latest-tag/validate-image-tag could not be evaluated: variable not found',
    ],
  ])('reports %j', (result, expected) => {
    expect(
      summary('policy-report-failure', [
        policyReport([
          { ...latest, result: 'pass' },
          { ...latest, result: 'warn' },
        ]),
      ]),
    ).toEqual([]);
    expect(summary('policy-report-failure', [policyReport([result])])).toEqual([
      expected,
    ]);
  });

  it("falls back to the report's scope and moves pods to their controller", () => {
    const result = {
      ...latest,
      result: 'fail',
      severity: 'low',
      resources: undefined,
    };
    const scope = { apiVersion: 'v1', kind: 'Pod', name: 'web-5d8f-a' };
    expect(
      summary('policy-report-failure', [
        ...webCopies,
        policyReport([result], { scope }),
      ]),
    ).toEqual([
      "low Deployment shop/web: disallow-latest-tag/validate-image-tag: Using a mutable image tag e.g. 'latest' is not allowed. (Pod web-5d8f-a)",
    ]);
  });

  it('reports cluster-scoped resources of a ClusterPolicyReport without a namespace', () => {
    const report: KubeObject = {
      ...policyReport([
        {
          policy: 'require-ns-owner',
          result: 'fail',
          severity: 'critical',
          message: 'label owner is required',
          resources: [{ kind: 'Namespace', name: 'shop' }],
        },
      ]),
      kind: 'ClusterPolicyReport',
      metadata: { name: 'cpolr' },
    };
    expect(summary('policy-report-failure', [report])).toEqual([
      'critical Namespace /shop: require-ns-owner: label owner is required',
    ]);
  });
});
