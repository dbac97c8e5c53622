import picomatch from 'picomatch';
import type { DetectionResult, Diagnostic } from '../model/index.ts';
import type { Detector, SourceFile } from './types.ts';

/** A detector set with its globs compiled once. */
export interface DetectorSet {
  readonly detectors: readonly Detector[];
  /** True when at least one detector wants this repo-relative path (so the file is worth reading). */
  wants(path: string): boolean;
  /** Runs every detector that matches the file; a throwing detector becomes a diagnostic. */
  run(file: SourceFile): DetectionResult[];
}

/** Compiles the detectors' patterns; `picomatch` with `dot: true` so dotfiles are matched. */
export function compileDetectors(detectors: readonly Detector[]): DetectorSet {
  const matchers = detectors.map((d) => picomatch(d.patterns as string[], { dot: true }));
  return {
    detectors,
    wants: (path) => matchers.some((m) => m(path)),
    run(file) {
      const out: DetectionResult[] = [];
      detectors.forEach((detector, i) => {
        if (!matchers[i]?.(file.path)) return;
        try {
          const found = detector.detect(file);
          if (found) out.push(found);
        } catch (error) {
          out.push({ assets: [], relationships: [], diagnostics: [detectorFailed(detector, file, error)] });
        }
      });
      return out;
    },
  };
}

function detectorFailed(detector: Detector, file: SourceFile, error: unknown): Diagnostic {
  const reason = error instanceof Error ? error.message : String(error);
  return {
    connector: detector.id,
    level: 'error',
    code: 'detector-failed',
    message: `detector ${detector.id} failed on this file: ${reason}`,
    location: { path: file.path },
  };
}
