import { PostureException } from './api';
import {
  applyExceptions,
  EXPIRED_EXCEPTION_CHECK,
  parseExceptionsAnnotation,
} from './exceptions';
import { Finding } from './types';

function finding(
  checkId: string,
  name: string,
  extra: Partial<Finding['resource']> = {},
): Finding {
  return {
    checkId,
    severity: 'high',
    resource: {
      cluster: 'prod-east-a',
      kind: 'Deployment',
      namespace: 'trading',
      name,
      container: name,
      ...extra,
    },
    message: `container ${name} runs as root (runAsUser 0)`,
    remediation: 'Set runAsNonRoot.',
  };
}

function exception(extra: Partial<PostureException> = {}): PostureException {
  return {
    checkId: 'run-as-non-root',
    reason: 'vendor image',
    owner: 'group:default/trading',
    expires: '2027-03-31',
    source: 'workload',
    ...extra,
  };
}

describe('parseExceptionsAnnotation', () => {
  it('reads valid entries with their scope', () => {
    const value = JSON.stringify([
      {
        check: 'run-as-non-root',
        reason: 'vendor image',
        owner: 'group:default/trading',
        expires: '2027-03-31',
      },
      {
        check: 'host-path-volume',
        reason: 'log shipping',
        owner: 'platform',
        expires: '2027-01-01T12:00:00Z',
        namespace: 'logging',
        kind: 'DaemonSet',
        name: 'log-agent',
      },
    ]);
    expect(parseExceptionsAnnotation(value, 'entity')).toEqual({
      exceptions: [
        {
          checkId: 'run-as-non-root',
          reason: 'vendor image',
          owner: 'group:default/trading',
          expires: '2027-03-31',
          source: 'entity',
        },
        {
          checkId: 'host-path-volume',
          reason: 'log shipping',
          owner: 'platform',
          expires: '2027-01-01T12:00:00Z',
          source: 'entity',
          scope: { namespace: 'logging', kind: 'DaemonSet', name: 'log-agent' },
        },
      ],
      errors: [],
    });
  });

  it.each([
    ['{"check":"x"}', 'JSON array'],
    ['[oops', 'not valid JSON'],
  ])('rejects %s as a whole', (value, fragment) => {
    const { exceptions, errors } = parseExceptionsAnnotation(value, 'entity');
    expect(exceptions).toEqual([]);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain(fragment);
  });

  it('names the entry and field of each bad entry, keeping the good ones', () => {
    const good = {
      check: 'run-as-non-root',
      reason: 'r',
      owner: 'group:default/a',
      expires: '2027-01-01',
    };
    const { exceptions, errors } = parseExceptionsAnnotation(
      JSON.stringify([
        good,
        'text',
        { ...good, reason: ' ' },
        { ...good, owner: 'not an owner' },
        { ...good, expires: 'soon' },
        { ...good, expires: '2027-02-30' },
        { ...good, check: '' },
        { ...good, namspace: 'trading' },
        { ...good, name: 42 },
      ]),
      'workload',
    );
    expect(exceptions).toHaveLength(1);
    expect(errors).toEqual([
      'entry 1 is not an object',
      'entry 2 (run-as-non-root): reason must say why the risk is accepted',
      'entry 3 (run-as-non-root): owner must be an entity reference such as group:default/platform',
      'entry 4 (run-as-non-root): expires must be a date such as 2027-03-31',
      'entry 5 (run-as-non-root): expires must be a date such as 2027-03-31',
      'entry 6: check must be the id of a check',
      'entry 7 (run-as-non-root): namspace is not a field (known: check, reason, owner, expires, cluster, namespace, kind, name)',
      'entry 8 (run-as-non-root): name must be a non-empty string when set',
    ]);
  });
});

describe('applyExceptions', () => {
  const before = new Date('2027-03-31T23:59:59.999Z');
  const after = new Date('2027-04-01T00:00:00.000Z');

  it('excepts matching findings until the end of the expiry day (UTC)', () => {
    const [marked, other] = applyExceptions(
      [finding('run-as-non-root', 'risk'), finding('host-ports', 'risk')],
      [exception()],
      before,
    );
    expect(marked.excepted).toEqual({
      checkId: 'run-as-non-root',
      reason: 'vendor image',
      owner: 'group:default/trading',
      expires: '2027-03-31',
      source: 'workload',
    });
    expect(marked.title).toBe('Running as root');
    expect(marked.category).toBe('pod-security');
    expect(other.excepted).toBeUndefined();
  });

  it('matches on every scope field that is set', () => {
    const findings = [
      finding('run-as-non-root', 'risk'),
      finding('run-as-non-root', 'risk', { namespace: 'shop' }),
      finding('run-as-non-root', 'risk', { kind: 'StatefulSet' }),
      finding('run-as-non-root', 'risk', { cluster: 'dr-west' }),
      finding('run-as-non-root', 'pricing'),
    ];
    const result = applyExceptions(
      findings,
      [
        exception({
          scope: {
            cluster: 'prod-east-a',
            namespace: 'trading',
            kind: 'Deployment',
            name: 'risk',
          },
        }),
      ],
      before,
    );
    expect(result.map(f => Boolean(f.excepted))).toEqual([
      true,
      false,
      false,
      false,
      false,
    ]);
  });

  it('ends a date-time exception at its instant', () => {
    const expires = '2027-03-31T12:00:00+02:00';
    const at = (iso: string) =>
      applyExceptions(
        [finding('run-as-non-root', 'risk')],
        [exception({ expires })],
        new Date(iso),
      )[0].excepted;
    expect(at('2027-03-31T10:00:00Z')).toBeDefined();
    expect(at('2027-03-31T10:00:00.001Z')).toBeUndefined();
  });

  it('reports an expired exception once, on the first finding it matched', () => {
    const findings = [
      finding('run-as-non-root', 'risk'),
      finding('run-as-non-root', 'pricing'),
      finding('host-ports', 'risk'),
    ];
    const result = applyExceptions(
      findings,
      [exception(), exception({ checkId: 'privileged-container' })],
      after,
    );
    expect(result.slice(0, 3).map(f => f.excepted)).toEqual([
      undefined,
      undefined,
      undefined,
    ]);
    expect(result.slice(0, 3).map(f => f.resource.name)).toEqual([
      'risk',
      'pricing',
      'risk',
    ]);
    expect(result.slice(3)).toEqual([
      {
        checkId: EXPIRED_EXCEPTION_CHECK.id,
        severity: 'low',
        category: 'workload-hardening',
        title: 'Posture exception expired',
        resource: {
          cluster: 'prod-east-a',
          kind: 'Deployment',
          namespace: 'trading',
          name: 'risk',
        },
        message:
          'exception for run-as-non-root owned by group:default/trading expired on 2027-03-31; the 2 findings it covered count again',
        remediation: EXPIRED_EXCEPTION_CHECK.remediation,
      },
    ]);
  });

  it('treats an unreadable expiry as expired', () => {
    const result = applyExceptions(
      [finding('run-as-non-root', 'risk')],
      [exception({ expires: 'someday' })],
      before,
    );
    expect(result[0].excepted).toBeUndefined();
    expect(result[1].checkId).toBe(EXPIRED_EXCEPTION_CHECK.id);
  });

  it('lets a current exception win over an expired one', () => {
    const result = applyExceptions(
      [finding('run-as-non-root', 'risk')],
      [exception({ expires: '2020-01-01' }), exception({ reason: 'renewed' })],
      before,
    );
    expect(result[0].excepted?.reason).toBe('renewed');
    expect(result).toHaveLength(2);
  });
});
