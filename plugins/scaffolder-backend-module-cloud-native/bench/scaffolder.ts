/*
 * Time to generate a whole service, and to dry-run the cloud-native-service
 * template through the scaffolder backend as the template editor does.
 *
 *   npm run bench:scaffolder -- [--runs 20]
 *
 * Goals: a service in under 200 ms, the dry run in under 3 s. Cold figures
 * include loading the Kubernetes models (their schema validators) once per
 * process. The last lines are `name: value` pairs for scripts to read.
 */
import { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import scaffolderPlugin from '@backstage/plugin-scaffolder-backend';
import { generateService } from '../src/generators/service';
import { scaffolderModuleCloudNative } from '../src/module';
import {
  readTemplate,
  stepInput,
  templateDirectoryContents,
  TEMPLATE_VALUES,
} from '../src/templates/__testUtils__/templateFixtures';

const TEMPLATE = 'cloud-native-service';

function runsOption(): number {
  const index = process.argv.indexOf('--runs');
  const runs = index === -1 ? 20 : Number(process.argv[index + 1]);
  if (!Number.isInteger(runs) || runs < 1) {
    throw new Error('--runs takes a positive integer');
  }
  return runs;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function time<T>(fn: () => T): [T, number] {
  const start = performance.now();
  const result = fn();
  return [result, performance.now() - start];
}

async function timeAsync<T>(fn: () => Promise<T>): Promise<[T, number]> {
  const start = performance.now();
  const result = await fn();
  return [result, performance.now() - start];
}

async function main() {
  const runs = runsOption();
  const options = stepInput(
    readTemplate(TEMPLATE),
    'wiring',
    TEMPLATE_VALUES[TEMPLATE],
  );
  const [files, cold] = time(() => generateService(options, 'bench'));
  const warm = Array.from(
    { length: runs },
    () => time(() => generateService(options, 'bench'))[1],
  );

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
  const body = JSON.stringify({
    template: readTemplate(TEMPLATE),
    values: TEMPLATE_VALUES[TEMPLATE],
    directoryContents: templateDirectoryContents(TEMPLATE),
  });
  const dryRun = async () => {
    const response = await fetch(
      `http://localhost:${port}/api/scaffolder/v2/dry-run`,
      {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          authorization: mockCredentials.service.header(),
        },
        body,
      },
    );
    if (response.status !== 200) {
      throw new Error(
        `dry run answered ${response.status}: ${await response.text()}`,
      );
    }
    return (await response.json()).directoryContents.length as number;
  };
  try {
    const [dryRunFiles, dryRunFirst] = await timeAsync(dryRun);
    const dryRuns: number[] = [];
    for (let i = 0; i < Math.min(runs, 5); i++) {
      dryRuns.push((await timeAsync(dryRun))[1]);
    }
    const lines: Array<[string, number]> = [
      ['service_files', Object.keys(files).length],
      ['generate_service_cold_ms', Math.round(cold)],
      ['generate_service_ms', Math.round(median(warm) * 10) / 10],
      ['dry_run_files', dryRunFiles],
      ['dry_run_first_ms', Math.round(dryRunFirst)],
      ['dry_run_ms', Math.round(median(dryRuns))],
    ];
    for (const [name, value] of lines)
      process.stdout.write(`${name}: ${value}\n`);
  } finally {
    await backend.stop();
  }
}

main().then(
  // Backend timers may linger; the numbers are out.
  () => process.exit(0),
  error => {
    process.stderr.write(`benchmark failed: ${(error as Error).stack}\n`);
    process.exit(1);
  },
);
