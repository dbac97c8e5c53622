/**
 * Owner labels of a workload, kept on its assets' `tags` for owner resolution (`src/owners`):
 * compose service `labels` (map or `key=value` list) and `deploy.labels`, Kubernetes
 * `metadata.labels` and `metadata.annotations` of the object and of its pod template. Only keys that
 * name an owner are kept (`isOwnerTagKey`: `owner`, `team`, `a8r.io/owner`, `com.example.team`,
 * ...; never `app.kubernetes.io/managed-by`). The first place that names a key wins.
 */
import { redactSnippet } from '../../model/index.ts';
import { isOwnerTagKey } from '../../owners/tag-keys.ts';
import { entries, items, text, type YNode } from './yaml-tree.ts';

/** Longest label value kept. */
const MAX_VALUE = 256;

function add(out: Record<string, string>, key: string, value: string | undefined): void {
  const k = key.trim();
  if (value === undefined || value.trim() === '' || !isOwnerTagKey(k) || Object.hasOwn(out, k)) return;
  Object.defineProperty(out, k, { value: redactSnippet(value.slice(0, MAX_VALUE)), enumerable: true, writable: true, configurable: true });
}

/** Owner labels from label/annotation nodes, in priority order; empty when none. */
export function ownerLabels(...nodes: readonly (YNode | undefined)[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const node of nodes) {
    for (const e of entries(node)) add(out, e.key, text(e.value));
    for (const item of items(node)) {
      const t = text(item);
      const eq = t?.indexOf('=') ?? -1;
      if (t !== undefined && eq > 0) add(out, t.slice(0, eq), t.slice(eq + 1));
    }
  }
  return out;
}

/** The workload with its owner labels, when it has any. */
export function withOwnerLabels<T extends { readonly tags?: Readonly<Record<string, string>> }>(workload: T, labels: Readonly<Record<string, string>>): T {
  return Object.keys(labels).length === 0 ? workload : { ...workload, tags: { ...labels, ...workload.tags } };
}
