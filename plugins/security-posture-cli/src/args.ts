import {
  CHECKS,
  namespaceNameProblem,
} from '@cloud-native-platform/plugin-security-posture-common';

/** A bad command line: reported in one line with the usage, exit code 2. */
export class UsageError extends Error {}

/** Output formats of `audit`. */
export type AuditFormat = 'table' | 'json' | 'sarif';

/** What `cnp-posture audit` was asked to do. */
export interface AuditOptions {
  paths: string[];
  format: AuditFormat;
  /** Exit with 1 when the score is below this. */
  failUnder?: number;
  clusterRole?: string;
  disabled: string[];
  /** Where objects without metadata.namespace land; kubectl's `default`. */
  namespace?: string;
}

/** The usage text `--help` prints and usage errors point to. */
export const USAGE = `usage: cnp-posture audit <path…> [options]

Audits Kubernetes manifests (files, or directories searched recursively for
*.yaml, *.yml and *.json) with the security posture checks.

options:
  --format table|json|sarif   output (default table)
  --fail-under N              exit with 1 when the score is below N (0-100)
  --cluster-role ROLE         the target cluster's role; production enables
                              the single-replica check
  --disable ID,ID             checks to skip
  --namespace NS              where objects without a namespace land, as
                              kubectl apply -n NS would put them (default
                              default)
  --help                      this text

exit codes: 0 passed, 1 score under --fail-under, 2 usage or manifest error
`;

const FORMATS: readonly AuditFormat[] = ['table', 'json', 'sarif'];

/**
 * Parses the arguments after the program name; returns undefined for
 * `--help`. Throws {@link UsageError}.
 */
export function parseAuditArgs(
  argv: readonly string[],
): AuditOptions | undefined {
  if (argv.includes('--help') || argv.includes('-h')) {
    return undefined;
  }
  const [command, ...rest] = argv;
  if (command !== 'audit') {
    throw new UsageError(
      command === undefined
        ? 'no command given; the command is audit'
        : `unknown command '${command}'; the command is audit`,
    );
  }
  const options: AuditOptions = { paths: [], format: 'table', disabled: [] };
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i];
    if (!arg.startsWith('--')) {
      options.paths.push(arg);
      continue;
    }
    const [name, inline] = arg.includes('=')
      ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)]
      : [arg, undefined];
    const value = () => {
      const text = inline ?? rest[++i];
      if (text === undefined || text === '') {
        throw new UsageError(`${name} needs a value`);
      }
      return text;
    };
    switch (name) {
      case '--format': {
        const format = value() as AuditFormat;
        if (!FORMATS.includes(format)) {
          throw new UsageError(
            `--format must be one of ${FORMATS.join(', ')}, got '${format}'`,
          );
        }
        options.format = format;
        break;
      }
      case '--fail-under': {
        const text = value();
        const threshold = Number(text);
        if (!/^\d+(\.\d+)?$/.test(text) || threshold > 100) {
          throw new UsageError(
            `--fail-under needs a score from 0 to 100, got '${text}'`,
          );
        }
        options.failUnder = threshold;
        break;
      }
      case '--cluster-role':
        options.clusterRole = value();
        break;
      case '--namespace': {
        const namespace = value();
        const problem = namespaceNameProblem(namespace);
        if (problem) throw new UsageError(`--namespace: ${problem}`);
        options.namespace = namespace;
        break;
      }
      case '--disable':
        options.disabled.push(
          ...value()
            .split(',')
            .map(id => id.trim())
            .filter(Boolean),
        );
        break;
      default:
        throw new UsageError(`unknown option '${arg}'`);
    }
  }
  if (options.paths.length === 0) {
    throw new UsageError('audit needs at least one file or directory');
  }
  // A misspelt id would silently leave the check on.
  const known = new Set(CHECKS.map(check => check.id));
  const unknown = options.disabled.filter(id => !known.has(id));
  if (unknown.length > 0) {
    throw new UsageError(
      `--disable: no check named ${unknown.join(', ')}; checks: ${[
        ...known,
      ].join(', ')}`,
    );
  }
  return options;
}
