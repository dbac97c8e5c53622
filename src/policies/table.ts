/**
 * The policy table of the top-level README, generated from the registry so the docs never drift:
 * `node scripts/gen-policy-table.ts` rewrites the section between the markers, and a meta-test
 * fails when README.md holds anything else there.
 */
import { POLICIES } from './api.ts';
import { frameworkFamily } from './frameworks.ts';
import type { Policy } from './types.ts';

export const TABLE_START = '<!-- policies:start -->';
export const TABLE_END = '<!-- policies:end -->';

const FAMILY_SHORT = { 'nist-ai-rmf': 'NIST', 'owasp-llm': 'OWASP', 'mitre-atlas': 'ATLAS' } as const;

function frameworksCell(policy: Policy): string {
  const groups = new Map<string, string[]>();
  for (const id of [...policy.frameworks].sort()) {
    const family = frameworkFamily(id);
    const short = family === undefined ? id : FAMILY_SHORT[family];
    const list = groups.get(short) ?? [];
    list.push(id.slice(id.indexOf(':') + 1));
    groups.set(short, list);
  }
  return ['NIST', 'OWASP', 'ATLAS']
    .filter((f) => groups.has(f))
    .map((f) => `${f} ${(groups.get(f) ?? []).join(', ')}`)
    .join('; ');
}

const cell = (text: string): string => text.replace(/\|/g, '\\|').replace(/\s+/g, ' ').trim();

/** The markdown table: id, default severity, what it catches, frameworks. */
export function renderPolicyTable(policies: readonly Policy[] = POLICIES): string {
  const rows = policies.map((p) => `| \`${p.id}\` | ${p.severity}${p.severityNote === undefined ? '' : ` (${cell(p.severityNote)})`} | ${cell(p.title)} | ${cell(frameworksCell(p))} |`);
  return ['| policy | severity | what it catches | frameworks |', '|---|---|---|---|', ...rows].join('\n');
}

/** The generated section as it sits in README.md (markers included). */
export function renderPolicySection(): string {
  return `${TABLE_START}\n${renderPolicyTable()}\n${TABLE_END}`;
}

/** The text between the markers, or undefined when README.md has none. */
export function currentPolicyTable(readme: string): string | undefined {
  const start = readme.indexOf(TABLE_START);
  const end = readme.indexOf(TABLE_END);
  if (start < 0 || end < start) return undefined;
  return readme.slice(start + TABLE_START.length, end).trim();
}

/** README.md with the section replaced, or appended under `## Policies` when there are no markers yet. */
export function updatePolicySection(readme: string): string {
  const start = readme.indexOf(TABLE_START);
  const end = readme.indexOf(TABLE_END);
  if (start < 0 || end < start) {
    const intro = 'Default severities; see [src/policies/README.md](src/policies/README.md) for what each policy checks, how to fix it and how risk tiers raise severities.';
    return `${readme.replace(/\s*$/, '')}\n\n## Policies\n\n${intro}\n\n${renderPolicySection()}\n`;
  }
  return `${readme.slice(0, start)}${renderPolicySection()}${readme.slice(end + TABLE_END.length)}`;
}
