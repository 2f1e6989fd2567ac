import fs from 'node:fs';
import path from 'node:path';
import { InputError } from '@backstage/errors';
import { createMockDirectory } from '@backstage/backend-test-utils';
import { resolveWorkspacePath, writeWorkspaceFiles } from './workspacePath';

describe('resolveWorkspacePath', () => {
  const workspace = createMockDirectory();
  const outside = createMockDirectory();
  beforeEach(() => {
    workspace.clear();
    outside.clear();
  });

  it('resolves relative paths inside the workspace', () => {
    expect(
      resolveWorkspacePath(workspace.path, 'deploy/base', 'outputDir'),
    ).toBe(path.join(workspace.path, 'deploy', 'base'));
    expect(resolveWorkspacePath(workspace.path, '.', 'outputDir')).toBe(
      workspace.path,
    );
    expect(resolveWorkspacePath(workspace.path, './a//b/', 'outputDir')).toBe(
      path.join(workspace.path, 'a', 'b'),
    );
  });

  it.each([
    ['..', /leaves its directory/],
    ['deploy/../../etc', /leaves its directory/],
    ['a\\..\\..\\b', /leaves its directory/],
    ['/etc/passwd', /is absolute/],
    ['C:\\Windows', /is absolute/],
    ['a\0b', /is not a path/],
  ])('refuses %j', (value, message) => {
    expect(() =>
      resolveWorkspacePath(workspace.path, value, 'outputDir'),
    ).toThrow(InputError);
    expect(() =>
      resolveWorkspacePath(workspace.path, value, 'outputDir'),
    ).toThrow(message);
  });

  it('refuses a symbolic link anywhere on the path, even to a file', () => {
    fs.mkdirSync(path.join(workspace.path, 'deploy'));
    fs.symlinkSync(outside.path, path.join(workspace.path, 'deploy', 'link'));
    fs.writeFileSync(path.join(outside.path, 'target.yaml'), 'x');
    fs.symlinkSync(
      path.join(outside.path, 'target.yaml'),
      path.join(workspace.path, 'file.yaml'),
    );
    expect(() =>
      resolveWorkspacePath(workspace.path, 'deploy/link/x', 'outputDir'),
    ).toThrow(
      "outputDir: 'deploy/link/x' goes through the symbolic link 'deploy/link'",
    );
    expect(() =>
      resolveWorkspacePath(workspace.path, 'file.yaml', 'outputDir'),
    ).toThrow(/symbolic link 'file.yaml'/);
  });

  it('checks every file before writing the first', async () => {
    fs.symlinkSync(
      path.join(outside.path, 'b.yaml'),
      path.join(workspace.path, 'b.yaml'),
    );
    await expect(
      writeWorkspaceFiles({
        workspacePath: workspace.path,
        outputDir: '.',
        outputField: 'outputDir',
        files: { 'a.yaml': 'a', 'b.yaml': 'b' },
      }),
    ).rejects.toThrow(/symbolic link 'b.yaml'/);
    expect(fs.existsSync(path.join(workspace.path, 'a.yaml'))).toBe(false);
    expect(fs.existsSync(path.join(outside.path, 'b.yaml'))).toBe(false);
  });
});
