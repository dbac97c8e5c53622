import { describe, expect, it } from 'vitest';
import { literalsOf } from './regex-literals.ts';

describe('literalsOf', () => {
  it('expands literals, escapes, classes, ranges, optional parts and nested groups', () => {
    expect(literalsOf(/api\.x\.ai|:11434/)).toEqual(['api.x.ai', ':11434']);
    expect(literalsOf(/[Aa]zure[_-]?AI/)).toEqual(['Azure_AI', 'Azure-AI', 'AzureAI', 'azure_AI', 'azure-AI', 'azureAI']);
    expect(literalsOf(/v[1-3]/g)).toEqual(['v1', 'v2', 'v3']);
    expect(literalsOf(/a(?:b|(c)d)?e/)).toEqual(['abe', 'acde', 'ae']);
    expect(literalsOf(/[-_.]x|x[-]/)).toEqual(['-x', '_x', '.x', 'x-']);
  });

  it('matches exactly what the regex matches: each literal is a whole match of it', () => {
    const re = /OPENAI[-_.]BASE[-_.]URL|openai[-_.]base[-_.]url|[Cc]ohere/;
    const literals = literalsOf(re);
    expect(literals).toHaveLength(20);
    for (const l of literals) expect(new RegExp(`^(?:${re.source})$`).test(l)).toBe(true);
  });

  it('throws on anything that is not a finite set of strings, or on too many', () => {
    for (const re of [/a+/, /a*/, /a{2}/, /a./, /\s/, /\bword/, /^a/, /[^a]/, /(?=a)b/, /a/i]) expect(() => literalsOf(re), re.source).toThrow();
    expect(() => literalsOf(/[ab][ab][ab][ab]/, 8)).toThrow(/more than 8/);
  });
});
