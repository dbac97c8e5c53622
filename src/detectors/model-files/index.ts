/**
 * The model-files detector: a binary detector that reads the headers of model weights (safetensors,
 * GGUF, ONNX, pickle/joblib/dill, PyTorch zip and legacy saves, NumPy, Keras, TensorFlow, TFLite,
 * Core ML) through the bounded ByteSource and reports one `model-file` asset per file, keyed by its
 * repo-relative path. Pickles are walked opcode by opcode and never unpickled; the globals they
 * import are listed and classified so a policy can flag code execution on load. Ollama Modelfiles
 * (text, read through the same window) name the models they build on. See README.md.
 */
import type { Attributes, DetectionResult } from '../../model/index.ts';
import { ResultBuilder, evidenceAt } from '../shared/build.ts';
import type { Detector, SourceFile } from '../types.ts';
import { FORMATS, MODELFILE_NAMES } from './catalog.ts';
import { cleanText, type Issue, type ModelInfo } from './info.ts';
import { detectModelfile } from './modelfile.ts';
import { readModel, routeOf } from './route.ts';

export const MODEL_FILES_DETECTOR_ID = 'model-files';

function baseName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

function diagnose(file: SourceFile, issue: Issue, out: ResultBuilder): void {
  out.diagnostic({ connector: MODEL_FILES_DETECTOR_ID, level: 'warn', code: issue.code, message: cleanText(issue.message), location: { path: file.path } });
}

function record(file: SourceFile, info: ModelInfo, size: number, out: ResultBuilder): void {
  for (const issue of info.issues) diagnose(file, issue, out);
  if (info.notAModel) return;
  const attributes: Attributes = { format: info.format, sizeBytes: size, executesCodeOnLoad: false, riskLevel: 'none', ...info.attributes };
  out.asset(file, {
    kind: 'model-file',
    key: file.path,
    name: file.path,
    attributes,
    evidence: [evidenceAt(file, MODEL_FILES_DETECTOR_ID, 'model-header', 'declared', undefined, info.summary)],
  });
}

/** Reads one file's model header; null when it is not a model (a `.bin` of firmware, a zip of docs). */
export function detectModelFile(file: SourceFile): DetectionResult | null {
  const bytes = file.bytes;
  if (bytes === undefined) return null;
  const out = new ResultBuilder();
  const name = baseName(file.path);
  try {
    if (MODELFILE_NAMES.includes(name)) {
      detectModelfile(file, MODEL_FILES_DETECTOR_ID, out);
      return out.result();
    }
    const route = routeOf(name);
    if (route === undefined || bytes.size === 0) return null;
    const info = readModel(bytes, name, route);
    if (info !== null) record(file, info, bytes.size, out);
  } catch (error) {
    diagnose(file, { code: 'parse-failed', message: `model file: ${error instanceof Error ? error.message : String(error)}` }, out);
  }
  return out.result();
}

const EXTENSIONS = FORMATS.flatMap((f) => f.extensions);

/** Registered in `../api.ts`: binary, reads headers and bounded regions only. */
export const modelFilesDetector: Detector = {
  id: MODEL_FILES_DETECTOR_ID,
  displayName: 'Model files (weights, pickles, Modelfiles)',
  patterns: [`**/*.{${EXTENSIONS.join(',')}}`, ...MODELFILE_NAMES.map((n) => `**/${n}`)],
  binary: true,
  detect: detectModelFile,
};
