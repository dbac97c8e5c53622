/**
 * Synthetic inventories for the store tests: a small realistic one (several kinds, evidence,
 * relationships, a finding, diagnostics) and a bulk one of any size.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Asset, AssetKind } from '../../src/model/asset.ts';
import { assetId, relationshipId } from '../../src/model/ids.ts';
import type { Inventory, ScanInfo } from '../../src/model/inventory.ts';
import type { Relationship, RelationshipType } from '../../src/model/relationship.ts';

const SCOPE = 'github.com/acme/support-bot';

function asset(kind: AssetKind, key: string, rest: Partial<Asset> & { name: string }): Asset {
  return { id: assetId(kind, SCOPE, key), kind, attributes: {}, evidence: [], tags: {}, ...rest };
}

function edge(from: Asset, type: RelationshipType, to: Asset, line: number): Relationship {
  return {
    id: relationshipId(from.id, type, to.id),
    type,
    from: from.id,
    to: to.id,
    properties: {},
    evidence: [{ path: 'app/bot.py', line, technique: 'call-site', confidence: 'inferred', detector: 'python' }],
  };
}

function scanInfo(id: string, startedAt: string, counts: ScanInfo['counts']): ScanInfo {
  return {
    id,
    startedAt,
    finishedAt: startedAt.replace(/:\d\d\./, ':59.'),
    targets: [{ connector: 'local', target: '.', scope: SCOPE }],
    stats: { filesSeen: 42, filesRead: 40, bytesRead: 123_456, filesSkipped: 2 },
    counts,
  };
}

function sampleAssets(): Record<'repo' | 'system' | 'sdk' | 'model' | 'mcp' | 'tool' | 'secret', Asset> {
  const repo = asset('repository', 'repo', { name: SCOPE, nativeId: 'https://github.com/acme/support-bot' });
  const system = asset('system', 'app', { name: 'support-bot', attributes: { language: 'python', frameworks: ['langchain'] } });
  const sdk = asset('sdk', 'pypi:openai', {
    name: 'openai',
    provider: 'openai',
    attributes: { ecosystem: 'pypi', version: '1.51.0' },
    evidence: [{ path: 'requirements.txt', line: 3, snippet: 'openai==1.51.0', technique: 'manifest', confidence: 'declared', detector: 'manifests' }],
  });
  const model = asset('model', 'gpt-4o-mini', {
    name: 'gpt-4o-mini',
    provider: 'openai',
    nativeId: 'app/bot.py#L12',
    evidence: [{ path: 'app/bot.py', line: 12, snippet: 'model="gpt-4o-mini"', technique: 'call-site', confidence: 'declared', detector: 'python' }],
  });
  const mcp = asset('mcp-server', 'filesystem', {
    name: 'filesystem',
    attributes: { transport: 'stdio', command: 'npx', args: ['-y', '@modelcontextprotocol/server-filesystem', '/srv'] },
    evidence: [{ path: '.cursor/mcp.json', line: 4, technique: 'config', confidence: 'declared', detector: 'mcp-config' }],
    tags: { env: 'dev' },
  });
  const tool = asset('tool', 'filesystem#write_file', { name: 'write_file', attributes: { capability: 'filesystem', dangerous: true } });
  const secret = asset('secret', 'OPENAI_API_KEY', {
    name: 'openai',
    provider: 'openai',
    attributes: { envVar: 'OPENAI_API_KEY', fingerprint: 'sha256:9f86d0…', last4: 'a1b2', nested: { ok: null, n: 1.5 } },
    evidence: [{ path: '.env', line: 1, snippet: 'OPENAI_API_KEY=sk-proj-…[redacted]', technique: 'config', confidence: 'declared', detector: 'secrets' }],
  });
  return { repo, system, sdk, model, mcp, tool, secret };
}

/** A small inventory of a support bot: system, SDK, model, MCP server + tool, key, repository. */
export function sampleInventory(id: string, startedAt = '2026-01-02T03:04:05.000Z'): Inventory {
  const { repo, system, sdk, model, mcp, tool, secret } = sampleAssets();
  return {
    schemaVersion: '1.0.0',
    tool: { name: 'aimap', version: '0.1.0' },
    scan: scanInfo(id, startedAt, { system: 1, sdk: 1, model: 1, 'mcp-server': 1, tool: 1, secret: 1, repository: 1 }),
    assets: [repo, system, sdk, model, mcp, tool, secret],
    relationships: [
      edge(system, 'USES_SDK', sdk, 1),
      edge(system, 'USES_MODEL', model, 12),
      edge(system, 'CONNECTS_TO', mcp, 20),
      edge(mcp, 'PROVIDES', tool, 21),
      edge(system, 'USES_SECRET', secret, 2),
      edge(repo, 'RESOURCE', system, 0),
    ],
    findings: [
      {
        id: 'finding:mcp-dangerous-tool:1',
        policyId: 'mcp-dangerous-tool',
        policyVersion: '1',
        severity: 'high',
        assetId: tool.id,
        title: 'MCP server exposes a file-writing tool',
        detail: 'write_file lets the model modify files under /srv.',
        evidence: mcp.evidence,
        frameworks: ['owasp-llm:LLM06'],
        firstSeen: startedAt,
        status: 'new',
      },
    ],
    diagnostics: [
      { connector: 'local', level: 'warn', code: 'file-too-large', message: 'skipped a 12 MB file', location: { path: 'data/dump.json' } },
      { connector: 'python', level: 'error', code: 'parse-failed', message: 'unexpected indent', location: { path: 'app/broken.py', line: 7 } },
    ],
  };
}

/** An inventory with `assetCount` assets and `relationshipCount` relationships between them. */
export function bulkInventory(id: string, assetCount: number, relationshipCount: number): Inventory {
  const kinds: AssetKind[] = ['model', 'tool', 'endpoint', 'data-source', 'sdk'];
  const assets: Asset[] = [];
  for (let i = 0; i < assetCount; i += 1) {
    const kind = kinds[i % kinds.length] as AssetKind;
    assets.push({
      id: `${kind}:${i.toString(16).padStart(16, '0')}`,
      kind,
      name: `${kind}-${i}`,
      ...(i % 3 === 0 ? { provider: 'openai' } : {}),
      attributes: { index: i, region: 'eu-west-1' },
      evidence: [{ path: `src/module-${i % 997}.py`, line: (i % 400) + 1, snippet: `client.call("${kind}-${i}")`, technique: 'call-site', confidence: 'inferred', detector: 'python' }],
      tags: {},
    });
  }
  const relationships: Relationship[] = [];
  for (let i = 0; assetCount > 1 && i < relationshipCount; i += 1) {
    const from = assets[i % assetCount] as Asset;
    const to = assets[(i * 7 + 1 + Math.floor(i / assetCount)) % assetCount] as Asset;
    relationships.push({
      // A suffix keeps ids distinct when the same pair repeats (the store does not require it).
      id: `${relationshipId(from.id, 'READS_FROM', to.id)}#${i}`,
      type: 'READS_FROM',
      from: from.id,
      to: to.id,
      properties: {},
      evidence: [{ path: `src/module-${i % 997}.py`, line: (i % 300) + 1, technique: 'call-site', confidence: 'inferred', detector: 'python' }],
    });
  }
  return { ...sampleInventory(id), scan: scanInfo(id, '2026-02-01T00:00:00.000Z', {}), assets, relationships, findings: [], diagnostics: [] };
}

/** A fresh temporary directory and a function removing it. */
export function tempDir(prefix = 'aimap-store-'): { dir: string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
