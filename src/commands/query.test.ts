import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { Command } from 'commander';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openEmbeddedStore } from '../../graph/embedded/sqlite-store.ts';
import { savedQuery } from '../../graph/queries/index.ts';
import { graphEstate } from '../../test/helpers/graph-estate.ts';
import { ConfigError } from '../config/index.ts';
import type { CommandIo } from './io.ts';
import { cellText, queryCommand, registerQueryCommand, renderQueryTable, wrapText, type QueryFlags } from './query.ts';

interface Captured { io: CommandIo; out: () => string }

function capture(cwd: string, tty?: { columns: number }): Captured {
  const stdout = Object.assign(new PassThrough(), tty === undefined ? {} : { isTTY: true, columns: tty.columns });
  const chunks: string[] = [];
  stdout.on('data', (c: Buffer) => chunks.push(c.toString()));
  return { io: { stdout, stderr: new PassThrough(), cwd, noColor: true }, out: () => chunks.join('') };
}

let dir: string;
const estate = graphEstate('scan-new');
const flags = (extra: Partial<QueryFlags> = {}): QueryFlags => ({ format: 'table', store: 'aimap.db', ...extra });

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'aimap-query-cmd-'));
  const store = openEmbeddedStore(join(dir, 'aimap.db'));
  store.write(graphEstate('scan-old', { withOwners: false }).inventory);
  store.write(estate.inventory);
  store.close();
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('aimap query', () => {
  it('lists the saved queries with their arguments when no name is given', () => {
    const c = capture(dir);
    expect(queryCommand(undefined, [], flags(), c.io)).toBe(0);
    expect(c.out()).toMatch(/^QUERY\s+ARGS\s+DESCRIPTION\n/);
    expect(c.out()).toMatch(/\nblast-radius\s+ASSET\s+everything reachable/);
    const j = capture(dir);
    queryCommand(undefined, [], flags({ format: 'json' }), j.io);
    expect((JSON.parse(j.out()) as { name: string }[]).map((q) => q.name)).toEqual(['unowned', 'shadow-ai', 'mcp-tools', 'exposure-paths', 'blast-radius', 'who-owns', 'models']);
  });

  it('prints { query, scan, columns, rows } as JSON, on the newest scan by default', () => {
    const c = capture(dir);
    expect(queryCommand('who-owns', ['gpt-4o-mini'], flags({ format: 'json' }), c.io)).toBe(0);
    const doc = JSON.parse(c.out()) as { query: string; scan: string; columns: string[]; rows: { owner: string }[] };
    expect(doc.query).toBe('who-owns');
    expect(doc.scan).toBe('scan-new');
    expect(doc.columns).toEqual(['owner', 'inherited', 'via', 'source', 'confidence', 'ownerId', 'viaId']);
    expect(doc.rows.map((r) => r.owner)).toEqual(['alice@acme.example', '@acme/support-team']);
  });

  it('queries an earlier scan with --scan', () => {
    const c = capture(dir);
    queryCommand('who-owns', ['gpt-4o-mini'], flags({ format: 'json', scan: 'scan-old' }), c.io);
    expect(JSON.parse(c.out())).toMatchObject({ scan: 'scan-old', rows: [] });
  });

  it('renders aligned display columns with a footer, ids left to JSON', () => {
    const c = capture(dir);
    queryCommand('mcp-tools', [], flags(), c.io);
    const lines = c.out().trimEnd().split('\n');
    expect(lines[0]).toMatch(/^SERVER\s+TRANSPORT\s+TOOL\s+CAPABILITY\s+DANGEROUS\s+DESCRIPTION$/);
    expect(lines[1]).toMatch(/^ops-tools\s+stdio\s+run_command\s+shell\s+yes\s+Run a shell command on the ops host$/);
    expect(lines[1]?.indexOf('run_command')).toBe(lines[0]?.indexOf('TOOL'));
    expect(lines.at(-2)).toMatch(/^github\s+stdio\s+-\s+-\s+-\s+-$/);
    expect(lines.at(-1)).toBe('6 rows · mcp-tools · scan scan-new');
    expect(c.out()).not.toContain('mcp-server:');
  });

  it('wraps a long last column on a terminal, before path arrows, and keeps it whole in a pipe', () => {
    const tty = capture(dir, { columns: 90 });
    queryCommand('exposure-paths', [], flags(), tty.io);
    const lines = tty.out().split('\n');
    expect(lines.every((l) => l.length <= 90)).toBe(true);
    const pathColumn = lines[0]?.indexOf('PATH') ?? -1;
    expect(lines.some((l) => l.slice(pathColumn).startsWith('-RUNS_AS-> ') && l.slice(0, pathColumn).trim() === '')).toBe(true);
    const pipe = capture(dir);
    queryCommand('exposure-paths', [], flags(), pipe.io);
    expect(pipe.out()).toContain('vllm (model-server) -SERVES-> meta-llama/Llama-3.1-8B-Instruct (model) -READS_FROM-> feature-store (data-source)');
  });

  it('explains an empty answer when the query has a reason to be empty', () => {
    const query = savedQuery('shadow-ai');
    if (query === undefined) throw new Error('shadow-ai is registered');
    const c = capture(dir);
    const text = renderQueryTable(query, { name: 'shadow-ai', columns: [...query.columns], rows: [] }, 's1', c.io);
    expect(text).toBe('No rows. (the shadow-ai policy flags only against the approved: lists of the config; with none, nothing is flagged)\n0 rows · shadow-ai · scan s1\n');
  });

  it('fails with a usage error for an unknown query, a bad argument, an unknown scan or a bad format', () => {
    const c = capture(dir);
    expect(() => queryCommand('nope', [], flags(), c.io)).toThrow(ConfigError);
    expect(() => queryCommand('nope', [], flags(), c.io)).toThrow(/unknown query "nope"; saved queries: unowned, shadow-ai, mcp-tools, exposure-paths, blast-radius, who-owns, models/);
    expect(() => queryCommand('blast-radius', ['openai'], flags(), c.io)).toThrow(/"openai" matches 2 assets/);
    expect(() => queryCommand('blast-radius', [], flags(), c.io)).toThrow(/usage: aimap query blast-radius ASSET/);
    expect(() => queryCommand('models', [], flags({ scan: 'nope' }), c.io)).toThrow(ConfigError);
    expect(() => queryCommand('models', [], flags({ format: 'csv' }), c.io)).toThrow(/unknown --format csv/);
    expect(c.out()).toBe('');
  });

  it('says there is no store instead of creating one', () => {
    const c = capture(dir);
    expect(() => queryCommand('models', [], flags({ store: 'missing/aimap.db' }), c.io)).toThrow(/No aimap store at .*missing\/aimap\.db\. Run a scan first/);
  });

  it('registers as a subcommand that parses NAME, ARGS and options', async () => {
    const c = capture(dir);
    let code = -1;
    const program = new Command('aimap').exitOverride();
    registerQueryCommand(program, c.io, (n) => (code = n));
    await program.parseAsync(['query', 'blast-radius', 'system:support-bot', '--format', 'json', '--store', 'aimap.db', '--scan', 'scan-new'], { from: 'user' });
    expect(code).toBe(0);
    expect(JSON.parse(c.out())).toMatchObject({ query: 'blast-radius', scan: 'scan-new' });
    await expect(program.parseAsync(['query', 'models', '--format', 'xml'], { from: 'user' })).rejects.toThrow(/Allowed choices are table, json/);
  });
});

describe('table helpers', () => {
  it('formats cells', () => {
    expect([cellText(null), cellText(true), cellText(false), cellText([]), cellText(['a', 'b']), cellText(3)]).toEqual(['-', 'yes', 'no', '-', 'a, b', '3']);
  });

  it('wraps before arrows, then at spaces, then mid-word', () => {
    expect(wrapText('a (x) -T-> b (y) -U-> c (z)', 16)).toEqual(['a (x) -T-> b (y)', '-U-> c (z)']);
    expect(wrapText('alpha beta gamma', 11)).toEqual(['alpha beta', 'gamma']);
    expect(wrapText('abcdefghij', 4)).toEqual(['abcd', 'efgh', 'ij']);
  });
});
