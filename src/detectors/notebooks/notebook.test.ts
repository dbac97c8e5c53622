import { describe, expect, it } from 'vitest';
import type { DetectionResult } from '../../model/index.ts';
import { readNotebook, type NotebookCell } from './cells.ts';
import { cellLanguage } from './dotnet.ts';
import { detectNotebook, notebookDetector } from './index.ts';

const nb = (cells: Array<{ type: string; source: string | string[] }>, extra: Record<string, unknown> = {}): string =>
  JSON.stringify({ nbformat: 4, nbformat_minor: 5, metadata: {}, cells: cells.map((c) => ({ cell_type: c.type, metadata: {}, source: c.source, ...(c.type === 'code' ? { outputs: [], execution_count: null } : {}) })), ...extra });
const detect = (content: string): DetectionResult | null => detectNotebook({ scope: 't', path: 'notebooks/explore.ipynb', content });

describe('readNotebook', () => {
  it('reads nbformat 4 cells with string or string[] sources', () => {
    const r = readNotebook(nb([{ type: 'markdown', source: ['# a\n', 'b'] }, { type: 'code', source: 'x = 1' }]));
    expect(r).toEqual({ ok: true, cells: [{ index: 0, type: 'markdown', source: '# a\nb' }, { index: 1, type: 'code', source: 'x = 1' }] });
  });

  it('reads nbformat 3 worksheets with `input`', () => {
    const r = readNotebook(JSON.stringify({ nbformat: 3, worksheets: [{ cells: [{ cell_type: 'code', input: ['import openai'] }] }, { cells: [{ cell_type: 'markdown', source: 'x' }] }] }));
    expect(r).toEqual({ ok: true, cells: [{ index: 0, type: 'code', source: 'import openai' }, { index: 1, type: 'markdown', source: 'x' }] });
  });

  it('explains invalid JSON and non-notebooks instead of throwing', () => {
    expect(readNotebook('{"cells": [').ok).toBe(false);
    expect(readNotebook('[1, 2]')).toEqual({ ok: false, message: 'not a Jupyter notebook (no top-level object)' });
    expect(readNotebook('{"metadata": {}}')).toEqual({ ok: false, message: 'not a Jupyter notebook (no cells)' });
  });
});

describe('notebook detector', () => {
  it('is registered for .ipynb files', () => {
    expect(notebookDetector).toMatchObject({ id: 'notebooks', patterns: ['**/*.ipynb'] });
  });

  it('resolves across cells and cites cell (0-based among all cells) + line in cell', () => {
    const r = detect(nb([
      { type: 'markdown', source: 'intro' },
      { type: 'code', source: ['from openai import OpenAI\n', 'client = OpenAI()'] },
      { type: 'markdown', source: 'ask' },
      { type: 'code', source: '# call\nclient.responses.create(\n    model="gpt-4o-mini", input="hi")' },
    ]));
    const model = r?.assets.find((a) => a.kind === 'model');
    expect(model?.name).toBe('gpt-4o-mini');
    expect(model?.evidence).toEqual([{ path: 'notebooks/explore.ipynb', cell: 3, line: 3, snippet: 'model="gpt-4o-mini", input="hi")', technique: 'call-site', confidence: 'declared', detector: 'notebooks' }]);
    expect(r?.assets.find((a) => a.kind === 'sdk')?.evidence[0]).toMatchObject({ cell: 1, line: 1, technique: 'import' });
  });

  it('records %pip installs of catalog packages only, with versions and the notebook-install scope', () => {
    const r = detect(nb([{ type: 'code', source: '%pip install -q openai==1.51.0 pandas matplotlib\n!pip install langchain-community' }]));
    expect(r?.assets.map((a) => [a.name, a.attributes, a.evidence[0]?.technique, a.evidence[0]?.cell, a.evidence[0]?.line])).toEqual([
      ['openai', { ecosystem: 'pypi', category: 'llm-provider', declared: false, scopes: ['notebook-install'], versions: ['==1.51.0'] }, 'call-site', 0, 1],
      ['langchain-community', { ecosystem: 'pypi', category: 'framework', declared: false, scopes: ['notebook-install'] }, 'call-site', 0, 2],
    ]);
  });

  it('never reads markdown, raw cells or outputs', () => {
    const content = JSON.stringify({
      nbformat: 4,
      cells: [
        { cell_type: 'markdown', source: ['import openai\n', 'model="gpt-4o"'] },
        { cell_type: 'raw', source: 'from anthropic import Anthropic' },
        { cell_type: 'code', source: 'import pandas as pd', outputs: [{ output_type: 'stream', text: ['import openai\n'] }] },
      ],
    });
    expect(detect(content)).toBeNull();
  });

  it('keeps an unterminated string inside its cell', () => {
    const r = detect(nb([{ type: 'code', source: 'x = "oops' }, { type: 'code', source: 'import anthropic' }]));
    expect(r?.assets.map((a) => a.name)).toEqual(['anthropic']);
    expect(r?.diagnostics.map((d) => [d.code, d.location?.line, d.message])).toEqual([['parse-failed', 1, 'python: unterminated string literal (cell 0)']]);
  });

  it('turns invalid JSON into one parse-failed diagnostic', () => {
    const r = detect('{"cells": [ {"cell_type": "code", "source": "import openai"');
    expect(r?.assets).toEqual([]);
    expect(r?.diagnostics).toHaveLength(1);
    expect(r?.diagnostics[0]).toMatchObject({ connector: 'notebooks', code: 'parse-failed', location: { path: 'notebooks/explore.ipynb' } });
  });

  it('returns null for a notebook without AI and never throws on odd cell shapes', () => {
    expect(detect(nb([{ type: 'code', source: 'print(1)' }]))).toBeNull();
    expect(() => detect(JSON.stringify({ cells: [null, 3, { cell_type: 'code', source: [1, null, 'import openai'] }, { cell_type: 'code' }] }))).not.toThrow();
  });

  it('does not scan large outputs', () => {
    const huge = 'import openai\n'.repeat(200_000);
    const content = JSON.stringify({ nbformat: 4, cells: [{ cell_type: 'code', source: 'x = 1', outputs: [{ output_type: 'stream', text: huge }] }] });
    expect(detect(content)).toBeNull();
  });
});

describe('kernel languages', () => {
  const lang = (metadata: Record<string, unknown>, source: string, cellMeta: Record<string, unknown> = {}): string => {
    const r = readNotebook(JSON.stringify({ nbformat: 4, metadata, cells: [{ cell_type: 'code', metadata: cellMeta, source }] }));
    if (!r.ok) throw new Error(r.message);
    return cellLanguage(r.language, r.cells[0] as NotebookCell);
  };

  it('reads the kernelspec, language_info, Polyglot default kernel and per-cell metadata', () => {
    expect(lang({}, 'x = 1')).toBe('python');
    expect(lang({ kernelspec: { name: 'python3', language: 'python' } }, '#!/usr/bin/env python\nx = 1')).toBe('python');
    expect(lang({ kernelspec: { name: '.net-csharp' } }, 'var x = 1;')).toBe('csharp');
    expect(lang({ language_info: { name: 'polyglot-notebook' }, polyglot_notebook: { kernelInfo: { defaultKernelName: 'fsharp' } } }, 'let x = 1')).toBe('fsharp');
    expect(lang({ kernelspec: { language: 'C#' } }, 'x', { dotnet_interactive: { language: 'pwsh' } })).toBe('pwsh');
    expect(lang({ kernelspec: { language: 'C#' } }, '#!fsharp\nlet x = 1')).toBe('fsharp');
    expect(lang({ kernelspec: { language: 'C#' } }, '#!time\nvar x = 1;')).toBe('csharp');
    expect(lang({ kernelspec: { language: 'julia' } }, 'using OpenAI')).toBe('julia');
  });

  it('a C# notebook without metadata on its cells: usings and models read, #r nuget of non-catalog packages ignored', () => {
    const content = JSON.stringify({
      nbformat: 4,
      metadata: { kernelspec: { name: '.net-csharp', language: 'C#' } },
      cells: [
        { cell_type: 'code', metadata: {}, source: '#r "nuget: Microsoft.SemanticKernel"\n#r "nuget: Spectre.Console, 0.49.1"\n#r "./lib/Local.dll"' },
        { cell_type: 'code', metadata: {}, source: 'using Microsoft.SemanticKernel;\nvar kernel = Kernel.CreateBuilder().AddOpenAIChatCompletion(modelId: "gpt-4o-mini", apiKey: key).Build();' },
      ],
    });
    const r = detect(content);
    expect(r?.assets.map((a) => `${a.kind} ${a.name} ${a.evidence.map((e) => `${e.cell}:${e.line}`).join(',')}`)).toEqual([
      'sdk Microsoft.SemanticKernel 0:1,1:1',
      'model gpt-4o-mini 1:2',
    ]);
    expect(r?.diagnostics).toEqual([]);
  });
});
