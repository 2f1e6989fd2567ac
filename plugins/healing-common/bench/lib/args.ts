import path from 'node:path';
/** A bad command line: reported without a stack trace, exit code 2. */
export class UsageError extends Error {}

/** Benchmarks print to stdout; the figures come last. */
export function log(message: string) {
  process.stdout.write(`${message}\n`);
}

/**
 * Parses `--name value` / `--name=value` string options over defaults;
 * `--help` prints them and exits.
 */
export function parseOptions<T extends Record<string, string>>(
  argv: string[],
  defaults: T,
): T {
  const usage = `options: ${Object.entries(defaults)
    .map(([k, v]) => `--${k} ${v || '<value>'}`)
    .join(' ')}`;
  const options: Record<string, string> = { ...defaults };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--help' || arg === '-h') {
      process.stdout.write(`${usage}\n`);
      process.exit(0);
    }
    const match = /^--([a-z]+)(?:=(.*))?$/.exec(arg);
    if (!match || !(match[1] in defaults)) {
      throw new UsageError(`unknown option '${arg}'; ${usage}`);
    }
    const text = match[2] ?? argv[++i];
    if (text === undefined) throw new UsageError(`--${match[1]} needs a value`);
    options[match[1]] = text;
  }
  return options as T;
}

/** A path from the command line, relative to where the user typed it. */
export function userPath(p: string): string {
  return path.resolve(process.env.INIT_CWD || process.cwd(), p);
}
