import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { detectTree, names } from '../../../test/helpers/detect-tree.ts';
import { notebookDetector } from './index.ts';

const fixture = (name: string): string => fileURLToPath(new URL(`../../../test/fixtures/${name}`, import.meta.url));

describe('notebook detector on fixtures', () => {
  it('notebook: code cells only, installs, cross-cell resolution, nbformat 3', () => {
    const all = detectTree(fixture('notebook'), notebookDetector);
    const r = { ...all, assets: all.assets.filter((a) => a.evidence.every((e) => !e.path?.startsWith('dotnet/'))), diagnostics: all.diagnostics.filter((d) => d.level !== 'info') };
    expect(names(r.assets, 'sdk')).toEqual(['openai', 'sentence-transformers', 'torch', 'transformers']);
    expect(names(r.assets, 'model')).toEqual(['all-MiniLM-L6-v2', 'distilbert-base-uncased-finetuned-sst-2-english', 'gpt-4o-mini']);
    const torch = r.assets.find((a) => a.name === 'torch');
    expect(torch?.attributes).toEqual({ ecosystem: 'pypi', category: 'ml', declared: false, scopes: ['notebook-install'] });
    const distil = r.assets.find((a) => a.name === 'distilbert-base-uncased-finetuned-sst-2-english');
    expect(distil?.attributes).toEqual({ sources: ['from_pretrained'] });
    expect(distil?.evidence.map((e) => [e.path, e.cell, e.line, e.confidence])).toEqual([
      ['sentiment-exploration.ipynb', 3, 2, 'inferred'],
      ['sentiment-exploration.ipynb', 3, 4, 'inferred'],
    ]);
    expect(r.assets.find((a) => a.name === 'gpt-4o-mini')?.evidence).toEqual([
      { path: 'sentiment-exploration.ipynb', cell: 5, line: 5, snippet: 'model="gpt-4o-mini",', technique: 'call-site', confidence: 'declared', detector: 'notebooks' },
    ]);
    expect(r.diagnostics).toEqual([]);
  });

  it('.NET Interactive: #r nuget references, C# cells read as C#, other kernels named in an info note', () => {
    const r = detectTree(fixture('notebook'), notebookDetector);
    const dotnet = r.assets.filter((a) => a.evidence.some((e) => e.path?.startsWith('dotnet/')));
    expect(dotnet.map((a) => `${a.kind} ${a.name}`).sort()).toEqual(['model gpt-4o', 'sdk Azure.AI.OpenAI', 'sdk Microsoft.SemanticKernel', 'sdk OpenAI']);
    const azure = dotnet.find((a) => a.name === 'Azure.AI.OpenAI');
    expect(azure?.attributes).toEqual({ ecosystem: 'nuget', category: 'llm-provider', declared: false, scopes: ['notebook-install'], versions: ['2.1.0'] });
    expect(azure?.evidence.map((e) => [e.cell, e.line, e.technique, e.snippet])).toEqual([
      [1, 1, 'call-site', '#r "nuget: Azure.AI.OpenAI, 2.1.0"'],
      [2, 2, 'import', 'using Azure.AI.OpenAI;'],
    ]);
    expect(dotnet.find((a) => a.name === 'gpt-4o')?.evidence).toEqual([
      { path: 'dotnet/azure-openai-chat.ipynb', cell: 3, line: 3, snippet: 'ChatClient chat = azureClient.GetChatClient("gpt-4o");', technique: 'call-site', confidence: 'declared', detector: 'notebooks' },
    ]);
    expect(r.diagnostics).toEqual([
      {
        connector: 'notebooks', level: 'info', code: 'not-supported', location: { path: 'dotnet/azure-openai-chat.ipynb' },
        message: 'notebook code not read: 1 fsharp cell, 1 pwsh cell (their #r "nuget: ..." references are read); aimap reads Python and C# cells',
      },
      { connector: 'notebooks', level: 'info', code: 'not-supported', location: { path: 'r-survey.ipynb' }, message: 'notebook code not read: 1 r cell; aimap reads Python and C# cells' },
    ]);
    // An R notebook is not read as Python: `model = "gpt-4o-mini"` there is no evidence.
    expect(r.assets.some((a) => a.evidence.some((e) => e.path === 'r-survey.ipynb'))).toBe(false);
  });

  it('negative-controls (all areas): prose, outputs and non-AI installs yield nothing', () => {
    expect(detectTree(fixture('negative-controls'), notebookDetector)).toEqual({ assets: [], relationships: [], diagnostics: [] });
  });
});
