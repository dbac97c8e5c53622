import { describe, expect, it } from 'vitest';
import { analyzeCommands } from './commands.ts';
import { acceptModelId } from './emit.ts';
import { shellCommands } from './shell.ts';
import { expandImage, expandVariables, expandWords } from './substitute.ts';

const texts = (text: string): string[][] => shellCommands(text, 1).map((c) => c.map((w) => w.text));
const facts = (text: string) => analyzeCommands(shellCommands(text, 1));

describe('shellCommands', () => {
  it('splits simple commands on operators and newlines, removes quotes, keeps lines', () => {
    expect(texts(`ollama serve & sleep 5 && ollama pull "llama3.1:8b"; echo 'a b' | cat`)).toEqual([
      ['ollama', 'serve'], ['sleep', '5'], ['ollama', 'pull', 'llama3.1:8b'], ['echo', 'a b'], ['cat'],
    ]);
    const words = shellCommands('python -m x \\\n  --model m # comment\nnext', 4);
    expect(words.map((c) => c.map((w) => [w.text, w.line]))).toEqual([[['python', 4], ['-m', 4], ['x', 4], ['--model', 5], ['m', 5]], [['next', 6]]]);
  });

  it('handles escapes and unterminated quotes without throwing', () => {
    expect(texts('echo "a \\"b\\"" c\\ d')).toEqual([['echo', 'a "b"', 'c d']]);
    expect(texts('echo "never closed')).toEqual([['echo', 'never closed']]);
  });
});

describe('expandVariables', () => {
  const vars = new Map([['TAG', 'v1'], ['EMPTY', '']]);
  it('uses known values, then written defaults, and leaves the rest', () => {
    expect(expandVariables('vllm/vllm-openai:${TAG}', vars)).toEqual({ text: 'vllm/vllm-openai:v1', changed: true });
    expect(expandVariables('${MODEL:-llama3}', vars).text).toBe('llama3');
    expect(expandVariables('${LLM-llama2}', vars).text).toBe('llama2');
    expect(expandVariables('${EMPTY:-x}/${EMPTY-y}', vars).text).toBe('x/');
    expect(expandVariables('$TAG-${UNKNOWN}', vars).text).toBe('v1-${UNKNOWN}');
    expect(expandVariables('$$HOME', vars)).toEqual({ text: '$$HOME', changed: false });
  });

  it('marks images inferred only when the repository was a variable', () => {
    expect(expandImage('ollama/ollama:${TAG}', 3, vars)).toEqual({ text: 'ollama/ollama:v1', line: 3 });
    expect(expandImage('${IMG:-ollama/ollama}', 3, vars)).toEqual({ text: 'ollama/ollama', line: 3, inferred: true });
    expect(expandWords([[{ text: '--model', line: 1 }, { text: '${M:-x}', line: 1 }]], vars)).toEqual([[{ text: '--model', line: 1 }, { text: 'x', line: 1, inferred: true }]]);
  });
});

describe('analyzeCommands', () => {
  it('finds launchers and their positional models', () => {
    expect(facts('vllm serve meta-llama/Llama-3.1-8B-Instruct --port 8000')).toEqual({
      launchers: [{ software: 'vllm', line: 1 }],
      models: [{ id: 'meta-llama/Llama-3.1-8B-Instruct', line: 1, via: 'vllm serve', position: 'positional' }],
    });
    expect(facts('exec python3 -m vllm.entrypoints.openai.api_server --model=Qwen/Qwen2.5-7B-Instruct').models.map((m) => [m.id, m.via])).toEqual([['Qwen/Qwen2.5-7B-Instruct', 'arg:--model']]);
    expect(facts('text-generation-launcher --model-id mistralai/Mistral-7B-v0.1').launchers.map((l) => l.software)).toEqual(['tgi']);
    expect(facts('lmdeploy serve api_server internlm/internlm2-chat-7b').models.map((m) => m.id)).toEqual(['internlm/internlm2-chat-7b']);
    expect(facts('/opt/models/mistral.llamafile --server').launchers.map((l) => l.software)).toEqual(['llamafile']);
  });

  it('reads sh -c scripts, skips env assignments and wrappers', () => {
    const f = analyzeCommands([[{ text: '/bin/sh', line: 2 }, { text: '-c', line: 2 }, { text: 'sleep 3; OLLAMA_HOST=ollama:11434 ollama pull qwen2.5:7b\nollama run phi3', line: 3 }]]);
    expect(f.launchers.map((l) => [l.software, l.line])).toEqual([['ollama', 3], ['ollama', 4]]);
    expect(f.models.map((m) => [m.id, m.via, m.line])).toEqual([['qwen2.5:7b', 'ollama pull', 3], ['phi3', 'ollama run', 4]]);
  });

  it('ignores aliases, python -m for other modules, and look-alike programs', () => {
    expect(facts('vllm serve --served-model-name chat')).toEqual({ launchers: [{ software: 'vllm', line: 1 }], models: [] });
    expect(facts('python -m http.server 8000')).toEqual({ launchers: [], models: [] });
    expect(facts('npx serve -s build')).toEqual({ launchers: [], models: [] });
    expect(facts('ollama-ui start')).toEqual({ launchers: [], models: [] });
  });
});

describe('acceptModelId', () => {
  it('accepts ids, and plain names only in a server position', () => {
    expect(acceptModelId('meta-llama/Llama-3.1-8B-Instruct', false)).toBe('meta-llama/Llama-3.1-8B-Instruct');
    expect(acceptModelId('llama3.1:8b', false)).toBe('llama3.1:8b');
    expect(acceptModelId('llava', true)).toBe('llava');
    expect(acceptModelId('llava', false)).toBeUndefined();
  });

  it('rejects paths, weight files, URLs, variables, templates and placeholders', () => {
    for (const bad of ['/models/llama', './config/model.json', 'models/llama-2-7b.Q4_K_M.gguf', 'https://huggingface.co/x/y', '${MODEL}', '{{ .Values.model }}', 'default', 'User', 'your-model', 'none', '<model>']) {
      expect(acceptModelId(bad, true), bad).toBeUndefined();
    }
  });
});
