import { FALCO_CHECKS, falcoFinding, parseFalcoPayload } from './falco';

const PAYLOAD = {
  uuid: '5d6a8a3e-2c0f-4e4a-9f8e-1f2d3c4b5a69',
  output:
    '10:00:00.123456789: Notice A shell was spawned in a container (user=root container=engine shell=bash)',
  priority: 'Notice',
  rule: 'Terminal shell in container',
  time: '2026-11-26T10:00:00.123456789Z',
  source: 'syscall',
  tags: ['container', 'shell', 'mitre_execution'],
  hostname: 'node-1',
  output_fields: {
    'k8s.ns.name': 'trading',
    'k8s.pod.name': 'trading-engine-5d4f-abcde',
    'container.name': 'engine',
    'container.image.repository': 'registry.example.com/trading/engine',
    'proc.pid': 4242,
    'user.loginuid': null,
    'evt.is_open_write': false,
  },
};

describe('FALCO_CHECKS', () => {
  it('has one runtime check per priority band, worst first', () => {
    expect(FALCO_CHECKS.map(c => [c.id, c.severity, c.category])).toEqual([
      ['falco-critical', 'critical', 'runtime'],
      ['falco-error', 'high', 'runtime'],
      ['falco-warning', 'medium', 'runtime'],
      ['falco-notice', 'low', 'runtime'],
      ['falco-informational', 'info', 'runtime'],
    ]);
  });
});

describe('parseFalcoPayload', () => {
  it('reads a falcosidekick payload', () => {
    expect(parseFalcoPayload(PAYLOAD)).toEqual({
      uuid: PAYLOAD.uuid,
      rule: 'Terminal shell in container',
      priority: 'Notice',
      output: PAYLOAD.output,
      time: '2026-11-26T10:00:00.123Z',
      source: 'syscall',
      tags: ['container', 'shell', 'mitre_execution'],
      hostname: 'node-1',
      outputFields: PAYLOAD.output_fields,
    });
  });

  it('accepts a minimal payload and any case of priority', () => {
    const event = parseFalcoPayload({
      output: 'x',
      priority: 'CRITICAL',
      rule: 'r',
      time: '2026-11-26T10:00:00Z',
    });
    expect(event).toEqual({
      rule: 'r',
      priority: 'Critical',
      output: 'x',
      time: '2026-11-26T10:00:00.000Z',
      tags: [],
      outputFields: {},
    });
  });

  it.each([
    [null, 'the payload must be a JSON object'],
    [[PAYLOAD], 'the payload must be a JSON object'],
    [{ ...PAYLOAD, rule: undefined }, 'rule must be a non-empty string'],
    [{ ...PAYLOAD, output: '' }, 'output must be a non-empty string'],
    [{ ...PAYLOAD, priority: 7 }, 'priority must be a non-empty string'],
    [{ ...PAYLOAD, priority: 'Severe' }, "priority 'Severe' is not a Falco"],
    [{ ...PAYLOAD, time: 'yesterday' }, "time 'yesterday' is not an ISO"],
    [{ ...PAYLOAD, tags: 'shell' }, 'tags must be a list of strings'],
    [{ ...PAYLOAD, tags: [1] }, 'tags must be a list of strings'],
    [{ ...PAYLOAD, uuid: 12 }, 'uuid must be a string'],
    [{ ...PAYLOAD, output_fields: [] }, 'output_fields must be an object'],
    [
      { ...PAYLOAD, output_fields: { 'k8s.ns.name': { a: 1 } } },
      'output_fields.k8s.ns.name must be a string, number, boolean or null',
    ],
  ])('rejects bad payload #%# naming the field', (body, message) => {
    expect(() => parseFalcoPayload(body)).toThrow(message);
  });
});

describe('falcoFinding', () => {
  const resource = {
    cluster: 'prod-east-a',
    kind: 'Deployment',
    namespace: 'trading',
    name: 'trading-engine',
  };

  it('puts the alert on the workload and its container, with the band of its priority', () => {
    const finding = falcoFinding(parseFalcoPayload(PAYLOAD), resource);
    expect(finding).toEqual({
      checkId: 'falco-notice',
      severity: 'low',
      resource: { ...resource, container: 'engine' },
      message: expect.stringContaining(
        "Falco rule 'Terminal shell in container' (Notice) at 2026-11-26T10:00:00.123Z: ",
      ),
      remediation: expect.stringContaining('Investigate'),
    });
  });

  it.each([
    ['Emergency', 'falco-critical', 'critical'],
    ['Alert', 'falco-critical', 'critical'],
    ['Critical', 'falco-critical', 'critical'],
    ['Error', 'falco-error', 'high'],
    ['Warning', 'falco-warning', 'medium'],
    ['Informational', 'falco-informational', 'info'],
    ['Debug', 'falco-informational', 'info'],
  ])('maps priority %s to %s', (priority, checkId, severity) => {
    const finding = falcoFinding(
      parseFalcoPayload({ ...PAYLOAD, priority }),
      resource,
    );
    expect(finding).toMatchObject({ checkId, severity });
  });

  it('keeps a container the caller gave and ignores <NA>', () => {
    const event = parseFalcoPayload({
      ...PAYLOAD,
      output_fields: { 'container.name': '<NA>' },
    });
    expect(falcoFinding(event, resource).resource).toEqual(resource);
    expect(
      falcoFinding(parseFalcoPayload(PAYLOAD), { ...resource, container: 'x' })
        .resource.container,
    ).toBe('x');
  });

  it('shortens long outputs', () => {
    const event = parseFalcoPayload({ ...PAYLOAD, output: 'a'.repeat(2000) });
    expect(falcoFinding(event, resource).message.length).toBeLessThan(700);
  });
});
