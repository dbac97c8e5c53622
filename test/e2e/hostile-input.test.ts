/**
 * Hostile input through the whole product: one repository holding malicious and broken files of
 * every surface, scanned by the real CLI in one run. The scan must finish, never execute anything,
 * and account for every hostile file (a diagnostic, or for malicious pickles a critical model file).
 * Per-format hostile cases live next to each detector (tests named `hostile: ...`).
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bytes, gguf, pk, u32, u64, zip } from '../../src/detectors/model-files/__fixtures__/builders.ts';
import type { Inventory } from '../../src/model/index.ts';
import { inventorySchemaErrors } from '../helpers/inventory-schema.ts';
import { runCli } from '../helpers/run-cli.ts';
import { tempTree } from '../helpers/temp-tree.ts';

function aliasBomb(prefix: string): string {
  const lines = [`${prefix}a0: &a0 ["x","x","x","x","x","x","x","x","x","x"]`];
  for (let i = 1; i < 12; i++) lines.push(`a${i}: &a${i} [${Array(10).fill(`*a${i - 1}`).join(',')}]`);
  return `${lines.join('\n')}\n`;
}

describe('hostile input, end to end', () => {
  it('scans a repository of hostile files without crashing, hanging or executing anything', () => {
    const cwd = tempTree();
    const marker = join(cwd, 'PWNED');
    const payload = `touch ${marker}`;
    const files: Record<string, string | Uint8Array> = {
      // Pickles that would run a shell command if loaded.
      'models/evil.pkl': bytes(pk.proto(2), pk.global('os', 'system'), pk.bu(payload), pk.tuple1, pk.reduce, pk.stop),
      'models/stack.pkl': bytes(pk.proto(4), pk.su('builtins'), pk.memoize, pk.su('exec'), pk.memoize, pk.binget(0), pk.binget(1), pk.stackGlobal, pk.bu(`import os; os.system("${payload}")`), pk.tuple1, pk.reduce, pk.stop),
      'models/inst.pkl': bytes(pk.mark, pk.string(payload), pk.inst('subprocess', 'call'), pk.stop),
      'models/torch.pt': zip([{ name: 'archive/data.pkl', data: bytes(pk.proto(2), pk.global('posix', 'system'), pk.bu(payload), pk.tuple1, pk.reduce, pk.stop) }]),
      // Archives and headers that lie.
      'models/bomb.pt': zip([{ name: 'archive/data.pkl', data: new Uint8Array(80 * 1024 * 1024), deflate: true, claimedSize: 1024 }]),
      'models/huge-header.safetensors': bytes(u64(10 * 1024 ** 3), '{"a":'),
      'models/truncated.gguf': gguf({ 'general.architecture': [8, 'llama'] }, []).subarray(0, 30),
      'models/endless-string.gguf': bytes('GGUF', u32(3), u64(0), u64(1), u64(2n ** 63n), 'general.name'),
      'models/endless.onnx': bytes(0x08, ...Array(64).fill(0xff)),
      'models/random.bin': Uint8Array.from({ length: 4096 }, (_, i) => (i * 2654435761) >>> 24),
      'models/bad.npy': bytes(0x93, 'NUMPY', 1, 0, 0xff, 0xff, "{'descr': '|O'"),
      // Configs and manifests.
      'docker-compose.yml': aliasBomb('services: {}\n'),
      'deploy/k8s.yaml': `apiVersion: v1\nkind: Pod\nspec: ${'['.repeat(20000)}\n`,
      'infra/main.tf': 'resource "aws_bedrockagent_agent" "a" {\n  agent_name = "x\n  instruction = <<EOT\nnever ends\n',
      'infra/deep.tf': `resource "aws_bedrockagent_agent" "deep" {\n${'dynamic "x" {\n'.repeat(10000)}`,
      'infra/cfn.yaml': `${aliasBomb('AWSTemplateFormatVersion: "2010-09-09"\n')}Resources:\n  Agent:\n    Type: AWS::Bedrock::Agent\n    Properties: *a11\n`,
      '.mcp.json': `{"mcpServers": ${'{"a":'.repeat(100000)}1${'}'.repeat(100000)}}`,
      '.codex/config.toml': '[mcp_servers.x\ncommand = = "npx"\n\u0000\u0001',
      'web/package.json': '{ "dependencies": { "openai": "^4" ,, }',
      'web/bundle.js': Uint8Array.from([0, 97, 115, 109, 1, 0, 0, 0, ...Array(256).fill(0)]),
      'svc/main.go': 'package main\nimport "github.com/openai/openai-go"\nvar s = `never closed\n',
      '.claude/skills/x/SKILL.md': '---\nname: [unclosed\ndescription: {\n---\n',
      'api/app.py': `import openai\ns = """${'('.repeat(10000)}\n`,
      // 4 MB of one import list: the Python pre-check's regex overflows V8's stack on it.
      'api/commas.py': `import ${'a,'.repeat(2_000_000)}\nimport openai\n`,
    };
    for (const [path, content] of Object.entries(files)) tempTreeWrite(cwd, path, content);
    const run = runCli(['scan', '.', '--format', 'json', '--no-store', '-q'], cwd);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    const inv = JSON.parse(run.stdout) as Inventory;
    expect(inventorySchemaErrors(inv)).toEqual([]);
    expect(existsSync(marker)).toBe(false);

    const diagnosed = new Set(inv.diagnostics.map((d) => d.location?.path));
    const critical = new Set(inv.assets.filter((a) => a.kind === 'model-file' && a.attributes['riskLevel'] === 'critical').map((a) => a.name));
    expect([...critical].sort()).toEqual(['models/evil.pkl', 'models/inst.pkl', 'models/stack.pkl', 'models/torch.pt']);
    const unaccounted = Object.keys(files).filter((p) => !diagnosed.has(p) && !critical.has(p));
    // A random .bin is not a model: nothing to say about it is the right answer.
    expect(unaccounted).toEqual(['models/random.bin']);
    // A check that blows up is the detector's failure, as if it had run: never the file's or the scan's.
    expect(inv.diagnostics.filter((d) => d.location?.path === 'api/commas.py').map((d) => d.code)).toEqual(['detector-failed']);
    expect(Object.keys(files).length).toBeGreaterThanOrEqual(20);

    // Reading threads see the same hostile files: same assets, same diagnostics, nothing executed.
    const threaded = runCli(['scan', '.', '--format', 'json', '--no-store', '-q', '--workers', '2'], cwd);
    expect(threaded.code).toBe(0);
    expect(threaded.stderr).toBe('');
    const again = JSON.parse(threaded.stdout) as Inventory;
    expect({ assets: again.assets, diagnostics: again.diagnostics }).toEqual({ assets: inv.assets, diagnostics: inv.diagnostics });
    expect(existsSync(marker)).toBe(false);
  });
});

function tempTreeWrite(root: string, path: string, content: string | Uint8Array): void {
  const full = join(root, path);
  mkdirSync(dirname(full), { recursive: true });
  writeFileSync(full, content);
}
