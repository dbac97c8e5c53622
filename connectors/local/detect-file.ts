/**
 * One candidate file, start to end: read it as text when a text detector wants it, open it for
 * bounded byte reads when a binary detector does, and run the detectors. Shared by the scan loop
 * on the main thread and by scan workers (`scan-worker.ts`), so both produce the same outcome.
 */
import type { DetectorSet } from '../../src/detectors/run.ts';
import type { DetectionResult } from '../../src/model/index.ts';
import { openBinary, readCandidateSync, type ReadOutcome } from './read.ts';
import type { ListedFile } from './walk.ts';

/** What scanning one file gave: whether it was read, how many bytes, and the detectors' results. */
export interface FileOutcome {
  readonly read: boolean;
  readonly bytes: number;
  readonly results: readonly DetectionResult[];
}

/** The outcome of a file left alone (the scan was aborted). */
export const NOT_SCANNED: FileOutcome = { read: false, bytes: 0, results: [] };

/** Reads (synchronously) and detects one file. */
export function scanFileSync(detectors: DetectorSet, scope: string, file: ListedFile, maxFileSize: number): FileOutcome {
  const text = detectors.wantsText(file.path) ? readCandidateSync(file, maxFileSize) : undefined;
  return detectFile(detectors, scope, file, text);
}

/** Runs text detectors on the decoded text (when read) and binary detectors on the open file. */
export function detectFile(detectors: DetectorSet, scope: string, file: ListedFile, text: ReadOutcome | undefined): FileOutcome {
  const binary = detectors.wantsBinary(file.path) ? detectBinary(detectors, scope, file) : undefined;
  const results: DetectionResult[] = [];
  let read = binary?.read ?? false;
  let bytes = binary?.bytes ?? 0;
  if (text) {
    bytes += text.bytes;
    // A binary detector owns this file too: binary content is expected, not worth a diagnostic.
    const notes = binary ? text.diagnostics.filter((d) => d.code !== 'binary-file') : text.diagnostics;
    if (notes.length > 0) results.push({ assets: [], relationships: [], diagnostics: notes });
    if (text.kind === 'text') {
      read = true;
      results.push(...detectors.run({ scope, path: file.path, content: text.content }));
    }
  }
  if (binary) results.push(...binary.results);
  return { read, bytes, results };
}

function detectBinary(detectors: DetectorSet, scope: string, file: ListedFile): FileOutcome {
  const opened = openBinary(file);
  if (opened.kind !== 'open') return { read: false, bytes: 0, results: opened.diagnostics.length > 0 ? [{ assets: [], relationships: [], diagnostics: opened.diagnostics }] : [] };
  try {
    const results = detectors.runBinary({ scope, path: file.path, content: '', bytes: opened.source });
    return { read: true, bytes: opened.bytesRead(), results };
  } finally {
    opened.close();
  }
}
