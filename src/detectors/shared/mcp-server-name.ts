/**
 * Names of MCP servers implemented in code when the file does not give one: the file stem for a
 * constructor without a literal name (for an entry file, `index.ts`, `main.go`, `server.py`, its
 * folder's or repository's name instead), and the inferred server of a file that defines or
 * registers tools without constructing a server (nearest non-layout folder, else the repository,
 * else the file stem). Shared by the JavaScript and languages (Go) detectors so both name such servers alike.
 * After the merge, an inferred server joins the one server its project constructs, when there is
 * exactly one (`src/pipeline/fold-servers.ts`).
 */

import { GENERIC_ENTRY_STEMS } from './mcp-launchers.ts';

/**
 * Layout folders that say nothing about which server a file belongs to. Tools registered in a file
 * that constructs no server are grouped under the nearest folder *not* in this list
 * (`src/everything/tools/echo.ts` → `everything`). Source: common TS project layouts (our choice).
 */
export const GENERIC_FOLDERS: readonly string[] = [
  'src', 'lib', 'dist', 'build', 'out', 'source', 'app', 'apps', 'packages', 'internal', 'core', 'common', 'shared',
  'tools', 'tool', 'handlers', 'features', 'modules', 'server', 'servers', 'mcp', 'registry', 'utils',
];

/** What an inferred server's name was taken from (the `inferredFrom` attribute); `project`: a C# project file (`mcp-csharp.ts`). */
export type InferredFrom = 'folder' | 'repository' | 'file' | 'project';

/**
 * Nearest non-layout folder of the path, else the repository name from the scope, else the file
 * stem; and which. `generic` lists the layout folders (a language may add its own).
 */
export function inferServerName(path: string, scope: string, generic: readonly string[] = GENERIC_FOLDERS): { readonly name: string; readonly from: InferredFrom } {
  const folders = path.split('/').slice(0, -1);
  for (let i = folders.length - 1; i >= 0; i--) {
    const folder = folders[i];
    if (folder && !folder.startsWith('.') && !generic.includes(folder.toLowerCase())) return { name: folder, from: 'folder' };
  }
  const repo = scope.replace(/\.git$/, '').replace(/[/\\]+$/, '').split(/[/:\\]/).pop();
  return repo && repo.trim() !== '' ? { name: repo, from: 'repository' } : { name: fileStem(path), from: 'file' };
}

/** `src/tools/search.ts` → `search`. */
export function fileStem(path: string): string {
  const base = path.slice(path.lastIndexOf('/') + 1);
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(0, dot) : base;
}

/**
 * Name of a server constructed without a literal name: the file stem (`src/weather.ts` → `weather`),
 * unless the stem is an entry file's (`GENERIC_ENTRY_STEMS`: `index`, `main`, `server`, ...), which
 * says nothing of the server: then the nearest non-layout folder, else the repository
 * (`packages/weather-mcp/src/index.ts` → `weather-mcp`).
 */
export function unnamedServerName(path: string, scope: string, generic: readonly string[] = GENERIC_FOLDERS): string {
  const stem = fileStem(path);
  return GENERIC_ENTRY_STEMS.includes(stem.toLowerCase()) ? inferServerName(path, scope, generic).name : stem;
}
