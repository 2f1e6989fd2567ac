import { CHECKS, runChecks } from './runChecks';
import { SEVERITIES } from './types';
import {
  defaultDeny,
  deployment,
  podDisruptionBudget,
} from './testing/fixtures';

describe('runChecks', () => {
  it('has a catalogue of unique kebab-case ids with remediation', () => {
    const ids = CHECKS.map(check => check.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const check of CHECKS) {
      expect(check.id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(SEVERITIES).toContain(check.severity);
      expect(check.remediation).not.toBe('');
    }
  });

  it('finds nothing on a compliant workload', () => {
    expect(
      runChecks([deployment(), defaultDeny(), podDisruptionBudget()], {
        clusterRole: 'production',
      }),
    ).toEqual([]);
  });

  it('judges a workload by the policies among the objects of the call', () => {
    const ids = (objects: any[]) =>
      runChecks([...objects, podDisruptionBudget()]).map(f => f.checkId);
    expect(ids([deployment()])).toEqual(['network-policy-missing']);
    expect(ids([deployment(), defaultDeny('other')])).toEqual([
      'network-policy-missing',
    ]);
    expect(ids([defaultDeny(), deployment()])).toEqual([]);
  });

  it('puts report findings on the object they name, with their severity', () => {
    const constraint = {
      apiVersion: 'constraints.gatekeeper.sh/v1beta1',
      kind: 'K8sRequiredLabels',
      metadata: { name: 'must-have-owner' },
      spec: { enforcementAction: 'dryrun' },
      status: {
        violations: [
          {
            kind: 'Deployment',
            namespace: 'shop',
            name: 'web',
            message: 'no owner',
          },
        ],
      },
    };
    expect(runChecks([constraint], { cluster: 'prod-east-a' })).toEqual([
      {
        checkId: 'gatekeeper-violation',
        severity: 'low',
        resource: {
          cluster: 'prod-east-a',
          kind: 'Deployment',
          namespace: 'shop',
          name: 'web',
        },
        message: 'K8sRequiredLabels must-have-owner (dryrun): no owner',
        remediation: CHECKS.find(c => c.id === 'gatekeeper-violation')!
          .remediation,
      },
    ]);
  });

  it('fills in the finding from the check definition and the object', () => {
    const object = deployment((_, c) => (c.securityContext.privileged = true));
    const [finding] = runChecks([object], { cluster: 'prod-east-a' });
    const definition = CHECKS.find(c => c.id === 'privileged-container')!;
    expect(finding).toEqual({
      checkId: 'privileged-container',
      severity: 'critical',
      resource: {
        cluster: 'prod-east-a',
        kind: 'Deployment',
        namespace: 'shop',
        name: 'web',
        container: 'app',
      },
      message: 'container app runs privileged (privileged true)',
      remediation: definition.remediation,
    });
  });

  it('skips disabled checks', () => {
    const object = deployment((_, c) => {
      c.securityContext.privileged = true;
      delete c.livenessProbe;
    });
    const ids = runChecks([object, defaultDeny(), podDisruptionBudget()], {
      disabled: ['privileged-container'],
    }).map(f => f.checkId);
    expect(ids).toEqual(['liveness-probe-missing']);
  });

  it('orders findings worst first and independently of the input order', () => {
    const a = deployment((pod, c, o) => {
      o.metadata.name = 'a';
      c.image = 'app:latest';
      pod.hostPID = true;
    });
    const b = deployment((_, c, o) => {
      o.metadata.name = 'b';
      c.securityContext.privileged = true;
      delete c.livenessProbe;
    });
    const forward = runChecks([a, b, defaultDeny()]);
    expect(runChecks([defaultDeny(), b, a])).toEqual(forward);
    const ranks = forward.map(f => SEVERITIES.indexOf(f.severity));
    expect(ranks).toEqual([...ranks].sort((x, y) => x - y));
    expect(forward[0].checkId).toBe('privileged-container');
  });

  it('ignores kinds it has no checks for and owned copies', () => {
    const service = {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: 's', namespace: 'shop' },
      spec: { template: {} },
    };
    const ownedReplicaSet = deployment((pod, _c, o) => {
      o.kind = 'ReplicaSet';
      o.metadata.ownerReferences = [
        { apiVersion: 'apps/v1', kind: 'Deployment', name: 'web', uid: 'web' },
      ];
      pod.hostNetwork = true;
    });
    expect(runChecks([service, ownedReplicaSet])).toEqual([]);
  });
});
