/**
 * Bad input never crashes a scan: each case is a diagnostic, and the good files next to it are still
 * found. One test per kind of bad input named in the acceptance list.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Inventory } from '../../src/model/index.ts';
import { runScan } from '../../src/pipeline/run-scan.ts';
import { inventorySchemaErrors } from '../helpers/inventory-schema.ts';
import { tempTree } from '../helpers/temp-tree.ts';

const GOOD = { 'good/app.py': 'from openai import OpenAI\nclient = OpenAI()\nclient.chat.completions.create(model="gpt-4o-mini", messages=[])\n' };

async function scan(files: Record<string, string | Uint8Array>, setup?: (root: string) => void, maxFileSize?: number): Promise<Inventory> {
  const root = tempTree({ ...GOOD, ...files });
  setup?.(root);
  const inventory = await runScan({ paths: [root], ...(maxFileSize ? { maxFileSize } : {}) });
  // The scan went on: the good file beside the bad one was still found, and output stays schema-valid.
  expect(inventory.assets.filter((a) => a.kind === 'model').map((a) => a.name)).toEqual(['gpt-4o-mini']);
  expect(inventorySchemaErrors(JSON.parse(JSON.stringify(inventory)))).toEqual([]);
  return inventory;
}

/** Scans as an unprivileged user when running as root (root reads anything, so permission bits would not bite). */
async function scanAsUser(root: string): Promise<Inventory> {
  if (process.getuid?.() !== 0) return runScan({ paths: [root] });
  chmodSync(root, 0o755);
  const child = spawnSync(process.execPath, [join(import.meta.dirname, '../helpers/scan-entry.ts'), root], { uid: 65534, gid: 65534, encoding: 'utf8' });
  expect(child.stderr).toBe('');
  return JSON.parse(child.stdout) as Inventory;
}

const codes = (inv: Inventory, path: string): string[] => inv.diagnostics.filter((d) => d.location?.path === path).map((d) => d.code);

describe('bad input becomes diagnostics, never a crash', () => {
  it('invalid JSON manifest', async () => {
    const inv = await scan({ 'web/package.json': '{ "dependencies": { "openai": "^4" ,, }' });
    expect(codes(inv, 'web/package.json')).toEqual(['parse-failed']);
  });

  it('invalid TOML manifest', async () => {
    const inv = await scan({ 'svc/pyproject.toml': '[project]\nname = "svc"\ndependencies = ["openai>=1"\n' });
    expect(codes(inv, 'svc/pyproject.toml')).toEqual(['parse-failed']);
  });

  it('invalid YAML manifest', async () => {
    const inv = await scan({ 'ml/environment.yml': 'name: ml\ndependencies:\n  - pytorch\n  - [unclosed\n' });
    expect(codes(inv, 'ml/environment.yml')).toEqual(['parse-failed']);
  });

  it('Python syntax errors: what can be read is kept, the rest is a diagnostic', async () => {
    const inv = await scan({ 'broken.py': 'import anthropic\ndef f(:\n    s = """never closed\n' });
    expect(codes(inv, 'broken.py')).toContain('parse-failed');
    expect(inv.assets.some((a) => a.kind === 'sdk' && a.name === 'anthropic')).toBe(true);
  });

  it('a binary file named .js', async () => {
    const inv = await scan({ 'dist2/bundle.js': new Uint8Array([0x00, 0x61, 0x73, 0x6d, 1, 0, 0, 0, 0x69, 0x6d, 0x70]) });
    expect(codes(inv, 'dist2/bundle.js')).toEqual(['binary-file']);
  });

  it('a file over the size cap', async () => {
    const inv = await scan({ 'huge.py': `import openai\n${'# padding\n'.repeat(2000)}` }, undefined, 4096);
    expect(codes(inv, 'huge.py')).toEqual(['file-too-large']);
    expect(inv.assets.some((a) => a.name === 'openai' && a.evidence.some((e) => e.path === 'huge.py'))).toBe(false);
  });

  it('invalid UTF-8', async () => {
    const bytes = new Uint8Array([...Buffer.from('import chromadb\n# caf'), 0xff, 0xfe, ...Buffer.from('\nclient = chromadb.PersistentClient(path="db")\n')]);
    const inv = await scan({ 'latin1.py': bytes });
    expect(codes(inv, 'latin1.py')).toEqual(['invalid-encoding']);
    expect(inv.assets.some((a) => a.kind === 'vector-store' && a.name === 'chroma')).toBe(true);
  });

  it('a symlink loop', async () => {
    const inv = await scan({}, (root) => {
      symlinkSync(join(root, 'loop-b'), join(root, 'loop-a'));
      symlinkSync(join(root, 'loop-a'), join(root, 'loop-b'));
    });
    expect(codes(inv, 'loop-a')).toEqual(['symlink-loop']);
    expect(codes(inv, 'loop-b')).toEqual(['symlink-loop']);
  });

  it('an unreadable folder', async () => {
    const root = tempTree({ ...GOOD, 'private/app.py': 'import openai\n' });
    chmodSync(join(root, 'private'), 0o000);
    try {
      const inv = await scanAsUser(root);
      expect(codes(inv, 'private')).toEqual(['unreadable']);
      expect(inv.assets.filter((a) => a.kind === 'model').map((a) => a.name)).toEqual(['gpt-4o-mini']);
    } finally {
      chmodSync(join(root, 'private'), 0o755);
    }
  });

  it('an unreadable file', async () => {
    const root = tempTree({ ...GOOD, 'secret/app.py': 'import openai\n' });
    chmodSync(join(root, 'secret', 'app.py'), 0o000);
    const inv = await scanAsUser(root);
    expect(codes(inv, 'secret/app.py')).toEqual(['unreadable']);
    expect(inv.assets.filter((a) => a.kind === 'model').map((a) => a.name)).toEqual(['gpt-4o-mini']);
  });
});
