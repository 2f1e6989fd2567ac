import { Workload, asArray, containerLabel, effectiveField } from '../kube';
import { Check } from './check';
import { capabilityName } from './pssValues';

// Volume types the restricted profile allows: none of them reaches outside
// the pod's own storage or the cluster's managed volumes.
const RESTRICTED_VOLUME_TYPES = new Set([
  'configMap',
  'csi',
  'downwardAPI',
  'emptyDir',
  'ephemeral',
  'persistentVolumeClaim',
  'projected',
  'secret',
]);

// The restricted profile exempts Windows pods from the Linux-only controls.
function isWindows(workload: Workload): boolean {
  return workload.podSpec.os?.name === 'windows';
}

function from(source: 'container' | 'pod' | undefined): string {
  return source === 'pod' ? ' (from the pod securityContext)' : '';
}

/** The Pod Security Standards restricted profile, one check per control. */
export const podSecurityRestrictedChecks: Check[] = [
  {
    definition: {
      id: 'restricted-volume-types',
      title: 'Volume types outside the restricted set',
      severity: 'low',
      category: 'pod-security',
      description:
        'The restricted profile allows only configMap, csi, downwardAPI, emptyDir, ephemeral, persistentVolumeClaim, projected and secret volumes.',
      remediation:
        'Replace the volume with a persistentVolumeClaim or another allowed type.',
      references: { pss: 'restricted' },
    },
    workload(workload) {
      const messages: string[] = [];
      for (const volume of asArray(workload.podSpec.volumes)) {
        // hostPath is reported by the baseline check already.
        const types = Object.keys(volume ?? {}).filter(
          key => key !== 'name' && key !== 'hostPath',
        );
        for (const type of types) {
          if (!RESTRICTED_VOLUME_TYPES.has(type)) {
            messages.push(`volume ${volume.name} has type ${type}`);
          }
        }
      }
      return messages;
    },
  },
  {
    definition: {
      id: 'allow-privilege-escalation',
      title: 'Privilege escalation allowed',
      severity: 'medium',
      category: 'pod-security',
      description:
        'Unless allowPrivilegeEscalation is false, a process can gain more privileges than its parent, e.g. through setuid binaries. Medium, where Polaris grades it danger: on its own it gains nothing without a setuid binary or file capabilities in the image.',
      remediation: 'Set securityContext.allowPrivilegeEscalation to false.',
      references: {
        pss: 'restricted',
        nsa: 'Pod security: non-root containers',
        cis: '5.2.6',
        mitre: 'T1068',
        kubescape: 'C-0016',
        polaris: ['privilegeEscalationAllowed'],
      },
    },
    container(container, workload) {
      if (isWindows(workload)) {
        return undefined;
      }
      const value = container.spec.securityContext?.allowPrivilegeEscalation;
      return value === false
        ? undefined
        : `${containerLabel(
            container,
          )} allows privilege escalation (allowPrivilegeEscalation ${
            value ?? 'unset'
          })`;
    },
  },
  {
    definition: {
      id: 'run-as-non-root',
      title: 'Running as root',
      severity: 'high',
      category: 'pod-security',
      description:
        'A container running as root (UID 0) is root on the node as soon as it escapes. Covers both restricted controls: runAsNonRoot must be true and runAsUser must not be 0.',
      remediation:
        'Set runAsNonRoot: true and a non-zero runAsUser in the pod securityContext, and build the image with a non-root USER.',
      references: {
        pss: 'restricted',
        nsa: 'Pod security: non-root containers',
        cis: '5.2.7',
        mitre: 'T1068',
        kubescape: 'C-0013',
        polaris: ['runAsRootAllowed'],
      },
    },
    container(container, workload) {
      const user = effectiveField(container, workload.podSpec, 'runAsUser');
      if (user.value === 0) {
        return `${containerLabel(container)} runs as root (runAsUser 0)${from(
          user.from,
        )}`;
      }
      const nonRoot = effectiveField(
        container,
        workload.podSpec,
        'runAsNonRoot',
      );
      return nonRoot.value === true
        ? undefined
        : `${containerLabel(container)} may run as root (runAsNonRoot ${
            nonRoot.value ?? 'unset'
          })${from(nonRoot.from)}`;
    },
  },
  {
    definition: {
      id: 'seccomp-profile-required',
      title: 'No seccomp profile',
      severity: 'medium',
      category: 'pod-security',
      description:
        'Without a seccomp profile the container can make every system call; the restricted profile requires RuntimeDefault or Localhost.',
      remediation:
        'Set seccompProfile.type: RuntimeDefault in the pod securityContext.',
      references: {
        pss: 'restricted',
        nsa: 'Pod security: seccomp',
        cis: '5.7.2',
      },
    },
    container(container, workload) {
      if (isWindows(workload)) {
        return undefined;
      }
      const { value } = effectiveField(
        container,
        workload.podSpec,
        'seccompProfile',
      );
      // Unconfined is reported by the baseline check.
      return value?.type === undefined
        ? `${containerLabel(
            container,
          )} has no seccomp profile (seccompProfile unset)`
        : undefined;
    },
  },
  {
    definition: {
      id: 'capabilities-restricted',
      title: 'Capabilities not dropped',
      severity: 'medium',
      category: 'pod-security',
      description:
        "The restricted profile requires dropping ALL capabilities and adding back at most NET_BIND_SERVICE. This follows the profile: Polaris's insecureCapabilities also accepts dropping a list of the runtime's default capabilities instead of ALL, which a new default capability would slip through.",
      remediation:
        'Set capabilities.drop: [ALL] and add only NET_BIND_SERVICE if the container binds a port below 1024.',
      references: {
        pss: 'restricted',
        cis: '5.2.10',
        mitre: 'T1611',
        polaris: ['insecureCapabilities'],
      },
    },
    container(container, workload) {
      if (isWindows(workload)) {
        return undefined;
      }
      const capabilities = container.spec.securityContext?.capabilities;
      const problems: string[] = [];
      const drop = asArray(capabilities?.drop).map(capabilityName);
      if (!drop.includes('ALL')) {
        problems.push(
          `does not drop ALL capabilities (drop ${
            drop.length > 0 ? drop.join(', ') : 'unset'
          })`,
        );
      }
      const added = asArray(capabilities?.add)
        .map(capabilityName)
        .filter(name => name !== 'NET_BIND_SERVICE');
      if (added.length > 0) {
        problems.push(`adds ${added.join(', ')}`);
      }
      return problems.length > 0
        ? `${containerLabel(container)} ${problems.join(' and ')}`
        : undefined;
    },
  },
];
