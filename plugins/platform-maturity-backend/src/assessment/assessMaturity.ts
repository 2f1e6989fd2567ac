import {
  AutomationLevel,
  MaturityComponent,
  MaturityFinding,
  MaturityTerm,
} from '@cloud-native-platform/plugin-platform-maturity-common';
import { ComponentSignals, meshSignals } from './componentSignals';
import { monitoringSignals } from './monitoringSignals';
import { scalingSignals } from './scalingSignals';
import {
  AUTOMATION_FACTORS,
  COMPONENT_WEIGHTS,
  MATURITY_TEMPLATES,
  MaturityAssessment,
  MaturityInput,
  MaturityWorkload,
  SECURITY_WEIGHT,
} from './types';

const LEVEL_ORDER: readonly AutomationLevel[] = [
  'none',
  'manual',
  'dry-run',
  'approval',
  'enforced',
];

/** Healing modes of policies and of the annotation, as automation levels. */
const HEALING_LEVELS: Record<string, AutomationLevel> = {
  disabled: 'none',
  observe: 'dry-run',
  'dry-run': 'dry-run',
  approval: 'approval',
  enforce: 'enforced',
};

function weakest(levels: AutomationLevel[]): AutomationLevel {
  if (levels.length === 0) return 'none';
  return levels.reduce((a, b) =>
    LEVEL_ORDER.indexOf(a) <= LEVEL_ORDER.indexOf(b) ? a : b,
  );
}

function strongest(levels: AutomationLevel[]): AutomationLevel {
  return levels.reduce(
    (a, b) => (LEVEL_ORDER.indexOf(a) >= LEVEL_ORDER.indexOf(b) ? a : b),
    'none' as AutomationLevel,
  );
}

function oneDecimal(value: number): number {
  return Math.round(value * 10) / 10;
}

function term(
  component: MaturityTerm['component'],
  weight: number,
  integration: number,
  automation: AutomationLevel,
  signals: string[],
  status: MaturityTerm['status'] = 'assessed',
): MaturityTerm {
  const automationFactor = AUTOMATION_FACTORS[automation];
  return {
    component,
    status,
    integration,
    automation,
    automationFactor,
    weight,
    points: oneDecimal(weight * integration * automationFactor),
    signals,
  };
}

/** One component over every workload: mean integration, weakest automation. */
function combine(
  component: MaturityComponent,
  perWorkload: ComponentSignals[],
): { term: MaturityTerm; findings: MaturityFinding[] } {
  const integration =
    perWorkload.reduce((sum, s) => sum + s.integration, 0) / perWorkload.length;
  const automation = weakest(
    perWorkload.filter(s => s.integration > 0).map(s => s.automation),
  );
  return {
    term: term(
      component,
      COMPONENT_WEIGHTS[component],
      Math.round(integration * 1000) / 1000,
      integration > 0 ? automation : 'none',
      [...new Set(perWorkload.flatMap(s => s.signals))],
    ),
    findings: perWorkload.flatMap(s => s.findings),
  };
}

function healingTerm(input: MaturityInput): {
  term: MaturityTerm;
  findings: MaturityFinding[];
} {
  const policies = input.healing?.policies ?? [];
  const findings: MaturityFinding[] = [];
  if (policies.length === 0) {
    findings.push({
      component: 'healing',
      message: 'No healing policy covers this service.',
      next: 'Add a healing.policies entry matching its cluster, namespace or entity, in dry-run first.',
    });
    return {
      term: term('healing', COMPONENT_WEIGHTS.healing, 0, 'none', []),
      findings,
    };
  }
  let level = strongest(policies.map(p => HEALING_LEVELS[p.mode] ?? 'none'));
  const capText = input.healing?.annotationMode;
  const cap = capText ? HEALING_LEVELS[capText] : undefined;
  if (cap && LEVEL_ORDER.indexOf(cap) < LEVEL_ORDER.indexOf(level)) level = cap;
  if (level !== 'enforced') {
    findings.push({
      component: 'healing',
      message:
        level === 'none'
          ? 'Healing is disabled for this service by its healing-mode annotation.'
          : `Healing runs in ${level} mode: attempts are ${
              level === 'approval'
                ? 'held for approval'
                : 'recorded, not carried out'
            }.`,
      next: 'Review the recorded attempts and move the policy to enforce once they are right.',
    });
  }
  return {
    term: term(
      'healing',
      COMPONENT_WEIGHTS.healing,
      1,
      level,
      policies.map(p => `policy ${p.name} (${p.mode})`),
    ),
    findings,
  };
}

/** Production workloads when there are any: staging must not lift the score. */
function scoredWorkloads(workloads: MaturityWorkload[]): MaturityWorkload[] {
  // A canary takes a share of traffic for a while; its gaps are not the service's.
  const stable = workloads.filter(
    w => w.workload.metadata.labels?.track !== 'canary',
  );
  const production = stable.filter(w => w.clusterRole === 'production');
  return production.length > 0 ? production : stable;
}

/**
 * The maturity score of one entity, 0–100:
 * Σ over mesh, monitoring, scaling and healing of
 * weight × integration × automation factor, plus posture × SECURITY_WEIGHT / 100.
 *
 * @public
 */
export function assessMaturity(input: MaturityInput): MaturityAssessment {
  const workloads = scoredWorkloads(input.workloads);
  if (workloads.length === 0) {
    const components: MaturityComponent[] = [
      'mesh',
      'monitoring',
      'scaling',
      'healing',
    ];
    return {
      score: 0,
      deployed: false,
      terms: [
        ...components.map(c =>
          term(c, COMPONENT_WEIGHTS[c], 0, 'none', [], 'not-deployed'),
        ),
        term('security', SECURITY_WEIGHT, 0, 'none', [], 'not-deployed'),
      ],
      findings: [
        {
          component: 'mesh',
          message: 'No workload of this entity runs in any cluster.',
          next: 'Add Kubernetes annotations to the entity, or generate a service pre-wired for the platform.',
          template: MATURITY_TEMPLATES.newService,
        },
      ],
    };
  }
  const parts = [
    combine('mesh', workloads.map(meshSignals)),
    combine(
      'monitoring',
      workloads.map(w => monitoringSignals(w, input.slos)),
    ),
    combine('scaling', workloads.map(scalingSignals)),
    healingTerm(input),
  ];
  const posture = input.postureScore;
  const security =
    posture === undefined
      ? term('security', SECURITY_WEIGHT, 0, 'none', [
          `not assessed: ${
            input.postureUnavailable ?? 'no posture score was given'
          }`,
        ])
      : term(
          'security',
          SECURITY_WEIGHT,
          posture / 100,
          // The posture score already measures enforcement; it takes no factor.
          'enforced',
          [`posture score ${posture}`],
        );
  if (posture === undefined) security.status = 'not-assessed';
  const findings = parts.flatMap(p => p.findings);
  if (posture === undefined) {
    findings.push({
      component: 'security',
      message: `The security posture of this service was not assessed: ${
        input.postureUnavailable ?? 'no posture score was given'
      }.`,
      next: 'Open the Security posture tab: it needs the security-posture backend and the permission security-posture.report.read.',
    });
  } else if (posture < 100) {
    findings.push({
      component: 'security',
      message: `Posture score ${posture} of 100.`,
      next: 'Fix the findings listed on the Security posture tab.',
    });
  }
  const terms = [...parts.map(p => p.term), security];
  const unique = new Map(findings.map(f => [`${f.component}:${f.message}`, f]));
  return {
    score: oneDecimal(terms.reduce((sum, t) => sum + t.points, 0)),
    deployed: true,
    terms,
    findings: [...unique.values()],
  };
}
