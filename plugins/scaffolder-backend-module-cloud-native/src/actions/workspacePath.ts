import fs from 'node:fs';
import path from 'node:path';
import { InputError } from '@backstage/errors';

/**
 * Resolves a path given in an action input inside the workspace. Refuses
 * absolute paths, `..` segments and paths through a symbolic link (which
 * could point anywhere), naming `field` in the InputError.
 */
export function resolveWorkspacePath(
  workspacePath: string,
  relativePath: string,
  field: string,
): string {
  if (typeof relativePath !== 'string' || relativePath.includes('\0')) {
    throw new InputError(`${field}: '${relativePath}' is not a path`);
  }
  if (path.isAbsolute(relativePath) || path.win32.isAbsolute(relativePath)) {
    throw new InputError(
      `${field}: '${relativePath}' is absolute; give a path relative to the workspace`,
    );
  }
  const segments = relativePath
    .split(/[\\/]+/)
    .filter(s => s !== '' && s !== '.');
  if (segments.includes('..')) {
    throw new InputError(
      `${field}: '${relativePath}' leaves its directory with '..'; give a path inside the workspace`,
    );
  }
  const root = path.resolve(workspacePath);
  let current = root;
  for (const segment of segments) {
    current = path.join(current, segment);
    let stat: fs.Stats;
    try {
      stat = fs.lstatSync(current);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
        // The rest does not exist yet, so it cannot be a link.
        break;
      }
      throw error;
    }
    if (stat.isSymbolicLink()) {
      throw new InputError(
        `${field}: '${relativePath}' goes through the symbolic link '${path.relative(
          root,
          current,
        )}'; the action writes only to real directories of the workspace`,
      );
    }
  }
  return path.join(root, ...segments);
}

/** Whether a file already holds exactly this content. */
function unchanged(file: string, content: string): boolean {
  try {
    return fs.readFileSync(file, 'utf8') === content;
  } catch {
    return false;
  }
}

/**
 * Writes generated files under `outputDir` of the workspace. Every target is
 * resolved and checked before the first write, so a refused path leaves the
 * workspace untouched. Returns the paths written, relative to the workspace.
 */
export async function writeWorkspaceFiles(options: {
  workspacePath: string;
  outputDir: string;
  outputField: string;
  files: Record<string, string>;
}): Promise<{ written: string[]; unchanged: string[] }> {
  const { workspacePath, outputDir, outputField, files } = options;
  const root = path.resolve(workspacePath);
  const targets = Object.entries(files).map(([file, content]) => {
    const relative = path.posix.join(outputDir.replace(/\\/g, '/'), file);
    return {
      relative: path.posix.normalize(relative),
      absolute: resolveWorkspacePath(root, relative, outputField),
      content,
    };
  });
  const result = { written: [] as string[], unchanged: [] as string[] };
  for (const target of targets) {
    if (unchanged(target.absolute, target.content)) {
      result.unchanged.push(target.relative);
      continue;
    }
    await fs.promises.mkdir(path.dirname(target.absolute), { recursive: true });
    await fs.promises.writeFile(target.absolute, target.content, 'utf8');
    result.written.push(target.relative);
  }
  return result;
}
