import { mkdirSync, realpathSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempTree } from '../../test/helpers/temp-tree.ts';
import { toIgnoreGlobs } from './exclude.ts';
import { listFiles } from './walk.ts';

const opts = { exclude: [], include: [], defaultExcludes: true };

describe('listFiles', () => {
  it('includes dotfiles and skips dependency, VCS, build and virtualenv folders by default', async () => {
    const root = tempTree({
      'src/app.ts': 'x',
      '.cursor/mcp.json': '{}',
      '.env': 'A=1',
      'node_modules/openai/index.js': 'x',
      '.git/config': 'x',
      'dist/app.js': 'x',
      '.venv/lib/site.py': 'x',
      'packages/a/node_modules/b/index.js': 'x',
      '__pycache__/m.pyc': 'x',
    });
    const { files } = await listFiles({ ...opts, root });
    expect(files.map((f) => f.path)).toEqual(['.cursor/mcp.json', '.env', 'src/app.ts']);
  });

  it('lists in path order where a folder-by-folder walk would not (a/x after a-b/y and a.txt)', async () => {
    const names = ['a/x', 'a-b/y', 'a.txt', 'a0', 'a/b/c', 'a/b.txt', 'B/z', '_', '.env', 'ü/q', 'a b/k', 'ab'];
    const root = tempTree(Object.fromEntries(names.map((n) => [n, 'x'])));
    const paths = (await listFiles({ root, exclude: [], include: [], defaultExcludes: true })).files.map((f) => f.path);
    expect(paths).toEqual([...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    expect(paths.indexOf('a-b/y')).toBeLessThan(paths.indexOf('a/x'));
  });

  it('honours --exclude globs and folder names, and --include re-adds default-skipped paths', async () => {
    const root = tempTree({ 'src/a.py': 'x', 'tests/b.py': 'x', 'vendor/lib/c.py': 'x', 'docs/x/d.py': 'x' });
    const excluded = await listFiles({ ...opts, root, exclude: ['tests', 'docs/**'] });
    expect(excluded.files.map((f) => f.path)).toEqual(['src/a.py']);
    const included = await listFiles({ ...opts, root, include: ['vendor/**'] });
    expect(included.files.map((f) => f.path)).toEqual(['docs/x/d.py', 'src/a.py', 'tests/b.py', 'vendor/lib/c.py']);
    const all = await listFiles({ ...opts, root, defaultExcludes: false });
    expect(all.files).toHaveLength(4);
  });

  it('never follows a symlink out of the root, reports loops and dangling links, lists file links inside, skips folder links', async () => {
    const outside = tempTree({ 'secret/app.py': 'import openai' });
    const root = tempTree({ 'src/app.py': 'x' });
    symlinkSync(join(outside, 'secret'), join(root, 'escape'));
    symlinkSync(join(outside, 'secret', 'app.py'), join(root, 'escape-file.py'));
    symlinkSync(join(root, 'loop-b'), join(root, 'loop-a'));
    symlinkSync(join(root, 'loop-a'), join(root, 'loop-b'));
    symlinkSync(join(root, 'missing'), join(root, 'dangling.py'));
    mkdirSync(join(root, 'inner'));
    symlinkSync(join(root, 'src'), join(root, 'inner', 'src-link'));
    symlinkSync(join(root, 'src', 'app.py'), join(root, 'CLAUDE.md'));
    const { files, diagnostics } = await listFiles({ ...opts, root });
    expect(files.map((f) => f.path)).toEqual(['CLAUDE.md', 'src/app.py']);
    // Read at its target: a link swapped after listing cannot redirect the read.
    expect(files[0]?.absolute).toBe(join(realpathSync(root), 'src', 'app.py'));
    const byPath = Object.fromEntries(diagnostics.map((d) => [d.location?.path, d.code]));
    expect(byPath).toEqual({
      escape: 'symlink-outside-root',
      'escape-file.py': 'symlink-outside-root',
      'loop-a': 'symlink-loop',
      'loop-b': 'symlink-loop',
      'dangling.py': 'symlink-broken',
    });
  });
});

describe('symlinks and exclusions', () => {
  it('never lists a link whose target an exclusion or a default-skipped folder keeps out', async () => {
    const root = tempTree({ 'secrets/prod.env': 'OPENAI_API_KEY=x\n', 'node_modules/pkg/AGENTS.md': '# pkg\n', 'tests/AGENTS.md': '# t\n', 'docs/AGENTS.md': '# docs\n' });
    symlinkSync('secrets/prod.env', join(root, '.env'));
    symlinkSync('node_modules/pkg/AGENTS.md', join(root, 'CLAUDE.md'));
    symlinkSync('tests/AGENTS.md', join(root, 'GEMINI.md'));
    symlinkSync('docs/AGENTS.md', join(root, 'AGENTS.md'));
    const { files } = await listFiles({ ...opts, root, exclude: ['secrets', '**/tests/**'] });
    expect(files.map((f) => f.path)).toEqual(['AGENTS.md', 'docs/AGENTS.md']);
  });
});

describe('toIgnoreGlobs', () => {
  it('turns a bare name into "anywhere" globs and keeps real globs', () => {
    expect(toIgnoreGlobs(['fixtures', 'src/gen/**', './build/'])).toEqual(['**/fixtures', '**/fixtures/**', 'src/gen/**', 'src/gen/**/**', '**/build', '**/build/**']);
  });
});
