const RFC3339 =
  /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})(?:\.(\d{1,9}))?(Z|[+-]\d{2}:\d{2})$/i;

/**
 * Nanoseconds since the epoch of an RFC 3339 timestamp, keeping every
 * fractional digit; undefined when the text is no such timestamp.
 *
 * @public
 */
export function rfc3339ToNanos(text: string): bigint | undefined {
  const match = RFC3339.exec(text);
  if (!match) return undefined;
  const [, seconds, fraction = '', zone] = match;
  const ms = Date.parse(`${seconds}${zone.toUpperCase()}`);
  if (Number.isNaN(ms)) return undefined;
  return BigInt(ms) * 1_000_000n + BigInt(fraction.padEnd(9, '0'));
}

/**
 * The RFC 3339 timestamp (UTC, up to nanoseconds, trailing zeros dropped as
 * Go's RFC3339Nano does) of nanoseconds since the epoch.
 *
 * @public
 */
export function nanosToRfc3339(nanos: bigint): string {
  const seconds = nanos / 1_000_000_000n;
  const fraction = nanos % 1_000_000_000n;
  const base = new Date(Number(seconds) * 1000)
    .toISOString()
    .replace(/\.\d{3}Z$/, '');
  const digits = fraction.toString().padStart(9, '0').replace(/0+$/, '');
  return `${base}${digits ? `.${digits}` : ''}Z`;
}
