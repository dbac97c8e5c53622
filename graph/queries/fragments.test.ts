import { DatabaseSync } from 'node:sqlite';
import { describe, expect, it } from 'vitest';
import { toolCapability, toolDangerous } from '../../src/model/tool-capability.ts';
import { CAPABILITY_RULES } from './classify.ts';
import { cypherAnyKeyword, sqlAnyKeyword, sqlToolCapability, sqlToolDangerous, sqlToolLead, sqlToolText } from './fragments.ts';

const db = new DatabaseSync(':memory:');

/** Capability and danger of one tool, computed by the SQL the queries embed. */
function classify(name: string, attributes: Record<string, unknown> = {}): [string, boolean] {
  const sql = `SELECT ${sqlToolCapability('t', { lead: sqlToolLead('t'), full: sqlToolText('t') })} AS capability FROM (SELECT ? AS name, ? AS data) t`;
  const capability = (db.prepare(sql).get(name, JSON.stringify({ attributes })) as { capability: string }).capability;
  const danger = db.prepare(`SELECT ${sqlToolDangerous('t', '?')} AS d FROM (SELECT ? AS data) t`).get(capability, JSON.stringify({ attributes })) as { d: number };
  return [capability, danger.d === 1];
}

describe('tool capability', () => {
  it.each([
    ['run_command', 'Run a shell command on the host', 'shell', true],
    ['execute_python', 'Execute Python code in a sandbox', 'exec', true],
    ['write_file', 'Write text to a file under the root', 'filesystem-write', true],
    ['send_email', 'Send an email to a customer', 'network-write', true],
    ['close_ticket', 'Close a ticket with a resolution note', 'write', false],
    ['credit_score', 'Look up a credit score', 'read', false],
    ['get_dataset', 'Describe a dataset', 'read', false],
    ['read_file', 'Read a UTF-8 text file under the data root.', 'read', false],
    // Verbs count in the name and the description's first word only; runner words anywhere.
    ['git_log', 'Shows the commit logs', 'read', false],
    ['trigger-sampling', 'Triggers a request the client executes', 'read', false],
    ['think', 'A thinking step that may revise or update an earlier thought about a file path', 'read', false],
    ['notes', 'Creates a note in the notes folder', 'filesystem-write', true],
    ['lookup', 'Finds a host, then pings it through bash', 'shell', true],
    ['analyze', 'Analyses data with a Python interpreter', 'exec', true],
  ])('%s (%s) is %s, dangerous %s', (name, description, capability, dangerous) => {
    expect(classify(name, { description })).toEqual([capability, dangerous]);
  });

  it('lets explicit attributes win over keywords, in the documented order', () => {
    expect(classify('shell_exec', { capability: 'db' })).toEqual(['db', false]);
    expect(classify('delete_preview', { readOnlyHint: true })).toEqual(['read', false]);
    expect(classify('reset_state', { destructiveHint: true })).toEqual(['write', false]);
    expect(classify('order-lookup', { executor: 'aws_lambda_function.orders.arn' })).toEqual(['invoke', false]);
    expect(classify('run_command', { dangerous: false })).toEqual(['shell', false]);
    expect(classify('lookup', { dangerous: true })).toEqual(['read', true]);
  });

  it('is the decision src/model/tool-capability.ts makes, on every edge the SQL has', () => {
    const tools: [string, Record<string, unknown>][] = [
      ['run_command', {}], ['runCommand', {}], ['lookup', { description: 'Resolve a name with a shell command' }],
      ['\u212Aill_job', {}], ['KILL_JOB', {}], ['run\u{1F600}code', {}], ['run\u00E9code', {}], ['notes', { description: 'multi\nline edit' }], ['notes', { description: '\n\t edit this' }],
      ['notes', { description: '  ' }], ['notes', { description: 'Edit\tall' }], ['git_log', { description: 'Shows the commit logs' }],
      ['delete_preview', { readOnlyHint: true }], ['reset_state', { destructiveHint: true }], ['order-lookup', { executor: 'fn' }],
      ['shell_exec', { capability: 'db' }], ['run_command', { dangerous: false }], ['lookup', { dangerous: true }], ['count', { description: 42 }],
    ];
    for (const [name, attributes] of tools) {
      expect([name, ...classify(name, attributes)]).toEqual([name, toolCapability({ name, attributes }), toolDangerous({ name, attributes })]);
    }
  });
});

describe('keyword matching', () => {
  const texts = [' run_code now ', ' run-code ', ' runcode ', ' credit card ', ' edit file ', ' set x ', ' dataset ', '\nmulti\nline edit\n', ' élan edit '];
  const keywords = ['run code', ' edit', ' set ', 'shell'];

  it('means the same in SQL GLOB and Cypher regular expressions (full match, as =~)', () => {
    for (const text of texts) {
      for (const keyword of keywords) {
        const viaSql = (db.prepare(`SELECT ${sqlAnyKeyword('?', [keyword])} AS m`).get(text) as { m: number }).m === 1;
        const pattern = /'(\(\?s\)[^']*)'/.exec(cypherAnyKeyword('text', [keyword]))?.[1] ?? '';
        const viaCypher = new RegExp(`^${pattern.replace('(?s)', '')}$`, 's').test(text);
        expect([text, keyword, viaSql]).toEqual([text, keyword, viaCypher]);
      }
    }
    expect((db.prepare(`SELECT ${sqlAnyKeyword('?', [' edit'])} AS m`).get(' credit ') as { m: number }).m).toBe(0);
  });

  it('accepts only lower-case letters and spaces in keywords', () => {
    expect(() => sqlAnyKeyword('t', ["it's"])).toThrow(/only lower-case letters and spaces/);
    for (const rule of CAPABILITY_RULES) {
      for (const group of rule.allOf) expect(() => sqlAnyKeyword('t', [...(group.lead ?? []), ...(group.full ?? [])])).not.toThrow();
    }
  });
});
