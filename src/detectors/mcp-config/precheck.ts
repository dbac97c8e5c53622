/**
 * Which catalog row owns a path, and whether its text holds anything worth parsing: its shape's key
 * word (`mcpServers`, `context_servers`, ...) or, for files with client settings, a settings word.
 * Light on purpose: scan workers run it on every file (`src/detectors/prefilters.ts`).
 */
import picomatch from 'picomatch';
import { CONFIG_FILES, PRECHECK, SETTINGS_PRECHECK, type ClientSettings, type ConfigFileRow } from './catalog.ts';

const MATCHERS = CONFIG_FILES.map((row) => ({ row, isMatch: picomatch([...row.patterns], { dot: true }) }));

/** The catalog row that owns a path (first match wins), or undefined. */
export function configFileFor(path: string): ConfigFileRow | undefined {
  return MATCHERS.find((m) => m.isMatch(path))?.row;
}

/** What a config file holds for the detector: servers, client settings, or both. */
export interface ToRead {
  readonly row: ConfigFileRow;
  readonly hasServers: boolean;
  readonly settings: ClientSettings | undefined;
}

/** What to read in a file, or undefined when the detector returns null without parsing it. */
export function whatToRead(path: string, content: string): ToRead | undefined {
  const row = configFileFor(path);
  if (row === undefined) return undefined;
  const hasServers = PRECHECK[row.shape].test(content);
  const settings = row.settings !== undefined && SETTINGS_PRECHECK[row.settings].test(content) ? row.settings : undefined;
  return hasServers || settings !== undefined ? { row, hasServers, settings } : undefined;
}

/** False when the detector would return null for this file without parsing it. */
export function mayFindMcpConfig(path: string, content: string): boolean {
  return whatToRead(path, content) !== undefined;
}
