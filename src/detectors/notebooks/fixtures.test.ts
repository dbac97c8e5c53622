import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { detectTree, names } from '../../../test/helpers/detect-tree.ts';
import { notebookDetector } from './index.ts';

const fixture = (name: string): string => fileURLToPath(new URL(`../../../test/fixtures/${name}`, import.meta.url));

describe('notebook detector on fixtures', () => {
  it('notebook: code cells only, installs, cross-cell resolution, nbformat 3', () => {
    const r = detectTree(fixture('notebook'), notebookDetector);
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

  it('negative-controls (all areas): prose, outputs and non-AI installs yield nothing', () => {
    expect(detectTree(fixture('negative-controls'), notebookDetector)).toEqual({ assets: [], relationships: [], diagnostics: [] });
  });
});
