import { describe, expect, it } from 'vitest';
import { ASSET_KINDS, DIAGNOSTIC_CODES, RELATIONSHIP_TYPES, SEVERITIES, TECHNIQUES } from '../../src/model/index.ts';
import { inventorySchema, inventorySchemaErrors } from '../helpers/inventory-schema.ts';

const defs = inventorySchema.$defs;

describe('schema/inventory.schema.json stays in step with src/model', () => {
  it('lists exactly the model kinds, relationship types, techniques, diagnostic codes and severities', () => {
    expect(defs['asset']?.properties['kind']?.enum).toEqual([...ASSET_KINDS]);
    expect(defs['relationship']?.properties['type']?.enum).toEqual([...RELATIONSHIP_TYPES]);
    expect(defs['evidence']?.properties['technique']?.enum).toEqual([...TECHNIQUES]);
    expect(defs['diagnostic']?.properties['code']?.enum).toEqual([...DIAGNOSTIC_CODES]);
    expect(defs['finding']?.properties['severity']?.enum).toEqual([...SEVERITIES]);
  });

  it('rejects an inventory with an asset lacking evidence', () => {
    const bad = {
      schemaVersion: '1.0.0',
      tool: { name: 'aimap', version: '0.1.0' },
      scan: { id: 's', startedAt: '2026-01-01T00:00:00.000Z', finishedAt: '2026-01-01T00:00:01.000Z', targets: [], stats: { filesSeen: 0, filesRead: 0, bytesRead: 0, filesSkipped: 0 }, counts: {} },
      assets: [{ id: 'sdk:0123456789abcdef', kind: 'sdk', name: 'openai', attributes: {}, evidence: [], tags: {} }],
      relationships: [],
      findings: [],
      diagnostics: [],
    };
    expect(inventorySchemaErrors(bad).join('\n')).toMatch(/evidence/);
  });
});
