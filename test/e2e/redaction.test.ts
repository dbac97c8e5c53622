/**
 * A key written next to AI code never leaves the scan in full: not in the JSON, not in the store.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.ts';
import { tempTree } from '../helpers/temp-tree.ts';

// Built at run time so no key-shaped literal sits in the repository.
const KEY = ['sk', 'proj', 'Zq4'.repeat(16) + 'T3BlbkFJ' + 'x9W'.repeat(8)].join('-');

describe('secrets in evidence snippets', () => {
  it('keeps only a redacted prefix in JSON output and in the store', () => {
    const cwd = tempTree({
      'app/main.py': `from openai import OpenAI\nreply = OpenAI(api_key="${KEY}").chat.completions.create(model="gpt-4o", messages=[])\n`,
      'app/index.ts': `import OpenAI from 'openai';\nconst r = await new OpenAI({ apiKey: '${KEY}' }).chat.completions.create({ model: 'gpt-4o-mini', messages: [] });\n`,
    });
    const run = runCli(['scan', 'app', '--format', 'json'], cwd);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('gpt-4o-mini');
    expect(run.stdout).toContain('sk-proj-…[redacted]');
    expect(run.stdout).not.toContain(KEY.slice(8, 30));
    for (const file of readdirSync(join(cwd, '.aimap'))) {
      expect(readFileSync(join(cwd, '.aimap', file)).includes(KEY.slice(8, 30)), `.aimap/${file}`).toBe(false);
    }
  });
});
