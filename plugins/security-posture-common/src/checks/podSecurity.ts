import { asArray, containerLabel, effectiveField } from '../kube';
import { Check } from './check';
import {
  APPARMOR_ANNOTATION,
  BASELINE_CAPABILITIES,
  SAFE_SYSCTLS,
  SELINUX_TYPES,
  capabilityName,
} from './pssValues';

function from(source: 'container' | 'pod' | undefined): string {
  return source === 'pod' ? ' (from the pod securityContext)' : '';
}

/** The Pod Security Standards baseline profile, one check per control. */
export const podSecurityBaselineChecks: Check[] = [
  {
    definition: {
      id: 'host-process',
      title: 'Windows HostProcess containers',
      severity: 'critical',
      category: 'pod-security',
      description:
        'HostProcess containers run directly on the Windows node with full access to it. Critical, where Polaris warns: such a container is the node.',
      remediation: 'Remove securityContext.windowsOptions.hostProcess.',
      references: {
        pss: 'baseline',
        cis: '5.2.11',
        mitre: 'T1611',
        kubescape: 'C-0202',
        polaris: ['hostProcess'],
      },
    },
    container(container, workload) {
      const { value, from: source } = effectiveField(
        container,
        workload.podSpec,
        'windowsOptions',
      );
      return value?.hostProcess === true
        ? `${containerLabel(
            container,
          )} runs as a HostProcess (windowsOptions.hostProcess true)${from(
            source,
          )}`
        : undefined;
    },
  },
  {
    definition: {
      id: 'host-namespaces',
      title: 'Host namespaces',
      severity: 'high',
      category: 'pod-security',
      description:
        "Sharing the node's network, process or IPC namespace lets a pod see and reach everything on the node.",
      remediation: 'Remove hostNetwork, hostPID and hostIPC from the pod spec.',
      references: {
        pss: 'baseline',
        nsa: 'Pod security: pod security enforcement',
        cis: '5.2.3, 5.2.4, 5.2.5',
        mitre: 'T1611',
        // C-0041 is host network; C-0038 covers host PID and IPC.
        kubescape: 'C-0038, C-0041',
        polaris: ['hostIPCSet', 'hostPIDSet', 'hostNetworkSet'],
      },
    },
    workload(workload) {
      return (['hostNetwork', 'hostPID', 'hostIPC'] as const)
        .filter(field => workload.podSpec[field] === true)
        .map(field => `pod uses the node's namespace (${field} true)`);
    },
  },
  {
    definition: {
      id: 'privileged-container',
      title: 'Privileged containers',
      severity: 'critical',
      category: 'pod-security',
      description:
        'A privileged container has every capability and every device of the node: it is root on the node.',
      remediation: 'Remove securityContext.privileged or set it to false.',
      references: {
        pss: 'baseline',
        nsa: 'Pod security: pod security enforcement',
        cis: '5.2.2',
        mitre: 'T1611',
        kubescape: 'C-0057',
        polaris: ['runAsPrivileged'],
      },
    },
    container(container) {
      return container.spec.securityContext?.privileged === true
        ? `${containerLabel(container)} runs privileged (privileged true)`
        : undefined;
    },
  },
  {
    definition: {
      id: 'capabilities-baseline',
      title: 'Capabilities beyond the baseline set',
      severity: 'high',
      category: 'pod-security',
      description:
        "Capabilities such as SYS_ADMIN or NET_ADMIN give a container powers over the kernel that escape its isolation. Any capability outside the baseline profile's set is reported, where Polaris's dangerousCapabilities names only ALL, SYS_ADMIN and NET_ADMIN.",
      remediation:
        'Add only capabilities of the baseline set (ideally only NET_BIND_SERVICE).',
      references: {
        pss: 'baseline',
        cis: '5.2.9',
        mitre: 'T1611',
        kubescape: 'C-0046',
        polaris: ['dangerousCapabilities'],
      },
    },
    container(container) {
      const extra = asArray(container.spec.securityContext?.capabilities?.add)
        .map(capabilityName)
        .filter(name => !BASELINE_CAPABILITIES.has(name));
      return extra.length > 0
        ? `${containerLabel(container)} adds capabilities ${extra.join(', ')}`
        : undefined;
    },
  },
  {
    definition: {
      id: 'host-path-volume',
      title: 'HostPath volumes',
      severity: 'high',
      category: 'pod-security',
      description:
        "A hostPath volume exposes the node's file system to the pod; written to, it can take over the node. High, where Polaris warns: read-only, it still reads the node's secrets.",
      remediation:
        'Use emptyDir, a ConfigMap, a Secret or a persistent volume instead of hostPath.',
      references: {
        pss: 'baseline',
        nsa: 'Pod security: pod security enforcement',
        cis: '5.2.12',
        mitre: 'T1611',
        kubescape: 'C-0048',
        polaris: ['hostPathSet'],
      },
    },
    workload(workload) {
      return asArray(workload.podSpec.volumes)
        .filter(volume => volume?.hostPath)
        .map(volume => {
          const writers = workload.containers
            .filter(c =>
              asArray(c.spec.volumeMounts).some(
                m => m?.name === volume.name && m.readOnly !== true,
              ),
            )
            .map(c => c.name);
          const writable =
            writers.length > 0
              ? `, writable by ${writers.join(', ')}`
              : ', read-only';
          return `volume ${volume.name} mounts hostPath ${volume.hostPath?.path}${writable}`;
        });
    },
  },
  {
    definition: {
      id: 'host-ports',
      title: 'Host ports',
      severity: 'medium',
      category: 'pod-security',
      description:
        "A host port binds the node's network interface, bypassing Services and network policies.",
      remediation: 'Remove hostPort and expose the port through a Service.',
      references: {
        pss: 'baseline',
        cis: '5.2.13',
        kubescape: 'C-0044',
        polaris: ['hostPortSet'],
      },
    },
    container(container) {
      const ports = asArray(container.spec.ports)
        .map(port => port?.hostPort)
        .filter(port => port !== undefined && port !== null && port !== 0);
      return ports.length > 0
        ? `${containerLabel(container)} binds hostPort ${ports.join(', ')}`
        : undefined;
    },
  },
  {
    definition: {
      id: 'apparmor-unconfined',
      title: 'AppArmor profile overridden',
      severity: 'high',
      category: 'pod-security',
      description:
        'Disabling AppArmor removes the mandatory access control the runtime applies by default.',
      remediation:
        'Leave the AppArmor profile unset or use RuntimeDefault or a Localhost profile.',
      references: {
        pss: 'baseline',
        nsa: 'Pod security: AppArmor',
      },
    },
    container(container, workload) {
      const messages: string[] = [];
      const annotation =
        workload.podAnnotations[`${APPARMOR_ANNOTATION}${container.name}`];
      if (
        annotation !== undefined &&
        annotation !== 'runtime/default' &&
        !annotation.startsWith('localhost/')
      ) {
        messages.push(
          `${containerLabel(
            container,
          )} has AppArmor profile ${annotation} (annotation)`,
        );
      }
      const { value, from: source } = effectiveField(
        container,
        workload.podSpec,
        'appArmorProfile',
      );
      if (
        value?.type !== undefined &&
        value.type !== 'RuntimeDefault' &&
        value.type !== 'Localhost'
      ) {
        messages.push(
          `${containerLabel(container)} has appArmorProfile.type ${
            value.type
          }${from(source)}`,
        );
      }
      return messages;
    },
  },
  {
    definition: {
      id: 'selinux-options',
      title: 'Custom SELinux options',
      severity: 'medium',
      category: 'pod-security',
      description:
        'Setting a custom SELinux user, role or type can lift the confinement of the container.',
      remediation:
        'Remove seLinuxOptions.user and role; use only the container_* types.',
      references: { pss: 'baseline' },
    },
    container(container, workload) {
      const { value, from: source } = effectiveField(
        container,
        workload.podSpec,
        'seLinuxOptions',
      );
      const problems: string[] = [];
      if (value?.type && !SELINUX_TYPES.has(value.type)) {
        problems.push(`type ${value.type}`);
      }
      if (value?.user) {
        problems.push(`user ${value.user}`);
      }
      if (value?.role) {
        problems.push(`role ${value.role}`);
      }
      return problems.length > 0
        ? `${containerLabel(container)} sets SELinux ${problems.join(
            ', ',
          )}${from(source)}`
        : undefined;
    },
  },
  {
    definition: {
      id: 'proc-mount',
      title: 'Unmasked /proc mount',
      severity: 'medium',
      category: 'pod-security',
      description:
        'An Unmasked /proc exposes kernel interfaces that the default mount hides.',
      remediation: 'Remove securityContext.procMount or set it to Default.',
      references: { pss: 'baseline', polaris: ['procMount'] },
    },
    container(container) {
      const procMount = container.spec.securityContext?.procMount;
      return procMount !== undefined && procMount !== 'Default'
        ? `${containerLabel(container)} has procMount ${procMount}`
        : undefined;
    },
  },
  {
    definition: {
      id: 'seccomp-unconfined',
      title: 'Seccomp disabled',
      severity: 'high',
      category: 'pod-security',
      description:
        "An Unconfined seccomp profile lets the container make every system call, the kernel's whole attack surface.",
      remediation: 'Set seccompProfile.type to RuntimeDefault or Localhost.',
      references: {
        pss: 'baseline',
        nsa: 'Pod security: seccomp',
        cis: '5.7.2',
        mitre: 'T1611',
      },
    },
    container(container, workload) {
      const { value, from: source } = effectiveField(
        container,
        workload.podSpec,
        'seccompProfile',
      );
      return value?.type === 'Unconfined'
        ? `${containerLabel(
            container,
          )} has seccompProfile.type Unconfined${from(source)}`
        : undefined;
    },
  },
  {
    definition: {
      id: 'unsafe-sysctls',
      title: 'Unsafe sysctls',
      severity: 'medium',
      category: 'pod-security',
      description:
        'Sysctls outside the safe set change kernel settings shared with the node and other pods.',
      remediation: 'Set only the safe, pod-namespaced sysctls.',
      references: { pss: 'baseline' },
    },
    workload(workload) {
      return asArray(workload.podSpec.securityContext?.sysctls)
        .map(sysctl => String(sysctl?.name))
        .filter(name => !SAFE_SYSCTLS.has(name))
        .map(name => `pod sets sysctl ${name}`);
    },
  },
];
