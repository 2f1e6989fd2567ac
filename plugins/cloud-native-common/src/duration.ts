const UNITS: Record<string, number> = {
  ms: 1,
  s: 1000,
  m: 60_000,
  h: 3_600_000,
};

/**
 * Parses a duration such as `15s`, `500ms`, `1m30s` or `2h` into
 * milliseconds; returns undefined when the text is not a duration.
 *
 * @public
 */
export function parseDuration(text: string): number | undefined {
  return sumDurationParts(text, UNITS, /(\d+(?:\.\d+)?)(ms|s|m|h)/gy);
}

/**
 * Internal: the sum of the `<number><unit>` parts that make up the whole of `text`,
 * each unit worth `units[unit]`; undefined when anything else is in it.
 * `part` is a sticky, global pattern of one part: (number)(unit).
 */
export function sumDurationParts(
  text: string,
  units: Record<string, number>,
  part: RegExp,
): number | undefined {
  const trimmed = text.trim();
  if (trimmed === '') return undefined;
  let total = 0;
  let consumed = 0;
  for (const match of trimmed.matchAll(part)) {
    total += Number(match[1]) * units[match[2]];
    consumed += match[0].length;
  }
  return consumed === trimmed.length ? total : undefined;
}
