import { DETECTORS } from './api.ts';
import type { Detector } from './types.ts';

/** Ids of every registered detector, in registry order. */
export const DETECTOR_IDS: readonly string[] = DETECTORS.map((d) => d.id);

/**
 * Picks detectors by id: `only` keeps just those (all when absent), `skip` then drops some.
 * Throws on an unknown id, naming the known ones, so a typo never silently scans less.
 */
export function selectDetectors(only?: readonly string[], skip: readonly string[] = []): Detector[] {
  const unknown = [...(only ?? []), ...skip].filter((id) => !DETECTOR_IDS.includes(id));
  if (unknown.length > 0) throw new Error(`unknown detector ${unknown.join(', ')}; known detectors: ${DETECTOR_IDS.join(', ')}`);
  return DETECTORS.filter((d) => (only === undefined || only.includes(d.id)) && !skip.includes(d.id));
}
