import { describe, expect, it } from 'vitest';
import { manifestsDetector } from './index.ts';
import { parseCondaEnvironment } from './conda-environment.ts';

const ENV = `name: rag
channels:
  - conda-forge
dependencies:
  - python=3.11
  - pytorch::pytorch=2.3.1
  - transformers>=4.40
  - numpy
  - pip
  - pip:
      - openai==1.30.0
      - langchain-openai>=0.1  # chat
      - -r requirements.txt
`;

describe('conda environment files', () => {
  it('reads conda and pip dependencies with their lines, mapping conda names to PyPI', () => {
    const { entries, problems } = parseCondaEnvironment(ENV);
    expect(problems).toEqual([]);
    expect(entries.filter((e) => ['torch', 'transformers', 'openai', 'langchain-openai'].includes(e.name))).toEqual([
      { ecosystem: 'pypi', name: 'torch', scope: 'conda', version: '=2.3.1', line: 6 },
      { ecosystem: 'pypi', name: 'transformers', scope: 'conda', version: '>=4.40', line: 7 },
      { ecosystem: 'pypi', name: 'openai', scope: 'runtime', version: '==1.30.0', line: 11 },
      { ecosystem: 'pypi', name: 'langchain-openai', scope: 'runtime', version: '>=0.1', line: 12 },
    ]);
  });

  it('turns only the AI packages into sdk assets through the detector', () => {
    const result = manifestsDetector.detect({ scope: 's', path: 'ml/environment.yml', content: ENV });
    expect(result?.assets.map((a) => a.name).sort()).toEqual(['langchain-openai', 'openai', 'torch', 'transformers']);
  });

  it('reports invalid YAML as one parse-failed diagnostic with its line, without throwing', () => {
    const result = manifestsDetector.detect({ scope: 's', path: 'environment.yml', content: 'name: x\ndependencies:\n  - openai\n  - [broken\n' });
    expect(result?.assets).toEqual([]);
    expect(result?.diagnostics.map((d) => [d.code, d.location?.line])).toEqual([['parse-failed', 5]]);
  });

  it('survives a billion-laughs alias bomb as a diagnostic', () => {
    const bomb = ['a: &a ["x","x","x","x","x","x","x","x","x"]', ...Array.from({ length: 9 }, (_, i) => `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)}]`), 'dependencies: *j'].join('\n');
    const result = manifestsDetector.detect({ scope: 's', path: 'environment.yml', content: bomb });
    expect(result?.assets ?? []).toEqual([]);
  });
});
