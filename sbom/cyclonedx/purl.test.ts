import { describe, expect, it } from 'vitest';
import { exactVersion, huggingFacePurl, packagePurl, splitPackageName } from './purl.ts';

describe('packagePurl', () => {
  it('encodes the npm scope as the namespace', () => {
    expect(packagePurl('npm', '@modelcontextprotocol/sdk', '1.18.0')).toBe('pkg:npm/%40modelcontextprotocol/sdk@1.18.0');
    expect(packagePurl('npm', 'openai')).toBe('pkg:npm/openai');
  });

  it('normalizes PyPI names (lower case, underscores as dashes)', () => {
    expect(packagePurl('pypi', 'LangChain_OpenAI', '0.3.18')).toBe('pkg:pypi/langchain-openai@0.3.18');
  });

  it('keeps Go module paths as namespace segments and the v prefix of the version', () => {
    expect(packagePurl('go', 'github.com/tmc/langchaingo', 'v0.1.13')).toBe('pkg:golang/github.com/tmc/langchaingo@v0.1.13');
  });

  it('splits Maven coordinates into group and artifact', () => {
    expect(packagePurl('maven', 'dev.langchain4j:langchain4j-bom', '1.0.1')).toBe('pkg:maven/dev.langchain4j/langchain4j-bom@1.0.1');
    expect(splitPackageName('maven', 'com.openai:openai-java')).toEqual({ group: 'com.openai', name: 'openai-java' });
  });

  it('writes gem, cargo and nuget purls and percent-encodes version characters', () => {
    expect(packagePurl('gem', 'ruby-openai', '8.1.0')).toBe('pkg:gem/ruby-openai@8.1.0');
    expect(packagePurl('cargo', 'candle-core', '0.9.1')).toBe('pkg:cargo/candle-core@0.9.1');
    expect(packagePurl('nuget', 'Azure.AI.OpenAI', '2.1.0')).toBe('pkg:nuget/Azure.AI.OpenAI@2.1.0');
    expect(packagePurl('pypi', 'torch', '2.7.0+cpu')).toBe('pkg:pypi/torch@2.7.0%2Bcpu');
  });

  it('gives no purl for an ecosystem without a purl type here', () => {
    expect(packagePurl('oci', 'ghcr.io/github/github-mcp-server')).toBeUndefined();
    expect(packagePurl('', 'x')).toBeUndefined();
  });
});

describe('exactVersion', () => {
  it('takes the one exact pin among ranges', () => {
    expect(exactVersion(['>=0.5', '==0.5.18'])).toBe('0.5.18');
    expect(exactVersion(['^4.67.3', '4.67.3'])).toBe('4.67.3');
    expect(exactVersion(['v1.3.0'])).toBe('v1.3.0');
    expect(exactVersion(['0.2.0-preview.3'])).toBe('0.2.0-preview.3');
  });

  it('gives none for ranges, placeholders or disagreeing pins', () => {
    expect(exactVersion(['^5.1.1'])).toBeUndefined();
    expect(exactVersion(['~> 0.19.5'])).toBeUndefined();
    expect(exactVersion(['${langchain4j.version}'])).toBeUndefined();
    expect(exactVersion(['*', 'latest'])).toBeUndefined();
    expect(exactVersion(['2.7.0', '2.7.0+cpu'])).toBeUndefined();
    expect(exactVersion([])).toBeUndefined();
  });
});

describe('huggingFacePurl', () => {
  it('uses the org as namespace and keeps the case of the repo name', () => {
    expect(huggingFacePurl('mistralai/Mistral-7B-Instruct-v0.3')).toBe('pkg:huggingface/mistralai/Mistral-7B-Instruct-v0.3');
  });
});
