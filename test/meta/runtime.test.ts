import { describe, expect, it } from 'vitest';

describe('runtime', () => {
  it('runs on the pinned Node 24 with node:sqlite available', async () => {
    expect(Number(process.versions.node.split('.')[0])).toBeGreaterThanOrEqual(24);
    const sqlite = await import('node:sqlite');
    expect(typeof sqlite.DatabaseSync).toBe('function');
  });
});
