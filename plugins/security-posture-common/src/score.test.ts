import { KubeObject, workloadOf } from './kube';
import { CHECKS, runChecks } from './runChecks';
import {
  explainScore,
  rollUp,
  scoreClusters,
  scoreFindings,
  scoreGroups,
  scoreNamespaces,
  scoreResources,
  ScoredFinding,
} from './score';
import { DEMO_CLUSTER_DIR, readManifests } from './__testUtils__/manifests';
import { FindingResource, Severity } from './types';

function finding(
  checkId: string,
  severity: Severity,
  resource: Partial<FindingResource> = {},
  excepted?: boolean,
): ScoredFinding {
  return {
    checkId,
    severity,
    resource: { kind: 'Deployment', namespace: 'ns', name: 'app', ...resource },
    message: `${checkId} failed`,
    remediation: 'fix it',
    ...(excepted !== undefined && { excepted }),
  };
}

// mulberry32: a tiny seeded generator, so that a failing property run can be
// replayed exactly.
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const KINDS = ['Deployment', 'DaemonSet', 'ClusterRole'];

function randomFinding(random: () => number): ScoredFinding {
  const check = CHECKS[Math.floor(random() * CHECKS.length)];
  return finding(check.id, check.severity, {
    kind: KINDS[Math.floor(random() * KINDS.length)],
    name: `app-${Math.floor(random() * 4)}`,
    container: random() < 0.5 ? 'main' : undefined,
  });
}

function shuffle<T>(items: T[], random: () => number): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [copy[i], copy[j]] = [copy[j], copy[i]];
  }
  return copy;
}

describe('explainScore', () => {
  it('scores no findings 100', () => {
    expect(explainScore([])).toEqual({
      score: 100,
      penalties: [],
      excepted: [],
    });
  });

  it('takes the severity weight off for one finding', () => {
    expect(scoreFindings([finding('a', 'critical')])).toBe(75);
    expect(scoreFindings([finding('a', 'high')])).toBe(90);
    expect(scoreFindings([finding('a', 'medium')])).toBe(96);
    expect(scoreFindings([finding('a', 'low')])).toBe(99);
    expect(scoreFindings([finding('a', 'info')])).toBe(100);
  });

  it('caps any set with a critical finding at 75', () => {
    const random = seeded(7);
    for (let run = 0; run < 200; run++) {
      const findings = Array.from({ length: Math.floor(random() * 10) }, () =>
        randomFinding(random),
      );
      findings.push(finding('rbac-admin-wildcard', 'critical'));
      expect(scoreFindings(findings)).toBeLessThanOrEqual(75);
    }
  });

  it('halves each repeat of a check on the same kind', () => {
    const findings = [1, 2, 3].map(i =>
      finding('run-as-non-root', 'high', { name: `app-${i}` }),
    );
    // 10 + 5 + 2.5
    expect(explainScore(findings)).toEqual({
      score: 83,
      penalties: [
        {
          checkId: 'run-as-non-root',
          severity: 'high',
          count: 3,
          penalty: 17.5,
        },
      ],
      excepted: [],
    });
  });

  it('counts the same check on another kind as a new problem', () => {
    expect(
      scoreFindings([
        finding('run-as-non-root', 'high'),
        finding('run-as-non-root', 'high', { kind: 'DaemonSet' }),
      ]),
    ).toBe(80);
  });

  it('does not let one noisy check cost more than twice its weight', () => {
    const noisy = Array.from({ length: 500 }, (_, i) =>
      finding('cpu-limits-missing', 'medium', { name: `app-${i}` }),
    );
    expect(scoreFindings(noisy)).toBe(92);
  });

  it('floors at 0', () => {
    const findings = CHECKS.flatMap(check =>
      KINDS.map(kind => finding(check.id, 'critical', { kind })),
    );
    expect(scoreFindings(findings)).toBe(0);
  });

  it('never raises the score when a finding is added', () => {
    const random = seeded(42);
    for (let run = 0; run < 50; run++) {
      const findings: ScoredFinding[] = [];
      let previous = scoreFindings(findings);
      for (let step = 0; step < 40; step++) {
        findings.push(randomFinding(random));
        const score = scoreFindings(findings);
        expect(score).toBeLessThanOrEqual(previous);
        previous = score;
      }
    }
  });

  it('does not depend on the order of the findings', () => {
    const random = seeded(1234);
    for (let run = 0; run < 50; run++) {
      const findings = Array.from({ length: 30 }, () => randomFinding(random));
      const expected = explainScore(findings);
      for (let i = 0; i < 5; i++) {
        expect(explainScore(shuffle(findings, random))).toEqual(expected);
      }
    }
  });

  it('sorts penalties costliest first', () => {
    const { penalties } = explainScore([
      finding('cpu-limits-missing', 'low'),
      finding('memory-limits-missing', 'medium'),
      finding('privileged-container', 'critical'),
      finding('run-as-non-root', 'high'),
      finding('some-info', 'info'),
    ]);
    expect(penalties.map(p => [p.checkId, p.penalty])).toEqual([
      ['privileged-container', 25],
      ['run-as-non-root', 10],
      ['memory-limits-missing', 4],
      ['cpu-limits-missing', 1],
      ['some-info', 0],
    ]);
  });

  it('lists excepted findings without counting them', () => {
    const explanation = explainScore([
      finding('privileged-container', 'critical', {}, true),
      finding('privileged-container', 'critical', { name: 'other' }, true),
      finding('run-as-non-root', 'high'),
    ]);
    expect(explanation).toEqual({
      score: 90,
      penalties: [
        {
          checkId: 'run-as-non-root',
          severity: 'high',
          count: 1,
          penalty: 10,
        },
      ],
      excepted: [
        { checkId: 'privileged-container', severity: 'critical', count: 2 },
      ],
    });
  });

  it('scores a set of only excepted findings 100', () => {
    expect(scoreFindings([finding('host-process', 'critical', {}, true)])).toBe(
      100,
    );
  });
});

describe('scoreResources', () => {
  const web = { kind: 'Deployment', namespace: 'shop', name: 'web' };
  const api = { kind: 'Deployment', namespace: 'shop', name: 'api' };
  const db = { kind: 'StatefulSet', namespace: 'data', name: 'db' };

  it('scores resources without findings 100 and counts containers for their workload', () => {
    const scores = scoreResources(
      [
        finding('run-as-non-root', 'high', { ...web, container: 'app' }),
        finding('run-as-non-root', 'high', { ...web, container: 'sidecar' }),
      ],
      [web, api, db],
    );
    expect(scores.map(s => [s.resource.name, s.score])).toEqual([
      ['db', 100],
      ['api', 100],
      ['web', 85],
    ]);
    expect(scores[2].resource).toEqual(web);
  });

  it('scores resources that have findings but were not listed', () => {
    const scores = scoreResources([finding('naked-pod', 'medium', db)], []);
    expect(scores).toEqual([
      expect.objectContaining({ resource: db, score: 96 }),
    ]);
  });

  it('keeps excepted findings in the breakdown of their resource', () => {
    const [score] = scoreResources(
      [finding('privileged-container', 'critical', web, true)],
      [web],
    );
    expect(score.score).toBe(100);
    expect(score.excepted).toEqual([
      { checkId: 'privileged-container', severity: 'critical', count: 1 },
    ]);
  });
});

describe('roll-ups', () => {
  it('weights scores by their weight', () => {
    expect(
      rollUp([
        { score: 100, weight: 9 },
        { score: 0, weight: 1 },
      ]),
    ).toEqual({ score: 90, weight: 10 });
  });

  it('ignores empty groups and scores nothing 100', () => {
    expect(
      rollUp([
        { score: 40, weight: 3 },
        { score: 0, weight: 0 },
      ]),
    ).toEqual({ score: 40, weight: 3 });
    expect(rollUp([])).toEqual({ score: 100, weight: 0 });
  });

  it('weighs a big namespace more than a small one', () => {
    const resources: FindingResource[] = [
      { cluster: 'c1', kind: 'Deployment', namespace: 'big', name: 'a' },
      { cluster: 'c1', kind: 'Deployment', namespace: 'big', name: 'b' },
      { cluster: 'c1', kind: 'Deployment', namespace: 'big', name: 'c' },
      { cluster: 'c1', kind: 'Deployment', namespace: 'small', name: 'd' },
      { cluster: 'c1', kind: 'ClusterRole', name: 'admin-ish' },
    ];
    const scores = scoreResources(
      [finding('privileged-container', 'critical', resources[3])],
      resources,
    );
    expect(scoreNamespaces(scores)).toEqual([
      { cluster: 'c1', namespace: 'big', score: 100, weight: 3 },
      { cluster: 'c1', namespace: 'small', score: 75, weight: 1 },
    ]);
    // (3 * 100 + 75 + 100) / 5: the cluster-scoped role counts too.
    expect(scoreClusters(scores)).toEqual([
      { cluster: 'c1', score: 95, weight: 5 },
    ]);
    expect(rollUp(scoreNamespaces(scores))).toEqual({ score: 94, weight: 4 });
  });

  it('scores arbitrary groups such as teams', () => {
    const scores = scoreResources(
      [finding('run-as-non-root', 'high', { name: 'payments-api' })],
      [
        { kind: 'Deployment', namespace: 'ns', name: 'payments-api' },
        { kind: 'Deployment', namespace: 'ns', name: 'payments-worker' },
        { kind: 'Deployment', namespace: 'ns', name: 'search' },
      ],
    );
    expect(
      scoreGroups(scores, r =>
        r.name.startsWith('payments') ? 'team-payments' : undefined,
      ),
    ).toEqual([{ group: 'team-payments', score: 95, weight: 2 }]);
  });
});

describe('scores of the demo cluster (prod-east-a)', () => {
  const objects: KubeObject[] = readManifests(DEMO_CLUSTER_DIR);
  const findings = runChecks(objects, {
    cluster: 'prod-east-a',
    clusterRole: 'production',
  });
  const workloads: FindingResource[] = objects
    .filter(object => workloadOf(object))
    .map(object => ({
      cluster: 'prod-east-a',
      kind: object.kind,
      ...(object.metadata.namespace !== undefined && {
        namespace: object.metadata.namespace,
      }),
      name: object.metadata.name,
    }));
  const scores = scoreResources(findings, workloads);

  function scoreOf(name: string): number {
    return scores.find(
      s => s.resource.kind === 'Deployment' && s.resource.name === name,
    )!.score;
  }

  it('scores trading-engine 99: its one finding is the low missing priority class', () => {
    expect(scoreOf('trading-engine')).toBe(99);
  });

  it('scores risk-service below 60', () => {
    expect(scoreOf('risk-service')).toBeLessThan(60);
  });

  it('puts the cluster between them', () => {
    const [cluster] = scoreClusters(scores);
    expect(cluster.cluster).toBe('prod-east-a');
    expect(cluster.weight).toBeGreaterThanOrEqual(workloads.length);
    expect(cluster.score).toBeLessThan(scoreOf('trading-engine'));
    expect(cluster.score).toBeGreaterThan(scoreOf('risk-service'));
  });
});
