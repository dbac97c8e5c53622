/**
 * The real pipeline on committed fixtures, then the policies: what the detectors record is what the
 * policies read, so a renamed attribute shows up here first.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Inventory } from '../model/index.ts';
import { runScan } from '../pipeline/run-scan.ts';
import { NOW } from './__fixtures__/build.ts';
import { evaluatePolicies } from './evaluate.ts';

const FIXTURES = join(import.meta.dirname, '..', '..', 'test', 'fixtures');

async function scan(folder: string): Promise<Inventory> {
  return runScan({ paths: [join(FIXTURES, folder)] }, { now: () => new Date(NOW), scanId: 'fixtures' });
}

function reported(inv: Inventory, skip: readonly string[] = ['unowned-ai-asset']): string[] {
  const names = new Map(inv.assets.map((a) => [a.id, `${a.name}${a.kind === 'model-server' ? `@${String(a.attributes['workload'])}` : ''}`]));
  return evaluatePolicies(inv, {}, NOW)
    .findings.filter((f) => !skip.includes(f.policyId))
    .map((f) => `${f.policyId} ${names.get(f.assetId) ?? f.assetId}: ${f.title}`)
    .sort();
}

describe('policies on test/fixtures/policies', () => {
  it('report the positives and none of the near misses', async () => {
    expect(reported(await scan('policies'))).toEqual([
      'mcp-excessive-agency desktop: MCP server "desktop" can run commands on its host',
      'mcp-excessive-agency desktop: MCP server "desktop" runs an unpinned package',
      // GitHub's remote server with write tools; the /readonly URL and the X-MCP-Readonly header are not.
      'mcp-excessive-agency gh-pulls: MCP server "gh-pulls" can change external systems',
      'mcp-excessive-agency root-fs: MCP server "root-fs" is given the whole disk or home folder',
      'mcp-excessive-agency search: MCP server "search" gets a secret written into its arguments',
      // Given TFE_TOKEN; its `-e ENABLE_TF_OPERATIONS=true` is a setting, not a leaked secret.
      'mcp-excessive-agency tf: MCP server "tf" can change external systems',
      // Linear reached through `npx mcp-remote <url>` is still Linear.
      'mcp-excessive-agency tickets: MCP server "tickets" can change external systems',
      // NGC_API_KEY pulls the NIM image and weights; it does not protect the API.
      'unauthenticated-model-server nim@nim: Model server "nim" is exposed without authentication',
      'unauthenticated-model-server ollama@ollama: Model server "ollama" is exposed without authentication',
      'unpinned-model-revision org/model-a: Hub model "org/model-a" is loaded without a revision',
    ]);
  });
});

describe('policies on test/fixtures/iac', () => {
  it('flag wildcard and FullAccess roles of AI resources, not the role scoped to one model ARN', async () => {
    const inv = await scan('iac');
    const findings = evaluatePolicies(inv, {}, NOW).findings.filter((f) => f.policyId === 'over-permissioned-identity');
    const byName = Object.fromEntries(findings.map((f) => [inv.assets.find((a) => a.id === f.assetId)?.name, f.severity]));
    expect(byName).toEqual({ 'aws_iam_role.agent': 'high', 'aws_iam_role.sagemaker': 'high', AgentRole: 'medium' });
    for (const f of findings) expect(f.evidence.every((e) => e.path !== undefined && e.line !== undefined)).toBe(true);
  });
});

describe('policies on test/fixtures/iac-module-shapes', () => {
  it('flag the FullAccess policy a data source of another file attaches, and not the scoped agent role', async () => {
    const inv = await scan('iac-module-shapes');
    const findings = evaluatePolicies(inv, {}, NOW).findings.filter((f) => f.policyId === 'over-permissioned-identity');
    const byName = Object.fromEntries(findings.map((f) => [inv.assets.find((a) => a.id === f.assetId)?.name, [f.severity, f.detail]]));
    expect(Object.keys(byName)).toEqual(['aws_iam_role.endpoint']);
    expect(byName['aws_iam_role.endpoint']?.[0]).toBe('high');
    expect(byName['aws_iam_role.endpoint']?.[1]).toContain('AWS managed policy AmazonSageMakerFullAccess attached');
  });
});

describe('policies on test/fixtures/model-files and mcp-configs', () => {
  it('rate the committed pickles medium and leave safe formats alone', async () => {
    const inv = await scan('model-files');
    expect(reported(inv).filter((l) => l.startsWith('unsafe-model-format'))).toEqual([
      'unsafe-model-format models/state_dict.pt: Model file "models/state_dict.pt" uses a code-executing format (pytorch-zip)',
      'unsafe-model-format models/weights.pkl: Model file "models/weights.pkl" uses a code-executing format (pickle)',
    ]);
  });

  it('flag Java/Kotlin MCP servers whose tools delete or write (polyglot/jvm-mcp-server)', async () => {
    const lines = reported(await scan('polyglot/jvm-mcp-server')).filter((l) => l.startsWith('mcp-excessive-agency'));
    expect(lines).toEqual([
      'mcp-excessive-agency acme-files: MCP server "acme-files" exposes tools that change data',
      'mcp-excessive-agency acme-users: MCP server "acme-users" exposes tools that change data',
      'mcp-excessive-agency notes-server: MCP server "notes-server" exposes tools that change data',
    ]);
  });

  it('flag unpinned launches and write-capable servers in client configs, and skip the disabled one', async () => {
    const inv = await scan('mcp-configs');
    const lines = reported(inv);
    expect(lines).toContain('mcp-excessive-agency filesystem: MCP server "filesystem" runs an unpinned package');
    expect(lines).toContain('mcp-excessive-agency github: MCP server "github" can change external systems');
    expect(lines.some((l) => l.includes(' linear:'))).toBe(false);
    expect(lines.some((l) => l.includes(' perplexity:'))).toBe(false);
  });
});

describe('policies on test/fixtures/polyglot/ruby-mcp', () => {
  it('flag Ruby MCP servers (mcp and fast-mcp gems) whose tools delete, write, refund or run commands, after the Rails tool files fold into their server', async () => {
    expect(reported(await scan('polyglot/ruby-mcp'))).toEqual([
      'mcp-excessive-agency files: MCP server "files" exposes tools that change data',
      // app/tools/*.rb declare no server: their inferred `notes-rails` folds into `notes`, built in config/routes.rb of the same app.
      'mcp-excessive-agency notes: MCP server "notes" exposes tools that change data',
      'mcp-excessive-agency ops-stdio: MCP server "ops-stdio" can run commands on its host',
      'mcp-excessive-agency ops-stdio: MCP server "ops-stdio" exposes tools that change data',
      // mount_in_rails names the server after the Rails app: here the app folder, as the tool files' inferred server.
      'mcp-excessive-agency shop-rails: MCP server "shop-rails" exposes tools that change data',
    ]);
  });
});

describe('policies on test/fixtures/polyglot/csharp-mcp and rust-mcp', () => {
  it('flag C# and Rust MCP servers whose tools delete, write or run commands, after the tool files fold into their server', async () => {
    expect(reported(await scan('polyglot/csharp-mcp'))).toEqual([
      'mcp-excessive-agency OpsGateway: MCP server "OpsGateway" can run commands on its host',
      // NoteTools.cs declares no server: its inferred one folds into `notes`, constructed in Program.cs of the same project.
      'mcp-excessive-agency notes: MCP server "notes" exposes tools that change data',
    ]);
    expect(reported(await scan('polyglot/rust-mcp'))).toEqual([
      'mcp-excessive-agency file-tools: MCP server "file-tools" exposes tools that change data',
    ]);
  });
});
