import type {
  CheckDefinition,
  PostureOverview,
  PostureReport,
  PostureTrend,
  ReportFinding,
  SeverityCounts,
} from '@cloud-native-platform/plugin-security-posture-common';

const counts = (
  critical: number,
  high: number,
  medium: number,
  low: number,
  info = 0,
): SeverityCounts => ({ critical, high, medium, low, info });

const runAsNonRoot = (cluster: string): ReportFinding => ({
  checkId: 'run-as-non-root',
  title: 'Containers run as a non-root user',
  category: 'pod-security',
  severity: 'high',
  resource: {
    cluster,
    kind: 'Deployment',
    namespace: 'trading',
    name: 'trading-engine',
    container: 'engine',
  },
  message: 'container engine may run as root: runAsNonRoot is not set',
  remediation:
    'Set securityContext.runAsNonRoot: true and a non-zero runAsUser.',
});

/** Findings of trading-engine, worst first, one of them excepted. */
export const tradingEngineFindings: ReportFinding[] = [
  {
    checkId: 'privileged-container',
    title: 'Containers are not privileged',
    category: 'pod-security',
    severity: 'critical',
    resource: {
      cluster: 'prod-east-b',
      kind: 'Deployment',
      namespace: 'trading',
      name: 'trading-engine',
      container: 'debug',
    },
    message: 'container debug runs privileged',
    remediation: 'Remove securityContext.privileged or set it to false.',
  },
  runAsNonRoot('prod-east-a'),
  runAsNonRoot('prod-east-b'),
  {
    checkId: 'mesh-mtls-strict',
    title: 'Mesh traffic requires mTLS',
    category: 'mesh',
    severity: 'medium',
    resource: { cluster: 'prod-east-a', kind: 'Namespace', name: 'trading' },
    message: 'PeerAuthentication mode is PERMISSIVE',
    remediation: 'Apply a PeerAuthentication with mtls.mode STRICT.',
  },
  {
    checkId: 'image-tag-pinned',
    title: 'Images are pinned to a tag or digest',
    category: 'workload-hardening',
    severity: 'medium',
    resource: {
      cluster: 'prod-east-a',
      kind: 'Deployment',
      namespace: 'trading',
      name: 'trading-engine',
      container: 'metrics',
    },
    message: 'image registry.acme.io/tools/metrics:latest uses the latest tag',
    remediation: 'Pin the image to a version tag or a digest.',
    excepted: {
      checkId: 'image-tag-pinned',
      reason: 'vendor ships only latest; replaced in Q1',
      owner: 'group:default/trading-team',
      expires: '2027-03-31',
      source: 'entity',
    },
  },
];

/** `GET /report?entityRef=component:default/trading-engine`. */
export const tradingEngineReport: PostureReport = {
  scope: { entityRef: 'component:default/trading-engine' },
  generatedAt: '2026-11-26T10:00:00Z',
  score: 68,
  counts: counts(1, 2, 1, 0),
  exceptedCount: 1,
  penalties: [
    {
      checkId: 'privileged-container',
      severity: 'critical',
      count: 1,
      penalty: 20,
    },
    { checkId: 'run-as-non-root', severity: 'high', count: 2, penalty: 9 },
    { checkId: 'mesh-mtls-strict', severity: 'medium', count: 1, penalty: 3 },
  ],
  findings: tradingEngineFindings,
  resources: [
    {
      resource: {
        cluster: 'prod-east-a',
        kind: 'Deployment',
        namespace: 'trading',
        name: 'trading-engine',
      },
      score: 88,
    },
    {
      resource: {
        cluster: 'prod-east-b',
        kind: 'Deployment',
        namespace: 'trading',
        name: 'trading-engine',
      },
      score: 62,
    },
  ],
  // One of the two workloads has STRICT mTLS and an AuthorizationPolicy.
  meshCoverage: { covered: 1, total: 2, ratio: 0.5 },
  clusters: [
    {
      cluster: 'prod-east-a',
      score: 85,
      meshCoverage: { covered: 1, total: 1, ratio: 1 },
    },
    {
      cluster: 'prod-east-b',
      score: 62,
      meshCoverage: { covered: 0, total: 1, ratio: 0 },
    },
    { cluster: 'dr-west', error: 'cluster is not reachable' },
  ],
};

/** `GET /report?cluster=prod-east-b`. */
export const prodEastBReport: PostureReport = {
  scope: { cluster: 'prod-east-b' },
  generatedAt: '2026-11-26T10:00:00Z',
  score: 64,
  counts: counts(1, 1, 0, 0),
  exceptedCount: 0,
  penalties: [],
  findings: tradingEngineFindings.filter(
    f => f.resource.cluster === 'prod-east-b',
  ),
  resources: [],
  meshCoverage: { covered: 4, total: 13, ratio: 4 / 13 },
  clusters: [
    {
      cluster: 'prod-east-b',
      score: 64,
      meshCoverage: { covered: 4, total: 13, ratio: 4 / 13 },
    },
  ],
};

/** `GET /overview` of the demo fleet. */
export const fleetOverview: PostureOverview = {
  generatedAt: '2026-11-26T10:00:00Z',
  score: 76,
  counts: counts(1, 5, 7, 3, 2),
  exceptedCount: 2,
  meshCoverage: { covered: 13, total: 48, ratio: 13 / 48 },
  unattributedFalcoAlerts: 3,
  clusters: [
    {
      name: 'prod-east-a',
      role: 'production',
      score: 91,
      resources: 24,
      counts: counts(0, 1, 3, 1),
    },
    {
      name: 'prod-east-b',
      role: 'production',
      score: 64,
      resources: 24,
      counts: counts(1, 3, 3, 1),
    },
    {
      name: 'dr-west',
      role: 'disaster-recovery',
      score: 0,
      resources: 0,
      counts: counts(0, 0, 0, 0),
      error: 'cluster is not reachable',
    },
    {
      name: 'staging',
      role: 'staging',
      score: 78,
      resources: 12,
      counts: counts(0, 1, 1, 1, 2),
    },
  ],
  namespaces: [
    {
      name: 'prod-east-b/trading',
      score: 55,
      resources: 6,
      counts: counts(1, 2, 1, 0),
    },
    {
      name: 'prod-east-a/commerce',
      score: 82,
      resources: 8,
      counts: counts(0, 1, 2, 0),
    },
  ],
  teams: [
    {
      name: 'group:default/trading-team',
      score: 61,
      resources: 10,
      counts: counts(1, 3, 2, 0),
    },
    {
      name: 'group:default/commerce-team',
      score: 84,
      resources: 14,
      counts: counts(0, 2, 5, 3, 2),
    },
  ],
  topChecks: [
    {
      checkId: 'run-as-non-root',
      title: 'Containers run as a non-root user',
      severity: 'high',
      category: 'pod-security',
      count: 5,
    },
    {
      checkId: 'privileged-container',
      title: 'Containers are not privileged',
      severity: 'critical',
      category: 'pod-security',
      count: 1,
    },
  ],
};

/** `GET /history?entityRef=component:default/trading-engine`. */
export const tradingEngineTrend: PostureTrend = {
  scope: { entityRef: 'component:default/trading-engine' },
  points: [
    { takenAt: '2026-11-22T00:00:00Z', score: 58, counts: counts(2, 2, 1, 0) },
    { takenAt: '2026-11-23T00:00:00Z', score: 61, counts: counts(1, 3, 1, 0) },
    { takenAt: '2026-11-24T00:00:00Z', score: 66, counts: counts(1, 2, 2, 0) },
    { takenAt: '2026-11-25T00:00:00Z', score: 68, counts: counts(1, 2, 1, 0) },
  ],
};

/** `GET /history` of the fleet. */
export const fleetTrend: PostureTrend = {
  scope: {},
  points: [
    { takenAt: '2026-11-24T00:00:00Z', score: 71, counts: counts(2, 6, 8, 3) },
    { takenAt: '2026-11-25T00:00:00Z', score: 74, counts: counts(1, 6, 7, 3) },
    { takenAt: '2026-11-26T00:00:00Z', score: 76, counts: counts(1, 5, 7, 3) },
  ],
};

/** `GET /checks`, two entries of the catalogue. */
export const checkCatalogue: { items: CheckDefinition[] } = {
  items: [
    {
      id: 'run-as-non-root',
      title: 'Containers run as a non-root user',
      severity: 'high',
      category: 'pod-security',
      description: 'A container running as root owns the node if it escapes.',
      remediation:
        'Set securityContext.runAsNonRoot: true and a non-zero runAsUser.',
      references: { pss: 'restricted', nsa: 'Pod security' },
    },
    {
      id: 'privileged-container',
      title: 'Containers are not privileged',
      severity: 'critical',
      category: 'pod-security',
      description: 'A privileged container has every capability of the host.',
      remediation: 'Remove securityContext.privileged or set it to false.',
      references: { pss: 'baseline', cis: '5.2.1' },
    },
  ],
};
