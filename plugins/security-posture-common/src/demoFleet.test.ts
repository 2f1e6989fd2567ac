import path from 'node:path';
import { CHECKS, runChecks } from './runChecks';
import {
  DEMO_CLUSTER_DIR,
  DEMO_FLEET_DIR,
  readManifests,
} from './__testUtils__/manifests';
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
      'cluster-admin-binding: ClusterRoleBinding ci-deployer-cluster-admin gives ServiceAccount platform/ci-deployer * verbs on * resources in * apiGroups via ClusterRole cluster-admin (built in) across the cluster',
    ]);
  });

  it('finds the binding of the wildcard ClusterRole legacy-ops-admin as cluster-admin', () => {
    expect(summary('ClusterRoleBinding', 'legacy-ops-admin')).toEqual([
      'cluster-admin-binding: ClusterRoleBinding legacy-ops-admin gives Group ops-legacy * verbs on * resources in * apiGroups via ClusterRole legacy-ops-admin across the cluster',
    ]);
  });

  it('finds nothing on the bindings of the read-only and deploy roles', () => {
    expect(summary('ClusterRoleBinding', 'platform-viewer-sre')).toEqual([]);
    expect(summary('ClusterRoleBinding', 'trading-deployer')).toEqual([]);
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

  it('finds only its missing priority class on trading-engine', () => {
    expect(summary('Deployment', 'trading-engine')).toEqual([
      'priority-class-not-set: pod has no priority class (priorityClassName unset)',
    ]);
  });

  it('reports each owned ReplicaSet and Pod through its controller only', () => {
    expect(findings.some(f => f.resource.kind === 'ReplicaSet')).toBe(false);
    expect(findings.some(f => f.resource.kind === 'Pod')).toBe(false);
  });
});

describe('the demo fleet (every cluster)', () => {
  const roles: Record<string, string> = {
    'prod-east-a': 'production',
    'prod-east-b': 'production',
    'dr-west': 'disaster-recovery',
    staging: 'staging',
  };
  const fleet = new Map(
    Object.entries(roles).map(([cluster, clusterRole]) => [
      cluster,
      runChecks(readManifests(path.join(DEMO_FLEET_DIR, cluster)), {
        cluster,
        clusterRole,
      }),
    ]),
  );

  function summary(cluster: string, checkId: string): string[] {
    return fleet
      .get(cluster)!
      .filter(f => f.checkId === checkId)
      .map(
        ({ severity, resource, message }) =>
          `${severity} ${resource.kind} ${resource.namespace ?? ''}/${
            resource.name
          }: ${message}`,
      );
  }

  it('finds the PERMISSIVE mTLS of staging trading, and nowhere else', () => {
    const message =
      'mTLS mode PERMISSIVE (PeerAuthentication trading/default, namespace-wide): plaintext is accepted';
    expect(summary('staging', 'mesh-mtls-permissive')).toEqual([
      `medium Deployment trading/order-gateway: ${message}`,
      `medium Deployment trading/risk-service: ${message}`,
      `medium Deployment trading/trading-engine: ${message}`,
      'medium PeerAuthentication trading/default: mtls.mode is PERMISSIVE: every workload of namespace trading without a policy of its own accepts plaintext, without mTLS or a SPIFFE identity for the caller',
      `medium StatefulSet trading/ledger-db: ${message}`,
    ]);
    for (const cluster of ['prod-east-a', 'prod-east-b', 'dr-west']) {
      expect(summary(cluster, 'mesh-mtls-permissive')).toEqual([]);
      expect(summary(cluster, 'mesh-mtls-disabled')).toEqual([]);
    }
  });

  it('finds the workloads outside the mesh, saying why, high in production', () => {
    const why = {
      label:
        'namespace platform is not labelled for injection (istio-injection=enabled or istio.io/rev) and the pods do not ask for a sidecar: its traffic has no mTLS and no SPIFFE identity',
      hostNetwork:
        'the pod uses the host network (hostNetwork true), where Istio cannot inject a sidecar: its traffic has no mTLS and no SPIFFE identity',
      optOut:
        'sidecar injection is turned off (pod label sidecar.istio.io/inject: "false"): its traffic has no mTLS and no SPIFFE identity',
    };
    for (const cluster of Object.keys(roles)) {
      const severity = roles[cluster] === 'production' ? 'high' : 'medium';
      expect(summary(cluster, 'mesh-sidecar-missing')).toEqual(
        [
          `DaemonSet platform/log-agent: ${why.label}`,
          `DaemonSet platform/node-exporter: ${why.hostNetwork}`,
          // staging runs no mirror maker.
          ...(cluster === 'staging'
            ? []
            : [`Deployment platform/kafka-mirrormaker: ${why.label}`]),
          `StatefulSet platform/prometheus: ${why.label}`,
          `StatefulSet platform/vault: ${why.label}`,
          `CronJob trading/ledger-db-backup: ${why.optOut}`,
        ].map(line => `${severity} ${line}`),
      );
    }
  });

  it('finds the DestinationRule of prod-east-b that disables TLS', () => {
    expect(summary('prod-east-b', 'mesh-destination-tls-downgrade')).toEqual([
      'high DestinationRule trading/risk-service: trafficPolicy.tls.mode is DISABLE towards risk-service.trading.svc.cluster.local, a host in the mesh',
    ]);
    for (const cluster of ['prod-east-a', 'dr-west', 'staging']) {
      expect(summary(cluster, 'mesh-destination-tls-downgrade')).toEqual([]);
    }
  });

  it('finds the allow-all AuthorizationPolicy of staging', () => {
    expect(summary('staging', 'mesh-authz-allow-all')).toEqual([
      'high AuthorizationPolicy trading/risk-service-allow-all: rule 1 has no from, to or when: it allows every request to every workload of namespace trading',
    ]);
  });

  it('finds the namespaces without a default-deny NetworkPolicy', () => {
    const namespaces = (cluster: string) =>
      fleet
        .get(cluster)!
        .filter(f => f.checkId === 'network-default-deny-missing')
        .map(f => f.resource.name);
    expect(namespaces('prod-east-a')).toEqual(['istio-system', 'platform']);
    expect(namespaces('prod-east-b')).toEqual([
      'commerce',
      'istio-system',
      'platform',
    ]);
    expect(namespaces('dr-west')).toEqual(['istio-system', 'platform']);
    expect(namespaces('staging')).toEqual([
      'commerce',
      'istio-system',
      'platform',
      'trading',
    ]);
  });

  it('finds the Gatekeeper violations, graded by enforcement action', () => {
    for (const cluster of Object.keys(roles)) {
      expect(summary(cluster, 'gatekeeper-violation')).toEqual([
        'high Deployment trading/risk-service: K8sRequiredLabels must-have-owner (deny): you must provide labels: {"owner"}',
        expect.stringMatching(
          /^medium DaemonSet platform\/node-exporter: K8sPSPHostNamespace no-host-namespace \(warn\): Sharing the host namespace is not allowed: node-exporter-\w+ \(Pod node-exporter-\w+ and \d more\)$/,
        ),
        expect.stringMatching(
          /^low DaemonSet platform\/log-agent: K8sPSPPrivilegedContainer no-privileged \(dryrun\): /,
        ),
      ]);
    }
  });

  it('finds the critical CVEs of risk-service in every cluster', () => {
    for (const cluster of Object.keys(roles)) {
      expect(summary(cluster, 'image-vulnerabilities-critical')).toEqual([
        'critical Deployment trading/risk-service: image registry.example.com/trading/risk-service:latest has 3 critical vulnerabilities, 2 fixable: CVE-2024-45490, CVE-2024-38821, CVE-2023-45853',
      ]);
    }
  });

  it('finds the HIGH CVEs of the old trading-engine in dr-west only', () => {
    const engine = (cluster: string) =>
      summary(cluster, 'image-vulnerabilities-high').filter(line =>
        line.includes('trading/trading-engine:'),
      );
    expect(engine('dr-west')).toEqual([
      'high Deployment trading/trading-engine: image registry.example.com/trading/trading-engine:2.3.0 has 2 high vulnerabilities, 2 fixable: CVE-2024-22262, CVE-2024-47554',
    ]);
    expect(engine('prod-east-a')).toEqual([]);
    expect(engine('prod-east-b')).toEqual([]);
  });

  it("finds staging's Kyverno and Trivy configuration audit results", () => {
    expect(summary('staging', 'policy-report-failure')).toEqual([
      "medium Deployment trading/risk-service: disallow-latest-tag/validate-image-tag: validation error: Using a mutable image tag e.g. 'latest' is not allowed. rule validate-image-tag failed at path /spec/template/spec/containers/0/image/",
    ]);
    expect(summary('staging', 'config-audit-failure')).toEqual([
      "high Deployment commerce/inventory-service: KSV014 Root file system is not read-only: Container 'inventory-service' of ReplicaSet 'inventory-service-8bc7d28578' should set 'securityContext.readOnlyRootFilesystem' to true",
      "medium Deployment commerce/inventory-service: KSV012 Runs as root user: Container 'inventory-service' of ReplicaSet 'inventory-service-8bc7d28578' should set 'securityContext.runAsNonRoot' to true",
    ]);
  });

  it('reports owned ReplicaSets and Pods through their controller in every cluster', () => {
    for (const findings of fleet.values()) {
      expect(
        findings.filter(f => ['ReplicaSet', 'Pod'].includes(f.resource.kind)),
      ).toEqual([]);
    }
  });
});
