/**
 * unsafe-model-format: model files that run code when loaded. Reads what the model-files detector
 * records: `riskLevel` (critical | high | medium | none), `executesCodeOnLoad`, `dangerousGlobals`,
 * `format`, `lambdaLayers`, `fileOps`.
 *
 * Severity follows the detector's rating: a pickle importing dangerous globals (`os.system`,
 * `builtins.eval`, `subprocess.*`, or a global it could not resolve) is critical, network globals
 * high, and any other pickle-based file medium, because loading any pickle runs whatever it says.
 */
import type { Finding, Severity } from '../model/index.ts';
import { makeFinding, pickEvidence, quoted, str, strings } from './helpers.ts';
import type { Policy, PolicyContext } from './types.ts';

const RATED: Readonly<Record<string, Severity>> = { critical: 'critical', high: 'high', medium: 'medium' };

export const unsafeModelFormat: Policy = {
  id: 'unsafe-model-format',
  version: '1.0.0',
  severity: 'medium',
  severityNote: 'critical with dangerous globals, high with network globals or Lambda layers',
  title: 'Model file that executes code when loaded (pickle, PyTorch, Keras Lambda)',
  rationale:
    'Pickle-based weights (`.pkl`, `.pt`, `.bin`, `.joblib`, NumPy object arrays) and Keras Lambda layers run code on load: a swapped or poisoned file compromises every machine that loads it. Malicious models have been published on public hubs.',
  remediation:
    'Convert weights to safetensors (or GGUF/ONNX), load PyTorch with `torch.load(..., weights_only=True)`, and never load a file that imports os/subprocess/builtins globals; verify where it came from and rebuild it from a trusted source.',
  frameworks: ['nist-ai-rmf:MEASURE-2.7', 'nist-ai-rmf:MANAGE-3.2', 'owasp-llm:LLM03', 'owasp-llm:LLM04', 'mitre-atlas:AML.T0011.000', 'mitre-atlas:AML.T0010.003'],
  evaluate(ctx: PolicyContext): Finding[] {
    const out: Finding[] = [];
    for (const file of ctx.inventory.assets) {
      if (file.kind !== 'model-file') continue;
      const rated = RATED[str(file.attributes, 'riskLevel') ?? ''];
      const runsCode = file.attributes['executesCodeOnLoad'] === true;
      if (rated === undefined && !runsCode) continue;
      const dangerous = strings(file.attributes, 'dangerousGlobals');
      const format = str(file.attributes, 'format') ?? 'unknown format';
      const lfs = file.attributes['lfsPointer'] === true ? ' (Git LFS pointer: the bytes were not scanned, only the extension is known)' : '';
      const lambdas = typeof file.attributes['lambdaLayers'] === 'number' ? file.attributes['lambdaLayers'] : 0;
      const fileOps = strings(file.attributes, 'fileOps');
      const why =
        dangerous.length > 0
          ? `It imports dangerous globals: ${dangerous.join(', ')}.`
          : lambdas > 0 || fileOps.length > 0
            ? `Loading it runs code (${format}: ${lambdas} Lambda layer(s)${fileOps.length > 0 ? `, file ops ${fileOps.join(', ')}` : ''}).`
            : `Loading it runs code (${format}); no dangerous global was seen, but a pickle can call anything importable.`;
      out.push(
        makeFinding(unsafeModelFormat, ctx, {
          asset: file,
          title: dangerous.length > 0 ? `Model file ${quoted(file)} carries code that runs on load` : `Model file ${quoted(file)} uses a code-executing format (${format})`,
          detail: `${why}${lfs}`,
          evidence: pickEvidence([file.evidence]),
          severity: rated ?? 'medium',
        }),
      );
    }
    return out;
  },
};
