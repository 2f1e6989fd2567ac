import { ManifestError, parseManifests } from './manifests';
import { DEMO_CLUSTER_DIR, readManifests } from './__testUtils__/manifests';
import fs from 'node:fs';
import path from 'node:path';

const POD = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: a\n';

function errorOf(text: string, options?: { maxBytes?: number }): ManifestError {
  try {
    parseManifests(text, 'deploy/app.yaml', options);
  } catch (error) {
    expect(error).toBeInstanceOf(ManifestError);
    return error as ManifestError;
  }
  throw new Error('expected a ManifestError');
}

describe('parseManifests', () => {
  it('reads several YAML documents, skipping empty ones', () => {
    const text = `---\n${POD}---\n---\n# only a comment\n---\n${POD.replace(
      'name: a',
      'name: b',
    )}`;
    const { objects, documents } = parseManifests(text, 'a.yaml');
    expect(objects.map(o => o.metadata.name)).toEqual(['a', 'b']);
    expect(documents).toBe(2);
  });

  it('flattens kind: List and typed lists', () => {
    const list = `apiVersion: v1\nkind: List\nitems:\n  - ${POD.replace(
      /\n/g,
      '\n    ',
    )}`;
    expect(parseManifests(list, 'l.yaml').objects).toHaveLength(1);
    const podList = JSON.stringify({
      apiVersion: 'v1',
      kind: 'PodList',
      items: [{ metadata: { name: 'x' } }],
    });
    expect(parseManifests(podList, 'l.json').objects).toEqual([
      { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'x' } },
    ]);
  });

  it('reads a JSON object or array', () => {
    const pod = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'a' } };
    expect(parseManifests(JSON.stringify(pod), 'p.json')).toEqual({
      objects: [pod],
      documents: 1,
    });
    expect(
      parseManifests(JSON.stringify([pod, pod]), 'p.json').objects,
    ).toHaveLength(2);
  });

  it('reads every manifest of the demo cluster as the tests do', () => {
    const expected = readManifests(DEMO_CLUSTER_DIR);
    const objects: unknown[] = [];
    const walk = (dir: string) => {
      for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
        const file = path.join(dir, entry.name);
        if (entry.isDirectory()) walk(file);
        else if (/\.ya?ml$/.test(entry.name)) {
          objects.push(
            ...parseManifests(fs.readFileSync(file, 'utf8'), file).objects,
          );
        }
      }
    };
    walk(DEMO_CLUSTER_DIR);
    expect(objects).toEqual(expected);
  });

  it('names the source, document and line of a syntax error', () => {
    const error = errorOf(`${POD}---\n${POD}---\nmetadata: [a,\nkind: x\n`);
    expect(error.message).toMatch(/^deploy\/app\.yaml: document 3: line \d+: /);
    expect(error.document).toBe(3);
    expect(error.source).toBe('deploy/app.yaml');
    expect(errorOf(`${POD}kind: Pod\n`).message).toMatch(
      /^deploy\/app\.yaml: document 1: line 5: Map keys must be unique/,
    );
  });

  it.each([
    [
      'just text',
      'document 1 is not a Kubernetes object: missing kind/apiVersion/metadata.name (line 1)',
    ],
    [
      '- a\n- b',
      'document 1, item 1 is not a Kubernetes object: missing kind/apiVersion/metadata.name',
    ],
    [
      `${POD}---\nkind: Pod\nmetadata: {}\n`,
      'document 2 is not a Kubernetes object: missing apiVersion/metadata.name (line 6)',
    ],
    [
      '{"kind":"Pod"}',
      'document 1 is not a Kubernetes object: missing apiVersion/metadata.name',
    ],
  ])('rejects what is not a Kubernetes object: %j', (text, message) => {
    expect(errorOf(text).message).toContain(`deploy/app.yaml: ${message}`);
  });

  it('refuses input over the size limit before parsing', () => {
    expect(errorOf(POD, { maxBytes: 10 }).message).toContain('larger than');
    // Multi-byte characters count as bytes, not as characters.
    expect(errorOf(`# ${'é'.repeat(8)}\n`, { maxBytes: 12 }).message).toContain(
      'larger than',
    );
    expect(errorOf('x'.repeat(10 * 1024 * 1024 + 1)).message).toContain(
      'larger than 10 MB',
    );
  });

  it('stops alias expansion attacks', () => {
    const levels = ['a: &a [x, x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i < 8; i++) {
      const previous = String.fromCharCode(96 + i);
      const name = String.fromCharCode(97 + i);
      levels.push(
        `${name}: &${name} [${Array(10).fill(`*${previous}`).join(', ')}]`,
      );
    }
    expect(errorOf(levels.join('\n')).message).toContain('alias');
  });

  it.each([
    ['deep flow nesting', () => '['.repeat(5 * 1024 * 1024)],
    ['deep block nesting', () => '- '.repeat(4 * 1024 * 1024)],
    ['millions of values', () => `[${'a,'.repeat(4_000_000)}a]`],
    [
      'random bytes',
      () => {
        const chars = 'ab:- \n[]{}&*!|>"\'#%@`,?';
        let seed = 1;
        let text = '';
        const parts: string[] = [];
        for (let i = 0; i < 10 * 1024 * 1024 - 1; i++) {
          seed = (seed * 1103515245 + 12345) & 0x7fffffff;
          parts.push(chars[seed % chars.length]);
        }
        text = parts.join('');
        return text;
      },
    ],
  ])('gives up quickly on %s', (_name, make) => {
    const text = make();
    const started = Date.now();
    expect(errorOf(text)).toBeInstanceOf(ManifestError);
    expect(Date.now() - started).toBeLessThan(5000);
  });
});
