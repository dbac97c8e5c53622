import picomatch from 'picomatch';
import { describe, expect, it } from 'vitest';
import { cpuTimed } from '../../../test/helpers/cpu-time.ts';
import { detectJavaScript, javascriptDetector } from './index.ts';
import { mightImportAi } from './precheck.ts';

const run = (content: string, path = 'src/app.ts') => detectJavaScript({ scope: 'repo', path, content });
const kinds = (content: string, path?: string) => (run(content, path)?.assets ?? []).map((a) => `${a.kind}:${a.name}`).sort();

describe('javascriptDetector', () => {
  it('reads the JS/TS family but not declaration files or minified bundles', () => {
    const isMatch = picomatch([...javascriptDetector.patterns], { dot: true });
    const read = ['a.ts', 'src/a.tsx', 'b.js', 'c.jsx', 'd.mjs', 'e.cjs', 'f.mts', 'g.cts', '.config/x.ts', 'my.data.ts', 'x.test.ts'];
    const skipped = ['types.d.ts', 'src/env.d.mts', 'lib/index.d.cts', 'dist/app.min.js', 'x.min.mjs', 'README.md', 'a.json', 'a.py'];
    expect(read.filter((p) => !isMatch(p))).toEqual([]);
    expect(skipped.filter((p) => isMatch(p))).toEqual([]);
    expect(javascriptDetector.id).toBe('javascript');
  });

  it('returns null for excluded paths even when called directly', () => {
    expect(run("import OpenAI from 'openai';", 'types/openai.d.ts')).toBeNull();
    expect(run("import OpenAI from 'openai';", 'dist/bundle.min.js')).toBeNull();
  });
});

describe('pre-check', () => {
  it('passes only text that imports a catalog package', () => {
    expect(mightImportAi("import OpenAI from 'openai'")).toBe(true);
    expect(mightImportAi('const { x } = require("@ai-sdk/openai/internal")')).toBe(true);
    expect(mightImportAi("await import(`@langchain/core/messages`)")).toBe(true);
    expect(mightImportAi("import '@modelcontextprotocol/sdk/server/mcp.js'")).toBe(true);
    expect(mightImportAi("import x from 'openai-fake'")).toBe(false);
    expect(mightImportAi("import x from '@my-org/openai-utils'")).toBe(false);
    expect(mightImportAi("// Uses the OpenAI API with gpt-4o\nconst model = 'gpt-4o';")).toBe(false);
    expect(mightImportAi("import { Server } from 'http'; const s = new Server();")).toBe(false);
  });

  it('rejects a large file with no AI import quickly', () => {
    const big = Array.from({ length: 20_000 }, (_, i) => `export const value${i} = compute('${i}', { model: 'User' });`).join('\n');
    const { value, ms } = cpuTimed(() => run(big));
    expect(value).toBeNull();
    expect(ms).toBeLessThan(200);
  });
});

describe('traps: what is never reported', () => {
  it('ignores prose about AI in a file without AI imports', () => {
    const content = [
      '/** Calls OpenAI (gpt-4o) through our gateway; see docs. */',
      "export const HELP = 'Set OPENAI_API_KEY and pick gpt-4-turbo or claude-3-opus in settings';",
      "export const EXAMPLE = \"const client = new OpenAI(); client.chat.completions.create({ model: 'gpt-4o' })\";",
      "export const DEFAULT_MODEL = 'gpt-4';",
    ].join('\n');
    expect(run(content)).toBeNull();
  });

  it('never turns API keys into models and redacts them in snippets', () => {
    const content = [
      "import OpenAI from 'openai';",
      "const client = new OpenAI({ apiKey: 'sk-proj-abcdefghijklmnopqrstuvwxyz0123456789' });",
      "const other = new OpenAI({ apiKey: 'your-api-key-here', organization: 'org-123' });",
      "await client.chat.completions.create({ model: 'gpt-4o', messages: [] });",
    ].join('\n');
    const result = run(content);
    expect(kinds(content)).toEqual(['model:gpt-4o', 'sdk:openai']);
    expect(JSON.stringify(result)).not.toContain('abcdefghijklmnopqrstuvwxyz');
  });
});

describe('bad input', () => {
  it('reports a syntax error as a parse-failed diagnostic with its line and still lists the imports', () => {
    const result = run("import OpenAI from 'openai';\nimport { z } from 'zod';\nconst broken = ;\nexport {");
    expect(result?.diagnostics).toEqual([{
      connector: 'javascript',
      level: 'warn',
      code: 'parse-failed',
      message: expect.stringContaining('Unexpected token') as string,
      location: { path: 'src/app.ts', line: 3 },
    }]);
    expect(result?.assets.map((a) => a.name)).toEqual(['openai']);
  });

  it('recovers from recoverable errors without a diagnostic', () => {
    const result = run("import OpenAI from 'openai';\nlet a = 1;\nlet a = 2;\nawait new OpenAI().chat.completions.create({ model: 'gpt-4o' });");
    expect(result?.diagnostics).toEqual([]);
    expect(result?.assets.map((a) => `${a.kind}:${a.name}`)).toEqual(['sdk:openai', 'model:gpt-4o']);
  });

  it('parses Flow-typed JavaScript through the fallback', () => {
    expect(kinds("// @flow\nimport type { ChatModel } from 'openai';\nimport OpenAI from 'openai';\nfunction f(x: number): string { return new OpenAI(); }", 'src/flow.js')).toEqual(['sdk:openai']);
  });

  it('does not throw on binary or garbage text', () => {
    const bytes = Array.from({ length: 4096 }, (_, i) => String.fromCharCode((i * 7919) % 256)).join('');
    expect(() => run(bytes)).not.toThrow();
    expect(run(bytes)).toBeNull();
    const garbage = `\u0000\u0001\uFFFD import x from 'openai' \u0000 ((({{{ ${bytes}`;
    const result = run(garbage);
    expect(result?.diagnostics.map((d) => d.code)).toEqual(['parse-failed']);
  });

  it('is deterministic', () => {
    const content = "import { openai } from '@ai-sdk/openai';\nexport const a = openai('gpt-4o');\nexport const MODELS = ['claude-3-haiku-20240307'];";
    expect(run(content)).toEqual(run(content));
  });
});

describe('pre-check', () => {
  it('skips files whose only AI imports are commented out, and keeps real ones after a comment', () => {
    expect(mightImportAi("// import OpenAI from 'openai';\nconst x = 1;\n")).toBe(false);
    expect(mightImportAi("/**\n * import OpenAI from 'openai'\n */\n")).toBe(false);
    expect(mightImportAi("// import OpenAI from 'openai';\nimport Anthropic from '@anthropic-ai/sdk';\n")).toBe(true);
    expect(mightImportAi("const a = 1; import('openai')")).toBe(true);
  });
});
