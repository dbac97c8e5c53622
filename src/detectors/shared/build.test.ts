import { describe, expect, it } from 'vitest';
import { makeAsset } from './build.ts';

const KEY = ['sk', 'proj', 'A1b2C3d4E5f6G7h8I9j0K1l2'].join('-');

describe('makeAsset', () => {
  it('scrubs key-shaped strings from attributes at any depth, and leaves other values as they are', () => {
    const description = `  A tool that calls the API with ${KEY} inside.  `;
    const asset = makeAsset({ scope: 's' }, {
      kind: 'tool',
      key: 't',
      name: 't',
      evidence: [],
      attributes: { description, nested: { list: [`Bearer ${KEY}`, 'gpt-4o-mini'] }, count: 3, flag: true, sha: 'a'.repeat(40) },
    });
    expect(JSON.stringify(asset)).not.toContain(KEY);
    expect(asset.attributes['description']).toBe('  A tool that calls the API with sk-proj-…[redacted] inside.  ');
    expect(asset.attributes).toMatchObject({ nested: { list: [expect.stringContaining('…[redacted]'), 'gpt-4o-mini'] }, count: 3, flag: true, sha: 'a'.repeat(40) });
  });
});
