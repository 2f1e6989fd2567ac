/** A bad command line: reported without a stack trace, exit code 2. */
export class UsageError extends Error {}

/**
 * Parses `--name value` / `--name=value` numeric options over defaults;
 * `--help` prints the options and exits. Every benchmark takes counts, so
 * every option is a non-negative integer.
 */
export function parseNumericOptions<T extends Record<string, number>>(
  argv: string[],
  defaults: T,
): T {
  const usage = `options: ${Object.entries(defaults)
    .map(([k, v]) => `--${k} ${v}`)
    .join(' ')}`;
  const options: Record<string, number> = { ...defaults };
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
    const value = Number(text);
    if (text === undefined || !Number.isFinite(value) || value < 0) {
      throw new UsageError(`--${match[1]} needs a number, got '${text ?? ''}'`);
    }
    options[match[1]] = Math.floor(value);
  }
  if (options.clusters < 1 || options.pods < 1 || options.views < 1) {
    throw new UsageError('--clusters, --pods and --views must be at least 1');
  }
  return options as T;
}

/** Benchmarks print to stdout; the figures come last. */
export function log(message: string) {
  process.stdout.write(`${message}\n`);
}

/** Ends the process if the benchmark hangs, so a run never blocks a job. */
export function exitAfter(limitMs: number) {
  const timer = setTimeout(() => {
    process.stderr.write(
      `benchmark still running after ${limitMs / 60_000} min, giving up\n`,
    );
    process.exit(1);
  }, limitMs);
  timer.unref();
}
