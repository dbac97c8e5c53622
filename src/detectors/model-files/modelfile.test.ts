import { describe, expect, it } from 'vitest';
import { bytesOf } from '../types.ts';
import { bytes } from './__fixtures__/builders.ts';
import { detectModelFile } from './index.ts';
import { parseModelfile } from './modelfile.ts';

const detect = (path: string, text: string) => detectModelFile({ scope: 's', path, content: '', bytes: bytesOf(bytes(Buffer.from(text))) });

describe('Ollama Modelfile', () => {
  it('finds FROM and ADAPTER outside comments and """ blocks', () => {
    const text = '# FROM commented\nfrom llama3.2\nSYSTEM """\nFROM inside a prompt\n"""\nTEMPLATE """{{ .Prompt }}"""\nADAPTER ./lora.safetensors\n';
    expect(parseModelfile(text).map((r) => [r.instruction, r.value, r.line])).toEqual([['from', 'llama3.2', 2], ['adapter', './lora.safetensors', 7]]);
  });

  it('a registry model becomes a model asset with config evidence', () => {
    const r = detect('ollama/Modelfile', 'FROM llama3.1:8b\nPARAMETER temperature 1\n');
    expect(r?.assets.map((a) => [a.kind, a.name, a.provider, a.attributes])).toEqual([['model', 'llama3.1:8b', 'meta', { sources: ['ollama-modelfile'] }]]);
    expect(r?.assets[0]?.evidence).toEqual([{ path: 'ollama/Modelfile', line: 1, snippet: 'FROM llama3.1:8b', technique: 'config', confidence: 'declared', detector: 'model-files' }]);
  });

  it('relative weight paths become model-file assets keyed by their repo path; absolute and escaping ones are skipped', () => {
    const r = detect('deploy/ollama/Modelfile', 'FROM ../weights/model.Q4_K_M.gguf\nADAPTER ./adapter.safetensors\n');
    expect(r?.assets.map((a) => [a.kind, a.name, a.attributes])).toEqual([
      ['model-file', 'deploy/weights/model.Q4_K_M.gguf', { referencedBy: ['deploy/ollama/Modelfile'], referencedAs: ['from'] }],
      ['model-file', 'deploy/ollama/adapter.safetensors', { referencedBy: ['deploy/ollama/Modelfile'], referencedAs: ['adapter'] }],
    ]);
    expect(detect('Modelfile', 'FROM /models/x.gguf\nFROM ../../x.gguf\n')).toBeNull();
  });

  it('a Modelfile without FROM reports nothing', () => {
    expect(detect('Modelfile', '# FROM llama3 would go here\nPARAMETER num_ctx 4096\n')).toBeNull();
  });
});
