import { generateSecurity } from './security';
import { generateService } from './service';
import { modelClasses } from './models';
import { writeManifests } from './writeManifests';
import yaml from 'yaml';

describe('writeManifests', () => {
  it('writes a header, --- separated documents and Kubernetes key order', () => {
    const files = writeManifests(
      [
        {
          path: 'security.yaml',
          manifests: generateSecurity({
            name: 'checkout',
            namespace: 'commerce',
          }),
        },
      ],
      'line one\nline two',
    );
    const content = files['security.yaml'];
    expect(
      content.startsWith(
        '# line one\n# line two\napiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: checkout\n  namespace: commerce\n',
      ),
    ).toBe(true);
    expect(content.split('\n---\n')).toHaveLength(3);
  });

  it('is deterministic', () => {
    const options = {
      name: 'checkout',
      namespace: 'commerce',
      image: 'registry.example.com/checkout:1.0.0',
      owner: 'group:default/commerce-team',
    };
    expect(generateService(options, 'h')).toEqual(
      generateService(options, 'h'),
    );
  });

  it('refuses an object that does not match its schema, and returns nothing', () => {
    const { Service } = modelClasses();
    const bad = new Service({
      metadata: { name: 'x' },
      spec: { ports: [{ port: 'eighty' as unknown as number }] },
    });
    expect(() =>
      writeManifests([{ path: 'x.yaml', manifests: [bad] }], 'h'),
    ).toThrow(/Generated Service x does not match its schema/);
  });

  it('validates every object of a full service against its schema', () => {
    const files = generateService(
      {
        name: 'checkout',
        namespace: 'commerce',
        image: 'registry.example.com/checkout:1.0.0',
        owner: 'group:default/commerce-team',
        scaling: { engine: 'keda' },
        monitoring: { monitorKind: 'PodMonitor' },
        mesh: { canaryWeight: 5 },
        security: {
          seccomp: {
            type: 'Localhost',
            localhostProfile: 'operator/commerce/checkout.json',
          },
        },
      },
      'h',
    );
    const kinds = Object.values(files).flatMap(content =>
      yaml.parseAllDocuments(content).map(doc => doc.toJS().kind),
    );
    expect(kinds).toEqual(
      expect.arrayContaining([
        'ScaledObject',
        'PodMonitor',
        'Deployment',
        'Component',
      ]),
    );
  });
});
