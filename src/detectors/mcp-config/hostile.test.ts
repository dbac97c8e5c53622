import { describe, expect, it } from 'vitest';
import { cpuTimed } from '../../../test/helpers/cpu-time.ts';
import type { DetectionResult } from '../../model/index.ts';
import { mcpConfigDetector } from './index.ts';

const N = 100_000;
// Planted secrets are assembled at test time: no key-shaped string is committed.
const KEY = ['sk', 'ant', 'api03', 'Zx9Yw8Vu7Ts6Rq5Po4Nm3Lk2Ji1'].join('-');
const PLAIN = ['plain', 'secret', 'value', '4242'].join('-');

function run(path: string, content: string): { result: DetectionResult | null; ms: number } {
  const { value: result, ms } = cpuTimed(() => mcpConfigDetector.detect({ scope: 'repo', path, content }));
  return { result, ms };
}

const codes = (r: DetectionResult | null): string[] => (r?.diagnostics ?? []).map((d) => `${d.code}:${d.location?.line ?? '-'}`);

describe('mcp-config hostile input', () => {
  it('hostile: 100k-level nested JSON fails fast with one diagnostic, no stack overflow', () => {
    const { result, ms } = run('.mcp.json', `{"mcpServers": ${'['.repeat(N)}${']'.repeat(N)}}`);
    expect(result?.assets).toEqual([]);
    expect(result?.diagnostics.map((d) => d.message)).toEqual(['invalid JSON: nested deeper than 128 levels']);
    expect(ms).toBeLessThan(500);
  });

  it('hostile: 100k-level nested YAML and TOML fail fast with one diagnostic', () => {
    const yaml = run('.continue/config.yaml', `mcpServers: ${'['.repeat(N)}${']'.repeat(N)}\n`);
    expect(codes(yaml.result)).toEqual(['parse-failed:-']);
    expect(yaml.ms).toBeLessThan(500);
    const toml = run('.codex/config.toml', `[mcp_servers.a]\nargs = ${'['.repeat(N)}${']'.repeat(N)}\n`);
    expect(codes(toml.result)).toEqual(['parse-failed:2']);
    expect(toml.ms).toBeLessThan(500);
  });

  it('hostile: huge config (20,000 servers, ~2 MB) is read in bounded time', () => {
    const entries = Array.from({ length: 20_000 }, (_, i) => `"s${i}": {"command": "npx", "args": ["-y", "pkg-${i}"], "env": {"T": "${PLAIN}"}}`);
    const { result, ms } = run('.cursor/mcp.json', `{"mcpServers": {\n${entries.join(',\n')}\n}}`);
    expect(result?.assets).toHaveLength(20_000);
    expect(result?.assets[19_999]?.evidence[0]?.line).toBe(20_001);
    expect(ms).toBeLessThan(3000);
  });

  it('hostile: billion-laughs YAML costs nothing (aliases are never expanded) and is reported', () => {
    const levels = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (let i = 1; i < 10; i++) {
      const prev = String.fromCharCode(96 + i);
      levels.push(`${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(9).fill(`*${prev}`).join(',')}]`);
    }
    const { result, ms } = run('~/.config/goose/config.yaml', `${levels.join('\n')}\nextensions: *j\n`);
    expect(result?.assets).toEqual([]);
    expect(result?.diagnostics.map((d) => d.message)).toEqual(['extensions is not a map of servers; skipped']);
    expect(ms).toBeLessThan(500);
    const inside = run('~/.config/goose/config.yaml', `base: &b {type: stdio, cmd: npx}\nextensions:\n  x: *b\n`);
    expect(inside.result?.assets).toEqual([]);
    expect(inside.result?.diagnostics.map((d) => d.message)).toEqual(['1 entry under extensions not a server object; skipped']);
  });

  it('hostile: invalid JSONC is one parse-failed diagnostic with its line, quoting nothing', () => {
    const { result } = run('.vscode/mcp.json', `{\n  "servers": {\n    "a": {"command": "npx", "env": {"K": "${KEY}"}}\n    "b": {"env": {"P": "${PLAIN}"}}\n  }\n}`);
    expect(result?.assets).toEqual([]);
    expect(result?.diagnostics).toEqual([
      { connector: 'mcp-config', level: 'warn', code: 'parse-failed', message: 'invalid JSON: expected , or }', location: { path: '.vscode/mcp.json', line: 4 } },
    ]);
  });

  it('hostile: a TOML with garbage is one parse-failed diagnostic with its line', () => {
    const { result } = run('.codex/config.toml', `[mcp_servers.a]\ncommand = "npx"\n\u0000\u0001 garbage = = "${PLAIN}"\n`);
    expect(codes(result)).toEqual(['parse-failed:3']);
    expect(JSON.stringify(result)).not.toContain(PLAIN);
  });

  it('hostile: mcpServers whose values are not objects, or that is not a map, is reported and skipped', () => {
    const values = run('.mcp.json', '{"mcpServers": {"a": "npx -y x", "b": 42, "c": ["npx"], "d": {"command": "ok"}}}');
    expect(values.result?.assets.map((a) => a.name)).toEqual(['d']);
    expect(values.result?.diagnostics.map((d) => d.message)).toEqual(['3 entries under mcpServers not a server object; skipped']);
    for (const container of ['[]', '"servers"', '7', 'true']) {
      const r = run('.cursor/mcp.json', `{"mcpServers": ${container}}`);
      expect(r.result?.diagnostics.map((d) => d.message)).toEqual(['mcpServers is not a map of servers; skipped']);
    }
    const list = run('.continue/config.yaml', 'mcpServers:\n  - just a string\n  - name: ok\n    command: npx\n');
    expect(list.result?.assets.map((a) => a.name)).toEqual(['ok']);
    expect(codes(list.result)).toEqual(['parse-failed:2']);
  });

  it('hostile: binary bytes, NULs and a BOM do not throw', () => {
    expect(codes(run('.mcp.json', '\u0000\u0000mcpServers\u0000\uFFFD').result)).toEqual(['parse-failed:1']);
    expect(run('.mcp.json', '\uFEFF{"mcpServers": {"a": {"command": "x"}}}').result?.assets).toHaveLength(1);
    expect(codes(run('.continue/config.yaml', 'mcpServers: [\u0000').result)).toEqual(['parse-failed:1']);
  });

  it('trap: YAML tags stay plain strings, never code; __proto__ keys pollute nothing', () => {
    const tagged = run('.continue/config.yaml', 'mcpServers:\n  - name: t\n    command: !!js/function "function(){}"\n');
    expect(tagged.result?.assets.map((a) => a.attributes['command'])).toEqual(['function(){}']);
    const proto = run('.mcp.json', '{"mcpServers": {"__proto__": {"command": "x"}, "constructor": {"command": "y"}}}');
    expect(proto.result?.assets.map((a) => a.name)).toEqual(['__proto__', 'constructor']);
    expect(({} as Record<string, unknown>)['command']).toBeUndefined();
  });

  it('secrets: planted env, header, arg and URL secrets never reach any output', () => {
    const content = JSON.stringify({
      mcpServers: {
        a: { command: 'npx', args: ['-y', 'x', '--api-key', PLAIN, `--token=${PLAIN}`, KEY, `API_TOKEN=${PLAIN}`], env: { KEY_A: KEY, KEY_B: PLAIN } },
        b: { url: `https://user:${PLAIN}@h.dev/mcp?key=${KEY}`, headers: { Authorization: `Bearer ${PLAIN}`, 'X-Key': KEY } },
        c: { command: 'docker', args: ['run', '-e', `T=${PLAIN}`, '-e', `MODE=${KEY}`, '--env=PLAIN_NAME=' + PLAIN, '--header', `Cookie: ${PLAIN}`, 'img'] },
      },
    });
    const { result } = run('.mcp.json', content); // one line: the snippet must not be the line
    const out = JSON.stringify(result);
    expect(out).not.toContain(PLAIN);
    expect(out).not.toContain(KEY.slice(10));
    expect(result?.assets.map((a) => a.evidence[0]?.snippet)).toEqual(['"a": {', '"b": {', '"c": {']);
  });
});
