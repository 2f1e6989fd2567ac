/*
 * The posture engine over generated clusters: runChecks with the mesh
 * coverage (assessObjects, one index for both), then the workloads' own
 * posture exceptions, then summarizeFindings, all on one core, as the
 * backend does on every refresh of a cluster.
 *
 *   npm run bench:posture -- [--pods 10000,100000] [--runs 5]
 *
 * A cluster of N pods has N/4 Deployments (each with its ReplicaSet, a
 * Service and 2–6 pods), 40 Deployments per namespace, and per namespace a
 * few NetworkPolicies, a PeerAuthentication, in two of three an
 * AuthorizationPolicy, a Role and a RoleBinding. About
 * a third of the workloads break some hardening rule, one in ten carries a
 * posture exception (a quarter of them expired). The last lines are
 * `name: value` pairs for scripts to read.
 */
import { applyExceptions, parseExceptionsAnnotation } from '../src/exceptions';
import { KubeObject, workloadOf } from '../src/kube';
import { summarizeMeshCoverage } from '../src/meshCoverage';
import { summarizeFindings } from '../src/report';
import { assessObjects } from '../src/runChecks';
import { ScoredResource } from '../src/score';
import { PostureException } from '../src/api';
// The benchmarks' shared helpers; the bench ships with nothing, so reading
// them from the neighbouring package's bench folder adds no dependency.
// eslint-disable-next-line @backstage/no-relative-monorepo-imports
import {
  exitAfter,
  log,
  UsageError,
} from '../../cloud-native-node/bench/lib/options';

const DEPLOYMENTS_PER_NAMESPACE = 40;
const HARD_LIMIT_MS = 15 * 60_000;
const NOW = new Date('2027-01-15T00:00:00Z');
const EXCEPTIONS = 'cloud-native-platform.io/posture-exceptions';

function parseOptions(argv: string[]): { pods: number[]; runs: number } {
  const usage = 'options: --pods 10000,100000 --runs 5';
  const options = { pods: [10_000, 100_000], runs: 5 };
  for (let i = 0; i < argv.length; i++) {
    const match = /^--(pods|runs)(?:=(.*))?$/.exec(argv[i]);
    if (argv[i] === '--help' || argv[i] === '-h') {
      log(usage);
      process.exit(0);
    }
    if (!match) throw new UsageError(`unknown option '${argv[i]}'; ${usage}`);
    const text = match[2] ?? argv[++i] ?? '';
    const values = text.split(',').map(Number);
    if (!values.every(v => Number.isInteger(v) && v >= 1)) {
      throw new UsageError(
        `--${match[1]} needs positive integers, got '${text}'`,
      );
    }
    if (match[1] === 'pods') options.pods = values;
    else options.runs = values[0];
  }
  return options;
}

/** Deterministic variety: the same cluster for the same size. */
function pick(index: number, salt: number, every: number): boolean {
  return ((index * 2654435761 + salt * 40503) >>> 0) % every === 0;
}

function podSpec(i: number): any {
  const root = pick(i, 1, 5);
  return {
    automountServiceAccountToken: pick(i, 2, 3) ? undefined : false,
    securityContext: root
      ? { runAsUser: 0 }
      : {
          runAsNonRoot: true,
          runAsUser: 10001,
          seccompProfile: { type: 'RuntimeDefault' },
        },
    hostNetwork: pick(i, 3, 97) || undefined,
    containers: [
      {
        name: 'app',
        image: pick(i, 4, 7)
          ? `registry.example.com/app-${i}:latest`
          : `registry.example.com/app-${i}:1.${i % 20}.0`,
        resources: pick(i, 5, 4)
          ? { requests: { cpu: '100m' } }
          : {
              requests: { cpu: '100m', memory: '128Mi' },
              limits: { cpu: '1', memory: '256Mi' },
            },
        livenessProbe: pick(i, 6, 6)
          ? undefined
          : { httpGet: { path: '/healthz', port: 8080 } },
        readinessProbe: { httpGet: { path: '/readyz', port: 8080 } },
        env: pick(i, 7, 23)
          ? [{ name: 'DB_PASSWORD', value: 'hunter2' }]
          : [{ name: 'MODE', value: 'prod' }],
        securityContext: pick(i, 8, 41)
          ? { privileged: true }
          : {
              allowPrivilegeEscalation: false,
              readOnlyRootFilesystem: !pick(i, 9, 3),
              capabilities: { drop: ['ALL'] },
            },
      },
      ...(pick(i, 10, 2)
        ? [
            {
              name: 'istio-proxy',
              image: 'docker.io/istio/proxyv2:1.24.2',
              resources: {
                requests: { cpu: '10m', memory: '40Mi' },
                limits: { cpu: '2', memory: '1Gi' },
              },
              securityContext: {
                allowPrivilegeEscalation: false,
                readOnlyRootFilesystem: true,
                runAsNonRoot: true,
                runAsUser: 1337,
                capabilities: { drop: ['ALL'] },
              },
            },
          ]
        : []),
    ],
    volumes: pick(i, 11, 53)
      ? [{ name: 'logs', hostPath: { path: '/var/log' } }]
      : [{ name: 'tmp', emptyDir: {} }],
  };
}

function exceptionsOf(i: number): string | undefined {
  if (!pick(i, 12, 10)) return undefined;
  const expires = pick(i, 13, 4) ? '2026-12-31' : '2027-06-30';
  return JSON.stringify([
    {
      check: 'run-as-non-root',
      reason: 'vendor image',
      owner: 'group:default/team',
      expires,
    },
    {
      check: 'read-only-root-filesystem',
      reason: 'writes its cache',
      owner: 'group:default/team',
      expires,
    },
  ]);
}

/** One cluster of about `pods` pods. */
function generateCluster(pods: number): KubeObject[] {
  const objects: KubeObject[] = [];
  let podCount = 0;
  for (let i = 0; podCount < pods; i++) {
    const namespace = `ns-${Math.floor(i / DEPLOYMENTS_PER_NAMESPACE)}`;
    const name = `app-${i}`;
    const labels = { app: name, 'app.kubernetes.io/part-of': namespace };
    if (i % DEPLOYMENTS_PER_NAMESPACE === 0) {
      objects.push(
        {
          apiVersion: 'v1',
          kind: 'Namespace',
          metadata: {
            name: namespace,
            labels: { 'istio-injection': 'enabled' },
          },
        },
        ...(pick(i, 14, 3)
          ? []
          : [
              {
                apiVersion: 'networking.k8s.io/v1',
                kind: 'NetworkPolicy',
                metadata: { name: 'default-deny', namespace },
                spec: { podSelector: {}, policyTypes: ['Ingress'] },
              },
            ]),
        {
          apiVersion: 'networking.k8s.io/v1',
          kind: 'NetworkPolicy',
          metadata: { name: 'allow-mesh', namespace },
          spec: {
            podSelector: {
              matchLabels: { 'app.kubernetes.io/part-of': namespace },
            },
            ingress: [{ from: [{ namespaceSelector: {} }] }],
          },
        },
        {
          apiVersion: 'security.istio.io/v1',
          kind: 'PeerAuthentication',
          metadata: { name: 'default', namespace },
          spec: { mtls: { mode: pick(i, 15, 4) ? 'PERMISSIVE' : 'STRICT' } },
        },
        // Two namespaces in three allow calls from their own namespace only.
        ...(pick(i, 18, 3)
          ? []
          : [
              {
                apiVersion: 'security.istio.io/v1',
                kind: 'AuthorizationPolicy',
                metadata: { name: 'same-namespace', namespace },
                spec: {
                  action: 'ALLOW',
                  rules: [{ from: [{ source: { namespaces: [namespace] } }] }],
                },
              },
            ]),
        {
          apiVersion: 'rbac.authorization.k8s.io/v1',
          kind: 'Role',
          metadata: { name: 'deployer', namespace },
          rules: [
            {
              apiGroups: ['apps'],
              resources: pick(i, 16, 5) ? ['*'] : ['deployments'],
              verbs: ['get', 'list', 'update'],
            },
            ...(pick(i, 17, 6)
              ? [
                  {
                    apiGroups: [''],
                    resources: ['pods/exec'],
                    verbs: ['create'],
                  },
                ]
              : []),
          ],
        },
        {
          apiVersion: 'rbac.authorization.k8s.io/v1',
          kind: 'RoleBinding',
          metadata: { name: 'deployer', namespace },
          roleRef: {
            apiGroup: 'rbac.authorization.k8s.io',
            kind: 'Role',
            name: 'deployer',
          },
          subjects: [{ kind: 'ServiceAccount', name: 'ci', namespace }],
        },
      );
    }
    const replicas = 2 + (i % 5);
    const spec = podSpec(i);
    const annotation = exceptionsOf(i);
    objects.push(
      {
        apiVersion: 'apps/v1',
        kind: 'Deployment',
        metadata: {
          name,
          namespace,
          labels,
          ...(annotation && { annotations: { [EXCEPTIONS]: annotation } }),
        },
        spec: {
          replicas: pick(i, 18, 9) ? 1 : replicas,
          selector: { matchLabels: labels },
          template: { metadata: { labels }, spec },
        },
      },
      {
        apiVersion: 'apps/v1',
        kind: 'ReplicaSet',
        metadata: {
          name: `${name}-5d8f`,
          namespace,
          labels,
          ownerReferences: [
            {
              apiVersion: 'apps/v1',
              kind: 'Deployment',
              name,
              controller: true,
            },
          ],
        },
        spec: {
          replicas,
          selector: { matchLabels: labels },
          template: { metadata: { labels }, spec },
        },
      },
      {
        apiVersion: 'v1',
        kind: 'Service',
        metadata: { name, namespace, labels },
        spec: { selector: labels, ports: [{ port: 80, targetPort: 8080 }] },
      },
    );
    for (let r = 0; r < replicas && podCount < pods; r++, podCount++) {
      objects.push({
        apiVersion: 'v1',
        kind: 'Pod',
        metadata: {
          name: `${name}-5d8f-${r}`,
          namespace,
          labels,
          ownerReferences: [
            {
              apiVersion: 'apps/v1',
              kind: 'ReplicaSet',
              name: `${name}-5d8f`,
              controller: true,
            },
          ],
        },
        spec,
        status: { phase: 'Running' },
      });
    }
  }
  objects.push({
    apiVersion: 'rbac.authorization.k8s.io/v1',
    kind: 'ClusterRoleBinding',
    metadata: { name: 'ci-admin' },
    roleRef: {
      apiGroup: 'rbac.authorization.k8s.io',
      kind: 'ClusterRole',
      name: 'cluster-admin',
    },
    subjects: [{ kind: 'ServiceAccount', name: 'ci', namespace: 'ns-0' }],
  });
  return objects;
}

const RBAC_KINDS = new Set([
  'Role',
  'ClusterRole',
  'RoleBinding',
  'ClusterRoleBinding',
]);

function checkedResources(objects: KubeObject[]): ScoredResource[] {
  return objects
    .filter(o => RBAC_KINDS.has(o.kind) || workloadOf(o) !== undefined)
    .map(o => ({
      cluster: 'bench',
      kind: o.kind,
      namespace: o.metadata.namespace,
      name: o.metadata.name,
    }));
}

function workloadExceptions(objects: KubeObject[]): PostureException[] {
  const exceptions: PostureException[] = [];
  for (const object of objects) {
    const value = object.metadata.annotations?.[EXCEPTIONS];
    if (value === undefined) continue;
    for (const exception of parseExceptionsAnnotation(value, 'workload')
      .exceptions) {
      exceptions.push({
        ...exception,
        scope: {
          kind: object.kind,
          namespace: object.metadata.namespace,
          name: object.metadata.name,
        },
      });
    }
  }
  return exceptions;
}

function gcNow() {
  const gc = (global as { gc?: () => void }).gc;
  if (!gc) throw new Error('run with --expose-gc (npm run bench:posture does)');
  gc();
  gc();
}

const mb = (bytes: number) => Math.round(bytes / 1024 / 1024);

function measure(pods: number, runs: number) {
  const objects = generateCluster(pods);
  gcNow();
  const baseHeap = process.memoryUsage().heapUsed;
  let peakRss = 0;
  let peakHeap = 0;
  const sample = () => {
    const { rss, heapUsed } = process.memoryUsage();
    peakRss = Math.max(peakRss, rss);
    peakHeap = Math.max(peakHeap, heapUsed);
  };
  const phases = {
    runChecks: [] as number[],
    exceptions: [] as number[],
    summarize: [] as number[],
  };
  let summary: ReturnType<typeof summarizeFindings> | undefined;
  let findingCount = 0;
  let retained = 0;
  let coverage: number | null = null;
  for (let run = 0; run < runs; run++) {
    const t0 = performance.now();
    // The checks and the zero-trust coverage, from one index, as the
    // backend computes them for each cluster.
    const { findings, meshCoverage } = assessObjects(objects, {
      cluster: 'bench',
      clusterRole: 'production',
    });
    coverage = summarizeMeshCoverage(meshCoverage).ratio;
    sample();
    const t1 = performance.now();
    const reported = applyExceptions(
      findings,
      workloadExceptions(objects),
      NOW,
    );
    sample();
    const t2 = performance.now();
    summary = summarizeFindings(reported, checkedResources(objects));
    sample();
    const t3 = performance.now();
    phases.runChecks.push(t1 - t0);
    phases.exceptions.push(t2 - t1);
    phases.summarize.push(t3 - t2);
    findingCount = reported.length;
    gcNow();
    retained = process.memoryUsage().heapUsed - baseHeap;
  }
  const median = (xs: number[]) =>
    [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const total = median(
    phases.runChecks.map(
      (t, i) => t + phases.exceptions[i] + phases.summarize[i],
    ),
  );
  return {
    pods,
    objects: objects.length,
    findings: findingCount,
    score: summary!.score,
    runChecksMs: median(phases.runChecks),
    exceptionsMs: median(phases.exceptions),
    summarizeMs: median(phases.summarize),
    meshCoverage: coverage,
    totalMs: total,
    podsPerSecond: Math.round(pods / (total / 1000)),
    peakRssMb: mb(peakRss),
    peakHeapMb: mb(peakHeap),
    retainedMb: mb(retained),
  };
}

function main() {
  exitAfter(HARD_LIMIT_MS);
  const options = parseOptions(process.argv.slice(2));
  // Two unmeasured passes of the whole pipeline, so that the first size
  // measured does not pay for compiling it.
  measure(5000, 2);
  const results = options.pods.map(pods => {
    const result = measure(pods, options.runs);
    log(
      `${pods} pods (${result.objects} objects, ${result.findings} findings, score ${result.score}): ` +
        `runChecks ${result.runChecksMs.toFixed(
          0,
        )} ms, exceptions ${result.exceptionsMs.toFixed(0)} ms, ` +
        `summarize ${result.summarizeMs.toFixed(0)} ms, mesh coverage ${
          result.meshCoverage
        }; peak rss ${result.peakRssMb} MB, heap ${result.peakHeapMb} MB`,
    );
    return result;
  });
  log('');
  for (const r of results) {
    log(`pods_per_second_${r.pods}: ${r.podsPerSecond}`);
    log(`total_ms_${r.pods}: ${r.totalMs.toFixed(0)}`);
    log(`run_checks_ms_${r.pods}: ${r.runChecksMs.toFixed(0)}`);
    log(`exceptions_ms_${r.pods}: ${r.exceptionsMs.toFixed(0)}`);
    log(`summarize_ms_${r.pods}: ${r.summarizeMs.toFixed(0)}`);
    log(`findings_${r.pods}: ${r.findings}`);
    log(`peak_rss_mb_${r.pods}: ${r.peakRssMb}`);
    log(`peak_heap_mb_${r.pods}: ${r.peakHeapMb}`);
    log(`heap_after_gc_mb_${r.pods}: ${r.retainedMb}`);
  }
}

try {
  main();
} catch (error) {
  if (error instanceof UsageError) {
    process.stderr.write(`error: ${error.message}\n`);
    process.exitCode = 2;
  } else {
    throw error;
  }
}
