import { CHECKS } from '../runChecks';
import { Mutation, deployment, messagesFor } from '../testing/fixtures';

interface Case {
  id: string;
  pass: Mutation;
  fail: Mutation;
  message: string;
}

const cases: Case[] = [
  {
    id: 'host-process',
    pass: pod => (pod.securityContext.windowsOptions = { hostProcess: false }),
    fail: pod => (pod.securityContext.windowsOptions = { hostProcess: true }),
    message:
      'container app runs as a HostProcess (windowsOptions.hostProcess true) (from the pod securityContext)',
  },
  {
    id: 'host-namespaces',
    pass: pod => (pod.hostNetwork = false),
    fail: pod => (pod.hostIPC = true),
    message: "pod uses the node's namespace (hostIPC true)",
  },
  {
    id: 'privileged-container',
    pass: (_, c) => (c.securityContext.privileged = false),
    fail: (_, c) => (c.securityContext.privileged = true),
    message: 'container app runs privileged (privileged true)',
  },
  {
    id: 'capabilities-baseline',
    pass: (_, c) => (c.securityContext.capabilities.add = ['CHOWN']),
    fail: (_, c) =>
      (c.securityContext.capabilities.add = ['CAP_SYS_ADMIN', 'CHOWN']),
    message: 'container app adds capabilities SYS_ADMIN',
  },
  {
    id: 'host-path-volume',
    pass: pod => (pod.volumes[0] = { name: 'tmp', emptyDir: {} }),
    fail: pod => (pod.volumes[0] = { name: 'tmp', hostPath: { path: '/tmp' } }),
    message: 'volume tmp mounts hostPath /tmp, writable by app',
  },
  {
    id: 'host-ports',
    pass: (_, c) => (c.ports = [{ containerPort: 8080, hostPort: 0 }]),
    fail: (_, c) => (c.ports = [{ containerPort: 8080, hostPort: 8080 }]),
    message: 'container app binds hostPort 8080',
  },
  {
    id: 'apparmor-unconfined',
    pass: (_, c) => (c.securityContext.appArmorProfile = { type: 'Localhost' }),
    fail: pod => (pod.securityContext.appArmorProfile = { type: 'Unconfined' }),
    message:
      'container app has appArmorProfile.type Unconfined (from the pod securityContext)',
  },
  {
    id: 'selinux-options',
    pass: pod => (pod.securityContext.seLinuxOptions = { type: 'container_t' }),
    fail: (_, c) =>
      (c.securityContext.seLinuxOptions = { type: 'spc_t', user: 'root' }),
    message: 'container app sets SELinux type spc_t, user root',
  },
  {
    id: 'proc-mount',
    pass: (_, c) => (c.securityContext.procMount = 'Default'),
    fail: (_, c) => (c.securityContext.procMount = 'Unmasked'),
    message: 'container app has procMount Unmasked',
  },
  {
    id: 'seccomp-unconfined',
    pass: pod => (pod.securityContext.seccompProfile = { type: 'Localhost' }),
    fail: (_, c) => (c.securityContext.seccompProfile = { type: 'Unconfined' }),
    message: 'container app has seccompProfile.type Unconfined',
  },
  {
    id: 'unsafe-sysctls',
    pass: pod =>
      (pod.securityContext.sysctls = [
        { name: 'net.ipv4.tcp_syncookies', value: '1' },
      ]),
    fail: pod =>
      (pod.securityContext.sysctls = [{ name: 'kernel.msgmax', value: '1' }]),
    message: 'pod sets sysctl kernel.msgmax',
  },
  {
    id: 'restricted-volume-types',
    pass: pod => pod.volumes.push({ name: 'data', persistentVolumeClaim: {} }),
    fail: pod => pod.volumes.push({ name: 'data', nfs: { server: 'nas' } }),
    message: 'volume data has type nfs',
  },
  {
    id: 'allow-privilege-escalation',
    pass: () => undefined,
    fail: (_, c) => delete c.securityContext.allowPrivilegeEscalation,
    message:
      'container app allows privilege escalation (allowPrivilegeEscalation unset)',
  },
  {
    id: 'run-as-non-root',
    pass: (_, c) => (c.securityContext.runAsUser = 1000),
    fail: (_, c) => (c.securityContext.runAsUser = 0),
    message: 'container app runs as root (runAsUser 0)',
  },
  {
    id: 'run-as-non-root',
    pass: () => undefined,
    fail: pod => {
      delete pod.securityContext.runAsNonRoot;
      delete pod.securityContext.runAsUser;
    },
    message: 'container app may run as root (runAsNonRoot unset)',
  },
  {
    id: 'seccomp-profile-required',
    pass: (pod, c) => {
      delete pod.securityContext.seccompProfile;
      c.securityContext.seccompProfile = { type: 'RuntimeDefault' };
    },
    fail: pod => delete pod.securityContext.seccompProfile,
    message: 'container app has no seccomp profile (seccompProfile unset)',
  },
  {
    id: 'capabilities-restricted',
    pass: (_, c) => (c.securityContext.capabilities.add = ['NET_BIND_SERVICE']),
    fail: (_, c) =>
      (c.securityContext.capabilities = { drop: ['NET_RAW'], add: ['CHOWN'] }),
    message:
      'container app does not drop ALL capabilities (drop NET_RAW) and adds CHOWN',
  },
];

describe('Pod Security Standards checks', () => {
  it('covers every pod-security check with a case', () => {
    const ids = CHECKS.filter(c => c.category === 'pod-security').map(
      c => c.id,
    );
    expect(new Set(cases.map(c => c.id))).toEqual(new Set(ids));
  });

  it.each(cases)('$id passes a compliant variant', ({ id, pass }) => {
    expect(messagesFor(id, [deployment(pass)])).toEqual([]);
  });

  it.each(cases)('$id fails: $message', ({ id, fail, message }) => {
    expect(messagesFor(id, [deployment(fail)])).toEqual([message]);
  });

  it('applies the pod securityContext to every container unless overridden', () => {
    const object = deployment((pod, c) => {
      pod.securityContext.runAsUser = 0;
      delete pod.securityContext.runAsNonRoot;
      pod.initContainers = [{ ...c, name: 'init' }];
      pod.containers.push({
        ...c,
        name: 'sidecar',
        securityContext: { ...c.securityContext, runAsUser: 1337 },
      });
    });
    expect(messagesFor('run-as-non-root', [object])).toEqual([
      'container app runs as root (runAsUser 0) (from the pod securityContext)',
      'init container init runs as root (runAsUser 0) (from the pod securityContext)',
      'container sidecar may run as root (runAsNonRoot unset)',
    ]);
  });

  it('lets a container override an unsafe pod-level value', () => {
    const object = deployment((pod, c) => {
      pod.securityContext.seccompProfile = { type: 'Unconfined' };
      c.securityContext.seccompProfile = { type: 'RuntimeDefault' };
    });
    expect(messagesFor('seccomp-unconfined', [object])).toEqual([]);
  });

  it('checks ephemeral containers of pods', () => {
    const pod = deployment().spec.template;
    const object = {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'debug', namespace: 'shop' },
      spec: {
        ...pod.spec,
        ephemeralContainers: [
          {
            name: 'debugger',
            image: 'busybox:1.36',
            securityContext: { privileged: true },
          },
        ],
      },
    };
    expect(messagesFor('privileged-container', [object])).toEqual([
      'ephemeral container debugger runs privileged (privileged true)',
    ]);
  });

  it('reads the AppArmor annotation of the pod template', () => {
    const object = deployment((_pod, _c, o) => {
      o.spec.template.metadata.annotations = {
        'container.apparmor.security.beta.kubernetes.io/app': 'unconfined',
      };
    });
    expect(messagesFor('apparmor-unconfined', [object])).toEqual([
      'container app has AppArmor profile unconfined (annotation)',
    ]);
  });

  it('exempts Windows pods from the Linux-only restricted controls', () => {
    const object = deployment((pod, c) => {
      pod.os = { name: 'windows' };
      delete pod.securityContext.seccompProfile;
      c.securityContext = { readOnlyRootFilesystem: true };
    });
    expect(messagesFor('seccomp-profile-required', [object])).toEqual([]);
    expect(messagesFor('capabilities-restricted', [object])).toEqual([]);
    expect(messagesFor('allow-privilege-escalation', [object])).toEqual([]);
  });
});
