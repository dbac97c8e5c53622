import { randomBytes } from 'node:crypto';

/** A sortable, unique scan id: `20261121T220421Z-3f9a1c`. */
export function newScanId(now: Date): string {
  const stamp = now.toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
  return `${stamp}-${randomBytes(3).toString('hex')}`;
}
