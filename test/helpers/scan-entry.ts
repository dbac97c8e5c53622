/**
 * Runs the real pipeline on the paths in argv and prints the inventory JSON: used by tests that
 * need a separate process (to run as another user, or to be killed).
 */
import { renderJson } from '../../src/output/json.ts';
import { runScan } from '../../src/pipeline/run-scan.ts';

const inventory = await runScan({ paths: process.argv.slice(2) });
process.stdout.write(renderJson(inventory));
