import {
  desiredReplicas,
  parseDuration,
  podTemplateOf,
} from '@cloud-native-platform/plugin-cloud-native-common';
import type {
  Pod,
  PodCondition,
  PodSpec,
} from '@cloud-native-platform/plugin-cloud-native-common';
import {
  DrObjective,
  DrReadiness,
  DrStatus,
  DrWorkloadChecks,
  DrWorkloadReadiness,
  formatBytes,
} from '@cloud-native-platform/plugin-platform-maturity-common';
import {
  summarizePods,
  workloadHealth,
} from '@cloud-native-platform/plugin-cloud-native-node';
import { podCpuRequest, podMemoryRequest } from './clusterCapacity';
import { DrCluster, DrReadinessInput } from './drTypes';
import { rpoObjective } from './rpoObjective';
import { autoscalerOf } from './scalingSignals';
import { MaturityWorkload } from './types';

function podSpecOf(w: MaturityWorkload): PodSpec | undefined {
  return podTemplateOf(w.workload)?.spec;
}

/** The workload's pods, typed as the store serves them. */
function podsOf(w: MaturityWorkload): Pod[] {
  return w.pods as Pod[];
}

/** container name → image, as the pod template declares it. */
function imagesOf(w: MaturityWorkload): Map<string, string> {
  return new Map(
    (podSpecOf(w)?.containers ?? []).map(c => [c.name, c.image ?? ''] as const),
  );
}

/** container name → image digest, as the running pods report it. */
function digestsOf(w: MaturityWorkload): Map<string, string> {
  const digests = new Map<string, string>();
  for (const pod of podsOf(w)) {
    for (const status of pod.status?.containerStatuses ?? []) {
      const digest = String(status.imageID ?? '').split('@')[1];
      if (digest) digests.set(status.name, digest);
    }
  }
  return digests;
}

function sameWorkload(a: MaturityWorkload, b: MaturityWorkload): boolean {
  return (
    a.workload.kind === b.workload.kind &&
    a.workload.metadata.name === b.workload.metadata.name &&
    a.workload.metadata.namespace === b.workload.metadata.namespace
  );
}

/** Replicas a failover has to carry: the production HPA minimum, else its replicas. */
function requiredReplicas(w: MaturityWorkload): number {
  const minimum: unknown = autoscalerOf(w)?.spec?.minReplicas;
  return typeof minimum === 'number'
    ? minimum
    : desiredReplicas(w.workload) ?? 1;
}

function compareImages(
  prod: MaturityWorkload,
  dr: MaturityWorkload,
): DrWorkloadChecks['image'] {
  const findings: string[] = [];
  const prodImages = imagesOf(prod);
  const drImages = imagesOf(dr);
  const prodDigests = digestsOf(prod);
  const drDigests = digestsOf(dr);
  for (const [container, image] of prodImages) {
    const drImage = drImages.get(container);
    if (drImage === undefined) {
      findings.push(`container ${container} is missing in ${dr.cluster}`);
    } else if (drImage !== image) {
      findings.push(
        `container ${container} runs ${drImage} in ${dr.cluster} but ${image} in ${prod.cluster}`,
      );
    } else if (
      prodDigests.get(container) &&
      drDigests.get(container) &&
      prodDigests.get(container) !== drDigests.get(container)
    ) {
      findings.push(
        `container ${container}: tag ${image} points at different digests in ${prod.cluster} and ${dr.cluster}`,
      );
    }
  }
  return {
    ok: findings.length === 0,
    findings,
    production: Object.fromEntries(prodImages),
    dr: Object.fromEntries(drImages),
  };
}

function compareCapacity(
  prod: MaturityWorkload,
  dr: MaturityWorkload,
  cluster: DrCluster | undefined,
): Pick<DrWorkloadChecks, 'replicas' | 'capacity'> {
  const required = requiredReplicas(prod);
  const actual = desiredReplicas(dr.workload) ?? 0;
  const freeCpu = cluster?.freeCpuMillis;
  const freeMemory = cluster?.freeMemoryBytes;
  if (actual >= required) {
    return {
      replicas: { ok: true, findings: [], required, actual },
      capacity: {
        ok: true,
        findings: [],
        neededCpuMillis: 0,
        freeCpuMillis: freeCpu,
        neededMemoryBytes: 0,
        freeMemoryBytes: freeMemory,
      },
    };
  }
  const missing = required - actual;
  const neededCpu = missing * podCpuRequest(podSpecOf(dr));
  const neededMemory = missing * podMemoryRequest(podSpecOf(dr));
  // An unknown free amount is no evidence of a shortage.
  const capacityFindings: string[] = [];
  if (freeCpu !== undefined && neededCpu > freeCpu) {
    capacityFindings.push(
      `${dr.cluster} lacks CPU to scale up: ${neededCpu}m more requested, ${freeCpu}m free on Ready nodes`,
    );
  }
  if (freeMemory !== undefined && neededMemory > freeMemory) {
    capacityFindings.push(
      `${dr.cluster} lacks memory to scale up: ${formatBytes(
        neededMemory,
      )} more requested, ${formatBytes(freeMemory)} free on Ready nodes`,
    );
  }
  return {
    replicas: {
      ok: false,
      findings: [
        `${dr.cluster} runs ${actual} replica(s) where ${prod.cluster} needs at least ${required}`,
      ],
      required,
      actual,
    },
    capacity: {
      ok: capacityFindings.length === 0,
      findings: capacityFindings,
      neededCpuMillis: neededCpu,
      freeCpuMillis: freeCpu,
      neededMemoryBytes: neededMemory,
      freeMemoryBytes: freeMemory,
    },
  };
}

function checkHealth(dr: MaturityWorkload): DrWorkloadChecks['health'] {
  // The workload's pods, as podsOf found them.
  const state = workloadHealth(summarizePods(podsOf(dr)));
  const findings =
    state === 'healthy'
      ? []
      : [
          `the copy in ${dr.cluster} is ${
            state === 'idle' ? 'stopped (cold standby)' : state
          }`,
        ];
  return { ok: findings.length === 0, findings, state };
}

/** A workload that takes a share of traffic on purpose and needs no DR copy. */
function isCanary(w: MaturityWorkload): boolean {
  return w.workload.metadata.labels?.track === 'canary';
}

/** Start-up times above this are a later readiness flap, not a start. */
const MAX_STARTUP_SECONDS = 3600;

/**
 * Median seconds from scheduling to Ready over the ready pods: how long a
 * new pod of the workload takes to start serving.
 */
function startupSeconds(pods: Pod[]): number | undefined {
  const times: number[] = [];
  for (const pod of pods) {
    const conditions: PodCondition[] = pod.status?.conditions ?? [];
    const ready = conditions.find(c => c.type === 'Ready');
    if (ready?.status !== 'True' || !ready.lastTransitionTime) continue;
    const scheduled =
      conditions.find(c => c.type === 'PodScheduled')?.lastTransitionTime ??
      pod.metadata.creationTimestamp;
    if (!scheduled) continue;
    const seconds =
      (Date.parse(String(ready.lastTransitionTime)) -
        Date.parse(String(scheduled))) /
      1000;
    if (seconds >= 0 && seconds <= MAX_STARTUP_SECONDS) times.push(seconds);
  }
  if (times.length === 0) return undefined;
  times.sort((a, b) => a - b);
  const middle = Math.floor(times.length / 2);
  return times.length % 2
    ? times[middle]
    : (times[middle - 1] + times[middle]) / 2;
}

function checkFailover(
  prod: MaturityWorkload,
  dr: MaturityWorkload,
  scaleUp: boolean,
  rto: { declared?: string; targetMs?: number },
): DrWorkloadChecks['failover'] {
  const measuredOnCopy = startupSeconds(podsOf(dr));
  const startup = measuredOnCopy ?? startupSeconds(podsOf(prod));
  const findings: string[] = [];
  if (
    scaleUp &&
    startup !== undefined &&
    rto.targetMs !== undefined &&
    startup * 1000 > rto.targetMs
  ) {
    findings.push(
      `failing over means scaling the copy in ${
        dr.cluster
      } up, and a new pod takes ${Math.round(
        startup,
      )}s to become ready (median in ${
        measuredOnCopy !== undefined ? dr.cluster : prod.cluster
      }), longer than the ${rto.declared} RTO`,
    );
  }
  return {
    ok: findings.length === 0,
    findings,
    scaleUp,
    ...(startup !== undefined && { startupSeconds: Math.round(startup) }),
  };
}

function rtoObjective(
  declared: string | undefined,
  measured: { ms?: number; unavailable?: string; by: string },
): DrObjective {
  const seconds =
    measured.ms === undefined ? undefined : Math.round(measured.ms / 1000);
  if (declared === undefined) {
    return {
      ...(seconds !== undefined && { measured: `${seconds}s` }),
      note: `No RTO is declared on the entity.${
        seconds !== undefined
          ? ` ${measured.by[0].toUpperCase()}${measured.by.slice(
              1,
            )} ${seconds}s (median).`
          : ''
      }`,
    };
  }
  const target = parseDuration(declared);
  if (seconds === undefined || target === undefined) {
    return {
      declared,
      note: `RTO ${declared} declared; not measured${
        measured.unavailable ? `: ${measured.unavailable}` : ''
      }.`,
    };
  }
  const met = measured.ms! <= target;
  return {
    declared,
    measured: `${seconds}s`,
    met,
    note: `RTO ${declared} declared; ${measured.by} ${seconds}s (median)${
      met ? '' : ', slower than the target'
    }.`,
  };
}

/**
 * Whether each production workload of an entity can fail over: a same-kind,
 * same-name workload in the DR cluster with the same images, enough
 * replicas or room to scale, healthy; replication healthy; RTO/RPO known.
 *
 * @public
 */
export function assessDrReadiness(input: DrReadinessInput): DrReadiness {
  const roles = new Map(input.clusters.map(c => [c.name, c.role]));
  const drClusters = input.drCluster
    ? [input.drCluster]
    : input.clusters
        .filter(c => c.role === 'disaster-recovery')
        .map(c => c.name);
  const production = input.workloads.filter(
    w => roles.get(w.cluster) === 'production' && !isCanary(w),
  );
  const rto = rtoObjective(input.rto, {
    ms: input.measuredMttrMs,
    unavailable: input.mttrUnavailable,
    by: 'healing recovered in',
  });
  const rpo = rpoObjective(input.rpo, input.replicationLag);
  const rtoTarget = {
    declared: input.rto,
    targetMs: input.rto === undefined ? undefined : parseDuration(input.rto),
  };
  if (production.length === 0) {
    return {
      status: 'not-applicable',
      workloads: [],
      replication: input.replication,
      rto,
      rpo,
      findings: [],
    };
  }
  const results: DrWorkloadReadiness[] = production.map(prod => {
    const candidates = input.workloads.filter(
      w => drClusters.includes(w.cluster) && sameWorkload(w, prod),
    );
    const base = {
      cluster: prod.cluster,
      kind: prod.workload.kind,
      namespace: prod.workload.metadata.namespace,
      name: prod.workload.metadata.name,
    };
    const dr = candidates[0];
    if (!dr) {
      return {
        ...base,
        ready: false,
        findings: [
          drClusters.length === 0
            ? 'no disaster-recovery cluster is configured or named in the dr-cluster annotation'
            : `no ${base.kind} ${base.namespace}/${
                base.name
              } runs in ${drClusters.join(' or ')}`,
        ],
      };
    }
    const sizing = compareCapacity(
      prod,
      dr,
      input.clusters.find(c => c.name === dr.cluster),
    );
    const checks: DrWorkloadChecks = {
      image: compareImages(prod, dr),
      ...sizing,
      health: checkHealth(dr),
      failover: checkFailover(prod, dr, !sizing.replicas.ok, rtoTarget),
    };
    // The sentences stay, in check order, for readers that want one list.
    const findings = [
      ...checks.image.findings,
      ...checks.replicas.findings,
      ...checks.capacity.findings,
      ...checks.health.findings,
      ...checks.failover.findings,
    ];
    return {
      ...base,
      drCluster: dr.cluster,
      ready: findings.length === 0,
      checks,
      findings,
    };
  });
  const scaleUps = results
    .map(r => r.checks?.failover)
    .filter(f => f?.scaleUp && f.startupSeconds !== undefined)
    .map(f => f!.startupSeconds!);
  if (scaleUps.length > 0) {
    rto.failoverSeconds = Math.max(...scaleUps);
    rto.note += ` A failover has to scale a DR copy up first: about ${rto.failoverSeconds}s of pod start-up.`;
  }
  const findings = results.flatMap(r =>
    r.findings.map(
      f => `${r.kind} ${r.namespace}/${r.name} (${r.cluster}): ${f}.`,
    ),
  );
  for (const r of input.replication.filter(c => !c.healthy)) {
    findings.push(
      `Replication component ${r.entityRef} is not healthy: ${r.detail}.`,
    );
  }
  if (rto.declared === undefined)
    findings.push('No RTO is declared on the entity.');
  if (rpo.declared === undefined)
    findings.push('No RPO is declared on the entity.');
  if (rto.met === false) findings.push(rto.note);
  if (rpo.status === 'breached') findings.push(rpo.note);
  const anyMissing = results.some(r => !r.drCluster);
  let status: DrStatus = 'ready';
  if (anyMissing) status = 'not-ready';
  else if (findings.length > 0) status = 'at-risk';
  return {
    status,
    workloads: results,
    replication: input.replication,
    rto,
    rpo,
    findings,
  };
}
