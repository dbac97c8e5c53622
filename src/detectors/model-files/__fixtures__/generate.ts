/**
 * Generates the tiny model files under test/fixtures/model-files/ and
 * test/fixtures/negative-controls/model-files/ from the spec-following builders. The committed
 * files must equal this output (fixtures.test.ts checks it). Regenerate with:
 *   node_modules/.bin/node src/detectors/model-files/__fixtures__/generate.ts (Node 24 runs .ts)
 * The only pickle is a plain dict with no global: loading it imports and calls nothing.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { bytes, gguf, npy, onnx, pb, pk, safetensors, tflite, zip } from './builders.ts';

/** A plain dict `{'w': 1}`, protocol 2: no GLOBAL, no REDUCE. */
const plainDict = bytes(pk.proto(2), pk.emptyDict, pk.binput(0), pk.bu('w'), pk.int1(1), pk.setitem, pk.stop);

/** A torch.save-shaped zip whose data.pkl is the plain dict (real state dicts add torch globals). */
const torchZip = zip([
  { name: 'state_dict/data.pkl', data: plainDict },
  { name: 'state_dict/byteorder', data: bytes('little') },
  { name: 'state_dict/version', data: bytes('3\n') },
]);

const kerasConfig = { module: 'keras', class_name: 'Sequential', config: { name: 'tiny', layers: [{ module: 'keras.layers', class_name: 'Dense', config: { units: 2 } }] } };

/** Deterministic filler that is no known format (a linear congruential sequence). */
function noise(n: number, seed: number): Uint8Array {
  const out = new Uint8Array(n);
  let x = seed;
  for (let i = 0; i < n; i++) {
    x = (x * 1103515245 + 12345) >>> 0;
    out[i] = x >>> 24;
  }
  out[0] = 0x7f;
  return out;
}

/** Repo-relative fixture path → content. */
export const FIXTURE_FILES: Readonly<Record<string, Uint8Array>> = {
  'model-files/models/tiny.safetensors': safetensors({ 'embed.weight': { dtype: 'F16', shape: [4, 2] }, 'head.weight': { dtype: 'F32', shape: [2, 2] } }, { format: 'pt' }),
  'model-files/models/tiny.gguf': gguf(
    {
      'general.architecture': [8, 'llama'],
      'general.name': [8, 'Tiny Llama'],
      'general.size_label': [8, '1K'],
      'general.file_type': [4, 15],
      'general.quantization_version': [4, 2],
      'llama.context_length': [4, 2048],
      'tokenizer.ggml.tokens': [9, 8, ['<s>', '</s>', 'a']],
      'tokenizer.chat_template': [8, '{% for m in messages %}{{ m.content }}{% endfor %}'],
    },
    [{ name: 'token_embd.weight', dims: [8, 3] }, { name: 'output.weight', dims: [8, 3] }],
  ),
  'model-files/models/tiny.onnx': onnx(),
  'model-files/models/weights.pkl': plainDict,
  'model-files/models/state_dict.pt': torchZip,
  'model-files/models/Modelfile': bytes('# Build on the local weights\nFROM ./tiny.gguf\nPARAMETER temperature 0.2\n'),
  'model-files/ollama/Modelfile': bytes('FROM llama3.1:8b\nSYSTEM """\nYou are terse.\nFROM mistral is not an instruction here.\n"""\nPARAMETER num_ctx 4096\n'),
  'model-files/keras/tiny.keras': zip([
    { name: 'config.json', data: bytes(JSON.stringify(kerasConfig)), deflate: true },
    { name: 'metadata.json', data: bytes(JSON.stringify({ keras_version: '3.3.3', date_saved: '2024-05-01@00:00:00' })) },
    { name: 'model.weights.h5', data: bytes(0x89, 'HDF\r\n', 0x1a, '\n') },
  ]),
  'model-files/tflite/tiny.tflite': tflite('MLIR Converted.'),
  'negative-controls/model-files/firmware.bin': noise(512, 7),
  'negative-controls/model-files/records.dat': noise(256, 11),
  'negative-controls/model-files/docs.zip': zip([{ name: 'README.txt', data: bytes('not a model\n') }, { name: 'notes/todo.md', data: bytes('- ship it\n'), deflate: true }]),
  'negative-controls/model-files/embeddings.npy': npy('<f4', [2, 2], new Uint8Array(16)),
  'negative-controls/model-files/dataset.npz': zip([{ name: 'x.npy', data: npy('<i8', [3], new Uint8Array(24)) }, { name: 'y.npy', data: npy('|u1', [3], new Uint8Array(3)), deflate: true }]),
  'negative-controls/model-files/table.h5': bytes(0x89, 'HDF\r\n', 0x1a, '\n', new Uint8Array(24), 'dataset temperatures'),
  'negative-controls/model-files/message.pb': bytes(pb.int(3, 150), pb.len(4, 'hello')),
  'negative-controls/model-files/Modelfile': bytes('# FROM llama3 is how a real one would start; this one only documents it.\nPARAMETER temperature 0.7\n'),
};

/** Writes every fixture under `root` (test/fixtures). */
export function writeFixtures(root: string): void {
  for (const [path, content] of Object.entries(FIXTURE_FILES)) {
    const full = join(root, path);
    mkdirSync(dirname(full), { recursive: true });
    writeFileSync(full, content);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) writeFixtures(join(import.meta.dirname, '..', '..', '..', '..', 'test', 'fixtures'));
