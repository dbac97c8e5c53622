import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempTree } from '../../test/helpers/temp-tree.ts';
import { formatBytes, readCandidate } from './read.ts';

const file = (root: string, path: string) => ({ path, absolute: join(root, path) });

describe('readCandidate', () => {
  it('reads UTF-8 text and strips a BOM', async () => {
    const root = tempTree({ 'a.ts': '\uFEFFimport OpenAI from "openai";' });
    const out = await readCandidate(file(root, 'a.ts'), 1024);
    expect(out).toMatchObject({ kind: 'text', content: 'import OpenAI from "openai";', diagnostics: [] });
  });

  it('reads UTF-16 text with a byte-order mark (either order) as text', async () => {
    const text = 'openai==1.30.0\nanthropic\n';
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    const be = Buffer.from(le.subarray(2)).swap16();
    const root = tempTree({ 'le.txt': le, 'be.txt': Buffer.concat([Buffer.from([0xfe, 0xff]), be]), 'nobom.txt': Buffer.from(text, 'utf16le') });
    expect(await readCandidate(file(root, 'le.txt'), 1024)).toMatchObject({ kind: 'text', content: text, diagnostics: [] });
    expect(await readCandidate(file(root, 'be.txt'), 1024)).toMatchObject({ kind: 'text', content: text, diagnostics: [] });
    // Without a mark, UTF-16 cannot be told from binary.
    expect((await readCandidate(file(root, 'nobom.txt'), 1024)).diagnostics.map((d) => d.code)).toEqual(['binary-file']);
  });

  it('skips a file over the cap without reading it', async () => {
    const root = tempTree({ 'big.py': 'x'.repeat(2048) });
    const out = await readCandidate(file(root, 'big.py'), 1024);
    expect(out.kind).toBe('skipped');
    expect(out.diagnostics.map((d) => [d.code, d.message])).toEqual([['file-too-large', 'file is 2 KB, over the 1 KB cap (--max-file-size); not scanned']]);
  });

  it('reports binary content in a file named .js and does not scan it', async () => {
    const root = tempTree({ 'x.js': new Uint8Array([0x7f, 0x45, 0x4c, 0x46, 0, 1, 2, 3]) });
    const out = await readCandidate(file(root, 'x.js'), 1024);
    expect(out.kind).toBe('skipped');
    expect(out.diagnostics.map((d) => d.code)).toEqual(['binary-file']);
  });

  it('reports invalid UTF-8 but still scans the text with replacements', async () => {
    const root = tempTree({ 'bad.py': new Uint8Array([...Buffer.from('import openai # caf'), 0xe9, 0x0a]) });
    const out = await readCandidate(file(root, 'bad.py'), 1024);
    expect(out.kind).toBe('text');
    expect(out.diagnostics.map((d) => d.code)).toEqual(['invalid-encoding']);
    expect(out.kind === 'text' && out.content.startsWith('import openai')).toBe(true);
  });

  it('turns a vanished or unreadable file into a diagnostic instead of throwing', async () => {
    const root = tempTree({});
    const out = await readCandidate(file(root, 'gone.py'), 1024);
    expect(out.diagnostics.map((d) => [d.code, d.message])).toEqual([['unreadable', 'cannot read file (ENOENT); not scanned']]);
  });

  it('skips non-regular files such as FIFOs without blocking', async () => {
    const root = tempTree({});
    writeFileSync(join(root, 'placeholder'), '');
    const { execFileSync } = await import('node:child_process');
    execFileSync('mkfifo', [join(root, 'pipe.py')]);
    // Opening a FIFO for reading would block until a writer appears; the reader must not hang.
    const out = await Promise.race([readCandidate(file(root, 'pipe.py'), 1024), new Promise((r) => setTimeout(() => r('hung'), 2000))]);
    expect(out).toEqual({ kind: 'skipped', bytes: 0, diagnostics: [] });
  });
});

describe('formatBytes', () => {
  it('formats sizes for messages', () => {
    expect([formatBytes(512), formatBytes(2048), formatBytes(5 * 1024 * 1024)]).toEqual(['512 B', '2 KB', '5 MB']);
  });
});
