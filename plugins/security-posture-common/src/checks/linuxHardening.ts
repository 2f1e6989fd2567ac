import {
  ContainerView,
  Workload,
  asArray,
  containerLabel,
  effectiveField,
} from '../kube';
import { Check } from './check';
import { APPARMOR_ANNOTATION, capabilityName } from './pssValues';

/** The Linux security modules and capability drops that confine a container. */
function confinements(container: ContainerView, workload: Workload): string[] {
  const found: string[] = [];
  const seccomp = effectiveField(container, workload.podSpec, 'seccompProfile');
  if (seccomp.value?.type && seccomp.value.type !== 'Unconfined') {
    found.push('seccomp');
  }
  const appArmor = effectiveField(
    container,
    workload.podSpec,
    'appArmorProfile',
  );
  const annotation =
    workload.podAnnotations[`${APPARMOR_ANNOTATION}${container.name}`];
  if (
    (appArmor.value?.type && appArmor.value.type !== 'Unconfined') ||
    (annotation !== undefined && annotation !== 'unconfined')
  ) {
    found.push('AppArmor');
  }
  const seLinux = effectiveField(container, workload.podSpec, 'seLinuxOptions');
  if (seLinux.value && Object.keys(seLinux.value).length > 0) {
    found.push('SELinux');
  }
  const capabilities = container.spec.securityContext?.capabilities;
  const adds = asArray(capabilities?.add).map(capabilityName);
  if (asArray(capabilities?.drop).length > 0 && !adds.includes('ALL')) {
    found.push('capabilities');
  }
  return found;
}

/**
 * Whether a container is confined by at least one Linux hardening mechanism,
 * as Polaris's linuxHardening and Kubescape's C-0055 ask.
 */
export const linuxHardeningCheck: Check = {
  definition: {
    id: 'linux-hardening',
    title: 'No Linux hardening',
    severity: 'low',
    category: 'workload-hardening',
    description:
      'A container that no seccomp profile, AppArmor profile, SELinux options or dropped capabilities confine has every system call and capability of the runtime default. One of them is enough for this check (an Unconfined profile does not count); the Pod Security Standards restricted checks ask for more, so this one matters where they are disabled or excepted. Windows pods are skipped.',
    remediation:
      'Set seccompProfile.type: RuntimeDefault in the pod securityContext and capabilities.drop: [ALL] on the container.',
    references: {
      nsa: 'Pod security: hardening container environments',
      kubescape: 'C-0055',
      mitre: 'T1611',
      polaris: ['linuxHardening'],
    },
  },
  container(container, workload) {
    if (
      container.kind === 'ephemeralContainer' ||
      workload.podSpec.os?.name === 'windows'
    ) {
      return undefined;
    }
    return confinements(container, workload).length > 0
      ? undefined
      : `${containerLabel(
          container,
        )} sets no seccomp or AppArmor profile, SELinux options or capability drop`;
  },
};
