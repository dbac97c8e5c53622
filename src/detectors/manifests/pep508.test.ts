import { describe, expect, it } from 'vitest';
import { parseRequirement } from './pep508.ts';

describe('parseRequirement', () => {
  it('reads name, extras, spec and marker', () => {
    expect(parseRequirement('Anthropic[vertex, bedrock] >=0.52,<1 ; python_version < "3.13"')).toEqual({
      name: 'Anthropic',
      extras: ['vertex', 'bedrock'],
      spec: '>=0.52,<1',
      marker: 'python_version < "3.13"',
    });
    expect(parseRequirement('openai')).toEqual({ name: 'openai', extras: [] });
    expect(parseRequirement('openai (>=1.0)')).toEqual({ name: 'openai', extras: [], spec: '>=1.0' });
  });

  it('keeps direct URLs (which may contain ";") as the spec', () => {
    expect(parseRequirement('pkg @ https://x.test/a;b/pkg-1.0.whl ; os_name == "nt"')).toEqual({
      name: 'pkg',
      extras: [],
      spec: '@ https://x.test/a;b/pkg-1.0.whl',
      marker: 'os_name == "nt"',
    });
  });

  it('rejects text that is not a requirement', () => {
    expect(parseRequirement('-r other.txt')).toBeUndefined();
    expect(parseRequirement('./local/path')).toBeUndefined();
    expect(parseRequirement('openai is great')).toBeUndefined();
    expect(parseRequirement('')).toBeUndefined();
  });
});
