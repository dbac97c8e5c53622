import type { DetectionResult } from '../model/index.ts';

/**
 * Random access to a file's bytes, for binary detectors (model files): they read headers and
 * bounded regions, never the whole of a multi-gigabyte file. Reads past the end return fewer bytes.
 * The connector implements it over a file descriptor; tests over an in-memory buffer
 * (`bytesOf`). It is the detector's only window on the file, so detectors stay free of I/O.
 */
export interface ByteSource {
  readonly size: number;
  read(offset: number, length: number): Uint8Array;
}

/**
 * The other files of a file's folder, read on demand, for detectors whose unit is a folder rather
 * than a file (a Terraform module: a `variable` default in `variables.tf` gives `var.x` in
 * `main.tf` its value). The connector implements it with the same size cap and text decoding as
 * the file itself; like `ByteSource`, it keeps detectors free of I/O.
 */
export interface SiblingFiles {
  /** Base names of the other regular files of the folder, sorted. */
  names(): readonly string[];
  /** The decoded text of one of them; undefined when it is not there, too large or binary. */
  read(name: string): string | undefined;
  /**
   * What `compute` returns for `key`, computed once while files of this folder are scanned one after
   * another (the variables one sibling declares, read for each file of the module). `compute` must
   * depend only on the folder's files, so a cached answer equals a fresh one.
   */
  memo<T>(key: string, compute: () => T): T;
  /**
   * The files of the enclosing folder, the same way (a C# file's project is the nearest folder above
   * it holding a `.csproj`); undefined at the scanned root, or when the connector cannot tell.
   */
  parent?(): SiblingFiles | undefined;
}

/** SiblingFiles over an in-memory map of base name → text (tests, archive members); `parent`, the enclosing folder's. */
export function siblingsOf(files: ReadonlyMap<string, string>, parent?: SiblingFiles): SiblingFiles {
  const names = [...files.keys()].sort();
  const memo = new Map<string, unknown>();
  return {
    names: () => names,
    read: (name) => files.get(name),
    memo: <T>(key: string, compute: () => T): T => {
      if (!memo.has(key)) memo.set(key, compute());
      return memo.get(key) as T;
    },
    parent: () => parent,
  };
}

/**
 * A file handed to detectors. Local folders and (later) GitHub tarballs produce the same shape,
 * so one detector and one fixture serve both connectors.
 */
export interface SourceFile {
  /** Scope the asset ids are derived in: the repository identity (git remote URL or folder name). */
  readonly scope: string;
  /** POSIX path relative to the scanned root. */
  readonly path: string;
  /** Decoded text (UTF-8, invalid sequences replaced); empty for binary detectors. */
  readonly content: string;
  /** The raw bytes, given only to detectors with `binary: true`. */
  readonly bytes?: ByteSource;
  /** The other files of the folder, when the connector can read them (text detectors only). */
  readonly siblings?: SiblingFiles;
}

/** A ByteSource over an in-memory buffer (tests, nested archive members). */
export function bytesOf(data: Uint8Array): ByteSource {
  return {
    size: data.length,
    read: (offset, length) => data.subarray(Math.max(0, offset), Math.max(0, Math.min(data.length, offset + length))),
  };
}

/**
 * A pure detector: no I/O, no globals, no clock. Returns null when the file is not its business
 * (e.g. a JS file that imports nothing AI), so callers can skip work cheaply.
 */
export interface Detector {
  readonly id: string;
  /** Human name for docs and `--help`. */
  readonly displayName: string;
  /** Globs (picomatch, matched against the repo-relative path, `dot: true`) of files it reads. */
  readonly patterns: readonly string[];
  /**
   * Reads bytes, not text: the file is not size-capped or sniffed for binary content, and the
   * detector gets `bytes` (a bounded window it reads through) and empty `content`.
   */
  readonly binary?: boolean;
  /**
   * The detector's gate: strings of which a file must contain at least one (case-sensitive, each at
   * least three characters) for `detect` to return anything but null. Undefined: no gate. The
   * runner looks for the literals of every gated detector in one pass over the file
   * (`shared/literal-gate.ts`) and skips a detector none of whose literals occur, so the list must be
   * a superset of what the detector's own pre-check accepts; derive it from the same catalog or
   * regex (`shared/regex-literals.ts`), never write it by hand.
   */
  readonly literals?: readonly string[];
  /**
   * Globs (as `patterns`) of files the gate does not apply to: the detector reads them whatever
   * they hold (a compose file naming its images only through `${VAR}`). Only with `literals`.
   */
  readonly ungated?: readonly string[];
  detect(file: SourceFile): DetectionResult | null;
}
