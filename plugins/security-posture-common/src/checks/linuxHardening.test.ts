import { Mutation, deployment, messagesFor } from '../testing/fixtures';

const id = 'linux-hardening';
const MESSAGE =
  'container app sets no seccomp or AppArmor profile, SELinux options or capability drop';

// No confinement at all: the starting point each passing case adds one to.
const bare: Mutation = (pod, c) => {
  delete pod.securityContext.seccompProfile;
  delete c.securityContext.capabilities;
};

function variant(...mutations: Mutation[]) {
  return deployment((pod, c, o) => mutations.forEach(m => m(pod, c, o)));
}

describe('linux-hardening', () => {
  it.each<[string, Mutation]>([
    [
      'a pod seccomp profile',
      pod => (pod.securityContext.seccompProfile = { type: 'RuntimeDefault' }),
    ],
    [
      'a container seccomp profile',
      (_, c) =>
        (c.securityContext.seccompProfile = {
          type: 'Localhost',
          localhostProfile: 'p.json',
        }),
    ],
    [
      'an AppArmor profile',
      (_, c) =>
        (c.securityContext.appArmorProfile = { type: 'RuntimeDefault' }),
    ],
    [
      'SELinux options',
      pod => (pod.securityContext.seLinuxOptions = { level: 's0:c123,c456' }),
    ],
    [
      'a capability drop',
      (_, c) => (c.securityContext.capabilities = { drop: ['NET_RAW'] }),
    ],
  ])('passes with %s', (_label, mutation) => {
    expect(messagesFor(id, [variant(bare, mutation)])).toEqual([]);
  });

  it('passes the AppArmor annotation', () => {
    const object = variant(bare);
    object.spec.template.metadata.annotations = {
      'container.apparmor.security.beta.kubernetes.io/app': 'runtime/default',
    };
    expect(messagesFor(id, [object])).toEqual([]);
  });

  it.each<[string, Mutation]>([
    ['nothing', () => undefined],
    [
      'only Unconfined profiles',
      (pod, c) => {
        pod.securityContext.seccompProfile = { type: 'Unconfined' };
        c.securityContext.appArmorProfile = { type: 'Unconfined' };
      },
    ],
    [
      'a drop undone by adding ALL',
      (_, c) =>
        (c.securityContext.capabilities = { drop: ['ALL'], add: ['ALL'] }),
    ],
    ['empty SELinux options', pod => (pod.securityContext.seLinuxOptions = {})],
  ])('fails with %s', (_label, mutation) => {
    expect(messagesFor(id, [variant(bare, mutation)])).toEqual([MESSAGE]);
  });

  it('skips Windows pods', () => {
    expect(
      messagesFor(id, [variant(bare, pod => (pod.os = { name: 'windows' }))]),
    ).toEqual([]);
  });
});
