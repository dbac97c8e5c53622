import { mkdirSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DETECTORS } from '../../src/detectors/api.ts';
import { compileDetectors } from '../../src/detectors/run.ts';
import { makeAsset } from '../../src/detectors/shared/build.ts';
import type { Detector } from '../../src/detectors/types.ts';
import { mergeResults } from '../../src/pipeline/merge.ts';
import { tempTree } from '../../test/helpers/temp-tree.ts';
import type { ScanContext } from '../types.ts';
import { scanLocal } from './scan.ts';

const ctx: ScanContext = {
  scanId: 't', now: () => new Date(0), log: { debug: () => undefined, warn: () => undefined },
  signal: new AbortController().signal, limit: (task) => task(), progress: { addTotal: () => undefined, advance: () => undefined },
};

/** A binary detector that reports the magic bytes of `.bin` files, reading only the first four. */
const magic: Detector = {
  id: 'magic', displayName: 'Magic', patterns: ['**/*.bin'], binary: true,
  detect(file) {
    if (!file.bytes || file.content !== '') throw new Error('binary detectors get bytes and no text');
    const head = Buffer.from(file.bytes.read(0, 4)).toString('latin1');
    return { assets: [makeAsset(file, { kind: 'model-file', key: file.path, name: file.path, attributes: { magic: head, size: file.bytes.size }, evidence: [{ path: file.path, technique: 'model-header', confidence: 'declared', detector: 'magic' }] })], relationships: [], diagnostics: [] };
  },
};

describe('scanLocal with binary detectors', () => {
  it.each([1, 8])('opens binary files without the size cap or binary sniffing, and counts only bytes read (concurrency %i)', async (concurrency) => {
    const big = new Uint8Array(64 * 1024);
    big.set([0x47, 0x47, 0x55, 0x46, 0]);
    const root = tempTree({ 'weights/model.bin': big, 'app.py': 'import openai\n' });
    const result = await scanLocal(ctx, { paths: [root], exclude: [], include: [], defaultExcludes: true, maxFileSize: 1024, concurrency, detectors: compileDetectors([magic]) });
    const merged = mergeResults([result]);
    const file = merged.assets.find((a) => a.kind === 'model-file');
    expect(file?.attributes).toEqual({ magic: 'GGUF', size: 65536 });
    expect(merged.diagnostics).toEqual([]);
    expect(result.stats).toEqual({ filesSeen: 2, filesRead: 1, bytesRead: 4, filesSkipped: 0 });
  });
});

describe('scanLocal with symlinked agent files', () => {
  it('reports the agent a linked instructions file is named for (CLAUDE.md -> AGENTS.md)', async () => {
    const root = tempTree({ 'AGENTS.md': '# Rules\nRun the tests.\n' });
    symlinkSync('AGENTS.md', join(root, 'CLAUDE.md'));
    mkdirSync(join(root, '.github'));
    symlinkSync('../AGENTS.md', join(root, '.github', 'copilot-instructions.md'));
    const result = await scanLocal(ctx, { paths: [root], exclude: [], include: [], defaultExcludes: true, maxFileSize: 1024, concurrency: 1, detectors: compileDetectors(DETECTORS) });
    const merged = mergeResults([result]);
    const agents = merged.assets.filter((a) => a.kind === 'agent').map((a) => [a.name, a.attributes['files']]).sort();
    expect(agents).toEqual([['agents-md', ['AGENTS.md']], ['claude-code', ['CLAUDE.md']], ['github-copilot', ['.github/copilot-instructions.md']]]);
    expect(merged.diagnostics).toEqual([]);
  });
});

describe('scanLocal with UTF-16 files', () => {
  it('finds what a UTF-16 requirements file with a byte-order mark declares, through the reading pass', async () => {
    const root = tempTree({ 'requirements.txt': Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('openai==1.30.0\r\n', 'utf16le')]) });
    const result = await scanLocal(ctx, { paths: [root], exclude: [], include: [], defaultExcludes: true, maxFileSize: 1024, concurrency: 1, detectors: compileDetectors(DETECTORS) });
    const merged = mergeResults([result]);
    expect(merged.assets.filter((a) => a.kind === 'sdk').map((a) => a.name)).toEqual(['openai']);
    expect(merged.diagnostics).toEqual([]);
  });
});
