/**
 * A temporary copy of a template fixture whose `{{provider:keyType}}` markers are filled with fake
 * keys at test time, so no key-shaped value is ever committed.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fillKeyMarkers } from './fake-keys.ts';
import { tempTree } from './temp-tree.ts';

/** Absolute path of a folder under test/fixtures. */
export const fixturePath = (name: string): string => fileURLToPath(new URL(`../fixtures/${name}`, import.meta.url));

export function plantedFixture(name: string): string {
  const root = fixturePath(name);
  const files: Record<string, string> = {};
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir)) {
      const full = join(dir, entry);
      if (statSync(full).isDirectory()) walk(full);
      else files[relative(root, full).split(sep).join('/')] = fillKeyMarkers(readFileSync(full, 'utf8'));
    }
  };
  walk(root);
  return tempTree(files);
}
