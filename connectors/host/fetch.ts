/**
 * The host connector's I/O: resolves the config paths of `paths.ts` under the scanned home (and
 * `%APPDATA%`, the system root), expands `*` segments, and reads each existing regular file.
 * Missing files are skipped silently (most clients are not installed). A symlink is read only
 * when its target is a regular file inside the scanned home / app-data folder (system rows: under
 * the system root); FIFOs and devices are never opened. Oversized and unreadable files are
 * diagnostics.
 */
import { lstat, readdir, readFile, realpath, stat } from 'node:fs/promises';
import { join, relative, isAbsolute } from 'node:path';
import picomatch from 'picomatch';
import type { Diagnostic, DiagnosticCode, DiagnosticLevel } from '../../src/model/index.ts';
import type { Base, HostConfigPath, Platform } from './paths.ts';

/** Where the bases live on this machine (absolute paths). */
export interface HostRoots {
  readonly platform: Platform;
  readonly home: string;
  readonly appData: string;
  readonly systemRoot: string;
}

/** A config file as read: its shown path (`~/.cursor/mcp.json`) and text. */
export interface HostFile {
  readonly shown: string;
  readonly content: string;
  readonly bytes: number;
}

export type ReadResult = { readonly kind: 'missing' } | { readonly kind: 'file'; readonly file: HostFile } | { readonly kind: 'problem'; readonly diagnostic: Diagnostic };

/** Names one `*` segment may expand to: enough for any real config folder. */
const MAX_EXPANSION = 200;

function baseDir(base: Base, roots: HostRoots): string {
  switch (base) {
    case 'home':
      return roots.home;
    case 'xdg':
      return join(roots.home, '.config');
    case 'appSupport':
      return roots.platform === 'darwin' ? join(roots.home, 'Library', 'Application Support') : roots.platform === 'linux' ? join(roots.home, '.config') : roots.appData;
    case 'appData':
      return roots.appData;
    case 'system':
      return roots.systemRoot;
  }
}

/** Absolute and shown paths of a row, `*` segments expanded (sorted, bounded; unreadable folders give nothing). */
export async function expandRow(row: HostConfigPath & { readonly shown: string }, roots: HostRoots): Promise<Array<{ abs: string; shown: string }>> {
  const shownPrefix = row.shown.slice(0, row.shown.length - row.path.length - 1);
  let current = [{ abs: baseDir(row.base, roots), shown: shownPrefix }];
  for (const segment of row.path.split('/')) {
    if (!segment.includes('*')) {
      current = current.map((c) => ({ abs: join(c.abs, segment), shown: `${c.shown}/${segment}` }));
      continue;
    }
    const isMatch = picomatch(segment, { dot: false });
    const next: Array<{ abs: string; shown: string }> = [];
    for (const c of current) {
      const names = await readdir(c.abs).catch(() => [] as string[]);
      for (const name of names.filter((n) => isMatch(n)).sort().slice(0, MAX_EXPANSION)) next.push({ abs: join(c.abs, name), shown: `${c.shown}/${name}` });
    }
    current = next;
  }
  return current;
}

function inside(path: string, roots: readonly string[]): boolean {
  return roots.some((root) => {
    const rel = relative(root, path);
    return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
  });
}

function problem(shown: string, code: DiagnosticCode, level: DiagnosticLevel, message: string): ReadResult {
  return { kind: 'problem', diagnostic: { connector: 'host', level, code, message, location: { path: shown } } };
}

const errCode = (error: unknown): string | undefined => (error as NodeJS.ErrnoException | undefined)?.code;

/** Reads one candidate; a missing file (or a missing folder on its way) is `missing`, never a diagnostic. */
export async function readConfigFile(abs: string, shown: string, base: Base, roots: HostRoots, maxFileSize: number): Promise<ReadResult> {
  let target = abs;
  try {
    const info = await lstat(abs);
    if (info.isSymbolicLink()) {
      target = await realpath(abs).catch(() => '');
      if (target === '') return problem(shown, 'symlink-broken', 'info', 'dangling symlink; skipped');
      const allowed = base === 'system' ? [roots.systemRoot] : [roots.home, roots.appData];
      const realRoots = await Promise.all(allowed.map((r) => realpath(r).catch(() => r)));
      if (!inside(target, realRoots)) return problem(shown, 'symlink-outside-root', 'warn', 'symlink points outside the scanned home folder; not followed');
    }
    const real = info.isSymbolicLink() ? await stat(target) : info;
    if (!real.isFile()) return { kind: 'missing' };
    if (real.size > maxFileSize) return problem(shown, 'file-too-large', 'warn', `file is ${real.size} bytes, over the ${maxFileSize}-byte cap; not scanned`);
    const buffer = await readFile(target);
    return { kind: 'file', file: { shown, content: buffer.toString('utf8'), bytes: buffer.length } };
  } catch (error) {
    const code = errCode(error);
    if (code === 'ENOENT' || code === 'ENOTDIR') return { kind: 'missing' };
    // As the local connector: a config that could not be read is a part of the target not covered.
    return problem(shown, 'unreadable', 'error', `cannot read file (${code ?? 'error'}); not scanned`);
  }
}
