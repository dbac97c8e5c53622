/** Opening the embedded store for commands, with the --store / --no-store / config precedence. */
import { resolve } from 'node:path';
import type { GraphStore } from '../../graph/store.ts';
import { openEmbeddedStore } from '../../graph/embedded/sqlite-store.ts';

/** `false` for --no-store, a path for --store PATH, undefined for "not given". */
export type StoreChoice = string | false | undefined;

export const DEFAULT_STORE = '.aimap/aimap.db';

/** Opens the store the flags and config point at, or returns undefined with --no-store. */
export function openStore(flag: StoreChoice, configured: string | undefined, cwd: string, create = true): GraphStore | undefined {
  if (flag === false) return undefined;
  return openEmbeddedStore(resolve(cwd, flag ?? configured ?? DEFAULT_STORE), { create });
}
