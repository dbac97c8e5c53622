import { describe, expect, it } from 'vitest';
import { assetNamed, assetNames, detectFile, edgeNames } from './test-helpers.ts';

const TF = `resource "azapi_resource" "openai" {
  type      = "Microsoft.CognitiveServices/accounts@2025-06-01"
  name      = "acme-openai"
  parent_id = azurerm_resource_group.rg.id
  body = {
    kind = "OpenAI"
    sku  = { name = "S0" }
    properties = {
      customSubDomainName = "acme-openai"
      disableLocalAuth    = true
      publicNetworkAccess = "Disabled"
    }
  }
  identity {
    type = "SystemAssigned"
  }
}

resource "azapi_resource" "chat" {
  type      = "microsoft.cognitiveservices/accounts/deployments@2024-10-01"
  name      = "chat"
  parent_id = azapi_resource.openai.id
  body = {
    sku = { name = "GlobalStandard", capacity = 10 }
    properties = { model = { format = "OpenAI", name = "gpt-4o", version = "2024-11-20" } }
  }
}

resource "azapi_resource" "speech" {
  type = "Microsoft.CognitiveServices/accounts@2025-06-01"
  name = "acme-speech"
  body = { kind = "SpeechServices" }
}

resource "azapi_resource" "storage" {
  type = "Microsoft.Storage/storageAccounts@2023-01-01"
  name = "acmemodels"
  body = { kind = "StorageV2" }
}
`;

describe('AzAPI resources', () => {
  it('an azapi_resource of an AI ARM type reads as its azurerm counterpart: account kind, deployment model, identity', () => {
    const r = detectFile('main.tf', TF);
    expect(assetNames(r)).toEqual(['endpoint:acme-openai', 'endpoint:chat', 'identity:azapi_resource.openai (system-assigned)', 'model:gpt-4o']);
    expect(assetNamed(r, 'endpoint', 'acme-openai')?.attributes).toMatchObject({ iacType: 'azapi_resource:Microsoft.CognitiveServices/accounts', accountKind: 'OpenAI', customSubdomain: 'acme-openai', disableLocalAuth: true, publicNetworkAccess: 'Disabled', sku: 'S0' });
    expect(assetNamed(r, 'endpoint', 'acme-openai')?.provider).toBe('azure-openai');
    expect(assetNamed(r, 'endpoint', 'chat')?.attributes).toMatchObject({ modelVersion: '2024-11-20', modelFormat: 'OpenAI', sku: 'GlobalStandard' });
    expect(edgeNames(r)).toContain('endpoint:chat SERVES model:gpt-4o');
  });

  it('an Azure ML workspace through AzAPI reads like its Bicep and azurerm counterparts', () => {
    const tf = 'resource "azapi_resource" "hub" {\n  type = "Microsoft.MachineLearningServices/workspaces@2024-10-01"\n  name = "acme-hub"\n  body = { kind = "Hub" }\n}\nresource "azapi_resource" "ws" {\n  type = "Microsoft.MachineLearningServices/workspaces@2024-10-01"\n  name = "acme-ml"\n}\n';
    const r = detectFile('main.tf', tf);
    expect(assetNames(r)).toEqual(['system:acme-hub', 'system:acme-ml']);
    expect([assetNamed(r, 'system', 'acme-hub')?.provider, assetNamed(r, 'system', 'acme-ml')?.provider]).toEqual(['azure-ai-foundry', 'azure-machine-learning']);
  });

  it('a type that is not literal, or names no AI service, is left alone', () => {
    expect(assetNames(detectFile('main.tf', TF.replace(/"Microsoft\.CognitiveServices\/accounts@2025-06-01"/g, 'var.arm_type').replace(/microsoft\.cognitiveservices\/accounts\/deployments@2024-10-01/, 'Microsoft.Search/searchServices@2024-06-01')))).toEqual([]);
  });
});
