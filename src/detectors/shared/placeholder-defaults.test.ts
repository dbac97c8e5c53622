import { describe, expect, it } from 'vitest';
import { placeholderDefault } from './placeholder-defaults.ts';

describe('placeholderDefault', () => {
  it('Spring: the default after the first colon, nested defaults, names with dots and dashes', () => {
    expect(placeholderDefault('${OPENAI_MODEL:gpt-4o-mini}', 'spring')).toBe('gpt-4o-mini');
    expect(placeholderDefault('${AI_BEDROCK_CHAT_MODEL:amazon.nova-pro-v1:0}', 'spring')).toBe('amazon.nova-pro-v1:0');
    expect(placeholderDefault('${A:${B:gpt-4o}}', 'spring')).toBe('gpt-4o');
    expect(placeholderDefault('${app.chat-model:claude-3-5-haiku-latest}', 'spring')).toBe('claude-3-5-haiku-latest');
    expect(placeholderDefault('gpt-${VERSION:4o}', 'spring')).toBe('gpt-4o');
    expect(placeholderDefault('gpt-4o', 'spring')).toBe('gpt-4o');
    expect(placeholderDefault('${PORT:8080}', 'spring')).toBe('8080');
    expect(placeholderDefault('${NAME:}', 'spring')).toBe('');
  });

  it('Spring: no default, an inner placeholder without one, unclosed, escaped → no value or the text as written', () => {
    expect(placeholderDefault('${OPENAI_MODEL}', 'spring')).toBeUndefined();
    expect(placeholderDefault('${A:${B}}', 'spring')).toBeUndefined();
    expect(placeholderDefault('${A:gpt-4o', 'spring')).toBeUndefined();
    expect(placeholderDefault('\\${A:gpt-4o}', 'spring')).toBe('${A:gpt-4o}');
    // Spring has no `:-`: the default is the text after the colon.
    expect(placeholderDefault('${A:-gpt-4o}', 'spring')).toBe('-gpt-4o');
  });

  it('any: shell, compose, azd and Spring separators', () => {
    expect(placeholderDefault('${AZURE_OPENAI_CHATGPT_MODEL=gpt-4o-mini}', 'any')).toBe('gpt-4o-mini');
    expect(placeholderDefault('${MODEL:=o3}', 'any')).toBe('o3');
    expect(placeholderDefault('${MODEL:-gpt-4o}', 'any')).toBe('gpt-4o');
    expect(placeholderDefault('${MODEL-gpt-4o}', 'any')).toBe('gpt-4o');
    expect(placeholderDefault('${MODEL:llama3.2:3b}', 'any')).toBe('llama3.2:3b');
    expect(placeholderDefault('${A:-${B=gpt-4o}}', 'any')).toBe('gpt-4o');
    expect(placeholderDefault('${MODEL}', 'any')).toBeUndefined();
    expect(placeholderDefault('$${MODEL:-gpt-4o}', 'any')).toBe('${MODEL:-gpt-4o}');
    expect(placeholderDefault('\\${MODEL:-gpt-4o}', 'any')).toBe('${MODEL:-gpt-4o}');
  });

  it('Spring with the file\'s properties: a property the file sets wins over the default, cycles end', () => {
    const props: Record<string, string> = { 'spring.application.name': 'spring-releases', 'app.model': '${APP_MODEL:o3}', 'a': '${b}', 'b': '${a}' };
    const lookup = (name: string): string | undefined => props[name];
    expect(placeholderDefault('${spring.application.name}', 'spring', lookup)).toBe('spring-releases');
    expect(placeholderDefault('${spring.application.name:other}', 'spring', lookup)).toBe('spring-releases');
    expect(placeholderDefault('${app.model}', 'spring', lookup)).toBe('o3');
    expect(placeholderDefault('${OPENAI_MODEL:gpt-4o}', 'spring', lookup)).toBe('gpt-4o');
    expect(placeholderDefault('${server.name}', 'spring', lookup)).toBeUndefined();
    expect(placeholderDefault('${a}', 'spring', lookup)).toBeUndefined();
    expect(placeholderDefault('${spring.application.name}', 'spring')).toBeUndefined();
  });

  it('deep nesting and long values stop early', () => {
    const deep = `${'${A:'.repeat(20)}gpt-4o${'}'.repeat(20)}`;
    expect(placeholderDefault(deep, 'spring')).toBeUndefined();
    expect(placeholderDefault(`\${A:${'x'.repeat(5_000)}}`, 'any')).toBeUndefined();
  });
});
