/**
 * The public library API: scan folders, judge, store, and export, without the CLI.
 *
 * ```ts
 * import { runScan, toCycloneDx } from 'aimap';
 * const inventory = await runScan({ paths: ['.'] });
 * const bom = toCycloneDx(inventory, { spec: '1.6', format: 'json' });
 * ```
 */
export { runScan, type ScanRequest, type RunOptions, type HostScanRequest } from './pipeline/run-scan.ts';
export { evaluatePolicies, policyConfigOf } from './policies/evaluate.ts';
export { POLICIES, policyById } from './policies/api.ts';
export type { Policy, PolicyConfig } from './policies/types.ts';
export { renderSarif } from './output/sarif.ts';
export { renderJson } from './output/json.ts';
export { toCycloneDx, listSystems } from '../sbom/cyclonedx/index.ts';
export { openEmbeddedStore, type EmbeddedStore } from '../graph/embedded/sqlite-store.ts';
export type { GraphStore, ScanRecord } from '../graph/store.ts';
export { exportGraph } from '../graph/export/index.ts';
export { pushInventory } from '../graph/neo4j/push.ts';
export * from './model/index.ts';
export { diffInventories, type InventoryDiff } from '../graph/diff.ts';
export { carryForward } from '../graph/history.ts';
