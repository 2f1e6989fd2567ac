import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import scaffolderPlugin from '@backstage/plugin-scaffolder-backend';
import { AddressInfo } from 'node:net';
import { scaffolderModuleCloudNative } from '../module';
import {
  readTemplate,
  templateDirectoryContents,
  TEMPLATE_VALUES,
} from './__testUtils__/templateFixtures';

describe('dry run through the scaffolder backend', () => {
  let baseUrl: string;
  let stop: (() => Promise<void>) | undefined;

  beforeAll(async () => {
    const backend = await startTestBackend({
      features: [
        scaffolderPlugin,
        scaffolderModuleCloudNative,
        mockServices.rootConfig.factory({
          data: { backend: { baseUrl: 'http://localhost:7007' } },
        }),
      ],
    });
    const { port } = backend.server.address() as AddressInfo;
    baseUrl = `http://localhost:${port}`;
    stop = () => backend.stop();
  });
  afterAll(() => stop?.());

  it.each(Object.keys(TEMPLATE_VALUES))(
    'runs %s end to end',
    async name => {
      const response = await fetch(`${baseUrl}/api/scaffolder/v2/dry-run`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          authorization: mockCredentials.service.header(),
        },
        body: JSON.stringify({
          template: readTemplate(name),
          values: TEMPLATE_VALUES[name],
          directoryContents: templateDirectoryContents(name),
        }),
      });
      const body = await response.json();
      expect({
        status: response.status,
        errors: body.errors ?? body.error,
      }).toEqual({
        status: 200,
        errors: undefined,
      });
      const paths: string[] = body.directoryContents.map((f: any) => f.path);
      expect(paths).toEqual(
        expect.arrayContaining([
          'catalog-info.yaml',
          'kubernetes/base/kustomization.yaml',
          'kubernetes/base/mesh.yaml',
          'kubernetes/base/monitoring.yaml',
          'kubernetes/base/scaling.yaml',
          'kubernetes/base/security.yaml',
          'kubernetes/base/workload.yaml',
          'kubernetes/overlays/staging/kustomization.yaml',
          'kubernetes/overlays/production/kustomization.yaml',
          'kubernetes/overlays/disaster-recovery/kustomization.yaml',
        ]),
      );
      const log: string[] = body.log.map((entry: any) => entry.body.message);
      expect(log.join('\n')).toMatch(
        /cloud-native:service:generate \(dry run\) wrote \d+ of \d+ files/,
      );
      expect(body.steps.map((s: any) => s.id)).toContain('wiring');
    },
    30_000,
  );
});
