/**
 * One candidate file, start to end: read it as text when a text detector wants it, open it for
 * bounded byte reads when a binary detector does, and run the detectors. Shared by the scan loop
 * on the main thread and by scan workers (`scan-worker.ts`), so both produce the same outcome.
 */
import { readdirSync } from 'node:fs';
import { basename, dirname, join, posix } from 'node:path';
import type { DetectorSet, PrefilterSet } from '../../src/detectors/run.ts';
import type { SiblingFiles } from '../../src/detectors/types.ts';
import type { DetectionResult, Diagnostic } from '../../src/model/index.ts';
import { MAX_STRING_LENGTH, openBinary, readCandidateSync, readRawSync, toText, unreadable, type ReadOutcome } from './read.ts';
import type { LightDetectors } from './reader.ts';
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
export function scanFileSync(detectors: DetectorSet, scope: string, file: ListedFile, maxFileSize: number, memo?: FolderMemo): FileOutcome {
  const text = detectors.wantsText(file.path) ? readCandidateSync(file, maxFileSize) : undefined;
  return detectFile(detectors, scope, file, text, maxFileSize, memo);
}

/**
 * What detectors derived from folders' files, kept for the few folders scanned last: files come in
 * path order, so a module's files are near each other (a subfolder's files may come between two of
 * them: `data.tf`, `examples/x/main.tf`, `iam.tf`). Bounded; one per scan loop or worker.
 */
export class FolderMemo {
  private readonly folders = new Map<string, { names?: string[]; values: Map<string, unknown> }>();
  private readonly keep: number;
  /**
   * Whether a root-relative path is in the scan's listing: a sibling must be, so a file the user
   * excluded (`--exclude`) is never read on a neighbour's behalf. Undefined: the folder as it is.
   */
  readonly listed: ((path: string) => boolean) | undefined;

  /** `listed`: the listing's paths, or a test that answers as membership in it would. */
  constructor(keep = 16, listed?: ReadonlySet<string> | ((path: string) => boolean)) {
    this.keep = keep;
    this.listed = listed === undefined || typeof listed === 'function' ? listed : (path) => listed.has(path);
  }

  /** What is kept for `dir` (most recently used last). */
  at(dir: string): { names?: string[]; values: Map<string, unknown> } {
    let entry = this.folders.get(dir);
    if (entry === undefined) {
      entry = { values: new Map() };
      if (this.folders.size >= this.keep) this.folders.delete(this.folders.keys().next().value as string);
    } else {
      this.folders.delete(dir);
    }
    this.folders.set(dir, entry);
    return entry;
  }
}

/**
 * The other files of a file's folder, listed and read only when a detector asks (a Terraform file
 * naming `var.x` defined in `variables.tf`), with the same size cap and decoding. Listing errors
 * read as an empty folder: the file itself was readable, and its detectors still run.
 */
export function folderSiblings(file: ListedFile, maxFileSize: number, memo = new FolderMemo()): SiblingFiles {
  // A symlink's neighbours are those of the link (`x/Setup.cs -> ../y/Setup.cs` sits in `x`), as listed.
  if (file.folder !== undefined) return folderFiles(posix.dirname(file.path), file.folder, posix.basename(file.path), maxFileSize, memo);
  return folderFiles(posix.dirname(file.path), dirname(file.absolute), basename(file.absolute), maxFileSize, memo);
}

/**
 * The files of `folder` (root-relative; `dir` on disk) but `own`; `parent()` walks up to the scanned
 * root (`.`), whose parent is undefined.
 */
function folderFiles(folder: string, dir: string, own: string | undefined, maxFileSize: number, memo: FolderMemo): SiblingFiles {
  const all = (): string[] => {
    const kept = memo.at(dir);
    if (kept.names === undefined) {
      try {
        kept.names = readdirSync(dir, { withFileTypes: true })
          .filter((d) => d.isFile() && (memo.listed === undefined || memo.listed(posix.join(folder, d.name))))
          .map((d) => d.name)
          .sort();
      } catch {
        kept.names = [];
      }
    }
    return kept.names;
  };
  const names = (): string[] => all().filter((n) => n !== own);
  return {
    names,
    read(name) {
      if (!names().includes(name)) return undefined;
      const outcome = readCandidateSync({ path: posix.join(folder, name), absolute: join(dir, name) }, maxFileSize);
      return outcome.kind === 'text' ? outcome.content : undefined;
    },
    memo<T>(key: string, compute: () => T): T {
      const { values } = memo.at(dir);
      if (!values.has(key)) values.set(key, compute());
      return values.get(key) as T;
    },
    parent() {
      return folder === '.' || folder === '' ? undefined : folderFiles(posix.dirname(folder), dirname(dir), undefined, maxFileSize, memo);
    },
  };
}

/** Runs text detectors on the decoded text (when read; `only` as in `DetectorSet.run`) and binary detectors on the open file. */
export function detectFile(detectors: DetectorSet, scope: string, file: ListedFile, text: ReadOutcome | undefined, maxFileSize: number, memo?: FolderMemo, only?: readonly number[]): FileOutcome {
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
      results.push(...detectors.run({ scope, path: file.path, content: text.content, siblings: folderSiblings(file, maxFileSize, memo) }, only));
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

/**
 * What a reading thread (`prefilter-worker.ts`) makes of one file: finished when no detector may
 * find anything in it (the outcome is then exactly what `detectFile` gives: read, bytes and the
 * read's own diagnostics), its text for the detecting thread otherwise, or `scan` for a file a
 * binary detector wants (opened and read where the detectors run).
 */
export type Prefiltered =
  | { readonly kind: 'done'; readonly outcome: FileOutcome }
  | { readonly kind: 'detect'; readonly text: ReadOutcome; readonly only: readonly number[] }
  | { readonly kind: 'scan' };

/**
 * Reads one file and runs the pre-checks (see `Prefiltered`). With `light` (a reading thread's own
 * parser-free detectors, `src/detectors/light.ts`), a file only they may find something in is
 * detected here and finished: the outcome is the one `detectFile` gives (their sibling reads held
 * to `memo`'s listing, as on the detecting thread). A text V8 cannot hold
 * (over `MAX_STRING_LENGTH` characters) is `unreadable`, as `readCandidateSync` says too.
 */
export function prefilterFile(set: PrefilterSet, file: ListedFile, maxFileSize: number, light?: LightDetectors, memo?: FolderMemo): Prefiltered {
  if (set.wantsBinary(file.path)) return { kind: 'scan' };
  if (!set.wantsText(file.path)) return { kind: 'done', outcome: NOT_SCANNED };
  const raw = readRawSync(file, maxFileSize, set.buffer);
  const notes = (d: readonly Diagnostic[]): DetectionResult[] => (d.length > 0 ? [{ assets: [], relationships: [], diagnostics: d }] : []);
  if (raw.kind === 'skipped') return { kind: 'done', outcome: { read: false, bytes: raw.bytes, results: notes(raw.diagnostics) } };
  let content: string | undefined;
  const text = (): string => (content ??= toText(raw.bytes));
  let only: number[];
  try {
    // Decoding such a file fails whatever the gate says (unless it is mostly multi-byte characters).
    if (raw.bytes.length > MAX_STRING_LENGTH) text();
    only = set.mayFind(file.path, raw.bytes.length, text);
    if (only.length > 0) text();
  } catch (error) {
    const failed = unreadable(file, error);
    return { kind: 'done', outcome: { read: false, bytes: failed.bytes, results: notes(failed.diagnostics) } };
  }
  if (only.length === 0) return { kind: 'done', outcome: { read: true, bytes: raw.bytes.length, results: notes(raw.diagnostics) } };
  const decoded: ReadOutcome = { kind: 'text', content: text(), bytes: raw.bytes.length, diagnostics: raw.diagnostics };
  const local = light === undefined ? undefined : only.map((i) => light.at.get(i));
  if (light !== undefined && local !== undefined && local.every((i) => i !== undefined)) {
    const found = light.detectors.run({ scope: light.scope, path: file.path, content: decoded.content, ...(memo === undefined ? {} : { siblings: folderSiblings(file, maxFileSize, memo) }) }, local);
    return { kind: 'done', outcome: { read: true, bytes: decoded.bytes, results: [...notes(decoded.diagnostics), ...found] } };
  }
  return { kind: 'detect', text: decoded, only };
}

/** Finishes what `prefilterFile` left, on the thread that runs the detectors. */
export function finishFile(detectors: DetectorSet, scope: string, file: ListedFile, item: Prefiltered, maxFileSize: number, memo: FolderMemo): FileOutcome {
  if (item.kind === 'done') return item.outcome;
  return item.kind === 'detect' ? detectFile(detectors, scope, file, item.text, maxFileSize, memo, item.only) : scanFileSync(detectors, scope, file, maxFileSize, memo);
}
