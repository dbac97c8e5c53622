import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempTree } from '../../test/helpers/temp-tree.ts';
import { folderSiblings, FolderMemo } from './detect-file.ts';

describe('folderSiblings', () => {
  it('walks up to the scanned root through parent(), listing each folder whole and only listed files', () => {
    const root = tempTree({ 'App.csproj': '<Project/>', 'secret.csproj': '<Project/>', 'src/Api/Setup.cs': 'x', 'src/Api/Other.cs': 'y', 'src/Lib/Lib.csproj': '<Project/>' });
    // `secret.csproj` is excluded from the scan: never seen on a neighbour's behalf.
    const memo = new FolderMemo(16, new Set(['App.csproj', 'src/Api/Setup.cs', 'src/Api/Other.cs', 'src/Lib/Lib.csproj']));
    const own = folderSiblings({ path: 'src/Api/Setup.cs', absolute: join(root, 'src/Api/Setup.cs') }, 1024, memo);
    expect(own.names()).toEqual(['Other.cs']);
    const src = own.parent?.();
    // `src` holds folders only (Lib.csproj is in a sibling folder, not here).
    expect(src?.names()).toEqual([]);
    const top = src?.parent?.();
    expect(top?.names()).toEqual(['App.csproj']);
    expect(top?.read('App.csproj')).toBe('<Project/>');
    expect(top?.read('secret.csproj')).toBeUndefined();
    // The scanned root has no parent: nothing above it is read.
    expect(top?.parent?.()).toBeUndefined();
  });
});
