import { describe, expect, it } from 'vitest';
import { cpuTimed } from '../../../test/helpers/cpu-time.ts';
import { iacDetector } from './index.ts';
import { assetNames, detectFile } from './test-helpers.ts';

/** Runs the detector, asserting it neither throws nor takes long. */
function timed(path: string, content: string): ReturnType<typeof detectFile> {
  const { value: r, ms } = cpuTimed(() => detectFile(path, content));
  expect(ms).toBeLessThan(2000);
  return r;
}

const codes = (r: ReturnType<typeof detectFile>): string[] => r.diagnostics.map((d) => `${d.code}:${d.location?.line ?? '-'}`);
const AGENT = 'resource "aws_bedrockagent_agent" "ok" {\n  agent_name = "ok"\n}\n';

describe('iac detector: hostile input', () => {
  it.each([
    ['unterminated block', `${AGENT}resource "aws_bedrockagent_agent" "bad" {\n  agent_name = "x"\n`, 'invalid HCL: block "resource" opened on line 4 is never closed', 6],
    ['unterminated string', `${AGENT}resource "aws_bedrockagent_agent" "bad" {\n  agent_name = "x\n}\n`, 'invalid HCL: unterminated string', 5],
    ['unterminated heredoc', `${AGENT}resource "aws_bedrockagent_agent" "bad" {\n  instruction = <<EOT\nno end\n`, 'invalid HCL: unterminated heredoc <<EOT', 5],
    ['unterminated interpolation', `${AGENT}resource "aws_bedrockagent_agent" "bad" {\n  agent_name = "\${var.x"\n}\n`, 'invalid HCL: unterminated string', 5],
  ])('hostile: invalid HCL (%s) is a diagnostic with its line; earlier blocks still count', (_name, src, message, line) => {
    const r = timed('main.tf', src);
    expect(r.diagnostics.map((d) => [d.code, d.message, d.location?.line])).toEqual([['parse-failed', message, line]]);
    expect(assetNames(r)).toEqual(['agent:ok']);
  });

  it('hostile: 10,000 nested blocks stop at the nesting cap', () => {
    const r = timed('main.tf', `# bedrock\n${'a {\n'.repeat(10_000)}${'}\n'.repeat(10_000)}`);
    expect(r.diagnostics.map((d) => d.message)).toEqual(['invalid HCL: nesting deeper than 100 levels']);
  });

  it('hostile: 10,000 nested brackets and templates in an expression stop at the caps', () => {
    expect(codes(timed('main.tf', `# bedrock\nx = ${'['.repeat(10_000)}${']'.repeat(10_000)}\n`))).toEqual(['parse-failed:2']);
    expect(codes(timed('main.tf', `# bedrock\nx = ${'"${'.repeat(5_000)}1${'}"'.repeat(5_000)}\n`))).toEqual(['parse-failed:2']);
  });

  it('hostile: a 1 MB attribute is read in linear time and snippets stay short', () => {
    const big = 'A'.repeat(1 << 20);
    const r = timed('main.tf', `resource "aws_bedrockagent_agent" "big" {\n  agent_name = "big"\n  instruction = "${big}"\n  foundation_model = "amazon.nova-pro-v1:0" # ${big}\n}\n`);
    expect(assetNames(r)).toEqual(['agent:big', 'model:amazon.nova-pro-v1:0']);
    expect(r.assets.every((a) => a.evidence.every((e) => (e.snippet ?? '').length <= 200))).toBe(true);
    expect(codes(timed('main.tf', `${AGENT}x = "${big}\n`))).toEqual(['parse-failed:4']);
  });

  it('hostile: binary garbage in main.tf is a diagnostic, not a crash', () => {
    let seed = 42;
    const bytes = Array.from({ length: 200_000 }, () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), String.fromCharCode(seed % 256)));
    const r = timed('main.tf', `# bedrock\n${bytes.join('')}`);
    expect(r.assets).toEqual([]);
    expect(r.diagnostics.map((d) => d.code)).toEqual(['parse-failed']);
  });

  it('hostile: CloudFormation YAML billion laughs stops on the node budget', () => {
    const levels = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (let i = 1; i < 10; i++) {
      const prev = String.fromCharCode(96 + i);
      levels.push(`${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(9).fill(`*${prev}`).join(',')}]`);
    }
    const src = `AWSTemplateFormatVersion: "2010-09-09"\n${levels.join('\n')}\nResources:\n  Agent:\n    Type: AWS::Bedrock::Agent\n    Properties:\n      AgentName: *j\n`;
    const r = timed('laughs.yaml', src);
    expect(r.diagnostics.map((d) => d.message)).toEqual(['YAML expands to too many nodes (aliases?); not read']);
    expect(r.assets).toEqual([]);
  });

  it('hostile: deeply nested JSON and YAML flow collections are refused before parsing', () => {
    const deep = `{"AWSTemplateFormatVersion": "x", "Resources": {"A": {"Type": "AWS::Bedrock::Agent", "Properties": ${'['.repeat(100_000)}${']'.repeat(100_000)}}}}`;
    expect(timed('deep.json', deep).diagnostics.map((d) => d.message)).toEqual(['invalid JSON: nesting deeper than 200 levels']);
    const deepYaml = `AWSTemplateFormatVersion: x\nResources:\n  A:\n    Type: AWS::Bedrock::Agent\n    Properties: ${'['.repeat(100_000)}${']'.repeat(100_000)}\n`;
    expect(timed('deep.yaml', deepYaml).diagnostics.map((d) => d.message)).toEqual(['YAML nested deeper than 200 levels; not read']);
    expect(timed('deep.tf.json', `{"resource": ${'['.repeat(100_000)}${']'.repeat(100_000)}, "x": "bedrock"}`).diagnostics.map((d) => d.code)).toEqual(['parse-failed']);
  });

  it('hostile: unknown YAML tags are a diagnostic and the template is still read', () => {
    const r = timed('t.yaml', 'AWSTemplateFormatVersion: x\nResources:\n  Agent:\n    Type: AWS::Bedrock::Agent\n    Properties:\n      AgentName: !Evil rm -rf /\n      Description: !!python/object:os.system echo\n');
    expect(r.diagnostics.map((d) => d.message)).toEqual(['unknown YAML tag !Evil; its value was read as plain data']);
    expect(assetNames(r)).toEqual(['agent:rm -rf /']);
  });

  it('hostile: __proto__ keys in policies and templates do not pollute prototypes', () => {
    const r = timed('main.tf', 'resource "aws_iam_role" "r" {\n  assume_role_policy = jsonencode({ "__proto__" = { polluted = true }, Statement = [{ Effect = "Allow", Action = "bedrock:*", Resource = "*", Condition = { "__proto__" = { x = 1 } } }] })\n}\n');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(r.relationships).toEqual([]);
    const cfn = timed('t.json', '{"AWSTemplateFormatVersion": "x", "__proto__": {"polluted": 1}, "Resources": {"__proto__": {"Type": "AWS::Bedrock::Agent"}}}');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(assetNames(cfn)).toEqual(['agent:__proto__']);
  });

  it('hostile: a key-shaped value never reaches a name, an attribute, a snippet or an edge', () => {
    const key = ['sk', 'proj', 'A1b2C3d4E5f6G7h8I9j0K1l2M3n4'].join('-');
    const r = timed('main.tf', `resource "aws_bedrockagent_agent" "k" { agent_name = "${key}" }\nresource "aws_bedrockagent_agent" "j" {\n  agent_name = "j"\n  guardrail_configuration {\n    guardrail_identifier = "${key}"\n  }\n}\n`);
    expect(assetNames(r)).toEqual(['agent:j', 'agent:sk-proj-…[redacted]']);
    expect(JSON.stringify(r)).not.toContain(key.slice(8));
  });

  const ACCOUNT = "resource ok 'Microsoft.CognitiveServices/accounts@2024-10-01' = {\n  name: 'ok'\n  kind: 'OpenAI'\n}\n";

  it.each([
    ['unterminated string', `${ACCOUNT}resource bad 'Microsoft.CognitiveServices/accounts@2024-10-01' = {\n  name: 'bad\n}\n`, 'invalid Bicep: unterminated string', 6],
    ['unterminated object', `${ACCOUNT}resource bad 'Microsoft.CognitiveServices/accounts@2024-10-01' = {\n  name: 'bad'\n  kind: 'OpenAI'\n`, 'invalid Bicep: object opened on line 5 is never closed', 7],
    ['unterminated multi-line string', `${ACCOUNT}var x = '''\nno end\n`, "invalid Bicep: unterminated ''' string", 5],
    ['unterminated comment', `${ACCOUNT}/* no end\nresource x 'Microsoft.CognitiveServices/accounts@2024-10-01' = {}\n`, 'invalid Bicep: unterminated /* comment', 5],
    ['unterminated interpolation', `${ACCOUNT}var x = '\${concat('a', 'b'\n`, 'invalid Bicep: unterminated ${ interpolation', 5],
  ])('hostile: invalid Bicep (%s) is a diagnostic with its line; earlier resources still count', (_name, src, message, line) => {
    const r = timed('main.bicep', src);
    expect(r.diagnostics.map((d) => [d.code, d.message, d.location?.line])).toEqual([['parse-failed', message, line]]);
    expect(assetNames(r)).toEqual(['endpoint:ok']);
  });

  it('hostile: Bicep nested 10,000 deep (objects, brackets, strings in interpolations) stops at the caps', () => {
    const objects = `resource x 'Microsoft.CognitiveServices/accounts@2024-10-01' = ${'{\n a: '.repeat(10_000)}1${'\n}'.repeat(10_000)}\n`;
    expect(timed('deep.bicep', objects).diagnostics.map((d) => d.message)).toEqual(['invalid Bicep: nesting deeper than 100 levels']);
    const brackets = `// Microsoft.CognitiveServices\nvar x = f(${'('.repeat(100_000)}${')'.repeat(100_000)})\n`;
    expect(timed('deep.bicep', brackets).diagnostics.map((d) => d.message)).toEqual(['invalid Bicep: nesting deeper than 100 levels']);
    const strings = `// Microsoft.CognitiveServices\nvar x = ${"'${".repeat(5_000)}1${"}'".repeat(5_000)}\n`;
    expect(timed('deep.bicep', strings).diagnostics.map((d) => d.message)).toEqual(['invalid Bicep: strings nested deeper than 32 levels']);
  });

  it('hostile: 5 MB of Bicep resources is read in linear time', () => {
    const one = (i: number): string => `resource a${i} 'Microsoft.CognitiveServices/accounts@2024-10-01' = {\n  name: 'acct-${i}'\n  kind: 'OpenAI'\n  properties: { customSubDomainName: 'acct-\${i}', disableLocalAuth: i % 2 == 0 ? true : false }\n  resource d 'deployments@2024-10-01' = {\n    name: 'd${i}'\n    properties: { model: { name: chatModel, version: '2024-11-20' } }\n  }\n}\n`;
    const parts: string[] = ['param chatModel string\n'];
    let size = 0;
    for (let i = 0; size < 5 << 20; i++) {
      const part = one(i);
      parts.push(part);
      size += part.length;
    }
    const { value: r, ms } = cpuTimed(() => detectFile('big.bicep', parts.join('')));
    expect(ms).toBeLessThan(8000);
    expect(r.diagnostics).toEqual([]);
    // Every account and deployment is an endpoint; the model is a param without a default: no model asset.
    expect(r.assets.filter((a) => a.kind === 'endpoint')).toHaveLength(2 * (parts.length - 1));
    expect(r.assets.filter((a) => a.kind === 'model')).toEqual([]);
  });

  it('hostile: 12,000 deployments naming one model fold into one asset in linear time', () => {
    const n = 12_000;
    const deployment = (i: number): string =>
      `resource "azurerm_cognitive_deployment" "d${i}" {\n  name = "d${i}"\n  cognitive_account_id = "x"\n  model {\n    format = "OpenAI"\n    name = "gpt-4o"\n    version = "2024-11-20"\n  }\n}\n`;
    const { value: r, ms } = cpuTimed(() => detectFile('main.tf', Array.from({ length: n }, (_, i) => deployment(i)).join('')));
    // About 1 s; folding by re-keying the whole evidence list on every repeat took about 12 s.
    expect(ms).toBeLessThan(5000);
    const models = r.assets.filter((a) => a.kind === 'model');
    expect(models.map((a) => a.name)).toEqual(['gpt-4o']);
    // One evidence line per deployment that names it, each once.
    expect(new Set(models[0]?.evidence.map((e) => e.line)).size).toBe(models[0]?.evidence.length);
    expect(models[0]?.evidence.length).toBeGreaterThanOrEqual(n);
  });

  it('hostile: files that are not ours are dismissed without parsing', () => {
    expect(iacDetector.detect({ scope: 'repo', path: 'main.tf', content: '\u0000\u0001 garbage without markers' })).toBeNull();
    expect(iacDetector.detect({ scope: 'repo', path: 'big.json', content: `[${'1,'.repeat(500_000)}1]` })).toBeNull();
  });
});
