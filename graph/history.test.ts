import { describe, expect, it } from 'vitest';
import type { Asset, AssetKind } from '../src/model/asset.ts';
import type { Diagnostic } from '../src/model/diagnostic.ts';
import { assetId, relationshipId } from '../src/model/ids.ts';
import type { Inventory, ScanTarget } from '../src/model/inventory.ts';
import type { Relationship, RelationshipType } from '../src/model/relationship.ts';
import { carryForward, erroredScopes, targetsOf } from './history.ts';

const A = 'github.com/acme/a';
const B = 'github.com/acme/b';

function asset(scope: string, kind: AssetKind, key: string, name = key): Asset {
  return { id: assetId(kind, scope, key), kind, name, attributes: {}, evidence: [{ path: 'src/app.py', line: 3, technique: 'import', confidence: 'declared', detector: 'python' }], tags: {} };
}

function repo(scope: string): Asset {
  return { ...asset(scope, 'repository', scope), name: scope };
}

function edge(from: Asset, type: RelationshipType, to: Asset): Relationship {
  return { id: relationshipId(from.id, type, to.id), type, from: from.id, to: to.id, properties: {}, evidence: [] };
}

const byId = <T extends { id: string }>(list: T[]): T[] => [...list].sort((x, y) => (x.id < y.id ? -1 : 1));

/** A scope's repository, the given assets and RESOURCE edges to each. */
function scoped(scope: string, assets: Asset[]): { assets: Asset[]; relationships: Relationship[] } {
  const root = repo(scope);
  return { assets: [root, ...assets], relationships: assets.map((a) => edge(root, 'RESOURCE', a)) };
}

function inventory(id: string, parts: { assets: Asset[]; relationships: Relationship[] }[], diagnostics: Diagnostic[] = [], targets?: ScanTarget[]): Inventory {
  return {
    schemaVersion: '1.0.0',
    tool: { name: 'aimap', version: '0.1.0' },
    scan: {
      id,
      startedAt: '2026-01-01T00:00:00.000Z',
      finishedAt: '2026-01-01T00:00:01.000Z',
      targets: targets ?? [
        { connector: 'local', target: 'a', scope: A },
        { connector: 'local', target: 'b', scope: B },
      ],
      stats: { filesSeen: 0, filesRead: 0, bytesRead: 0, filesSkipped: 0 },
      counts: {},
    },
    assets: byId(parts.flatMap((p) => p.assets)),
    relationships: byId(parts.flatMap((p) => p.relationships)),
    findings: [],
    diagnostics,
  };
}

const unreadable = (path: string, connector = 'local'): Diagnostic => ({ connector, level: 'error', code: 'unreadable', message: 'cannot read file (EACCES); not scanned', location: { path } });

const sdkA = asset(A, 'sdk', 'pypi:openai', 'openai');
const modelA = asset(A, 'model', 'gpt-4o');
const systemA = asset(A, 'system', 'project:.', 'app');
const sdkB = asset(B, 'sdk', 'npm:ai', 'ai');
const modelB = asset(B, 'model', 'claude');

function previousScan(): Inventory {
  const a = scoped(A, [systemA, sdkA, modelA]);
  const b = scoped(B, [sdkB, modelB]);
  return inventory('scan-1', [a, { assets: [], relationships: [edge(systemA, 'USES_SDK', sdkA), edge(systemA, 'USES_MODEL', modelA)] }, b]);
}

describe('carryForward', () => {
  it('returns the current inventory untouched without a previous scan or without errors', () => {
    const current = inventory('scan-2', [scoped(A, [systemA])]);
    expect(carryForward(undefined, current)).toBe(current);
    expect(carryForward(previousScan(), current)).toBe(current);
  });

  it('keeps, marked stale, what an errored scope lost, and drops what a clean scope lost', () => {
    // Scope A lost its model (a file could not be read); scope B lost its model cleanly.
    const a = scoped(A, [systemA, sdkA]);
    const b = scoped(B, [sdkB]);
    const current = inventory('scan-2', [a, { assets: [], relationships: [edge(systemA, 'USES_SDK', sdkA)] }, b], [unreadable('a/src/model.py')]);
    const result = carryForward(previousScan(), current);

    const ids = result.assets.map((x) => x.id);
    expect(ids).toContain(modelA.id);
    expect(ids).not.toContain(modelB.id);
    expect(ids).toEqual([...ids].sort());
    const kept = result.assets.find((x) => x.id === modelA.id);
    expect(kept?.attributes).toEqual({ stale: true, lastSeenScan: 'scan-1' });
    expect(kept?.evidence).toEqual(modelA.evidence);
    // Assets the scan did see are not marked.
    expect(result.assets.find((x) => x.id === sdkA.id)?.attributes).toEqual({});

    const edgeIds = result.relationships.map((r) => r.id);
    expect(edgeIds).toContain(relationshipId(systemA.id, 'USES_MODEL', modelA.id));
    expect(edgeIds).toContain(relationshipId(repo(A).id, 'RESOURCE', modelA.id));
    expect(edgeIds).not.toContain(relationshipId(repo(B).id, 'RESOURCE', modelB.id));
    expect(edgeIds).toEqual([...edgeIds].sort());
    expect(result.relationships.find((r) => r.to === modelA.id && r.type === 'USES_MODEL')?.properties).toEqual({ stale: true, lastSeenScan: 'scan-1' });

    expect(result.scan.counts).toEqual({ system: 1, sdk: 2, model: 1, repository: 2 });
    const notes = result.diagnostics.filter((d) => d.level === 'info');
    expect(notes).toHaveLength(1);
    expect(notes[0]?.message).toBe(`kept 1 asset and 2 relationships of ${A} from scan scan-1 (marked stale): this scan had 1 error there (first: unreadable), so what it did not see may still exist`);
  });

  it('keeps a whole scope, repository included, when its target failed outright', () => {
    const current = inventory('scan-2', [scoped(B, [sdkB, modelB])], [{ connector: 'local', level: 'error', code: 'not-found', message: 'path does not exist', location: { path: 'a' } }]);
    const result = carryForward(previousScan(), current);
    expect(result.assets.filter((x) => x.attributes['stale'] === true).map((x) => x.id).sort()).toEqual([repo(A).id, systemA.id, sdkA.id, modelA.id].sort());
    expect(result.relationships).toHaveLength(previousScan().relationships.length);
  });

  it('keeps the scan an item was really last seen in across several errored scans', () => {
    const second = carryForward(previousScan(), inventory('scan-2', [scoped(A, [systemA, sdkA]), scoped(B, [sdkB, modelB])], [unreadable('a/x.py')]));
    const third = carryForward(second, inventory('scan-3', [scoped(A, [systemA, sdkA]), scoped(B, [sdkB, modelB])], [unreadable('a/x.py')]));
    expect(third.assets.find((x) => x.id === modelA.id)?.attributes).toEqual({ stale: true, lastSeenScan: 'scan-1' });
    // Once the scope scans cleanly again, the stale asset is gone.
    const fourth = carryForward(third, inventory('scan-4', [scoped(A, [systemA, sdkA]), scoped(B, [sdkB, modelB])]));
    expect(fourth.assets.map((x) => x.id)).not.toContain(modelA.id);
  });

  it('never carries an edge whose other end is gone', () => {
    const owner: Asset = { id: assetId('owner', 'owners', '@team'), kind: 'owner', name: '@team', attributes: {}, evidence: [], tags: {} };
    const previous = { ...previousScan(), assets: byId([...previousScan().assets, owner]), relationships: byId([...previousScan().relationships, edge(owner, 'OWNS', modelA)]) };
    const current = inventory('scan-2', [scoped(A, [systemA, sdkA]), scoped(B, [sdkB, modelB])], [unreadable('a/x.py')]);
    const result = carryForward(previous, current);
    // The owner is in no scope and absent now, so its OWNS edge to the kept model is dropped.
    expect(result.relationships.some((r) => r.type === 'OWNS')).toBe(false);
    expect(result.assets.some((x) => x.kind === 'owner')).toBe(false);
  });
});

describe('which scope a diagnostic is about', () => {
  const targets: ScanTarget[] = [
    { connector: 'local', target: 'services/api', scope: A },
    { connector: 'local', target: './ml/', scope: B },
    { connector: 'host', target: '~', scope: 'host:box:/home/me' },
  ];
  const scopes = (d: Diagnostic): string[] => targetsOf(d, targets).map((t) => t.scope);

  it('matches a location path equal to or under a target as typed', () => {
    expect(scopes(unreadable('services/api'))).toEqual([A]);
    expect(scopes(unreadable('ml/models/x.bin'))).toEqual([B]);
    expect(scopes(unreadable('~/.cursor/mcp.json', 'mcp-config'))).toEqual(['host:box:/home/me']);
  });

  it('falls back to every target of the connector, or every target for a detector', () => {
    expect(scopes(unreadable('src/app.py'))).toEqual([A, B]);
    expect(scopes({ connector: 'python', level: 'error', code: 'detector-failed', message: 'boom', location: { path: 'x.py' } })).toEqual([A, B, 'host:box:/home/me']);
    expect(scopes({ connector: 'host', level: 'error', code: 'access-denied', message: 'no access' })).toEqual(['host:box:/home/me']);
  });

  it('uses a scope field when a diagnostic carries one', () => {
    expect(scopes({ ...unreadable('src/app.py'), scope: B } as Diagnostic)).toEqual([B]);
  });

  it('ignores warnings and counts errors per scope', () => {
    const inv = inventory('s', [], [unreadable('a/x'), unreadable('a/y'), { ...unreadable('b/z'), level: 'warn' }]);
    const errored = erroredScopes(inv);
    expect([...errored.keys()]).toEqual([A]);
    expect(errored.get(A)?.count).toBe(2);
  });

  it('treats a relative path as inside a "." target', () => {
    const one: ScanTarget[] = [{ connector: 'local', target: '.', scope: A }];
    expect(targetsOf(unreadable('src/app.py'), one).map((t) => t.scope)).toEqual([A]);
    expect(targetsOf(unreadable('/etc/x'), [...one, { connector: 'host', target: '/etc', scope: 'h' }]).map((t) => t.scope)).toEqual(['h']);
  });
});
