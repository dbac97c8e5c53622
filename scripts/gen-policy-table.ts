/**
 * Rewrites the policy table in README.md (between `<!-- policies:start -->` and
 * `<!-- policies:end -->`) from the policy registry. Run: `node scripts/gen-policy-table.ts`.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { updatePolicySection } from '../src/policies/table.ts';

const readme = join(import.meta.dirname, '..', 'README.md');
const before = readFileSync(readme, 'utf8');
const after = updatePolicySection(before);
if (after === before) {
  process.stdout.write('README.md policy table is up to date\n');
} else {
  writeFileSync(readme, after);
  process.stdout.write('README.md policy table rewritten\n');
}
