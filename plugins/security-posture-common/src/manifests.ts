import { Composer, LineCounter, Parser } from 'yaml';
import { KubeObject } from './kube';

/**
 * A document that is not a Kubernetes object or not valid YAML/JSON; the
 * message names the source, the document number and, where known, the line.
 *
 * @public
 */
export class ManifestError extends Error {
  constructor(
    message: string,
    readonly source: string,
    readonly document?: number,
  ) {
    super(message);
    this.name = 'ManifestError';
  }
}

/**
 * Largest input {@link parseManifests} reads by default, in bytes of UTF-8;
 * bigger input is refused before parsing, as a request body or CI artifact
 * that size is an error or an attack.
 *
 * @public
 */
export const MAX_MANIFEST_BYTES = 10 * 1024 * 1024;

/**
 * Aliases one document may resolve. Real manifests use a handful; the limit
 * stops "billion laughs" documents that expand a few aliases into gigabytes.
 */
const MAX_ALIASES = 1000;

/**
 * Nesting {@link parseManifests} reads. The YAML composer recurses once per
 * level, and near the stack limit V8 can abort the whole process (an
 * out-of-memory in its regular expression compiler) instead of throwing, so
 * deep input is refused before it gets there. Kubernetes objects nest about
 * twenty levels.
 */
const MAX_NESTING = 256;

/**
 * Options of {@link parseManifests}.
 *
 * @public
 */
export interface ParseManifestsOptions {
  /** Defaults to 10 MiB. */
  maxBytes?: number;
}

function utf8Length(text: string): number {
  return new TextEncoder().encode(text).length;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function missingFields(value: unknown): string[] {
  if (!isObject(value)) {
    return ['kind', 'apiVersion', 'metadata.name'];
  }
  const missing: string[] = [];
  if (typeof value.kind !== 'string' || value.kind === '') {
    missing.push('kind');
  }
  if (typeof value.apiVersion !== 'string' || value.apiVersion === '') {
    missing.push('apiVersion');
  }
  const name = isObject(value.metadata) ? value.metadata.name : undefined;
  if (typeof name !== 'string' || name === '') {
    missing.push('metadata.name');
  }
  return missing;
}

function isList(value: unknown): value is { kind: string; items: unknown[] } {
  return (
    isObject(value) &&
    typeof value.kind === 'string' &&
    value.kind.endsWith('List') &&
    Array.isArray(value.items)
  );
}

/**
 * The objects of one document. A `List` (what `kubectl get -o yaml` prints)
 * or a typed list such as `PodList` (what the API returns, with kind and
 * apiVersion left off the items) is flattened; so is a JSON array.
 * `fail` gets the part of the message that names what is wrong.
 */
function objectsOf(
  value: unknown,
  document: string,
  fail: (message: string) => never,
): KubeObject[] {
  const check = (item: unknown, where: string): KubeObject => {
    const missing = missingFields(item);
    if (missing.length > 0) {
      fail(`${where} is not a Kubernetes object: missing ${missing.join('/')}`);
    }
    return item as KubeObject;
  };
  if (Array.isArray(value) || isList(value)) {
    const items = Array.isArray(value) ? value : value.items;
    const itemKind =
      isList(value) && value.kind !== 'List'
        ? value.kind.slice(0, -'List'.length)
        : undefined;
    return items.map((item, index) => {
      const filled =
        itemKind && isObject(item) && item.kind === undefined
          ? {
              apiVersion: (value as { apiVersion?: string }).apiVersion,
              kind: itemKind,
              ...item,
            }
          : item;
      return check(filled, `${document}, item ${index + 1}`);
    });
  }
  return [check(value, document)];
}

/**
 * Values a YAML text may hold. The parser keeps about 1 KB per value, so
 * this bounds memory near 1 GB; 10 MB of real manifests hold under half of
 * it, while 10 MB of `[a,a,a…]` would hold five million.
 */
const MAX_VALUES = 1_000_000;

/**
 * One pass over the text before the YAML parser sees it: the first line
 * whose nesting may exceed `maxNesting`, and an upper estimate of the number
 * of values (lines plus flow separators).
 *
 * Block nesting is at most the column where a line's content starts (after
 * indentation and `- `, `? `, `: ` indicators), as every level is indented
 * further; flow nesting is counted by brackets, also inside quotes and
 * comments, which over-estimates and so errs on the safe side. A document
 * marker resets the count, so a stray bracket does not build up over a file.
 */
function shapeOf(
  text: string,
  maxNesting: number,
): { deepLine?: number; values: number } {
  let flow = 0;
  let line = 1;
  let column = 0;
  let atStart = true;
  let separators = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) {
      line += 1;
      column = 0;
      atStart = true;
      continue;
    }
    if (atStart) {
      // space, tab, '-', '?', ':'
      if (c === 32 || c === 9 || c === 45 || c === 63 || c === 58) {
        column += 1;
        if (column === 3 && c === 45 && text.startsWith('---', i - 2)) {
          flow = 0;
        }
        continue;
      }
      atStart = false;
      if (column + flow > maxNesting) {
        return { deepLine: line, values: line + separators };
      }
    }
    if (c === 91 || c === 123) {
      flow += 1;
    } else if (c === 44) {
      separators += 1;
      continue;
    } else if ((c === 93 || c === 125) && flow > 0) {
      flow -= 1;
      continue;
    } else {
      continue;
    }
    separators += 1;
    if (column + flow > maxNesting) {
      return { deepLine: line, values: line + separators };
    }
  }
  return {
    ...(atStart && column > maxNesting && { deepLine: line }),
    values: line + separators,
  };
}

function firstLine(message: string): string {
  // Some messages quote several lines of source; one error line is enough.
  return message.split('\n')[0];
}

/**
 * Reads Kubernetes objects from YAML (several documents) or JSON text,
 * flattening `kind: List`. Throws {@link ManifestError} on the first bad
 * document.
 *
 * @public
 */
export function parseManifests(
  text: string,
  source: string,
  options: ParseManifestsOptions = {},
): { objects: KubeObject[]; documents: number } {
  const maxBytes = options.maxBytes ?? MAX_MANIFEST_BYTES;
  // Cheap length test first; a UTF-8 character is at most 3 bytes per
  // UTF-16 unit, so the exact count is only needed near the limit.
  if (
    text.length > maxBytes ||
    (text.length * 3 > maxBytes && utf8Length(text) > maxBytes)
  ) {
    throw new ManifestError(
      `${source}: input is larger than ${Math.floor(
        maxBytes / 1024 / 1024,
      )} MB (${maxBytes} bytes); split it into smaller files`,
      source,
    );
  }

  const trimmed = text.trimStart();
  if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
    let json: unknown;
    let isJson = true;
    try {
      json = JSON.parse(text);
    } catch {
      // Not JSON after all (a YAML flow mapping): the YAML parser reads it
      // and reports syntax errors with their line.
      isJson = false;
    }
    if (isJson) {
      const fail = (message: string): never => {
        throw new ManifestError(`${source}: ${message}`, source, 1);
      };
      return { objects: objectsOf(json, 'document 1', fail), documents: 1 };
    }
  }

  const shape = shapeOf(text, MAX_NESTING);
  if (shape.deepLine !== undefined) {
    throw new ManifestError(
      `${source}: line ${shape.deepLine}: nested more than ${MAX_NESTING} levels deep; Kubernetes objects are not`,
      source,
    );
  }
  if (shape.values > MAX_VALUES) {
    throw new ManifestError(
      `${source}: holds more than ${MAX_VALUES} YAML values; split it into smaller files`,
      source,
    );
  }
  return readYaml(text, source);
}

/** The objects of every YAML document, read one document at a time. */
function readYaml(
  text: string,
  source: string,
): { objects: KubeObject[]; documents: number } {
  const lineCounter = new LineCounter();
  const lineOf = (offset: number) => lineCounter.linePos(offset).line;
  const composer = new Composer();
  const objects: KubeObject[] = [];
  let number = 0;
  let count = 0;
  // Composed and converted one by one, so that only one document's syntax
  // tree is in memory at a time.
  for (const document of composer.compose(
    new Parser(lineCounter.addNewLine).parse(text),
  )) {
    number += 1;
    const documentNumber = number;
    const [syntaxError] = document.errors;
    if (syntaxError) {
      throw new ManifestError(
        `${source}: document ${number}: line ${lineOf(
          syntaxError.pos[0],
        )}: ${firstLine(syntaxError.message)}`,
        source,
        number,
      );
    }
    const start = document.contents?.range?.[0] ?? document.range[0];
    const fail = (message: string): never => {
      throw new ManifestError(
        `${source}: ${message} (line ${lineOf(start)})`,
        source,
        documentNumber,
      );
    };
    let value: unknown;
    try {
      value = document.toJS({ maxAliasCount: MAX_ALIASES });
    } catch (error) {
      fail(`document ${number}: ${(error as Error).message}`);
    }
    if (value === null || value === undefined) {
      continue;
    }
    count += 1;
    for (const object of objectsOf(value, `document ${number}`, fail)) {
      objects.push(object);
    }
  }
  return { objects, documents: count };
}
