import { describe, expect, it } from 'vitest';
import { ENDPOINT_ENV_NAMES, ENDPOINT_HOSTS } from './catalog.ts';
import { STAGE_ONE_WORDS } from './find.ts';

describe('the first-stage word list', () => {
  it('covers every catalog host suffix and base-URL variable, so the cheap pass never hides one', () => {
    const covered = (s: string): boolean => STAGE_ONE_WORDS.some((w) => s.toLowerCase().includes(w));
    expect(ENDPOINT_HOSTS.map((h) => h.suffix).filter((s) => !covered(s))).toEqual([]);
    expect(ENDPOINT_ENV_NAMES.map((e) => e.name).filter((n) => !covered(n))).toEqual([]);
  });
});
