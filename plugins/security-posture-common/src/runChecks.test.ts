import { CHECKS, runChecks } from './runChecks';
import { SEVERITIES } from './types';
import { deployment } from './testing/fixtures';

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
    expect(runChecks([deployment()], { clusterRole: 'production' })).toEqual(
      [],
    );
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
    const ids = runChecks([object], {
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
    const forward = runChecks([a, b]);
    expect(runChecks([b, a])).toEqual(forward);
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
      o.metadata.ownerReferences = [{ kind: 'Deployment', name: 'web' }];
      pod.hostNetwork = true;
    });
    expect(runChecks([service, ownedReplicaSet])).toEqual([]);
  });
});
