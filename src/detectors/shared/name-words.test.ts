import { describe, expect, it } from 'vitest';
import { nameWords } from './name-words.ts';

describe('nameWords', () => {
  it('splits camelCase, snake_case, kebab-case and dotted names into lower-case words', () => {
    expect(nameWords('chatModelId')).toEqual(['chat', 'model', 'id']);
    expect(nameWords('--master-key')).toEqual(['master', 'key']);
    expect(nameWords('_is_reasoning_model')).toEqual(['is', 'reasoning', 'model']);
    expect(nameWords('spring.ai.openai.api-key')).toEqual(['spring', 'ai', 'openai', 'api', 'key']);
    expect(nameWords('gpt4Model')).toEqual(['gpt4', 'model']);
  });

  it('keeps upper-case runs and whole words together, and ends a run where a capitalised word starts', () => {
    expect(nameWords('HFToken')).toEqual(['hf', 'token']);
    expect(nameWords('openAIModel')).toEqual(['open', 'ai', 'model']);
    expect(nameWords('defaultLLMModelName')).toEqual(['default', 'llm', 'model', 'name']);
    expect(nameWords('OPENAI_API_KEY')).toEqual(['openai', 'api', 'key']);
    expect(nameWords('GPT4o')).toEqual(['gpt4o']);
    expect(nameWords('tokenizer')).toEqual(['tokenizer']);
    expect(nameWords('')).toEqual([]);
  });
});
