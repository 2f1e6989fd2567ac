/**
 * One line of a unified diff.
 *
 * @public
 */
export interface DiffLine {
  type: 'same' | 'added' | 'removed';
  text: string;
  /** 1-based line number in the old text; absent for added lines. */
  oldNumber?: number;
  /** 1-based line number in the new text; absent for removed lines. */
  newNumber?: number;
}

// Above this many cells the LCS table would cost more than the diff is worth
// in a browser tab; the middle is then shown as removed-then-added.
const MAX_TABLE_CELLS = 4_000_000;

function splitLines(text: string | undefined): string[] {
  if (!text) {
    return [];
  }
  const lines = text.replace(/\r\n/g, '\n').split('\n');
  // A trailing newline ends the last line; it does not start another.
  if (lines[lines.length - 1] === '') {
    lines.pop();
  }
  return lines;
}

/** Longest-common-subsequence walk over the differing middle of two texts. */
function diffMiddle(before: string[], after: string[]): DiffLine['type'][] {
  const n = before.length;
  const m = after.length;
  if (n * m > MAX_TABLE_CELLS) {
    return [
      ...before.map(() => 'removed' as const),
      ...after.map(() => 'added' as const),
    ];
  }
  // lcs[i][j]: length of the LCS of before[i..] and after[j..].
  const lcs: Uint32Array[] = [];
  for (let i = 0; i <= n; i++) {
    lcs.push(new Uint32Array(m + 1));
  }
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lcs[i][j] =
        before[i] === after[j]
          ? lcs[i + 1][j + 1] + 1
          : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
    }
  }
  const types: DiffLine['type'][] = [];
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && before[i] === after[j]) {
      types.push('same');
      i++;
      j++;
    } else if (j === m || (i < n && lcs[i + 1][j] >= lcs[i][j + 1])) {
      // Removals go before additions when both keep the LCS, as in git.
      types.push('removed');
      i++;
    } else {
      types.push('added');
      j++;
    }
  }
  return types;
}

/**
 * A line diff of two texts, e.g. the YAML of an object before and after a
 * change: unchanged lines, removals and additions in reading order, each with
 * its line numbers.
 *
 * @public
 */
export function lineDiff(
  before: string | undefined,
  after: string | undefined,
): DiffLine[] {
  const a = splitLines(before);
  const b = splitLines(after);
  let prefix = 0;
  while (prefix < a.length && prefix < b.length && a[prefix] === b[prefix]) {
    prefix++;
  }
  let suffix = 0;
  while (
    suffix < a.length - prefix &&
    suffix < b.length - prefix &&
    a[a.length - 1 - suffix] === b[b.length - 1 - suffix]
  ) {
    suffix++;
  }
  const types: DiffLine['type'][] = [
    ...a.slice(0, prefix).map(() => 'same' as const),
    ...diffMiddle(
      a.slice(prefix, a.length - suffix),
      b.slice(prefix, b.length - suffix),
    ),
    ...a.slice(a.length - suffix).map(() => 'same' as const),
  ];

  const lines: DiffLine[] = [];
  let oldIndex = 0;
  let newIndex = 0;
  for (const type of types) {
    if (type === 'same') {
      lines.push({
        type,
        text: a[oldIndex],
        oldNumber: oldIndex + 1,
        newNumber: newIndex + 1,
      });
      oldIndex++;
      newIndex++;
    } else if (type === 'removed') {
      lines.push({ type, text: a[oldIndex], oldNumber: oldIndex + 1 });
      oldIndex++;
    } else {
      lines.push({ type, text: b[newIndex], newNumber: newIndex + 1 });
      newIndex++;
    }
  }
  return lines;
}

/** Counts of added and removed lines of a diff. */
export function diffStats(lines: readonly DiffLine[]): {
  added: number;
  removed: number;
} {
  return {
    added: lines.filter(l => l.type === 'added').length,
    removed: lines.filter(l => l.type === 'removed').length,
  };
}
