/**
 * The label and relationship tables of graph/neo4j/README.md, generated from graph/schema.ts and
 * endpoints.ts; a test keeps the README in step with them.
 */
import { ASSET_KINDS } from '../../src/model/asset.ts';
import { BASE_LABEL, NODE_LABELS, RELATIONSHIP_TYPES, TRAVERSABLE } from '../schema.ts';
import { RELATIONSHIP_ENDPOINTS } from './endpoints.ts';

const ALL_KINDS = ASSET_KINDS.length;

function labels(kinds: readonly string[]): string {
  if (kinds.length === ALL_KINDS) return `any (\`${BASE_LABEL}\`)`;
  return kinds.map((k) => `\`${NODE_LABELS[k as keyof typeof NODE_LABELS]}\``).join(', ');
}

/** Markdown table: asset kind → label (every node also carries the base label). */
export function renderLabelTable(): string {
  const rows = ASSET_KINDS.map((kind) => `| \`${kind}\` | \`${NODE_LABELS[kind]}\` | \`${NODE_LABELS[kind].toLowerCase()}_id\`, \`${NODE_LABELS[kind].toLowerCase()}_lastupdated\` |`);
  return ['| asset kind | label | constraint, index |', '|---|---|---|', ...rows].join('\n');
}

/** Markdown table: relationship type, from labels, to labels, traversable by path queries. */
export function renderRelationshipTable(): string {
  const rows = RELATIONSHIP_TYPES.map((type) => {
    const { from, to } = RELATIONSHIP_ENDPOINTS[type];
    return `| \`${type}\` | ${labels(from)} | ${labels(to)} | ${TRAVERSABLE.has(type) ? 'yes' : 'no'} |`;
  });
  return ['| type | from | to | traversable |', '|---|---|---|---|', ...rows].join('\n');
}
