// The engine runs in the browser too and has no YAML library; the diffs it
// shows only need block-style YAML of JSON data, which this writes.

const PLAIN = /^[A-Za-z0-9_./][A-Za-z0-9_./ :-]*$/;
const RESERVED = /^(true|false|null|yes|no|on|off|~|[-+]?[0-9.][0-9._eE+-]*)$/i;

function scalar(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'number' || typeof value === 'boolean') {
    return String(value);
  }
  const text = String(value);
  if (
    text !== '' &&
    PLAIN.test(text) &&
    !RESERVED.test(text) &&
    !text.includes(': ') &&
    !text.endsWith(':') &&
    text.trim() === text
  ) {
    return text;
  }
  return JSON.stringify(text);
}

function key(name: string): string {
  return PLAIN.test(name) && !name.includes(': ') && !RESERVED.test(name)
    ? name
    : JSON.stringify(name);
}

function isEmptyCollection(value: unknown): string | undefined {
  if (Array.isArray(value) && value.length === 0) return '[]';
  if (
    value &&
    typeof value === 'object' &&
    !Array.isArray(value) &&
    Object.keys(value).length === 0
  ) {
    return '{}';
  }
  return undefined;
}

function lines(value: unknown, indent: string): string[] {
  if (Array.isArray(value)) {
    const out: string[] = [];
    for (const item of value) {
      const empty = isEmptyCollection(item);
      if (item && typeof item === 'object' && !empty) {
        const inner = lines(item, `${indent}  `);
        out.push(`${indent}- ${inner[0].trimStart()}`, ...inner.slice(1));
      } else {
        out.push(`${indent}- ${empty ?? scalar(item)}`);
      }
    }
    return out;
  }
  const out: string[] = [];
  for (const [name, item] of Object.entries(value as Record<string, unknown>)) {
    if (item === undefined) continue;
    const empty = isEmptyCollection(item);
    if (item && typeof item === 'object' && !empty) {
      out.push(`${indent}${key(name)}:`);
      out.push(...lines(item, Array.isArray(item) ? indent : `${indent}  `));
    } else {
      out.push(`${indent}${key(name)}: ${empty ?? scalar(item)}`);
    }
  }
  return out;
}

/**
 * Block-style YAML of JSON-compatible data, for the before/after diffs of a change.
 *
 * @public
 */
export function toYaml(value: unknown): string {
  const empty = isEmptyCollection(value);
  if (empty) return `${empty}\n`;
  if (!value || typeof value !== 'object') return `${scalar(value)}\n`;
  return `${lines(value, '').join('\n')}\n`;
}
