import {
  KubeObject,
  ManifestError,
  parseManifests,
} from '@cloud-native-platform/plugin-security-posture-common';
import fs from 'node:fs/promises';
import path from 'node:path';

/** A file that cannot be read or parsed; exit code 2. */
export class InputError extends Error {}

/** An object with the file it came from, relative to the working directory. */
export interface SourcedObject {
  object: KubeObject;
  file: string;
}

const MANIFEST_FILE = /\.(ya?ml|json)$/i;
// The parser refuses more than this anyway; checking the size first avoids
// reading a huge file into memory only to refuse it.
const MAX_FILE_BYTES = 10 * 1024 * 1024;

async function manifestFilesUnder(dir: string): Promise<string[]> {
  const entries = await fs.readdir(dir, { withFileTypes: true });
  const files: string[] = [];
  for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const full = path.join(dir, entry.name);
    // Dot directories (.git, .github) and node_modules hold no manifests
    // of the project, and walking them is slow.
    if (entry.isDirectory()) {
      if (!entry.name.startsWith('.') && entry.name !== 'node_modules') {
        files.push(...(await manifestFilesUnder(full)));
      }
    } else if (entry.isFile() && MANIFEST_FILE.test(entry.name)) {
      files.push(full);
    }
  }
  return files;
}

function displayPath(cwd: string, file: string): string {
  const relative = path.relative(cwd, file);
  return relative.startsWith('..') || path.isAbsolute(relative)
    ? file
    : relative.split(path.sep).join('/');
}

/**
 * Reads the objects of every manifest file named or found under the named
 * directories, in a stable order. Throws {@link InputError} naming the file
 * (and document) on the first problem.
 */
export async function readManifestFiles(
  paths: readonly string[],
  cwd: string,
): Promise<{ objects: SourcedObject[]; documents: number; files: number }> {
  const files: string[] = [];
  for (const given of paths) {
    const full = path.resolve(cwd, given);
    let stat;
    try {
      stat = await fs.stat(full);
    } catch (error) {
      throw new InputError(
        `${given}: ${
          (error as NodeJS.ErrnoException).code === 'ENOENT'
            ? 'no such file or directory'
            : (error as Error).message
        }`,
      );
    }
    if (stat.isDirectory()) {
      const found = await manifestFilesUnder(full);
      if (found.length === 0) {
        throw new InputError(
          `${given}: no *.yaml, *.yml or *.json files in it`,
        );
      }
      files.push(...found);
    } else {
      files.push(full);
    }
  }

  const unique = [...new Set(files)];
  const objects: SourcedObject[] = [];
  let documents = 0;
  for (const file of unique) {
    const shown = displayPath(cwd, file);
    let text: string;
    try {
      const { size } = await fs.stat(file);
      if (size > MAX_FILE_BYTES) {
        throw new InputError(
          `${shown}: ${size} bytes is larger than 10 MB; split it into smaller files`,
        );
      }
      text = await fs.readFile(file, 'utf8');
    } catch (error) {
      if (error instanceof InputError) throw error;
      throw new InputError(
        `${shown}: cannot be read: ${(error as Error).message}`,
      );
    }
    try {
      const parsed = parseManifests(text, shown);
      documents += parsed.documents;
      for (const object of parsed.objects) {
        objects.push({ object, file: shown });
      }
    } catch (error) {
      if (error instanceof ManifestError) {
        throw new InputError(error.message);
      }
      throw error;
    }
  }
  return { objects, documents, files: unique.length };
}
