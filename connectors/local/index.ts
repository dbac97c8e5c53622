/**
 * Local connector: scans folders on disk. Finds everything the file detectors find (AI SDKs from
 * manifests and imports, models, vector stores, MCP servers and tools) and records the repository
 * each was found in. Read-only: it opens files, never writes them.
 */
import { z } from 'zod';
import { compileDetectors } from '../../src/detectors/run.ts';
import { selectDetectors } from '../../src/detectors/select.ts';
import type { Connector } from '../types.ts';
import { scanLocal } from './scan.ts';

export const localConfigSchema = z.strictObject({
  paths: z.array(z.string().min(1)).min(1),
  exclude: z.array(z.string()).default([]),
  include: z.array(z.string()).default([]),
  defaultExcludes: z.boolean().default(true),
  maxFileSize: z.number().int().positive().default(5 * 1024 * 1024),
  concurrency: z.number().int().min(1).max(1024).default(1),
  /** Reading threads beside the main one (0 = one thread; absent: one where a second core is free, for large trees); see parallel.ts. */
  workers: z.number().int().min(0).max(16).optional(),
  /** Detector ids to run (all when absent); validated against the registry. */
  detectors: z.array(z.string()).optional(),
  /** Read git history for owner resolution (the low-confidence fallback); CODEOWNERS is read either way. */
  gitHistory: z.boolean().default(true),
});
export type LocalConfig = z.infer<typeof localConfigSchema>;

export const localConnector = {
  id: 'local',
  displayName: 'Local folders',
  emits: ['repository', 'sdk', 'model', 'vector-store', 'mcp-server', 'tool', 'agent', 'model-server', 'model-file', 'endpoint', 'data-source', 'identity', 'secret', 'system', 'cloud-account'],
  permissions: ['read access to the scanned folders'],
  configSchema: localConfigSchema,
  scan: (ctx, config) => scanLocal(ctx, { ...config, detectors: compileDetectors(selectDetectors(config.detectors)) }),
} satisfies Connector<LocalConfig>;
