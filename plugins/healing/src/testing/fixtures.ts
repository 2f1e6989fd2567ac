import type {
  HealingAttempt,
  HealingAttemptList,
  HealingEngineStatus,
  HealingStats,
  HealingStatsBucket,
} from '@cloud-native-platform/plugin-healing-common';

/**
 * A crash-looping risk-service pod in prod-east-b, restarted by an `enforce`
 * policy and verified healthy 94 s after the alert fired.
 */
export const riskServiceRestart: HealingAttempt = {
  id: 'att-20261127-0001',
  kind: 'remediation',
  cluster: 'prod-east-b',
  target: {
    cluster: 'prod-east-b',
    namespace: 'trading',
    kind: 'Deployment',
    name: 'risk-service',
    entityRef: 'component:default/risk-service',
  },
  alert: {
    fingerprint: '5c1e8d2a9f3b7e10',
    name: 'KubePodCrashLooping',
    status: 'resolved',
    startsAt: '2026-11-27T08:14:06Z',
    endsAt: '2026-11-27T08:15:40Z',
    labels: {
      alertname: 'KubePodCrashLooping',
      cluster: 'prod-east-b',
      namespace: 'trading',
      pod: 'risk-service-7d9f6c5b8-x2kqp',
      container: 'risk-service',
      severity: 'critical',
    },
    annotations: {
      summary: 'Pod trading/risk-service-7d9f6c5b8-x2kqp is crash looping',
    },
  },
  action: 'restart',
  mode: 'enforce',
  status: 'succeeded',
  policy: 'restart-crash-looping-pods',
  confidence: 0.97,
  reason: 'all replicas ready for 60 s and the alert resolved',
  createdAt: '2026-11-27T08:14:11Z',
  updatedAt: '2026-11-27T08:15:40Z',
  resolvedAt: '2026-11-27T08:15:40Z',
  mttrSeconds: 94,
  steps: [
    {
      name: 'features',
      at: '2026-11-27T08:14:11Z',
      status: 'ok',
      summary: '5 features over the last 10 minutes',
      data: {
        features: {
          restarts_10m: 7,
          error_rate: 0.38,
          p99_latency_ms: 1840,
          cpu_utilisation: 0.62,
          memory_working_set_ratio: 0.71,
        },
      },
    },
    {
      name: 'detection',
      at: '2026-11-27T08:14:12Z',
      status: 'ok',
      summary: 'anomalous: isolation forest 0.81, streaming 0.77',
      data: { scores: { isolationForest: 0.81, streaming: 0.77 } },
    },
    {
      name: 'root-cause',
      at: '2026-11-27T08:14:13Z',
      status: 'ok',
      summary: 'risk-service ranked first of 4 services',
    },
    {
      name: 'decision',
      at: '2026-11-27T08:14:13Z',
      status: 'ok',
      summary:
        'policy restart-crash-looping-pods (enforce): confidence 0.97 ≥ 0.90',
      data: {
        policy: 'restart-crash-looping-pods',
        mode: 'enforce',
        threshold: 0.9,
        confidence: 0.97,
      },
    },
    {
      name: 'action',
      at: '2026-11-27T08:14:14Z',
      status: 'ok',
      summary: 'rollout restart of Deployment trading/risk-service',
    },
    {
      name: 'verification',
      at: '2026-11-27T08:15:40Z',
      status: 'ok',
      summary: '3 of 3 replicas ready, error rate 0.3 %',
      data: { readyReplicas: 3, replicas: 3, error_rate: 0.003 },
    },
  ],
  rootCause: [
    {
      service: 'risk-service',
      score: 0.91,
      evidence: [
        'container restarts 7 in 10 min (baseline 0)',
        'error rate 38 % vs 0.4 % baseline (9.6 σ)',
      ],
    },
    {
      service: 'trading-engine',
      score: 0.34,
      evidence: ['p99 latency of calls to risk-service 1.8 s (3.1 σ)'],
    },
    {
      service: 'ledger-db',
      score: 0.08,
      evidence: ['no deviation beyond 1 σ'],
    },
    {
      service: 'order-gateway',
      score: 0.05,
      evidence: ['no deviation beyond 1 σ'],
    },
  ],
  change: {
    description: 'Rollout restart: new pods replace the crash-looping ones',
    object: 'Deployment trading/risk-service',
    before: [
      'spec:',
      '  template:',
      '    metadata:',
      '      annotations:',
      '        prometheus.io/scrape: "true"',
      '',
    ].join('\n'),
    after: [
      'spec:',
      '  template:',
      '    metadata:',
      '      annotations:',
      '        prometheus.io/scrape: "true"',
      '        kubectl.kubernetes.io/restartedAt: "2026-11-27T08:14:14Z"',
      '',
    ].join('\n'),
  },
};

/**
 * A flash-sale surge in prod-east-a: the engine wants 100 → 140 replicas
 * and waits for a human.
 */
export const flashSaleScale: HealingAttempt = {
  id: 'att-20261127-0002',
  kind: 'remediation',
  cluster: 'prod-east-a',
  target: {
    cluster: 'prod-east-a',
    namespace: 'commerce',
    kind: 'Deployment',
    name: 'flash-sale',
    entityRef: 'component:default/flash-sale',
  },
  alert: {
    fingerprint: '9a77b0c4e21d3f58',
    name: 'FlashSaleOrderSurge',
    status: 'firing',
    startsAt: '2026-11-27T10:00:03Z',
    labels: {
      alertname: 'FlashSaleOrderSurge',
      cluster: 'prod-east-a',
      namespace: 'commerce',
      service: 'flash-sale',
      severity: 'warning',
    },
    annotations: {
      summary: 'orders_per_second 6 900 per pod, target 5 000',
    },
  },
  action: 'scale',
  mode: 'approval',
  status: 'pending-approval',
  policy: 'scale-on-order-surge',
  confidence: 0.94,
  createdAt: '2026-11-27T10:00:09Z',
  updatedAt: '2026-11-27T10:00:10Z',
  steps: [
    {
      name: 'features',
      at: '2026-11-27T10:00:09Z',
      status: 'ok',
      summary: '3 features over the last 5 minutes',
      data: {
        features: {
          orders_per_second_per_pod: 6900,
          cpu_utilisation: 0.88,
          p99_latency_ms: 420,
        },
      },
    },
    {
      name: 'detection',
      at: '2026-11-27T10:00:09Z',
      status: 'ok',
      summary: 'anomalous: isolation forest 0.74',
      data: { scores: { isolationForest: 0.74, streaming: 0.69 } },
    },
    {
      name: 'action-choice',
      at: '2026-11-27T10:00:10Z',
      status: 'ok',
      summary:
        'scale chosen by Thompson sampling. scale healed 9 of 10 such FlashSaleOrderSurge alerts on Deployments; traffic-shift 2 of 2; restart 1 of 3. traffic-shift passed over: cooldown',
    },
    {
      name: 'decision',
      at: '2026-11-27T10:00:10Z',
      status: 'ok',
      summary: 'policy scale-on-order-surge (approval): waiting for a human',
      data: {
        policy: 'scale-on-order-surge',
        mode: 'approval',
        threshold: 0.9,
        confidence: 0.94,
      },
    },
  ],
  actionChoice: {
    chosen: 'scale',
    alertName: 'FlashSaleOrderSurge',
    workloadKind: 'Deployment',
    candidates: [
      {
        action: 'traffic-shift',
        successes: 2,
        failures: 0,
        inconclusive: 0,
        prior: 0,
        sample: 0.912,
        refused:
          'Deployment flash-sale was acted on at 2026-11-27T09:55:00.000Z; cooldown ends in 600s',
      },
      {
        action: 'scale',
        successes: 9,
        failures: 1,
        inconclusive: 0,
        prior: 2,
        sample: 0.861,
      },
      {
        action: 'restart',
        successes: 1,
        failures: 1,
        inconclusive: 1,
        prior: 1,
        sample: 0.304,
      },
    ],
    summary:
      'scale healed 9 of 10 such FlashSaleOrderSurge alerts on Deployments; traffic-shift 2 of 2; restart 1 of 3',
  },
  rootCause: [
    {
      service: 'flash-sale',
      score: 0.88,
      evidence: ['orders per pod 1.4× the autoscaler target'],
    },
  ],
  change: {
    description: 'Scale out ahead of the autoscaler: 100 → 140 replicas',
    object: 'Deployment commerce/flash-sale',
    before: 'spec:\n  replicas: 100\n',
    after: 'spec:\n  replicas: 140\n',
  },
};

/**
 * A zone failure in prod-east-a: the engine planned to send trading traffic
 * to prod-east-b, but its policy is still a dry run.
 */
export const zoneFailureShift: HealingAttempt = {
  id: 'att-20261126-0007',
  kind: 'remediation',
  cluster: 'prod-east-a',
  target: {
    cluster: 'prod-east-a',
    namespace: 'trading',
    kind: 'VirtualService',
    name: 'trading-engine',
    entityRef: 'component:default/trading-engine',
  },
  alert: {
    fingerprint: '3f09de6b1a8c4471',
    name: 'ZoneUnavailable',
    status: 'resolved',
    startsAt: '2026-11-26T15:42:00Z',
    endsAt: '2026-11-26T15:51:30Z',
    labels: {
      alertname: 'ZoneUnavailable',
      cluster: 'prod-east-a',
      zone: 'cn-east-1a',
      severity: 'critical',
    },
    annotations: { summary: '3 of 5 nodes of zone cn-east-1a not ready' },
  },
  action: 'traffic-shift',
  mode: 'dry-run',
  status: 'planned',
  policy: 'shift-traffic-on-zone-failure',
  confidence: 0.92,
  reason: 'dry-run: the change was planned, not applied',
  createdAt: '2026-11-26T15:42:07Z',
  updatedAt: '2026-11-26T15:42:08Z',
  steps: [
    {
      name: 'features',
      at: '2026-11-26T15:42:07Z',
      status: 'ok',
      summary: '2 features',
      data: { features: { nodes_not_ready: 3, success_rate: 0.41 } },
    },
    {
      name: 'detection',
      at: '2026-11-26T15:42:07Z',
      status: 'ok',
      summary: 'anomalous',
      data: { scores: { isolationForest: 0.86 } },
    },
    {
      name: 'decision',
      at: '2026-11-26T15:42:08Z',
      status: 'ok',
      summary: 'policy shift-traffic-on-zone-failure (dry-run)',
      data: {
        policy: 'shift-traffic-on-zone-failure',
        mode: 'dry-run',
        threshold: 0.9,
        confidence: 0.92,
      },
    },
    {
      name: 'action',
      at: '2026-11-26T15:42:08Z',
      status: 'skipped',
      summary: 'dry-run: nothing applied',
    },
  ],
  change: {
    description: 'Send all trading-engine traffic to prod-east-b',
    object: 'VirtualService trading/trading-engine',
    before: [
      'spec:',
      '  http:',
      '  - route:',
      '    - destination: { host: trading-engine.prod-east-a.global }',
      '      weight: 50',
      '    - destination: { host: trading-engine.prod-east-b.global }',
      '      weight: 50',
      '',
    ].join('\n'),
    after: [
      'spec:',
      '  http:',
      '  - route:',
      '    - destination: { host: trading-engine.prod-east-a.global }',
      '      weight: 0',
      '    - destination: { host: trading-engine.prod-east-b.global }',
      '      weight: 100',
      '',
    ].join('\n'),
  },
};

/** A risk-service rollback that a safety rail stopped. */
export const refusedRollback: HealingAttempt = {
  id: 'att-20261125-0003',
  kind: 'remediation',
  cluster: 'prod-east-b',
  target: {
    cluster: 'prod-east-b',
    namespace: 'trading',
    kind: 'Deployment',
    name: 'risk-service',
    entityRef: 'component:default/risk-service',
  },
  action: 'rollback',
  mode: 'enforce',
  status: 'refused',
  policy: 'rollback-bad-release',
  confidence: 0.93,
  reason: 'rate limit: 1 action per workload per 30 min, last at 07:58',
  createdAt: '2026-11-25T08:20:00Z',
  updatedAt: '2026-11-25T08:20:01Z',
  steps: [
    {
      name: 'decision',
      at: '2026-11-25T08:20:01Z',
      status: 'failed',
      summary: 'refused by the rate limit safety rail',
      data: { rail: 'rate-limit', threshold: 0.9, confidence: 0.93 },
    },
  ],
};

/** Kubernetes restarted an OOMKilled inventory-service container. */
export const oomKilledRestart: HealingAttempt = {
  id: 'plt-prod-east-b-inventory-oom-1',
  kind: 'platform',
  cluster: 'prod-east-b',
  target: {
    cluster: 'prod-east-b',
    namespace: 'commerce',
    kind: 'Pod',
    name: 'inventory-service-5b6f8d7c9-m4tzr',
    entityRef: 'component:default/inventory-service',
  },
  action: 'restart',
  mode: 'enforce',
  status: 'healed',
  reason: 'container inventory OOMKilled, restarted by the kubelet',
  createdAt: '2026-11-26T21:07:33Z',
  updatedAt: '2026-11-26T21:07:52Z',
  resolvedAt: '2026-11-26T21:07:52Z',
  mttrSeconds: 19,
  steps: [],
};

/** Pods of a NotReady node in prod-east-a rescheduled elsewhere. */
export const nodeNotReadyReschedule: HealingAttempt = {
  id: 'plt-prod-east-a-node-3-notready',
  kind: 'platform',
  cluster: 'prod-east-a',
  target: { cluster: 'prod-east-a', kind: 'Node', name: 'prod-east-a-node-3' },
  action: 'evict',
  mode: 'enforce',
  status: 'healed',
  reason: 'node NotReady for 5 min: 14 pods rescheduled to other nodes',
  createdAt: '2026-11-26T15:41:10Z',
  updatedAt: '2026-11-26T15:47:58Z',
  resolvedAt: '2026-11-26T15:47:58Z',
  mttrSeconds: 408,
  steps: [],
};

/** Every attempt, newest first, as `GET /attempts` sends them. */
export const allAttempts: HealingAttemptList = {
  items: [
    flashSaleScale,
    riskServiceRestart,
    oomKilledRestart,
    zoneFailureShift,
    nodeNotReadyReschedule,
    refusedRollback,
  ],
  total: 6,
};

const bucket = (
  day: string,
  attempts: number,
  succeeded: number,
  failed: number,
  inconclusive: number,
  medianMttrSeconds?: number,
): HealingStatsBucket => ({
  bucket: `2026-11-${day}T00:00:00Z`,
  attempts,
  succeeded,
  failed,
  inconclusive,
  meanMttrSeconds:
    medianMttrSeconds === undefined ? undefined : medianMttrSeconds * 1.2,
  medianMttrSeconds,
});

/** Four days of fleet history, one without resolved attempts. */
export const fleetStats: HealingStats = {
  buckets: [
    bucket('24', 4, 3, 1, 0, 180),
    bucket('25', 2, 0, 0, 0),
    bucket('26', 5, 3, 1, 1, 120),
    bucket('27', 3, 2, 0, 0, 94),
  ],
  successRate: 0.73,
  medianMttrSeconds: 120,
};

/** risk-service over 30 days. */
export const riskServiceStats: HealingStats = {
  buckets: [bucket('25', 1, 0, 0, 0), bucket('27', 1, 1, 0, 0, 94)],
  successRate: 1,
  medianMttrSeconds: 94,
};

/** The engine runs; three policies, one approval waiting. */
export const engineStatus: HealingEngineStatus = {
  killSwitch: false,
  policies: [
    { name: 'restart-crash-looping-pods', mode: 'enforce', action: 'restart' },
    {
      name: 'scale-on-order-surge',
      mode: 'approval',
      action: 'scale',
      actions: ['scale', 'traffic-shift', 'restart'],
    },
    {
      name: 'shift-traffic-on-zone-failure',
      mode: 'dry-run',
      action: 'traffic-shift',
    },
  ],
  pendingApprovals: 1,
};
