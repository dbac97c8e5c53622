import { describe, expect, it } from 'vitest';
import { DETECTOR_IDS, selectDetectors } from './select.ts';

describe('selectDetectors', () => {
  it('keeps all, some, or all but some, in registry order', () => {
    expect(selectDetectors().map((d) => d.id)).toEqual(DETECTOR_IDS);
    expect(selectDetectors(['python', 'manifests']).map((d) => d.id)).toEqual(['manifests', 'python']);
    expect(selectDetectors(undefined, ['secrets']).map((d) => d.id)).toEqual(DETECTOR_IDS.filter((id) => id !== 'secrets'));
  });

  it('refuses unknown ids and names the known ones', () => {
    expect(() => selectDetectors(['pyton'])).toThrow(/unknown detector pyton; known detectors: manifests, javascript, python/);
  });
});
