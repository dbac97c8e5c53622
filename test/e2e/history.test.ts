/**
 * Scan history through the CLI: a scope whose scan had an error keeps its last-known-good assets
 * (marked stale), and `aimap diff` reports what changed between the two scans.
 */
import { chmodSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openEmbeddedStore } from '../../graph/embedded/sqlite-store.ts';
import { runCli } from '../helpers/run-cli.ts';
import { tempTree } from '../helpers/temp-tree.ts';

const TREE = {
  'app/requirements.txt': 'openai==1.82.0\n',
  'app/ml/train.py': 'import anthropic\nclient = anthropic.Anthropic()\n',
};

// Root reads anything, so the unreadable folder only bites for an unprivileged user.
const asUser = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};

describe('last-known-good and diff through the CLI', () => {
  it('keeps the assets of a folder it could not read this time, marked stale, and diffs the scans', () => {
    const cwd = tempTree(TREE);
    chmodSync(cwd, 0o777);
    const first = runCli(['scan', 'app', '--store', 'aimap.db', '-q', '--no-git-history'], cwd, asUser);
    expect(first.code).toBe(0);
    chmodSync(join(cwd, 'app', 'ml'), 0o000);
    try {
      const second = runCli(['scan', 'app', '--store', 'aimap.db', '-q', '--no-git-history', '--strict'], cwd, asUser);
      expect(second.code).toBe(3);
    } finally {
      chmodSync(join(cwd, 'app', 'ml'), 0o755);
    }
    const store = openEmbeddedStore(join(cwd, 'aimap.db'), { create: false });
    try {
      const [newest, older] = store.scans();
      const inventory = store.inventory(newest?.id);
      const anthropic = inventory?.assets.find((a) => a.kind === 'sdk' && a.name === 'anthropic');
      expect(anthropic?.attributes['stale']).toBe(true);
      expect(anthropic?.attributes['lastSeenScan']).toBe(older?.id);
      expect(inventory?.diagnostics.some((d) => d.level === 'error' && d.code === 'unreadable')).toBe(true);
    } finally {
      store.close();
    }
    const diff = runCli(['diff', '--store', 'aimap.db', '--format', 'json'], cwd);
    expect(diff.code).toBe(0);
    const changes = JSON.parse(diff.stdout) as { assets: { added: unknown[]; removed: unknown[]; changed: Array<{ after: { name: string } }> } };
    expect(changes.assets.removed).toEqual([]);
    expect(changes.assets.changed.map((c) => c.after.name)).toContain('anthropic');
  });

  it('finds nothing to report between two scans of an unchanged tree, and --exit-code says so', () => {
    const cwd = tempTree(TREE);
    for (let i = 0; i < 2; i += 1) expect(runCli(['scan', 'app', '--store', 'aimap.db', '-q', '--no-git-history'], cwd).code).toBe(0);
    const diff = runCli(['diff', '--store', 'aimap.db', '--exit-code'], cwd);
    expect(diff.stdout).toMatch(/No changes/);
    expect(diff.code).toBe(0);
  });
});
