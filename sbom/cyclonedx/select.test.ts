import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Inventory } from '../../src/model/index.ts';
import { bomFileNames, sanitizeFileStem } from './file-names.ts';
import { BomSelectionError, indexInventory, listSystems, resolveSubject, systemMembers } from './select.ts';

const ACME = JSON.parse(readFileSync(join(import.meta.dirname, '../../test/fixtures/bom-estate/inventory.json'), 'utf8')) as Inventory;
const byName = (inv: Inventory, name: string) => inv.assets.find((a) => a.kind === 'system' && a.name === name);

describe('listSystems', () => {
  it('lists systems by name with their root and member count', () => {
    expect(listSystems(ACME).map((s) => [s.name, s.root, s.members])).toEqual([
      ['Support Bot', 'tools/agents', 1],
      ['fraud-scoring', 'infra/fraud', 6],
      ['support-bot', '.', 13],
    ]);
  });
});

describe('systemMembers', () => {
  it('follows part-of edges (tools of an MCP server, indexed data), the exposing endpoint, and never permissions or owners', () => {
    const index = indexInventory(ACME);
    const names = (sys: string) => [...systemMembers(index, byName(ACME, sys) as never)].map((id) => index.byId.get(id)?.name).sort();
    expect(names('support-bot')).toEqual([
      '@ai-sdk/openai', '@modelcontextprotocol/sdk', 'Zendesk AI agents', 'api.openai.com', 'close_ticket', 'confluence:SUP', 'get_ticket',
      'gpt-4o', 'openai', 'openai', 'pinecone', 'text-embedding-3-small', 'tickets',
    ]);
    expect(names('fraud-scoring')).toContain('fraud-scoring'); // the endpoint that EXPOSES it
    expect(names('fraud-scoring')).toContain('acme-models'); // READS_FROM of its model
  });
});

describe('resolveSubject', () => {
  const index = indexInventory(ACME);

  it('picks a system by name, id or native id, and the estate by the word estate', () => {
    const fraud = byName(ACME, 'fraud-scoring');
    expect(resolveSubject(index, 'fraud-scoring')).toEqual({ kind: 'system', system: fraud });
    expect(resolveSubject(index, fraud?.id)).toEqual({ kind: 'system', system: fraud });
    expect(resolveSubject(index, 'infra/fraud#iac')).toEqual({ kind: 'system', system: fraud });
    expect(resolveSubject(index, 'estate')).toEqual({ kind: 'estate' });
  });

  it('lists the system names when nothing matches', () => {
    expect(() => resolveSubject(index, 'nope')).toThrow(BomSelectionError);
    expect(() => resolveSubject(index, 'nope')).toThrow('systems in this scan: Support Bot, fraud-scoring, support-bot');
  });

  it('asks for an id when a name is ambiguous', () => {
    const twin = { ...(byName(ACME, 'fraud-scoring') as never as object), id: 'system:twin', nativeId: 'other' } as never;
    const twice = indexInventory({ ...ACME, assets: [...ACME.assets, twin] });
    expect(() => resolveSubject(twice, 'fraud-scoring')).toThrow(/several systems are named "fraud-scoring"; pick one by id: .*system:twin \(other\)/);
  });

  it('says so when the scan has no systems', () => {
    const none = indexInventory({ ...ACME, assets: ACME.assets.filter((a) => a.kind !== 'system') });
    expect(() => resolveSubject(none, 'x')).toThrow('this scan has no systems; use --estate');
    expect(resolveSubject(none)).toEqual({ kind: 'estate' });
  });

  it('defaults to the estate with several systems, and to the only system only when it covers every asset', () => {
    expect(resolveSubject(index)).toEqual({ kind: 'estate' });
    const fraud = byName(ACME, 'fraud-scoring');
    const onlyFraud = ACME.assets.filter((a) => a.kind !== 'system' || a === fraud);
    expect(resolveSubject(indexInventory({ ...ACME, assets: onlyFraud }))).toEqual({ kind: 'estate' }); // support-bot's assets lie outside it
    const members = systemMembers(index, fraud as never);
    const covered = onlyFraud.filter((a) => a === fraud || members.has(a.id) || ['owner', 'repository', 'identity'].includes(a.kind));
    expect(resolveSubject(indexInventory({ ...ACME, assets: covered }))).toEqual({ kind: 'system', system: fraud });
  });
});

describe('bom file names', () => {
  it('sanitizes names for every filesystem', () => {
    expect(sanitizeFileStem('Support Bot')).toBe('Support-Bot');
    expect(sanitizeFileStem('../../etc/passwd')).toBe('etc-passwd');
    expect(sanitizeFileStem('..')).toBe('system');
    expect(sanitizeFileStem('café/ünïcode')).toBe('cafe-unicode');
  });

  it('makes names unique case-insensitively, in a stable order', () => {
    const names = bomFileNames(listSystems(ACME), 'json');
    expect([...names.values()]).toEqual(['Support-Bot.cdx.json', 'fraud-scoring.cdx.json', 'support-bot-2.cdx.json']);
    const xml = bomFileNames([{ id: 'a', name: 'x', members: 0 }, { id: 'b', name: 'x', members: 0 }, { id: 'c', name: 'x-2', members: 0 }], 'xml');
    expect([...xml.values()]).toEqual(['x.cdx.xml', 'x-2.cdx.xml', 'x-2-2.cdx.xml']);
  });
});
