import { describe, expect, it } from 'vitest';
import { manifestsDetector } from './index.ts';

const detect = (content: string) => manifestsDetector.detect({ scope: 'repo', path: 'libs/legacy/setup.cfg', content });
const summary = (content: string) =>
  Object.fromEntries((detect(content)?.assets ?? []).map((a) => [a.name, [a.attributes['scopes'], a.attributes['versions'], a.evidence.map((e) => e.line)]]));

describe('setup.cfg', () => {
  it('reads install_requires, extras_require, tests_require and setup_requires with multi-line values', () => {
    const content = `[metadata]
name = legacy-nlp
description = Uses openai for summaries

[options]
packages = find:
install_requires =
    requests>=2.31
    # openai<1 was the old client
    openai>=1.30,<2  # pinned
    tiktoken; python_version >= "3.9"
tests_require = pytest; langsmith>=0.1
setup_requires = setuptools_scm

[options.extras_require]
vectors =
    faiss-cpu>=1.8
    Pinecone-Client
all = cohere

[flake8]
max-line-length = 100
`;
    expect(summary(content)).toEqual({
      openai: [['runtime'], ['>=1.30,<2'], [10]],
      tiktoken: [['runtime'], undefined, [11]],
      langsmith: [['dev'], ['>=0.1'], [12]],
      'faiss-cpu': [['optional:vectors'], ['>=1.8'], [17]],
      'pinecone-client': [['optional:vectors'], undefined, [18]],
      cohere: [['optional:all'], undefined, [19]],
    });
  });

  it('reads nothing from other sections', () => {
    expect(detect('[metadata]\nname = openai\n[tool:pytest]\naddopts = openai\n')).toBeNull();
  });
});
