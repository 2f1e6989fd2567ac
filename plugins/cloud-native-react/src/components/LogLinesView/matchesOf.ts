/**
 * Where a search occurs in a text, case-insensitively, as `[start, end)`
 * ranges that do not overlap.
 */
export function matchesOf(
  text: string,
  search: string,
): Array<[number, number]> {
  if (!search) return [];
  const haystack = text.toLocaleLowerCase();
  const needle = search.toLocaleLowerCase();
  const ranges: Array<[number, number]> = [];
  let at = haystack.indexOf(needle);
  while (at >= 0) {
    ranges.push([at, at + needle.length]);
    at = haystack.indexOf(needle, at + needle.length);
  }
  return ranges;
}
