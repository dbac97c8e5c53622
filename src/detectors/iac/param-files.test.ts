import { describe, expect, it } from 'vitest';
import { cpuTimed } from '../../../test/helpers/cpu-time.ts';
import { siblingsOf } from '../types.ts';
import { iacDetector } from './index.ts';
import { assetNamed, assetNames, EMPTY } from './test-helpers.ts';

const BICEP = `param chatModel string
param embeddingModel string = 'text-embedding-ada-002'
param visionModel string = 'gpt-4o'
param location string = resourceGroup().location

resource openai 'Microsoft.CognitiveServices/accounts@2024-10-01' = {
  name: 'acme-openai'
  kind: 'OpenAI'
  resource chat 'deployments@2024-10-01' = {
    name: 'chat'
    properties: { model: { format: 'OpenAI', name: chatModel } }
  }
  resource embedding 'deployments@2024-10-01' = {
    name: 'embedding'
    properties: { model: { format: 'OpenAI', name: embeddingModel } }
  }
  resource vision 'deployments@2024-10-01' = {
    name: 'vision'
    properties: { model: { format: 'OpenAI', name: visionModel } }
  }
}
`;

const detect = (path: string, content: string, others: Record<string, string>) =>
  iacDetector.detect({ scope: 'repo', path, content, siblings: siblingsOf(new Map(Object.entries(others))) }) ?? EMPTY;

describe('parameter files', () => {
  it("azd's main.parameters.json sets params, environment references give their defaults, the file wins over defaults", () => {
    const params = `{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentParameters.json#",
  "contentVersion": "1.0.0.0",
  "parameters": {
    "chatModel": { "value": "\${AZURE_OPENAI_CHAT_MODEL=gpt-4.1-mini}" },
    "EmbeddingModel": { "value": "text-embedding-3-large" },
    "visionModel": { "value": "\${AZURE_OPENAI_VISION_MODEL}" },
    "unknownParam": { "value": "gpt-5" },
    "location": { "value": "\${AZURE_LOCATION}" }
  }
}`;
    const r = detect('infra/main.bicep', BICEP, { 'main.parameters.json': params, 'other.parameters.json': '{"parameters": {"visionModel": {"value": "o3"}}}' });
    expect(r.diagnostics).toEqual([]);
    // A reference without a default keeps the param's own default; a name the file declares but the template does not is ignored.
    expect(assetNames(r).filter((n) => n.startsWith('model:'))).toEqual(['model:gpt-4.1-mini', 'model:gpt-4o', 'model:text-embedding-3-large']);
    expect(assetNamed(r, 'model', 'gpt-4.1-mini')?.attributes.valueFrom).toEqual(['properties.model.name: chatModel (parameters file, infra/main.parameters.json:5)']);
    expect(assetNamed(r, 'model', 'text-embedding-3-large')?.attributes.valueFrom).toEqual(['properties.model.name: embeddingModel (parameters file, infra/main.parameters.json:6)']);
    expect(assetNamed(r, 'model', 'gpt-4o')?.attributes.valueFrom).toEqual(['properties.model.name: visionModel (parameter default, infra/main.bicep:3)']);
  });

  it('.bicepparam files that use the Bicep file set its params; others, and values that are not literals, do not', () => {
    const r = detect('infra/main.bicep', BICEP, {
      'prod.bicepparam': "using './main.bicep'\n\nparam chatModel = 'gpt-4.1' // chat\nparam embeddingModel = readEnvironmentVariable('EMBEDDING_MODEL', 'text-embedding-3-small')\nparam visionModel = '${prefix}-vision'\n",
      'other.bicepparam': "using 'other.bicep'\nparam chatModel = 'o1'\n",
    });
    expect(assetNames(r).filter((n) => n.startsWith('model:'))).toEqual(['model:gpt-4.1', 'model:gpt-4o', 'model:text-embedding-3-small']);
    expect(assetNamed(r, 'model', 'gpt-4.1')?.attributes.valueFrom).toEqual(['properties.model.name: chatModel (parameters file, infra/prod.bicepparam:3)']);
  });

  it('.bicepparam: a relative using resolves against the folder, comments are not code, several files count only where they agree', () => {
    const models = (others: Record<string, string>): string[] => assetNames(detect('infra/main.bicep', BICEP, others)).filter((n) => n.startsWith('model:'));
    const defaults = ['model:gpt-4o', 'model:text-embedding-ada-002'];
    expect(models({ 'x.bicepparam': "using '../other/main.bicep'\nparam embeddingModel = 'o1'\n" })).toEqual(defaults);
    expect(models({ 'x.bicepparam': "/* using 'main.bicep' */\nparam embeddingModel = 'o1'\n" })).toEqual(defaults);
    expect(models({ 'x.bicepparam': "using 'main.bicep'\n/*\nparam embeddingModel = 'o1'\n*/\nparam visionModel = 'org//gpt-4.1' // a comment\n" })).toEqual(['model:org//gpt-4.1', 'model:text-embedding-ada-002']);
    expect(models({
      'main.dev.bicepparam': "using './main.bicep'\nparam chatModel = 'gpt-4.1'\nparam visionModel = 'o3'\n",
      'main.prod.bicepparam': "using './main.bicep'\nparam chatModel = 'gpt-4.1'\nparam visionModel = 'o1'\n",
    })).toEqual(['model:gpt-4.1', 'model:gpt-4o', 'model:text-embedding-ada-002']);
  });

  it('azd substitutes environment references anywhere in a value; an empty value keeps the default', () => {
    const params = (value: unknown): string => JSON.stringify({ parameters: { visionModel: { value } } });
    const vision = (others: Record<string, string>) => assetNamed(detect('infra/main.bicep', BICEP, others), 'endpoint', 'vision')?.attributes;
    expect(vision({ 'main.parameters.json': params('') })?.valueFrom).toEqual(['properties.model.name: visionModel (parameter default, infra/main.bicep:3)']);
    expect(vision({ 'main.parameters.json': params('${AZURE_VISION_MODEL=}') })?.valueFrom).toEqual(['properties.model.name: visionModel (parameter default, infra/main.bicep:3)']);
    expect(vision({ 'main.parameters.json': params("[concat('gpt-', '4o')]") })?.valueFrom).toEqual(['properties.model.name: visionModel (parameter default, infra/main.bicep:3)']);
  });

  it('azd: references inside a longer string; a .bicepparam that uses the file replaces main.parameters.json; a param in a multi-line string is text', () => {
    const chat = (others: Record<string, string>) => assetNamed(detect('infra/main.bicep', BICEP, others), 'endpoint', 'chat')?.attributes;
    expect(chat({ 'main.parameters.json': JSON.stringify({ parameters: { chatModel: { value: 'gpt-${AZURE_CHAT_VERSION=4o-mini}' } } }) })?.valueFrom).toEqual(['properties.model.name: chatModel (parameters file, infra/main.parameters.json:1)']);
    expect(chat({ 'main.parameters.json': JSON.stringify({ parameters: { chatModel: { value: 'gpt-${AZURE_CHAT_VERSION}' } } }) })?.modelRefs).toEqual(['chatModel']);
    const both = detect('infra/main.bicep', BICEP, {
      'main.parameters.json': JSON.stringify({ parameters: { chatModel: { value: 'gpt-4.1' }, embeddingModel: { value: 'text-embedding-3-large' } } }),
      'main.bicepparam': "using 'main.bicep'\nparam chatModel = 'o3'\nvar notes = '''\nparam embeddingModel = 'o1'\n'''\n",
    });
    expect(assetNames(both).filter((n) => n.startsWith('model:'))).toEqual(['model:gpt-4o', 'model:o3', 'model:text-embedding-ada-002']);
  });

  it('hostile: 5 MB parameter files are read in linear time', () => {
    for (const [name, text] of [
      ['main.bicepparam', '\n'.repeat(5_000_000)],
      ['main.bicepparam', `using './main.bicep'\nparam chatModel = a${' '.repeat(5_000_000)}b\n`],
      ['main.parameters.json', JSON.stringify({ parameters: { chatModel: { value: `\${a${'a'.repeat(5_000_000)}` } } })],
      ['main.parameters.json', JSON.stringify({ parameters: { chatModel: { value: '${a='.repeat(1_250_000) } } })],
    ] as const) {
      const { value: r, ms } = cpuTimed(() => detect('infra/main.bicep', BICEP, { [name]: text }));
      expect(r.diagnostics).toEqual([]);
      expect(ms).toBeLessThan(2_000);
    }
  });

  it('an ARM template reads <name>.parameters.json; a broken parameter file changes nothing', () => {
    const template = JSON.stringify({
      $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#',
      parameters: { modelName: { type: 'string' }, accountName: { type: 'string', defaultValue: 'acme' } },
      resources: [
        { type: 'Microsoft.CognitiveServices/accounts', name: "[parameters('accountName')]", kind: 'OpenAI' },
        { type: 'Microsoft.CognitiveServices/accounts/deployments', name: "[concat(parameters('accountName'), '/chat')]", properties: { model: { name: "[parameters('ModelName')]" } } },
      ],
    }, null, 2);
    const given = detect('deploy/azuredeploy.json', template, { 'azuredeploy.parameters.json': '{"parameters": {"modelName": {"value": "gpt-4o-mini"}, "accountName": {"value": "prod-openai"}}}' });
    expect(assetNames(given)).toEqual(['endpoint:chat', 'endpoint:prod-openai', 'model:gpt-4o-mini']);
    expect(assetNamed(given, 'model', 'gpt-4o-mini')?.attributes.valueFrom).toEqual(["properties.model.name: parameters('modelName') (parameters file, deploy/azuredeploy.parameters.json:1)"]);
    const broken = detect('deploy/azuredeploy.json', template, { 'azuredeploy.parameters.json': '{"parameters": {"modelName": ' });
    expect(broken.diagnostics).toEqual([]);
    expect(assetNames(broken)).toEqual(['endpoint:acme', 'endpoint:chat']);
    expect(assetNamed(broken, 'endpoint', 'chat')?.attributes.modelRefs).toEqual(["parameters('modelName')"]);
  });
});
