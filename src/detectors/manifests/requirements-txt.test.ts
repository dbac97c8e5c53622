import { describe, expect, it } from 'vitest';
import { manifestsDetector } from './index.ts';
import { parseRequirementsTxt, requirementsScope } from './requirements-txt.ts';

const detect = (content: string, path = 'svc/requirements.txt') => manifestsDetector.detect({ scope: 'repo', path, content });
const entries = (content: string) => parseRequirementsTxt(content, 'requirements.txt').entries.map((e) => [e.name, e.version, e.line]);

describe('requirements.txt', () => {
  it('reads specs, extras, markers, URLs, editables, continuations and hashes', () => {
    const content = [
      '# LLM stack',
      '-r base.txt',
      '-c constraints.txt',
      '--index-url https://pypi.org/simple',
      'openai==1.82.0  # pinned for the responses API',
      'anthropic[bedrock,vertex]>=0.52.0 ; python_version < "3.13"',
      'langchain-openai @ https://files.example.com/langchain_openai-0.3.18-py3-none-any.whl',
      '-e git+https://github.com/run-llama/llama_index.git@v0.12.38#egg=llama-index&subdirectory=llama-index-core',
      'https://download.example.com/qdrant_client-1.14.2-py3-none-any.whl',
      'tiktoken>=0.9 \\',
      '    --hash=sha256:aaaa \\',
      '    --hash=sha256:bbbb',
      'requests==2.32.3',
      'Sentence_Transformers (>=4.1)',
      '-e ./libs/internal',
      '.',
    ].join('\n');
    expect(entries(content)).toEqual([
      ['openai', '==1.82.0', 5],
      ['anthropic', '>=0.52.0', 6],
      ['langchain-openai', '@ https://files.example.com/langchain_openai-0.3.18-py3-none-any.whl', 7],
      ['llama-index', 'git+https://github.com/run-llama/llama_index.git@v0.12.38#egg=llama-index&subdirectory=llama-index-core', 8],
      ['qdrant_client', 'https://download.example.com/qdrant_client-1.14.2-py3-none-any.whl', 9],
      ['tiktoken', '>=0.9', 10],
      ['requests', '==2.32.3', 13],
      ['Sentence_Transformers', '>=4.1', 14],
    ]);
  });

  it('names PyPI assets in PEP 503 form and keys them by it', () => {
    const result = detect('Sentence_Transformers>=4.1\nQdrant.Client==1.14.2\n');
    expect(result?.assets.map((a) => [a.name, a.attributes['scopes']])).toEqual([
      ['qdrant-client', ['runtime']],
      ['sentence-transformers', ['runtime']],
    ]);
    expect(result?.assets[0]?.evidence[0]).toMatchObject({ line: 2, snippet: 'Qdrant.Client==1.14.2' });
  });

  it('skips comments, commented-out entries and options; includes are not errors', () => {
    const result = detect('# openai==1.0\n#anthropic\n  # langchain\n-r requirements-dev.txt\n--constraint c.txt\nflask==3.1.1\n');
    expect(result).toBeNull();
  });

  it('ignores look-alike names', () => {
    expect(detect('open-ai==0.1\nopenapi-core==0.19.5\nlangchainish==1\nanthropic-mock==0.1\naiohttp==3.12\n')).toBeNull();
  });

  it('a comment line ends a continuation the way pip does', () => {
    expect(entries('openai==1.0 \\\n# not part of it\nanthropic\n')).toEqual([
      ['openai', '==1.0', 1],
      ['anthropic', undefined, 3],
    ]);
  });

  it('derives dev scope from the file name', () => {
    expect(requirementsScope('requirements.txt')).toBe('runtime');
    expect(requirementsScope('svc/requirements-dev.txt')).toBe('dev');
    expect(requirementsScope('svc/dev-requirements.txt')).toBe('dev');
    expect(requirementsScope('svc/requirements/test.txt')).toBe('dev');
    expect(requirementsScope('svc/requirements/base.txt')).toBe('runtime');
    expect(requirementsScope('svc/requirements-gpu.in')).toBe('runtime');
    expect(detect('openai\n', 'requirements/dev.txt')?.assets[0]?.attributes['scopes']).toEqual(['dev']);
  });
});
