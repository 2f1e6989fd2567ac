import { findingsToSarif } from '@cloud-native-platform/plugin-security-posture-common';
import { parseAuditArgs, UsageError, USAGE } from './args';
import { auditManifests, resourceKey } from './auditManifests';
import { formatTable } from './formatTable';
import { InputError, readManifestFiles } from './manifestFiles';

/** What the CLI reads and writes, so that tests run it in-process. */
export interface CliIo {
  /** Arguments after the program name. */
  argv: readonly string[];
  /** Paths on the command line resolve against this directory. */
  cwd: string;
  stdout(text: string): void;
  stderr(text: string): void;
  /** Reported as the SARIF tool version; the bin script reads package.json. */
  version?: string;
  /** The time exceptions expire against; defaults to now. */
  now?: () => Date;
}

/** A relative path as a URI reference: slashes, each segment escaped. */
function pathUri(file: string): string {
  return file.split('/').map(encodeURIComponent).join('/');
}

/**
 * `cnp-posture audit <path…>`: resolves to the exit code: 0 passed, 1 score
 * under `--fail-under`, 2 usage error or a file that cannot be read or
 * parsed. Every error is one line on stderr, never a stack trace.
 */
export async function runCli(io: CliIo): Promise<number> {
  try {
    const options = parseAuditArgs(io.argv);
    if (!options) {
      io.stdout(USAGE);
      return 0;
    }
    const { objects, documents, files } = await readManifestFiles(
      options.paths,
      io.cwd,
    );
    const audit = auditManifests(objects, documents, {
      clusterRole: options.clusterRole,
      disabled: options.disabled,
      now: io.now?.() ?? new Date(),
      namespace: options.namespace,
    });
    for (const warning of audit.warnings) {
      io.stderr(`warning: ${warning}\n`);
    }
    const { report } = audit;
    if (options.format === 'json') {
      io.stdout(`${JSON.stringify(report, null, 2)}\n`);
    } else if (options.format === 'sarif') {
      const sarif = findingsToSarif(report.findings, {
        toolVersion: io.version ?? '0.0.0',
        artifactUri: finding => {
          const file = audit.files.get(resourceKey(finding.resource));
          return file === undefined ? undefined : pathUri(file);
        },
      });
      io.stdout(`${JSON.stringify(sarif, null, 2)}\n`);
    } else {
      io.stdout(formatTable(report, files));
    }
    if (options.failUnder !== undefined && report.score < options.failUnder) {
      io.stderr(
        `error: score ${report.score} is under --fail-under ${options.failUnder}\n`,
      );
      return 1;
    }
    return 0;
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`error: ${error.message}\n${USAGE}`);
      return 2;
    }
    if (error instanceof InputError) {
      io.stderr(`error: ${error.message}\n`);
      return 2;
    }
    // Anything else is a bug; one line still tells the user what happened.
    io.stderr(`error: ${(error as Error)?.message ?? String(error)}\n`);
    return 2;
  }
}
