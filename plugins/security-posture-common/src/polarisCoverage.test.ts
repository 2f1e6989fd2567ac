import { CHECKS } from './runChecks';

/**
 * The checks of Polaris's default configuration (pkg/config/default.yaml of
 * FairwindsOps/polaris), by its own names: reference data for comparing a
 * Polaris audit with ours.
 */
const POLARIS_CHECKS = {
  reliability: [
    'deploymentMissingReplicas',
    'priorityClassNotSet',
    'tagNotSpecified',
    'pullPolicyNotAlways',
    'readinessProbeMissing',
    'livenessProbeMissing',
    'metadataAndInstanceMismatched',
    'pdbDisruptionsIsZero',
    'missingPodDisruptionBudget',
    'topologySpreadConstraint',
    'hpaMaxAvailability',
    'hpaMinAvailability',
    'pdbMinAvailableGreaterThanOrEqualToHPAMinReplicas',
  ],
  efficiency: [
    'cpuRequestsMissing',
    'cpuLimitsMissing',
    'memoryRequestsMissing',
    'memoryLimitsMissing',
  ],
  security: [
    'automountServiceAccountToken',
    'hostIPCSet',
    'hostPathSet',
    'hostProcess',
    'hostPIDSet',
    'linuxHardening',
    'missingNetworkPolicy',
    'notReadOnlyRootFilesystem',
    'privilegeEscalationAllowed',
    'procMount',
    'runAsRootAllowed',
    'runAsPrivileged',
    'dangerousCapabilities',
    'insecureCapabilities',
    'hostNetworkSet',
    'hostPortSet',
    'tlsSettingsMissing',
    'sensitiveContainerEnvVar',
    'sensitiveConfigmapContent',
    'clusterrolePodExecAttach',
    'rolePodExecAttach',
    'clusterrolebindingPodExecAttach',
    'rolebindingClusterRolePodExecAttach',
    'rolebindingRolePodExecAttach',
    'clusterrolebindingClusterAdmin',
    'rolebindingClusterAdminClusterRole',
    'rolebindingClusterAdminRole',
  ],
};

const ALL_POLARIS = Object.values(POLARIS_CHECKS).flat();

function carriers(): Map<string, string[]> {
  const byName = new Map<string, string[]>();
  for (const check of CHECKS) {
    for (const name of check.references.polaris ?? []) {
      byName.set(name, [...(byName.get(name) ?? []), check.id]);
    }
  }
  return byName;
}

describe('Polaris coverage', () => {
  it('holds the 44 default checks of Polaris, each once', () => {
    expect(ALL_POLARIS).toHaveLength(44);
    expect(new Set(ALL_POLARIS).size).toBe(44);
  });

  it('carries every Polaris check in some check of ours', () => {
    const carried = carriers();
    const missing = ALL_POLARIS.filter(name => !carried.has(name));
    expect(missing).toEqual([]);
  });

  it('names no Polaris check that does not exist', () => {
    const known = new Set(ALL_POLARIS);
    const unknown = [...carriers().keys()].filter(name => !known.has(name));
    expect(unknown).toEqual([]);
  });

  it('gives each Polaris check to one check of ours', () => {
    const shared = [...carriers()].filter(([, ids]) => ids.length > 1);
    expect(shared).toEqual([]);
  });
});
