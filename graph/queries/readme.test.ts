import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SAVED_QUERIES } from './index.ts';

const readme = readFileSync(new URL('./README.md', import.meta.url), 'utf8');

describe('graph/queries/README.md', () => {
  it.each(SAVED_QUERIES.map((q) => [q.name, q] as const))('documents %s with its exact SQL and Cypher', (name, query) => {
    expect(readme).toContain(`## \`${name}\``);
    expect(readme, `SQL of ${name} in README.md is stale; paste:\n${query.sql}`).toContain(`\`\`\`sql\n${query.sql}\n\`\`\``);
    expect(readme, `Cypher of ${name} in README.md is stale; paste:\n${query.cypher}`).toContain(`\`\`\`cypher\n${query.cypher}\n\`\`\``);
  });
});
