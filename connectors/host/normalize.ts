/**
 * Pure: runs the `mcp-config` detector over the config files read from a home folder. Evidence
 * paths are the shown ones (`~/.cursor/mcp.json`, `%APPDATA%/Claude/...`), ids are scoped by the
 * host scope. No scope asset is added: the model has no host kind, and the scope string (also the
 * scan target's `scope`) is what later stale-cleanup keys on.
 */
import { mcpConfigDetector } from '../../src/detectors/mcp-config/index.ts';
import type { DetectionResult } from '../../src/model/index.ts';
import type { HostFile } from './fetch.ts';

/** The scope asset ids are derived in: one per host and home folder. */
export function hostScope(hostname: string, home: string): string {
  return `host:${hostname}:${home.replace(/\\/g, '/')}`;
}

/** Detector results for the files read, in the order given (the caller sorts by shown path). */
export function normalizeHostFiles(scope: string, files: readonly HostFile[]): DetectionResult[] {
  return files.flatMap((file) => {
    try {
      const found = mcpConfigDetector.detect({ scope, path: file.shown, content: file.content });
      return found === null ? [] : [found];
    } catch (error) {
      // A throwing detector is a bug; the scan goes on, as the local connector's runner does.
      const message = `detector mcp-config failed on this file: ${error instanceof Error ? error.message : String(error)}`;
      return [{ assets: [], relationships: [], diagnostics: [{ connector: 'mcp-config', level: 'error', code: 'detector-failed', message, location: { path: file.shown } }] }];
    }
  });
}
