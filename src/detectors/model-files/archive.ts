/**
 * Walks a ZIP container the way loaders open it: PyTorch (`<archive>/data.pkl`, TorchScript adds
 * `code/` and `constants.pkl`), Keras 3 (`config.json` + `metadata.json`), NumPy `.npz` (`.npy`
 * members) or a plain zip of model files. Pickles inside are scanned, `.npy` headers read (object
 * arrays scanned as pickles), nested zips recursed to `LIMITS.zipDepth`, other model formats
 * listed by name. Every member read counts against one inflate budget per top-level file.
 */
import type { Attributes } from '../../model/index.ts';
import type { ByteSource } from '../types.ts';
import { FORMATS, LIMITS } from './catalog.ts';
import { LimitReached, utf8 } from './cursor.ts';
import { issueOf, type Issue } from './info.ts';
import { kerasConfigAttributes, kerasMetadataAttributes } from './keras.ts';
import { readNpyHeader } from './numpy.ts';
import { scanPickles } from './pickle.ts';
import { looksLikeZip, readMember, readZipDirectory, type InflateBudget, type ZipDirectory, type ZipEntry } from './zip.ts';

export type Layout = 'pytorch' | 'torchscript' | 'keras' | 'npz' | 'zip';

export interface ArchiveScan {
  layout: Layout;
  /** Model-relevant members (pickles, arrays, nested archives, other model formats), nested ones as `outer!inner`. */
  readonly members: string[];
  readonly globals: string[];
  pickles: number;
  protocol: number;
  /** `.npy` members holding object arrays (pickles). */
  readonly objectArrays: string[];
  keras: Attributes;
  readonly issues: Issue[];
  /** Members whose content was scanned (pickles, nested archives), against `LIMITS.zipMembersScanned`. */
  scanned: number;
  /** Pickle members seen, scanned or not: loading runs them either way. */
  pickleMembers: number;
}

const PICKLE_EXT = new Set(FORMATS.filter((f) => f.route === 'pickle').flatMap((f) => f.extensions));
const NESTED_EXT = new Set(['zip', 'npz', 'pt', 'pth', 'ckpt', 'keras', 'bin']);
const MODEL_EXT = new Set(FORMATS.flatMap((f) => f.extensions).filter((e) => e !== 'zip' && e !== 'data' && e !== 'dat'));

function extOf(name: string): string {
  const base = name.slice(name.lastIndexOf('/') + 1);
  const dot = base.lastIndexOf('.');
  return dot <= 0 ? '' : base.slice(dot + 1).toLowerCase();
}

/** Decides the container layout from member names alone. */
export function layoutOf(names: readonly string[]): Layout {
  const pkl = names.some((n) => /^(?:[^/]+\/)?data\.pkl$/.test(n));
  if (pkl) return names.some((n) => /^(?:[^/]+\/)?(?:code\/|constants\.pkl$)/.test(n)) ? 'torchscript' : 'pytorch';
  if (names.includes('config.json') && (names.includes('metadata.json') || names.includes('model.weights.h5'))) return 'keras';
  if (names.length > 0 && names.every((n) => n.endsWith('/') || extOf(n) === 'npy')) return 'npz';
  return 'zip';
}

function scanPickleMember(src: ByteSource, label: string, out: ArchiveScan): void {
  const p = scanPickles(src, 0, label);
  for (const g of p.globals) if (!out.globals.includes(g) && out.globals.length < LIMITS.globals) out.globals.push(g);
  out.pickles += p.pickles;
  out.protocol = Math.max(out.protocol, p.protocol);
  if (p.issue) out.issues.push(p.issue);
}

function scanNpyMember(src: ByteSource, e: ZipEntry, label: string, out: ArchiveScan, budget: InflateBudget): void {
  const header = readNpyHeader(readMember(src, e, budget, LIMITS.npyHeader));
  if (!header.objectDtype || !claim(out)) return;
  out.objectArrays.push(label);
  const whole = readMember(src, e, budget);
  scanPickleMember({ size: whole.size - header.dataOffset, read: (o, n) => whole.read(header.dataOffset + o, n) }, label, out);
}

function readJson(src: ByteSource, e: ZipEntry, budget: InflateBudget): unknown {
  if (e.size > LIMITS.kerasConfig) throw new LimitReached(`${e.name} larger than ${LIMITS.kerasConfig} bytes`);
  const bytes = readMember(src, e, budget);
  return JSON.parse(utf8(bytes.read(0, bytes.size)));
}

function scanMember(src: ByteSource, e: ZipEntry, prefix: string, depth: number, out: ArchiveScan, budget: InflateBudget): void {
  const label = `${prefix}${e.name}`;
  const ext = extOf(e.name);
  if (out.layout === 'keras' && (e.name === 'config.json' || e.name === 'metadata.json')) {
    const json = readJson(src, e, budget);
    out.keras = { ...out.keras, ...(e.name === 'config.json' ? kerasConfigAttributes(json) : kerasMetadataAttributes(json)) };
    return;
  }
  if (!PICKLE_EXT.has(ext) && !NESTED_EXT.has(ext) && !MODEL_EXT.has(ext)) return;
  if (out.layout !== 'npz' || ext !== 'npy') out.members.push(label);
  if (ext === 'npy') return scanNpyMember(src, e, label, out, budget);
  if (!PICKLE_EXT.has(ext) && !NESTED_EXT.has(ext)) return;
  if (PICKLE_EXT.has(ext)) out.pickleMembers++;
  if (!claim(out)) return;
  if (PICKLE_EXT.has(ext)) return scanPickleMember(readMember(src, e, budget), label, out);
  const head = readMember(src, e, budget, 8).read(0, 8);
  if (!looksLikeZip(head)) {
    if (head[0] === 0x80 && (head[1] as number) <= 5) scanPickleMember(readMember(src, e, budget), label, out);
    return;
  }
  if (depth + 1 > LIMITS.zipDepth) throw new LimitReached(`${label} is nested deeper than ${LIMITS.zipDepth} archives; not opened`);
  const inner = scanZipInto(readMember(src, e, budget), `${label}!`, depth + 1, budget, out);
  if (inner === null) out.issues.push({ code: 'parse-failed', message: `${label}: not a readable zip` });
}

/** Counts a member whose content is scanned; false (with one issue) past the cap. */
function claim(out: ArchiveScan): boolean {
  if (out.scanned++ < LIMITS.zipMembersScanned) return true;
  if (out.scanned === LIMITS.zipMembersScanned + 1) out.issues.push({ code: 'limit-reached', message: `more than ${LIMITS.zipMembersScanned} pickles or nested archives; the rest were not scanned` });
  return false;
}

/** Scans one zip's members into `out`; null when the bytes are not a zip. */
function scanZipInto(src: ByteSource, prefix: string, depth: number, budget: InflateBudget, out: ArchiveScan, known?: ZipDirectory): ArchiveScan | null {
  const dir = known ?? readZipDirectory(src, prefix.slice(0, -1));
  if (dir === null) return null;
  if (dir.issue) out.issues.push(dir.issue);
  for (const e of dir.entries) {
    if (e.name.endsWith('/')) continue;
    try {
      scanMember(src, e, prefix, depth, out, budget);
    } catch (error) {
      out.issues.push(error instanceof SyntaxError ? { code: 'parse-failed', message: `${prefix}${e.name}: invalid JSON` } : issueOf(`${prefix}${e.name}`, error));
    }
  }
  return out;
}

/** Scans a zip container; null when it is not a zip at all. */
export function scanArchive(src: ByteSource): ArchiveScan | null {
  const dir = readZipDirectory(src, 'zip archive');
  if (dir === null) return null;
  const out: ArchiveScan = { layout: layoutOf(dir.entries.map((e) => e.name)), members: [], globals: [], pickles: 0, protocol: 0, objectArrays: [], keras: {}, issues: [], scanned: 0, pickleMembers: 0 };
  return scanZipInto(src, '', 0, { left: LIMITS.zipTotalBytes }, out, dir);
}
