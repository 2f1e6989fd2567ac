import type {
  EntityMaturityResponse,
  MaturityFormula,
  MaturityLeaderboard,
  MaturityTerm,
} from '../api';

// Modelled on the backend's answers for the demo fleet
// (the platform-maturity backend's route tests).

const GiB = 2 ** 30;

const formula: MaturityFormula = {
  text: 'score = Σ weight × integration × automation factor (mesh, monitoring, scaling, healing) + posture score × securityWeight / 100',
  componentWeights: { mesh: 20, monitoring: 20, scaling: 20, healing: 20 },
  securityWeight: 20,
  automationFactors: {
    none: 0,
    manual: 0.5,
    'dry-run': 0.7,
    approval: 0.85,
    enforced: 1,
  },
  integrationShares: {
    mesh: { dataPlane: 0.4, trafficRules: 0.3, strictMtls: 0.3 },
    monitoring: { scrapeTarget: 0.5, alertRules: 0.25, sloAlerts: 0.25 },
    scaling: { autoscaler: 0.4, behavior: 0.3, disruptionBudget: 0.3 },
    healing: { policy: 1 },
  },
};

function term(
  component: MaturityTerm['component'],
  integration: number,
  automation: MaturityTerm['automation'],
  automationFactor: number,
  points: number,
  signals: string[],
): MaturityTerm {
  return {
    component,
    status: 'assessed',
    integration,
    automation,
    automationFactor,
    weight: 20,
    points,
    signals,
  };
}

/** trading-engine: 93, scaling weakest; DR at risk. */
export const tradingEngineMaturity: EntityMaturityResponse = {
  entityRef: 'component:default/trading-engine',
  owner: 'group:default/trading-team',
  system: 'system:default/core-trading',
  score: 93,
  deployed: true,
  terms: [
    term('mesh', 1, 'enforced', 1, 20, [
      'sidecar',
      'VirtualService and DestinationRule',
      'STRICT mTLS',
    ]),
    term('monitoring', 1, 'enforced', 1, 20, [
      'ServiceMonitor',
      '3 alert rule(s)',
      'SLO alerts',
    ]),
    term('scaling', 0.7, 'enforced', 1, 14, ['HPA 6–20', 'PDB']),
    term('healing', 1, 'enforced', 1, 20, ['policy trading-engine-restart']),
    term('security', 0.95, 'enforced', 1, 19, ['posture score 95']),
  ],
  findings: [
    {
      component: 'scaling',
      message:
        'Deployment trading/trading-engine (prod-east-a): HPA trading-engine has no behavior, so it scales with the defaults.',
      next: 'Set scale-up and scale-down behavior (stabilization windows, rate policies).',
      template: 'wire-existing-service',
    },
    {
      component: 'security',
      message: 'Posture score 95 of 100.',
      next: 'Fix the findings listed on the Security posture tab.',
    },
  ],
  dr: {
    status: 'at-risk',
    workloads: [
      {
        cluster: 'prod-east-a',
        kind: 'Deployment',
        namespace: 'trading',
        name: 'trading-engine',
        drCluster: 'dr-west',
        ready: false,
        checks: {
          image: {
            ok: false,
            findings: [
              'container trading-engine runs registry.example.com/trading/trading-engine:2.3.0 in dr-west but registry.example.com/trading/trading-engine:2.4.1 in prod-east-a',
            ],
            production: {
              'trading-engine':
                'registry.example.com/trading/trading-engine:2.4.1',
            },
            dr: {
              'trading-engine':
                'registry.example.com/trading/trading-engine:2.3.0',
            },
          },
          replicas: { ok: true, findings: [], required: 2, actual: 2 },
          capacity: {
            ok: true,
            findings: [],
            neededCpuMillis: 0,
            freeCpuMillis: 1500,
            neededMemoryBytes: 0,
            freeMemoryBytes: 24 * GiB,
          },
          health: { ok: true, findings: [], state: 'healthy' },
          failover: {
            ok: true,
            findings: [],
            scaleUp: false,
            startupSeconds: 16,
          },
        },
        findings: [
          'container trading-engine runs registry.example.com/trading/trading-engine:2.3.0 in dr-west but registry.example.com/trading/trading-engine:2.4.1 in prod-east-a',
        ],
      },
      {
        cluster: 'prod-east-b',
        kind: 'Deployment',
        namespace: 'trading',
        name: 'trading-engine',
        drCluster: 'dr-west',
        ready: false,
        checks: {
          image: {
            ok: true,
            findings: [],
            production: {
              'trading-engine':
                'registry.example.com/trading/trading-engine:2.3.0',
            },
            dr: {
              'trading-engine':
                'registry.example.com/trading/trading-engine:2.3.0',
            },
          },
          replicas: {
            ok: false,
            findings: [
              'dr-west runs 2 replica(s) where prod-east-b needs at least 6',
            ],
            required: 6,
            actual: 2,
          },
          capacity: {
            ok: false,
            findings: [
              'dr-west lacks CPU to scale up: 2000m more requested, 1500m free on Ready nodes',
            ],
            neededCpuMillis: 2000,
            freeCpuMillis: 1500,
            neededMemoryBytes: 16 * GiB,
            freeMemoryBytes: 24 * GiB,
          },
          health: { ok: true, findings: [], state: 'healthy' },
          failover: {
            ok: false,
            findings: [
              'failing over means scaling the copy in dr-west up, and a new pod takes 16s to become ready (median in dr-west), longer than the 15s RTO',
            ],
            scaleUp: true,
            startupSeconds: 16,
          },
        },
        findings: [
          'dr-west runs 2 replica(s) where prod-east-b needs at least 6',
          'dr-west lacks CPU to scale up: 2000m more requested, 1500m free on Ready nodes',
          'failing over means scaling the copy in dr-west up, and a new pod takes 16s to become ready (median in dr-west), longer than the 15s RTO',
        ],
      },
      {
        cluster: 'prod-east-b',
        kind: 'Deployment',
        namespace: 'trading',
        name: 'order-router',
        ready: false,
        findings: ['no Deployment trading/order-router runs in dr-west'],
      },
    ],
    replication: [
      {
        entityRef: 'component:default/kafka-mirrormaker',
        healthy: true,
        detail: '2/2 ready in dr-west',
      },
      {
        entityRef: 'resource:default/ledger-db',
        healthy: false,
        detail: '0/1 ready in dr-west',
      },
    ],
    rto: {
      declared: '15s',
      failoverSeconds: 16,
      note: 'RTO 15s declared; not measured: nothing healed in the last 30 days. A failover has to scale a DR copy up first: about 16s of pod start-up.',
    },
    rpo: { note: 'No RPO is declared on the entity.' },
    findings: [
      'Deployment trading/trading-engine (prod-east-a): container trading-engine runs registry.example.com/trading/trading-engine:2.3.0 in dr-west but registry.example.com/trading/trading-engine:2.4.1 in prod-east-a.',
      'Deployment trading/trading-engine (prod-east-b): dr-west runs 2 replica(s) where prod-east-b needs at least 6.',
      'Deployment trading/trading-engine (prod-east-b): dr-west lacks CPU to scale up: 2000m more requested, 1500m free on Ready nodes.',
      'Deployment trading/order-router (prod-east-b): no Deployment trading/order-router runs in dr-west.',
      'Replication component resource:default/ledger-db is not healthy: 0/1 ready in dr-west.',
      'No RPO is declared on the entity.',
    ],
  },
  formula,
};

const notDeployedTerm = (
  component: MaturityTerm['component'],
): MaturityTerm => ({
  component,
  status: 'not-deployed',
  integration: 0,
  automation: 'none',
  automationFactor: 0,
  weight: 20,
  points: 0,
  signals: [],
});

/** docs-site: no Kubernetes annotations, so nothing is deployed. */
export const docsSiteMaturity: EntityMaturityResponse = {
  entityRef: 'component:default/docs-site',
  owner: 'group:default/platform-team',
  score: 0,
  deployed: false,
  terms: (
    ['mesh', 'monitoring', 'scaling', 'healing', 'security'] as const
  ).map(notDeployedTerm),
  findings: [
    {
      component: 'mesh',
      message: 'No workload of this entity runs in any cluster.',
      next: 'Add Kubernetes annotations to the entity, or generate a service pre-wired for the platform.',
      template: 'cloud-native-service',
    },
  ],
  dr: {
    status: 'not-applicable',
    workloads: [],
    replication: [],
    rto: { note: 'No RTO is declared on the entity.' },
    rpo: { note: 'No RPO is declared on the entity.' },
    findings: [],
  },
  formula,
};

/** The demo fleet's leaderboard. */
export const maturityLeaderboard: MaturityLeaderboard = {
  generatedAt: '2026-11-26T10:00:00Z',
  fleet: { name: 'fleet', score: 52.5, entities: 4, notDeployed: 1 },
  teams: [
    {
      name: 'group:default/commerce-team',
      score: 84,
      entities: 1,
      notDeployed: 0,
    },
    {
      name: 'group:default/trading-team',
      score: 63,
      entities: 2,
      notDeployed: 0,
    },
    {
      name: 'group:default/platform-team',
      score: 0,
      entities: 1,
      notDeployed: 1,
    },
  ],
  systems: [
    {
      name: 'system:default/storefront',
      score: 84,
      entities: 1,
      notDeployed: 0,
    },
    {
      name: 'system:default/core-trading',
      score: 63,
      entities: 2,
      notDeployed: 0,
    },
  ],
  entities: [
    {
      entityRef: 'component:default/trading-engine',
      owner: 'group:default/trading-team',
      system: 'system:default/core-trading',
      score: 93,
      deployed: true,
      dr: 'at-risk',
    },
    {
      entityRef: 'component:default/flash-sale',
      owner: 'group:default/commerce-team',
      system: 'system:default/storefront',
      score: 84,
      deployed: true,
      dr: 'not-ready',
    },
  ],
  formula,
};
