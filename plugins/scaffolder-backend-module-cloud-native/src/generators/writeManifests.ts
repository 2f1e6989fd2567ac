import { Document } from 'yaml';
import { KubeManifest } from './models';

/** Generated files: relative path → content. Sorted by path. */
export type FileMap = Record<string, string>;

/** A file to write: typed objects, each validated, or plain documents. */
export interface FileSpec {
  path: string;
  /** Kubernetes objects; each is validated against its schema first. */
  manifests?: KubeManifest[];
  /** Other YAML documents (kustomization.yaml, catalog-info.yaml). */
  documents?: object[];
}

// Kubernetes' own order of the top-level and metadata fields; every other
// key keeps the order the generator built it in, which is fixed.
const TOP_LEVEL = ['apiVersion', 'kind', 'metadata', 'spec', 'data'];
const METADATA = ['name', 'namespace', 'labels', 'annotations'];

function ordered(value: Record<string, unknown>, first: string[]) {
  const keys = Object.keys(value);
  const rank = (key: string) => {
    const index = first.indexOf(key);
    return index === -1 ? first.length : index;
  };
  const sorted = [...keys].sort((a, b) => rank(a) - rank(b));
  return Object.fromEntries(sorted.map(key => [key, value[key]]));
}

function stripUndefined(value: unknown): unknown {
  if (Array.isArray(value)) {
    return value.map(stripUndefined);
  }
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([, v]) => v !== undefined)
        .map(([k, v]) => [k, stripUndefined(v)]),
    );
  }
  return value;
}

/** The plain object of a document, keys in Kubernetes' order. */
export function documentOf(value: object): Record<string, unknown> {
  const plain = stripUndefined(value) as Record<string, unknown>;
  const top = ordered(plain, TOP_LEVEL);
  if (top.metadata && typeof top.metadata === 'object') {
    top.metadata = ordered(top.metadata as Record<string, unknown>, METADATA);
  }
  return top;
}

/** Validates each object against its schema and returns its plain form. */
export function validatedDocument(
  manifest: KubeManifest,
): Record<string, unknown> {
  try {
    manifest.validate();
  } catch (error) {
    throw new Error(
      `Generated ${manifest.kind} ${
        manifest.metadata?.name ?? ''
      } does not match its schema: ${(error as Error).message}`,
    );
  }
  return documentOf(manifest.toJSON() as object);
}

/** YAML of several documents, `---` separated, after a header comment. */
export function serialiseDocuments(
  documents: readonly object[],
  header: string,
): string {
  const comment = header
    .split('\n')
    .map(line => (line ? `# ${line}` : '#'))
    .join('\n');
  const body = documents
    .map(document =>
      new Document(document).toString({ lineWidth: 0, indentSeq: true }),
    )
    .join('---\n');
  return `${comment}\n${body}`;
}

/**
 * Serialises the files: every manifest validated first, so that nothing is
 * returned (and so nothing written) when one object is wrong.
 */
export function writeManifests(
  files: readonly FileSpec[],
  header: string,
): FileMap {
  const rendered = files.map(file => ({
    path: file.path,
    documents: [
      ...(file.manifests ?? []).map(validatedDocument),
      ...(file.documents ?? []).map(documentOf),
    ],
  }));
  const map: FileMap = {};
  for (const file of [...rendered].sort((a, b) => (a.path < b.path ? -1 : 1))) {
    if (map[file.path] !== undefined) {
      throw new Error(`Two generated files share the path ${file.path}`);
    }
    map[file.path] = serialiseDocuments(file.documents, header);
  }
  return map;
}
