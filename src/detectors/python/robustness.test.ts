import { describe, expect, it } from 'vitest';
import { mulberry32 as prng } from '../../../test/helpers/prng.ts';
import { cpuTimed } from '../../../test/helpers/cpu-time.ts';
import { detectPython } from './index.ts';
import { tokenize } from './tokenizer.ts';

const detect = (content: string) => detectPython({ scope: 't', path: 'x.py', content });


const PIECES = ['import openai', 'from mcp.server.fastmcp import FastMCP', '(', ')', '[', ']', '{', '}', '"', "'", '"""', "'''", 'f"{', '\\', '\n', '    ', '@', 'def', ':', '=', ',', 'model=', 'x', '.', '#', 'FastMCP(', 'Tool(', '**', '*', 'lambda', 'r"', '\r', '\u0000', '\uFFFD', ';', 'async', 'mcp.tool', 'from', 'import', 'as'];

describe('python detector: never throws', () => {
  it('survives garbage and binary-ish text', () => {
    const binary = String.fromCharCode(...Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256));
    expect(() => detect(`import openai\n${binary}`)).not.toThrow();
    expect(() => detect('import openai\n)))]]]}}}((( = = = @@@ def def :::\n')).not.toThrow();
  });

  it('reports an unterminated string as parse-failed and keeps what it read', () => {
    const r = detect('import openai\nx = "oops\nclient = openai.OpenAI()\nclient.chat.completions.create(model="gpt-4o")\n"""never closed\n');
    expect(r?.assets.map((a) => a.name)).toEqual(['openai', 'gpt-4o']);
    expect(r?.diagnostics.map((d) => [d.code, d.location?.line, d.message])).toEqual([
      ['parse-failed', 2, 'python: unterminated string literal'],
      ['parse-failed', 5, 'python: unterminated triple-quoted string'],
    ]);
  });

  it('survives 10k nested brackets with a parse-failed diagnostic', () => {
    const deep = `import openai\nx = ${'('.repeat(10_000)}1${')'.repeat(10_000)}\ny = ${'['.repeat(10_000)}\nopenai.OpenAI().chat.completions.create(model="gpt-4o")\n`;
    const r = detect(deep);
    expect(r?.diagnostics.some((d) => d.code === 'parse-failed')).toBe(true);
    expect(r?.assets.map((a) => a.name)).toContain('openai');
  });

  it('survives very long attribute chains, call chains and huge statements', () => {
    const chain = `import openai\nx = a${'.b'.repeat(20_000)}${'()'.repeat(20_000)}\ny = f(${'1,'.repeat(200_000)})\nz = ${') '.repeat(200_000)}\n`;
    expect(() => detect(chain)).not.toThrow();
  });

  it('never throws on 500 random token soups', () => {
    const rand = prng(42);
    for (let i = 0; i < 500; i++) {
      const n = 5 + Math.floor(rand() * 80);
      const src = Array.from({ length: n }, () => PIECES[Math.floor(rand() * PIECES.length)]).join(rand() < 0.5 ? ' ' : '');
      expect(() => detect(`import openai\n${src}`), src).not.toThrow();
      expect(() => tokenize(src)).not.toThrow();
    }
  });

  it('dismisses a large file without AI imports cheaply (pre-check before tokenizing)', () => {
    const big = 'import os\n' + 'def f(x):\n    return x * 2  # model="gpt-4o"\n'.repeat(50_000);
    const { value, ms } = cpuTimed(() => detect(big));
    expect(value).toBeNull();
    expect(ms).toBeLessThan(1_000);
  });

  it('looks self.x up in a bounded number of base classes, however many and however cyclic the bases', () => {
    const n = 1_000;
    const classes = Array.from({ length: n }, (_, i) => {
      const bases = Array.from({ length: 100 }, (_, j) => `C${(i + j + 1) % n}`).join(', ');
      return `class C${i}(${bases}):\n    def run(self):\n        return client.responses.create(model=self.m${i % 7}, input=self.a.b)\n`;
    });
    const src = `from openai import OpenAI\nclient = OpenAI()\nclass Root:\n    m0 = "corp-root-v1"\n${classes.join('')}`;
    const { value: r, ms } = cpuTimed(() => detect(src));
    expect(ms).toBeLessThan(5_000);
    // No C<i> sets m0 nor has Root as a base: the file-wide reading gives Root's to the C<i> reading m0
    // (C0 first, at line 7; an asset keeps 20 evidence lines).
    expect(r?.assets.filter((a) => a.kind === 'model').map((a) => [a.name, a.evidence[0]?.line, a.evidence.length])).toEqual([['corp-root-v1', 7, 20]]);
  });

  it('reads a large AI file in reasonable time', () => {
    const big = 'from openai import OpenAI\nclient = OpenAI()\n' + 'client.chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": "hi"}])\n'.repeat(5_000);
    const { value: r, ms } = cpuTimed(() => detect(big));
    expect(r?.assets.map((a) => a.name)).toEqual(['openai', 'gpt-4o']);
    expect(ms).toBeLessThan(5_000);
  });
});
