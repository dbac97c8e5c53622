import { describe, expect, it } from 'vitest';
import { tempTree } from '../../test/helpers/temp-tree.ts';
import { ConfigError, loadConfigFile, readEnv } from './load.ts';
import { parseSize } from './schema.ts';

describe('parseSize', () => {
  it('reads units and rejects junk', () => {
    expect([parseSize('5MB'), parseSize('512k'), parseSize('1.5 mb'), parseSize(100), parseSize('lots'), parseSize('0')]).toEqual([
      5 * 1024 * 1024, 512 * 1024, 1.5 * 1024 * 1024, 100, undefined, undefined,
    ]);
  });
});

describe('loadConfigFile', () => {
  it('finds aimap.config.yaml in the folder and converts sizes', () => {
    const dir = tempTree({ 'aimap.config.yaml': 'scan:\n  exclude: [tests]\n  maxFileSize: 1MB\nstore: data/aimap.db\n' });
    expect(loadConfigFile(dir).config).toEqual({ scan: { exclude: ['tests'], maxFileSize: 1024 * 1024 }, store: 'data/aimap.db' });
  });

  it('returns an empty config when there is no file', () => {
    expect(loadConfigFile(tempTree()).config).toEqual({});
  });

  it('explains unknown keys, bad values, bad YAML and a missing explicit file', () => {
    const dir = tempTree({ 'a.yaml': 'scann: {}\n', 'b.yaml': 'scan:\n  maxFileSize: huge\n', 'c.yaml': 'scan: [\n' });
    expect(() => loadConfigFile(dir, 'a.yaml')).toThrow(/invalid config .*a\.yaml: \(root\): Unrecognized key/);
    expect(() => loadConfigFile(dir, 'b.yaml')).toThrow(/scan\.maxFileSize: not a size: huge/);
    expect(() => loadConfigFile(dir, 'c.yaml')).toThrow(ConfigError);
    expect(() => loadConfigFile(dir, 'nope.yaml')).toThrow(/file not found/);
  });
});

describe('readEnv', () => {
  it('honours NO_COLOR and TERM=dumb', () => {
    expect(readEnv({ NO_COLOR: '1' }).noColor).toBe(true);
    expect(readEnv({ TERM: 'dumb' }).noColor).toBe(true);
    expect(readEnv({}).noColor).toBe(false);
  });
});
