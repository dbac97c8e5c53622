import { mkdirSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempTree } from '../../test/helpers/temp-tree.ts';
import { normalizeRemote, resolveScope } from './scope.ts';

describe('normalizeRemote', () => {
  it('strips scheme, credentials and .git, and reads scp-style remotes', () => {
    expect(normalizeRemote('https://x-access-token:ghp_abc123@github.com/acme/app.git')).toBe('github.com/acme/app');
    expect(normalizeRemote('git@github.com:acme/app.git')).toBe('github.com/acme/app');
    expect(normalizeRemote('ssh://git@gitlab.example.com:2222/team/app')).toBe('gitlab.example.com:2222/team/app');
  });
});

describe('resolveScope', () => {
  it('uses the origin remote of the enclosing checkout, with the subfolder', async () => {
    const root = tempTree({ 'services/api/app.py': '' });
    mkdirSync(join(root, '.git'));
    writeFileSync(join(root, '.git', 'config'), '[core]\n\tbare = false\n[remote "origin"]\n\turl = https://user:secret@github.com/acme/mono.git\n\tfetch = +refs/heads/*:refs/remotes/origin/*\n');
    expect(await resolveScope(root)).toEqual({ scope: 'github.com/acme/mono', remote: 'github.com/acme/mono' });
    expect(await resolveScope(join(root, 'services', 'api'))).toEqual({ scope: 'github.com/acme/mono//services/api', remote: 'github.com/acme/mono' });
  });

  it('falls back to the folder name outside a checkout with an origin', async () => {
    const root = tempTree({ 'a.py': '' });
    expect((await resolveScope(root)).scope).toBe(basename(root));
  });
});
