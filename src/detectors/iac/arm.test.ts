import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cpuTimed } from '../../../test/helpers/cpu-time.ts';
import { siblingsOf, type SiblingFiles } from '../types.ts';
import { iacDetector } from './index.ts';
import { mayFindIac } from './precheck.ts';
import { assetNamed, assetNames, detectFile, edgeNames, EMPTY } from './test-helpers.ts';

const FIXTURE = readFileSync(new URL('../../../test/fixtures/iac/arm/azuredeploy.json', import.meta.url), 'utf8');
const SCHEMA = 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#';

const template = (body: Record<string, unknown>): string => JSON.stringify({ $schema: SCHEMA, contentVersion: '1.0.0.0', ...body }, null, 2);

/** Siblings of these names, each holding `{}`. */
const siblingsNamed = (...names: string[]): SiblingFiles => siblingsOf(new Map(names.map((n) => [n, '{}'])));

describe('ARM templates', () => {
  it('reads accounts and deployments, top-level children and nested ones, parameters, variables and template functions', () => {
    const r = detectFile('infra/azuredeploy.json', FIXTURE);
    expect(r.diagnostics).toEqual([]);
    // The TextAnalytics account, the storage account and a type named in a string are not assets.
    expect(assetNames(r)).toEqual([
      'endpoint:acme-foundry', 'endpoint:chat', 'endpoint:embedding', 'endpoint:mini', 'endpoint:oai-[uniqueString(resourceGroup().id)]',
      'identity:oai-[uniqueString(resourceGroup().id)] (system-assigned)', 'model:gpt-4o', 'model:gpt-4o-mini',
    ]);
    const account = assetNamed(r, 'endpoint', 'oai-[uniqueString(resourceGroup().id)]');
    expect(account?.provider).toBe('azure-openai');
    expect(account?.attributes).toMatchObject({ iacType: 'Microsoft.CognitiveServices/accounts', accountKind: 'OpenAI', disableLocalAuth: false, publicNetworkAccess: 'Enabled', sku: 'S0' });
    expect(account?.evidence.map((e) => [e.line, e.snippet])).toEqual([[21, '"type": "Microsoft.CognitiveServices/accounts",']]);
    // `format('{0}/{1}', parameters('openAiAccountName'), variables('chatDeployment'))`: the child `chat` of that account.
    const chat = assetNamed(r, 'endpoint', 'chat');
    expect(chat?.nativeId).toBe('oai-[uniqueString(resourceGroup().id)]/chat');
    expect(chat?.attributes).toMatchObject({ modelVersion: '2024-08-06', modelFormat: 'OpenAI', sku: 'GlobalStandard', account: 'oai-[uniqueString(resourceGroup().id)]' });
    expect(assetNamed(r, 'model', 'gpt-4o')?.attributes.valueFrom).toEqual(["properties.model.name: parameters('chatModelName') (parameter default, infra/azuredeploy.json:10)"]);
    // A parameter without a default is not invented; a variable's key is followed.
    expect(assetNamed(r, 'endpoint', 'embedding')?.attributes).toMatchObject({ modelRefs: ["parameters('embeddingModelName')"], modelVersion: '1', account: 'oai-[uniqueString(resourceGroup().id)]' });
    const mini = assetNamed(r, 'endpoint', 'mini');
    expect(mini?.provider).toBe('azure-openai');
    expect(mini?.attributes).toMatchObject({ iacType: 'Microsoft.CognitiveServices/accounts/deployments', account: 'acme-foundry' });
    expect(assetNamed(r, 'endpoint', 'acme-foundry')?.provider).toBe('azure-ai-services');
    expect(edgeNames(r)).toEqual([
      'endpoint:chat SERVES model:gpt-4o',
      'endpoint:mini SERVES model:gpt-4o-mini',
      'endpoint:oai-[uniqueString(resourceGroup().id)] RUNS_AS identity:oai-[uniqueString(resourceGroup().id)] (system-assigned)',
    ]);
  });

  it('reads languageVersion 2.0 templates: resources keyed by symbolic name, existing resources', () => {
    const src = template({
      languageVersion: '2.0',
      parameters: { kind: { type: 'string', defaultValue: 'AIServices' } },
      resources: {
        shared: { type: 'Microsoft.CognitiveServices/accounts', apiVersion: '2024-10-01', existing: true, name: 'shared-openai' },
        chat: { type: 'Microsoft.CognitiveServices/accounts/deployments', apiVersion: '2024-10-01', name: "[format('{0}/{1}', 'shared-openai', 'chat')]", properties: { model: { name: 'gpt-4.1' } } },
        // Parameter and function names are case-insensitive.
        hub: { type: 'Microsoft.CognitiveServices/accounts', apiVersion: '2024-10-01', name: "[toLower('ACME-Hub')]", kind: "[Parameters('KIND')]" },
      },
    });
    const r = detectFile('infra/main.json', src);
    expect(r.diagnostics).toEqual([]);
    expect(assetNames(r)).toEqual(['endpoint:acme-hub', 'endpoint:chat', 'model:gpt-4.1']);
    expect(assetNamed(r, 'endpoint', 'chat')?.nativeId).toBe('chat');
    // The parent by its name (what Azure shows), wherever the child is written.
    expect(assetNamed(r, 'endpoint', 'chat')?.attributes.account).toBe('shared-openai');
    expect(assetNamed(r, 'endpoint', 'acme-hub')?.provider).toBe('azure-ai-services');
  });

  it('reads nested deployments: an inner-scope template gets the literal values passed to it, an outer-scope one reads the outer parameters', () => {
    const src = template({
      parameters: { chatModel: { type: 'string', defaultValue: 'gpt-4o' }, accountName: { type: 'string', defaultValue: 'acme-openai' } },
      resources: [
        {
          type: 'Microsoft.Resources/deployments',
          apiVersion: '2022-09-01',
          name: 'openai',
          properties: {
            expressionEvaluationOptions: { scope: 'inner' },
            mode: 'Incremental',
            parameters: { name: { value: "[parameters('accountName')]" }, model: { value: "[parameters('chatModel')]" } },
            template: {
              $schema: SCHEMA,
              parameters: { name: { type: 'string' }, model: { type: 'string', defaultValue: 'gpt-35-turbo' } },
              resources: [
                { type: 'Microsoft.CognitiveServices/accounts', apiVersion: '2024-10-01', name: "[parameters('name')]", kind: 'OpenAI' },
                { type: 'Microsoft.CognitiveServices/accounts/deployments', apiVersion: '2024-10-01', name: "[format('{0}/chat', parameters('name'))]", properties: { model: { name: "[parameters('model')]" } } },
              ],
            },
          },
        },
        {
          type: 'Microsoft.Resources/deployments',
          apiVersion: '2022-09-01',
          name: 'outer-scope',
          properties: {
            template: {
              resources: [{ type: 'Microsoft.MachineLearningServices/workspaces', apiVersion: '2024-04-01', name: "[concat(parameters('accountName'), '-hub')]", kind: 'Hub' }],
            },
          },
        },
      ],
    });
    const r = detectFile('infra/main.json', src);
    expect(r.diagnostics).toEqual([]);
    expect(assetNames(r)).toEqual(['endpoint:acme-openai', 'endpoint:chat', 'model:gpt-4o', 'system:acme-openai-hub']);
    // The value comes from what the deployment passes (`model: { value: "[parameters('chatModel')]" }`), not the inner default.
    const passed = src.split('\n').findIndex((l) => l.includes(`"value": "[parameters('chatModel')]"`)) + 1;
    expect(assetNamed(r, 'model', 'gpt-4o')?.attributes.valueFrom).toEqual([`properties.model.name: parameters('model') (deployment parameter, infra/main.json:${passed})`]);
    expect(edgeNames(r)).toEqual(['endpoint:chat SERVES model:gpt-4o']);
    // The inner template's assets are keyed by the deployment: the same names in another deployment are other assets.
    expect(assetNamed(r, 'endpoint', 'chat')?.attributes.account).toBe('acme-openai');
  });

  it('does not read a compiled Bicep file beside its source, nor parameter files, nor JSON that only mentions the schema', () => {
    const compiled = template({ metadata: { _generator: { name: 'bicep', version: '0.30.23' } }, resources: [{ type: 'Microsoft.CognitiveServices/accounts', apiVersion: '2024-10-01', name: 'acme', kind: 'OpenAI' }] });
    expect(iacDetector.detect({ scope: 'repo', path: 'infra/main.json', content: compiled, siblings: siblingsNamed('main.bicep', 'main.parameters.json') })).toBeNull();
    // Azure quickstarts compile `main.bicep` to `azuredeploy.json`.
    expect(iacDetector.detect({ scope: 'repo', path: 'openai/azuredeploy.json', content: compiled, siblings: siblingsNamed('main.bicep', 'README.md') })).toBeNull();
    // Without Bicep beside it, the compiled template is all there is: it is read; so is a hand-written one beside Bicep files.
    const alone = iacDetector.detect({ scope: 'repo', path: 'infra/main.json', content: compiled, siblings: siblingsNamed('main.parameters.json') });
    expect(assetNames(alone ?? EMPTY)).toEqual(['endpoint:acme']);
    const handWritten = compiled.replace('"bicep"', '"hand"');
    expect(assetNames(iacDetector.detect({ scope: 'repo', path: 'infra/main.json', content: handWritten, siblings: siblingsNamed('main.bicep') }) ?? EMPTY)).toEqual(['endpoint:acme']);
    const params = JSON.stringify({ $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentParameters.json#', parameters: { kind: { value: 'Microsoft.CognitiveServices/accounts' } } });
    expect(detectFile('infra/main.parameters.json', params)).toEqual(EMPTY);
    const mention = JSON.stringify({ docs: { $schema: SCHEMA, note: 'Microsoft.CognitiveServices/accounts' }, resources: [{ type: 'Microsoft.CognitiveServices/accounts', name: 'x', kind: 'OpenAI' }] });
    expect(detectFile('docs/example.json', mention)).toEqual(EMPTY);
  });

  it('keeps expressions it cannot compute as written, and escaped brackets as literals', () => {
    const src = template({
      variables: { names: ['a', 'b'] },
      resources: [
        { type: "[parameters('type')]", apiVersion: '2024-10-01', name: 'dynamic', kind: 'OpenAI' },
        { type: 'Microsoft.CognitiveServices/accounts', apiVersion: '2024-10-01', name: '[[literal]', kind: 'OpenAI' },
        { type: 'Microsoft.CognitiveServices/accounts', apiVersion: '2024-10-01', name: "[variables('names')[copyIndex()]]", kind: 'OpenAI', copy: { name: 'accounts', count: 2 } },
        { type: 'Microsoft.CognitiveServices/accounts', apiVersion: '2024-10-01', name: "[concat('x', ", kind: 'OpenAI' },
      ],
    });
    const r = detectFile('infra/t.json', src);
    expect(r.diagnostics).toEqual([]);
    // A type held in an expression is not guessed; the others keep their names as written (an unclosed `[` is no expression).
    expect(assetNames(r)).toEqual(["endpoint:[concat('x',", 'endpoint:[literal]', "endpoint:[variables('names')[copyIndex()]]"]);
  });

  it('is gated on the schema and an Azure AI type, and reports invalid JSON as a diagnostic', () => {
    expect(mayFindIac('infra/azuredeploy.json', FIXTURE)).toBe(true);
    expect(mayFindIac('infra/storage.json', template({ resources: [{ type: 'Microsoft.Storage/storageAccounts', name: 's' }] }))).toBe(false);
    expect(mayFindIac('package.json', '{"name": "x", "description": "Microsoft.CognitiveServices"}')).toBe(false);
    const broken = `{\n  "$schema": "${SCHEMA}",\n  "resources": [ { "type": "Microsoft.CognitiveServices/accounts", \n ]\n}`;
    const r = detectFile('infra/broken.json', broken);
    expect(r.assets).toEqual([]);
    expect(r.diagnostics.map((d) => [d.code, d.location?.line])).toEqual([['parse-failed', 4]]);
  });

  it('hostile: constants that name each other, deep nesting and a 10,000-resource template finish quickly', () => {
    // Each variable concatenates the previous one ten times: followed naively, 10^40 pieces.
    const variables: Record<string, string> = { v0: 'x' };
    for (let i = 1; i <= 40; i++) variables[`v${i}`] = `[concat(${Array.from({ length: 10 }, () => `variables('v${i - 1}')`).join(', ')})]`;
    let nested: Record<string, unknown> = { resources: [{ type: 'Microsoft.CognitiveServices/accounts', name: 'deep', kind: 'OpenAI' }] };
    for (let i = 0; i < 30; i++) nested = { resources: [{ type: 'Microsoft.Resources/deployments', name: `d${i}`, properties: { template: nested } }] };
    const children = Array.from({ length: 10_000 }, (_, i) => ({ type: 'Microsoft.CognitiveServices/accounts/deployments', name: `acme/d${i}`, properties: { model: { name: "[variables('v40')]" } } }));
    const src = template({
      variables,
      resources: [
        { type: 'Microsoft.CognitiveServices/accounts', name: "[variables('v40')]", kind: 'OpenAI' },
        { type: 'Microsoft.CognitiveServices/accounts', name: 'acme', kind: 'OpenAI' },
        ...children,
        ...(nested.resources as unknown[]),
        { type: 'Microsoft.CognitiveServices/accounts', name: `[${'concat('.repeat(5000)}'a'${')'.repeat(5000)}]`, kind: 'OpenAI' },
      ],
    });
    const { value: r, ms } = cpuTimed(() => detectFile('infra/hostile.json', src));
    expect(r.assets.filter((a) => a.kind === 'endpoint').length).toBe(10_003);
    expect(r.diagnostics.map((d) => d.message)).toEqual(['nested deployments deeper than 8 levels; not read']);
    expect(ms).toBeLessThan(20_000);
  });

  const account = (name: string, extra: Record<string, unknown> = {}) => ({ type: 'Microsoft.CognitiveServices/accounts', apiVersion: '2024-10-01', name, kind: 'OpenAI', ...extra });
  /** The template `build` writes is read within the CPU guard, with its one AI account and no diagnostic. */
  const oneAccountCheaply = (_label: string, build: () => string): void => {
    const content = build();
    const { value: r, ms } = cpuTimed(() => detectFile('infra/azuredeploy.json', content));
    expect(r.diagnostics).toEqual([]);
    expect(r.assets.filter((a) => a.kind === 'endpoint')).toHaveLength(1);
    expect(ms).toBeLessThan(5_000);
  };
  it.each([
    // Each placeholder used to rescan its 1 MB argument once the step budget was spent (two minutes).
    ['300,000 placeholders over a 1 MB string', () => template({ resources: [account(`[format('${'{0}'.repeat(300_000)}', '${'a'.repeat(1_000_000)}')]`)] })],
    // Each use used to parse the 2.4 MB constant again (four minutes).
    ['a 2.4 MB variable read 70,000 times', () => template({ variables: { big: `['${'a'.repeat(2_400_000)}']`, k: 'x' }, resources: [account('a', { properties: { list: Array<string>(70_000).fill("[variables('big')[variables('k')]]") } })] })],
    // A chain of keys was built by `unshift` (five minutes).
    ['a reference followed by 1,000,000 keys', () => template({ resources: [account('a', { properties: { v: `[parameters('x')${'.a'.repeat(1_000_000)}]` } })] })],
    // These overflowed the stack (`push(...pieces)`): the file's assets were lost.
    ['format of a 300,000-argument concat', () => template({ resources: [account(`[format('{0}', concat(${Array<string>(300_000).fill("'a'").join(',')}))]`)] })],
    ['an unparsable name naming a parameter 300,000 times', () => template({ resources: [account(`[${Array<string>(300_000).fill("parameters('a')").join(' ')}]`)] })],
  ])('hostile: %s stays cheap and loses nothing', oneAccountCheaply);

  it('reads what ARM means: escapes, format specifiers, comments, the order of resources, a value passed to a nested template', () => {
    const src = `{
  // a comment, as the Azure CLI accepts
  "$schema": "${SCHEMA}",
  "parameters": { "n": { "type": "int", "defaultValue": 7 }, "chat": { "type": "string" } },
  "variables": { "name": "acme" },
  /* children may come before their parent */
  "resources": [
    { "type": "Microsoft.CognitiveServices/accounts/deployments", "name": "[concat(variables('name'), '/chat')]", "properties": { "model": { "name": "gpt-4o" } } },
    { "type": "Microsoft.CognitiveServices/accounts", "name": "[variables('name')]", "kind": "OpenAI" },
    { "type": "Microsoft.CognitiveServices/accounts", "name": "[[not-an-expression", "kind": "OpenAI" },
    { "type": "Microsoft.CognitiveServices/accounts", "name": "[format('acct-{0:D3}', parameters('n'))]", "kind": "OpenAI" },
    { "type": "Microsoft.Resources/deployments", "name": "inner", "properties": {
      "expressionEvaluationOptions": { "scope": "inner" },
      "parameters": { "model": { "value": "[parameters('chat')]" } },
      "template": { "parameters": { "model": { "type": "string", "defaultValue": "gpt-35-turbo" } }, "resources": [
        { "type": "Microsoft.CognitiveServices/accounts/deployments", "name": "other/mini", "properties": { "model": { "name": "[parameters('model')]" } } }
      ] } } }
  ]
}`;
    const r = detectFile('infra/azuredeploy.json', src);
    expect(r.diagnostics).toEqual([]);
    // `[[x` without a closing bracket is a literal as written; `{0:D3}` is .NET formatting, not computed here.
    expect(assetNames(r)).toEqual(['endpoint:[[not-an-expression', "endpoint:[format('acct-{0:D3}', parameters('n'))]", 'endpoint:acme', 'endpoint:chat', 'endpoint:mini', 'model:gpt-4o']);
    expect(assetNamed(r, 'endpoint', 'chat')?.attributes.account).toBe('acme');
    // The deployment passes a value it cannot compute: the inner default does not apply.
    expect(assetNamed(r, 'endpoint', 'mini')?.attributes.modelRefs).toEqual(["parameters('model')"]);
  });

  it.each([
    // An expression inside a constant's object was parsed and run again on every use (48 s for 100 uses).
    ['an object variable whose 10,000-character expression is read 20,000 times', () => template({
      variables: { b: { z: `[f(${Array<string>(5_000).fill('1').join(',')})]`, y: `[concat(${Array<string>(500).fill("variables('b').z").join(', ')})]` } },
      resources: [account('a', { properties: { list: Array<string>(20_000).fill("[toLower(variables('b').y)]") } })],
    })],
    // Each nested template read the outer constants anew (N x their size).
    ['3,000 nested deployments reading 256 constants of 256 parts', () => template({
      variables: {
        ...Object.fromEntries(Array.from({ length: 256 }, (_, k) => [`u${k}`, `u${k}`])),
        ...Object.fromEntries(Array.from({ length: 256 }, (_, j) => [`w${j}`, `[concat(${Array.from({ length: 256 }, (_, k) => `variables('u${k}')`).join(', ')})]`])),
        all: `[concat(${Array.from({ length: 256 }, (_, j) => `variables('w${j}')`).join(', ')})]`,
      },
      resources: [account('a'), ...Array.from({ length: 3_000 }, (_, i) => ({ type: 'Microsoft.Resources/deployments', name: `d${i}`, properties: { template: { resources: [{ type: 'Microsoft.Storage/storageAccounts', name: "[toLower(variables('all'))]" }] } } }))],
    })],
    // The k-th resource of one type and name probed k addresses (44 s for 20,000).
    ['20,000 accounts of one name', () => template({ resources: Array.from({ length: 20_000 }, () => ({ type: 'Microsoft.Storage/storageAccounts', name: 'a' })).concat([account('a')]) })],
  ])('hostile: %s stays linear', oneAccountCheaply);

  it('computes each constant once, in declaration order, whatever reads it first; long chains stay right', () => {
    const variables: Record<string, string> = { a0: 'x' };
    for (let i = 1; i < 100; i++) variables[`a${i}`] = `[concat(variables('a${i - 1}'), 'x')]`;
    const r = detectFile('infra/t.json', template({ variables, resources: [account("[variables('a99')]"), account("[toLower(variables('a50'))]")] }));
    expect(assetNames(r)).toEqual([`endpoint:${'x'.repeat(51)}`, `endpoint:${'x'.repeat(100)}`]);
  });

  it('reads names as ARM does: case-insensitively for parents, a name with spaces around brackets as text; an AI resource keeps its name beside a same-named other', () => {
    const r = detectFile('infra/t.json', template({
      parameters: { n: { type: 'string', defaultValue: 'evaluated' } },
      resources: [
        { type: 'Microsoft.Storage/storageAccounts', name: 'acme' },
        { type: 'Microsoft.CognitiveServices/accounts/deployments', name: 'acme/chat', properties: { model: { name: 'gpt-4o' } } },
        account('Acme'),
        account(" [parameters('n')]"),
      ],
    }));
    // (Asset names are shown trimmed.)
    expect(assetNames(r)).toEqual(['endpoint:Acme', "endpoint:[parameters('n')]", 'endpoint:chat', 'model:gpt-4o']);
    expect(assetNamed(r, 'endpoint', 'Acme')?.nativeId).toBe('Acme');
    expect(assetNamed(r, 'endpoint', 'chat')?.attributes.account).toBe('Acme');
  });

  it('passes objects built from outer parameters to an inner template; a Key Vault reference passed leaves the parameter unknown', () => {
    const inner = (passed: Record<string, unknown>) => template({
      parameters: { chatModel: { type: 'string', defaultValue: 'gpt-4o' } },
      resources: [{ type: 'Microsoft.Resources/deployments', name: 'm', properties: {
        expressionEvaluationOptions: { scope: 'inner' },
        parameters: { model: passed },
        template: { parameters: { model: { type: 'object', defaultValue: { name: 'gpt-35-turbo' } } }, resources: [{ type: 'Microsoft.CognitiveServices/accounts/deployments', name: 'x/chat', properties: { model: { name: "[parameters('model').name]" } } }] },
      } }],
    });
    expect(assetNames(detectFile('infra/t.json', inner({ value: { name: "[parameters('chatModel')]" } })))).toEqual(['endpoint:chat', 'model:gpt-4o']);
    expect(assetNames(detectFile('infra/t.json', inner({ reference: { keyVault: { id: 'kv' }, secretName: 'model' } })))).toEqual(['endpoint:chat']);
  });

  it('leaves a Terraform JSON file holding a template object to the Terraform reader', () => {
    const tf = JSON.stringify({
      locals: { tpl: { $schema: SCHEMA, resources: [] } },
      resource: { azurerm_cognitive_account: { openai: { name: 'acme-openai', kind: 'OpenAI', sku_name: 'S0' } } },
    });
    expect(assetNames(detectFile('infra/main.tf.json', tf))).toEqual(['endpoint:acme-openai']);
  });
});
