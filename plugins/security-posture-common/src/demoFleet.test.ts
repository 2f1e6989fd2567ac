import { CHECKS, runChecks } from './runChecks';
import { DEMO_CLUSTER_DIR, readManifests } from './__testUtils__/manifests';
import { Finding } from './types';

describe('the demo fleet (prod-east-a)', () => {
  const findings = runChecks(readManifests(DEMO_CLUSTER_DIR), {
    cluster: 'prod-east-a',
    clusterRole: 'production',
  });

  function on(kind: string, name: string): Finding[] {
    return findings.filter(
      f => f.resource.kind === kind && f.resource.name === name,
    );
  }

  function summary(kind: string, name: string): string[] {
    return on(kind, name).map(f => `${f.checkId}: ${f.message}`);
  }

  it('finds log-agent privileged with a writable hostPath', () => {
    expect(summary('DaemonSet', 'log-agent')).toEqual(
      expect.arrayContaining([
        'privileged-container: container log-agent runs privileged (privileged true)',
        'host-path-volume: volume varlog mounts hostPath /var/log, writable by log-agent',
        'run-as-non-root: container log-agent runs as root (runAsUser 0)',
      ]),
    );
  });

  it('finds node-exporter on the host network and PID namespace', () => {
    expect(summary('DaemonSet', 'node-exporter')).toEqual(
      expect.arrayContaining([
        "host-namespaces: pod uses the node's namespace (hostNetwork true)",
        "host-namespaces: pod uses the node's namespace (hostPID true)",
        'host-path-volume: volume root mounts hostPath /, read-only',
      ]),
    );
  });

  it('finds the planted problems of risk-service', () => {
    expect(summary('Deployment', 'risk-service')).toEqual(
      expect.arrayContaining([
        'run-as-non-root: container risk-service runs as root (runAsUser 0)',
        'image-tag-latest: container risk-service uses image registry.example.com/trading/risk-service:latest (tag latest)',
        'image-pull-policy: container risk-service pulls a floating tag with imagePullPolicy IfNotPresent',
        'plaintext-credentials: container risk-service sets DB_PASSWORD as a plaintext value (env[].value)',
        'cpu-limits-missing: container risk-service has no cpu limit (resources.limits.cpu unset)',
        'memory-limits-missing: container risk-service has no memory limit (resources.limits.memory unset)',
        'liveness-probe-missing: container risk-service has no liveness probe (livenessProbe unset)',
        'seccomp-profile-required: container risk-service has no seccomp profile (seccompProfile unset)',
      ]),
    );
  });

  it('finds the cluster-admin binding of ci-deployer', () => {
    expect(summary('ClusterRoleBinding', 'ci-deployer-cluster-admin')).toEqual([
      'cluster-admin-binding: binds cluster-admin to ServiceAccount platform/ci-deployer',
    ]);
  });

  it('finds the wildcard ClusterRole legacy-ops-admin', () => {
    expect(summary('ClusterRole', 'legacy-ops-admin')).toEqual([
      'rbac-admin-wildcard: rule 1 grants * verbs on * resources in * apiGroups',
    ]);
  });

  it('passes trading-engine on every Pod Security Standards check', () => {
    const podSecurity = new Set(
      CHECKS.filter(c => c.references.pss).map(c => c.id),
    );
    expect(
      on('Deployment', 'trading-engine').filter(f =>
        podSecurity.has(f.checkId),
      ),
    ).toEqual([]);
  });

  it('finds nothing at all on trading-engine', () => {
    expect(summary('Deployment', 'trading-engine')).toEqual([]);
  });

  it('reports each owned ReplicaSet and Pod through its controller only', () => {
    expect(findings.some(f => f.resource.kind === 'ReplicaSet')).toBe(false);
    expect(findings.some(f => f.resource.kind === 'Pod')).toBe(false);
  });
});
