import { describe, expect, it } from 'vitest';
import { iacDetector } from './index.ts';
import { assetNamed, assetNames, detectFile, edgeNames } from './test-helpers.ts';

const MAIN = `// An Azure OpenAI account with two deployments
targetScope = 'resourceGroup'

@description('Chat model')
param chatModelName string = 'gpt-4o'
param embeddingModelName string
param prefix string = 'acme'
var location = 'eastus'
var chatVersion = '2024-11-20'

/*
resource ghost 'Microsoft.CognitiveServices/accounts@2023-05-01' = {
  name: 'ghost'
  kind: 'OpenAI'
}
*/
// resource ghost2 'Microsoft.CognitiveServices/accounts@2023-05-01' = { name: 'ghost2', kind: 'OpenAI' }

resource openai 'Microsoft.CognitiveServices/accounts@2024-10-01' = {
  name: '\${prefix}-openai'
  location: location
  kind: 'OpenAI'
  sku: {
    name: 'S0'
  }
  identity: {
    type: 'SystemAssigned'
  }
  properties: {
    customSubDomainName: '\${prefix}-\${uniqueString(resourceGroup().id)}'
    disableLocalAuth: true
    publicNetworkAccess: 'Disabled'
  }

  resource chat 'deployments@2024-10-01' = {
    name: 'chat'
    sku: { name: 'GlobalStandard', capacity: 10 }
    properties: {
      model: {
        format: 'OpenAI'
        name: chatModelName
        version: chatVersion
      }
    }
  }
}

resource embedding 'Microsoft.CognitiveServices/accounts/deployments@2024-10-01' = {
  parent: openai
  name: 'embedding'
  properties: {
    model: { format: 'OpenAI', name: embeddingModelName, version: '1' }
  }
  dependsOn: [
    openai::chat
  ]
}

resource language 'Microsoft.CognitiveServices/accounts@2024-10-01' = {
  name: 'acme-language'
  kind: 'TextAnalytics'
}

resource storage 'Microsoft.Storage/storageAccounts@2023-01-01' = {
  name: 'acmemodels'
  kind: 'StorageV2'
  properties: {
    description: '''
resource fake 'Microsoft.CognitiveServices/accounts@2024-10-01' = { name: 'fake', kind: 'OpenAI' }
'''
  }
}
`;

describe('Bicep', () => {
  it('reads accounts, nested and parented deployments, params and vars; comments, other types and other kinds are not assets', () => {
    const r = detectFile('infra/main.bicep', MAIN);
    expect(r.diagnostics).toEqual([]);
    expect(assetNames(r)).toEqual(['endpoint:acme-openai', 'endpoint:chat', 'endpoint:embedding', 'identity:openai (system-assigned)', 'model:gpt-4o']);
    const account = assetNamed(r, 'endpoint', 'acme-openai');
    expect(account?.provider).toBe('azure-openai');
    expect(account?.nativeId).toBe('openai');
    expect(account?.attributes).toMatchObject({
      iacType: 'Microsoft.CognitiveServices/accounts', accountKind: 'OpenAI', disableLocalAuth: true, publicNetworkAccess: 'Disabled', sku: 'S0',
      customSubdomain: '${prefix}-${uniqueString(resourceGroup().id)}',
    });
    expect(account?.evidence.map((e) => [e.line, e.snippet])).toEqual([[19, "resource openai 'Microsoft.CognitiveServices/accounts@2024-10-01' = {"]]);
    const chat = assetNamed(r, 'endpoint', 'chat');
    expect(chat?.nativeId).toBe('openai::chat');
    expect(chat?.attributes).toMatchObject({ iacType: 'Microsoft.CognitiveServices/accounts/deployments', modelVersion: '2024-11-20', modelFormat: 'OpenAI', sku: 'GlobalStandard', account: 'openai' });
    expect(chat?.evidence[0]?.line).toBe(35);
    expect(assetNamed(r, 'model', 'gpt-4o')?.attributes.valueFrom).toEqual(['properties.model.name: chatModelName (parameter default, infra/main.bicep:5)']);
    // A param without a default is not invented: the deployment keeps it as written.
    expect(assetNamed(r, 'endpoint', 'embedding')?.attributes).toMatchObject({ modelRefs: ['embeddingModelName'], account: 'openai' });
    expect(edgeNames(r)).toEqual(['endpoint:acme-openai RUNS_AS identity:openai (system-assigned)', 'endpoint:chat SERVES model:gpt-4o']);
  });

  it('keys assets by the file: the same symbolic name in two files is two assets', () => {
    const a = detectFile('infra/a.bicep', MAIN);
    const b = detectFile('infra/b.bicep', MAIN);
    expect(assetNamed(a, 'endpoint', 'chat')?.id).not.toBe(assetNamed(b, 'endpoint', 'chat')?.id);
    // Public model ids are one asset wherever they are named.
    expect(assetNamed(a, 'model', 'gpt-4o')?.id).toBe(assetNamed(b, 'model', 'gpt-4o')?.id);
  });

  it('reads conditional, looped and existing resources', () => {
    const src = `param deployAi bool = true
param deployments array = []

resource shared 'Microsoft.CognitiveServices/accounts@2024-10-01' existing = {
  name: 'shared-openai'
  resource mini 'deployments@2024-10-01' = {
    name: 'mini'
    properties: { model: { format: 'OpenAI', name: 'gpt-4o-mini', version: '2024-07-18' } }
  }
}

resource services 'Microsoft.CognitiveServices/accounts@2024-10-01' = if (deployAi && !empty(deployments)) {
  name: 'acme-ai'
  kind: 'AIServices'
}

@batchSize(1)
resource many 'Microsoft.CognitiveServices/accounts/deployments@2024-10-01' = [for (d, i) in deployments: {
  parent: services
  name: d.name
  properties: {
    model: {
      name: d.model.name
    }
  }
}]

resource other 'Microsoft.CognitiveServices/accounts/deployments@2024-10-01' = [for d in range(0, 2): if (d > 0) {
  parent: services
  name: 'gpt4-\${d}'
  properties: { model: { name: 'gpt-4' } }
}]
`;
    const r = detectFile('ai.bicep', src);
    expect(r.diagnostics).toEqual([]);
    // The existing account is declared elsewhere (no kind here): only its deployment is reported.
    expect(assetNames(r)).toEqual(['endpoint:acme-ai', 'endpoint:many', 'endpoint:mini', 'endpoint:other', 'model:gpt-4', 'model:gpt-4o-mini']);
    expect(assetNamed(r, 'endpoint', 'acme-ai')?.provider).toBe('azure-ai-services');
    expect(assetNamed(r, 'endpoint', 'mini')?.attributes).toMatchObject({ account: 'shared' });
    expect(assetNamed(r, 'endpoint', 'many')?.attributes).toMatchObject({ modelRefs: ['d.model.name'] });
    expect(edgeNames(r)).toEqual(['endpoint:mini SERVES model:gpt-4o-mini', 'endpoint:other SERVES model:gpt-4']);
  });

  it('reports models passed to a module in its params, as for a Terraform module call', () => {
    const src = `param chatModelName string = 'gpt-4o'
param embeddingModelName string
module openAi 'core/ai/cognitiveservices.bicep' = {
  name: 'openai'
  params: {
    name: 'acme'
    deployments: [
      {
        name: 'chat'
        model: {
          format: 'OpenAI'
          name: chatModelName
          version: '2024-05-13'
        }
      }
      {
        name: 'embedding'
        model: {
          format: 'OpenAI'
          name: embeddingModelName
        }
      }
    ]
    dataModel: 'gpt-4'
    defaultChatModel: 'gpt-35-turbo'
  }
}
`;
    const r = detectFile('main.bicep', src);
    expect(r.diagnostics).toEqual([]);
    // camelCase params read as snake_case: \`defaultChatModel\` holds a model, \`dataModel\` does not.
    expect(assetNames(r)).toEqual(['model:gpt-35-turbo', 'model:gpt-4o']);
    expect(assetNamed(r, 'model', 'gpt-4o')?.attributes).toMatchObject({ sources: ['iac:module.openAi.name'], valueFrom: ['name: chatModelName (parameter default, main.bicep:1)'] });
  });

  it('reads newer syntax: typed vars, pragmas, multi-line ternaries, commas, spreads, escapes', () => {
    const src = `var chatModel string = 'gpt-4o-mini'
var useBig = false
var region = useBig
  ? 'eastus2'
  : 'swedencentral'
#disable-next-line BCP081
resource acct 'Microsoft.CognitiveServices/accounts@2025-04-01-preview' = {
  name: 'it\\'s-\\u{41}'
  kind: 'AIServices'
  properties: { ...base, publicNetworkAccess: 'Enabled', disableLocalAuth: false }
  resource dep 'Microsoft.CognitiveServices/accounts/deployments@2025-04-01-preview' = {
    name: 'mini'
    properties: { model: { name: chatModel, format: 'OpenAI' } }
  }
}
`;
    const r = detectFile('ai.bicep', src);
    expect(r.diagnostics).toEqual([]);
    expect(assetNames(r)).toEqual(["endpoint:it's-A", 'endpoint:mini', 'model:gpt-4o-mini']);
    expect(assetNamed(r, 'endpoint', "it's-A")?.attributes).toMatchObject({ publicNetworkAccess: 'Enabled', disableLocalAuth: false });
    expect(assetNamed(r, 'model', 'gpt-4o-mini')?.attributes.valueFrom).toEqual(['properties.model.name: chatModel (var, ai.bicep:1)']);
  });

  it('reads Azure ML workspaces: Hub and Project kinds are AI Foundry, others Machine Learning; online endpoints', () => {
    const src = `resource hub 'Microsoft.MachineLearningServices/workspaces@2024-10-01' = {
  name: 'acme-hub'
  kind: 'Hub'
  identity: { type: 'SystemAssigned' }
}
resource project 'Microsoft.MachineLearningServices/workspaces@2024-10-01' = {
  name: 'acme-project'
  kind: 'Project'
  properties: { hubResourceId: hub.id }
}
resource ws 'Microsoft.MachineLearningServices/workspaces@2024-10-01' = {
  name: 'acme-ml'
  resource scoring 'onlineEndpoints@2024-10-01' = {
    name: 'scoring'
    location: 'eastus'
    properties: { authMode: 'Key' }
  }
}
resource registry 'Microsoft.MachineLearningServices/registries@2024-10-01' = {
  name: 'acme-registry'
}
`;
    const r = detectFile('ml.bicep', src);
    expect(r.diagnostics).toEqual([]);
    expect(assetNames(r)).toEqual(['endpoint:scoring', 'identity:hub (system-assigned)', 'system:acme-hub', 'system:acme-ml', 'system:acme-project']);
    expect(assetNamed(r, 'system', 'acme-hub')?.provider).toBe('azure-ai-foundry');
    expect(assetNamed(r, 'system', 'acme-project')?.provider).toBe('azure-ai-foundry');
    expect(assetNamed(r, 'system', 'acme-ml')?.provider).toBe('azure-machine-learning');
    expect(assetNamed(r, 'endpoint', 'scoring')?.attributes).toMatchObject({ iacType: 'Microsoft.MachineLearningServices/workspaces/onlineEndpoints', workspace: 'ws' });
  });

  it('a syntax error is a diagnostic with its line; resources before it still count', () => {
    const src = `resource ok 'Microsoft.CognitiveServices/accounts@2024-10-01' = {
  name: 'ok'
  kind: 'OpenAI'
}
resource bad 'Microsoft.CognitiveServices/accounts@2024-10-01' = {
  name: 'bad' 'worse'
  kind: 'OpenAI'
}
`;
    const r = detectFile('broken.bicep', src);
    expect(r.diagnostics.map((d) => [d.code, d.location?.line])).toEqual([['parse-failed', 6]]);
    expect(r.diagnostics[0]?.message).toMatch(/^invalid Bicep: /);
    expect(assetNames(r)).toEqual(['endpoint:ok']);
  });

  it('the pre-check dismisses Bicep files that name no AI service and call no module that says model', () => {
    expect(iacDetector.patterns).toContain('**/*.bicep');
    expect(iacDetector.detect({ scope: 'repo', path: 'storage.bicep', content: "resource s 'Microsoft.Storage/storageAccounts@2023-01-01' = {\n  name: 'x'\n}\n" })).toBeNull();
    expect(iacDetector.detect({ scope: 'repo', path: 'app.bicep', content: "module web 'web.bicep' = {\n  name: 'web'\n}\n" })).toBeNull();
    expect(detectFile('search.bicep', "resource s 'Microsoft.Search/searchServices@2023-11-01' = {\n  name: 'x'\n}\n")).toEqual({ assets: [], relationships: [], diagnostics: [] });
  });
});
