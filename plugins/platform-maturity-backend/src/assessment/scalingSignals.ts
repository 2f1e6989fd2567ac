import {
  ComponentSignals,
  describeWorkload,
  finding,
  matchLabelsSelect,
  namespaceOf,
  ofKind,
  podLabels,
  round,
} from './componentSignals';
import { INTEGRATION_SHARES, MaturityWorkload } from './types';
import {
  desiredReplicas,
  type HorizontalPodAutoscaler,
  type PodDisruptionBudget,
} from '@cloud-native-platform/plugin-cloud-native-common';

/** The HorizontalPodAutoscaler that scales the workload, if any. */
export function autoscalerOf(
  w: MaturityWorkload,
): HorizontalPodAutoscaler | undefined {
  return ofKind(w, 'HorizontalPodAutoscaler', namespaceOf(w)).find(
    h =>
      h.spec?.scaleTargetRef?.kind === w.workload.kind &&
      h.spec?.scaleTargetRef?.name === w.workload.metadata.name,
  );
}

function asCount(value: unknown, of: number): number | undefined {
  if (typeof value === 'number') return value;
  if (typeof value === 'string' && value.endsWith('%')) {
    return Math.ceil((Number(value.slice(0, -1)) / 100) * of);
  }
  return undefined;
}

/**
 * Why a PodDisruptionBudget blocks every voluntary eviction at the lowest
 * replica count, or undefined when it leaves room for one.
 */
function budgetProblem(
  pdb: PodDisruptionBudget,
  replicas: number,
): string | undefined {
  const { minAvailable, maxUnavailable } = pdb.spec ?? {};
  const min = asCount(minAvailable, replicas);
  if (min !== undefined && min >= replicas) {
    return `minAvailable ${minAvailable} leaves no eviction possible at ${replicas} replica(s)`;
  }
  const max = asCount(maxUnavailable, replicas);
  if (max !== undefined && max < 1) {
    return `maxUnavailable ${maxUnavailable} allows no eviction`;
  }
  return undefined;
}

/** HPA, its scaling behavior, and a PodDisruptionBudget consistent with it. */
export function scalingSignals(w: MaturityWorkload): ComponentSignals {
  const shares = INTEGRATION_SHARES.scaling;
  const where = describeWorkload(w);
  const result: ComponentSignals = {
    integration: 0,
    automation: 'none',
    signals: [],
    findings: [],
  };
  const hpa = autoscalerOf(w);
  if (hpa) {
    result.integration += shares.autoscaler;
    result.signals.push(
      `HPA ${hpa.spec?.minReplicas ?? 1}–${hpa.spec?.maxReplicas}`,
    );
    if (hpa.spec?.behavior) {
      result.integration += shares.behavior;
      result.signals.push('scaling behavior');
    } else {
      result.findings.push(
        finding(
          'scaling',
          `${where}: HPA ${hpa.metadata.name} has no behavior, so it scales with the defaults.`,
          'Set scale-up and scale-down behavior (stabilization windows, rate policies).',
        ),
      );
    }
  } else {
    result.findings.push(
      finding(
        'scaling',
        `${where} has no HorizontalPodAutoscaler.`,
        'Add an HPA with behavior, on CPU or a load metric.',
      ),
    );
  }
  const labels = podLabels(w);
  const pdb = ofKind(w, 'PodDisruptionBudget', namespaceOf(w)).find(p =>
    matchLabelsSelect(p.spec?.selector?.matchLabels, labels),
  );
  const lowest = hpa?.spec?.minReplicas ?? desiredReplicas(w.workload) ?? 1;
  if (pdb) {
    const problem = budgetProblem(pdb, lowest);
    if (problem) {
      result.findings.push(
        finding(
          'scaling',
          `${where}: PodDisruptionBudget ${pdb.metadata.name} ${problem}.`,
          'Lower minAvailable below the HPA minimum, or use maxUnavailable.',
        ),
      );
    } else {
      result.integration += shares.disruptionBudget;
      result.signals.push('PDB');
    }
  } else {
    result.findings.push(
      finding(
        'scaling',
        `${where} has no PodDisruptionBudget.`,
        'Add a PodDisruptionBudget consistent with the HPA minimum.',
      ),
    );
  }
  result.integration = round(result.integration);
  // An autoscaler acts on its own; without one, replicas are set by hand.
  if (result.integration > 0) result.automation = hpa ? 'enforced' : 'manual';
  return result;
}
