/**
 * Which recorded scan a scan is compared with for the finding lifecycle: the most recent earlier
 * scan of the same targets. Comparing with a scan of other folders would mark every finding of
 * this one `new` and every finding of that one `resolved`.
 */
import type { GraphStore } from '../../graph/store.ts';
import type { Inventory, ScanTarget } from '../model/index.ts';

/** A set of targets as one comparable key (connector + scope, order-free). */
export function targetsKey(targets: readonly ScanTarget[]): string {
  return [...new Set(targets.map((t) => `${t.connector}\u0000${t.scope}`))].sort().join('\u0001');
}

/**
 * The previous scan of `inventory`'s targets in `store`: when `inventory` is recorded there, the
 * first matching scan recorded before it; otherwise (a scan about to be written) the newest
 * matching scan. Undefined when there is none.
 */
export function previousScan(store: GraphStore, inventory: Inventory): Inventory | undefined {
  const key = targetsKey(inventory.scan.targets);
  const scans = store.scans();
  const self = scans.findIndex((s) => s.id === inventory.scan.id);
  const earlier = self === -1 ? scans : scans.slice(self + 1);
  const match = earlier.find((s) => targetsKey(s.targets) === key);
  return match === undefined ? undefined : store.inventory(match.id);
}
