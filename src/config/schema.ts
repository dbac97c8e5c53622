/**
 * The config file schema (aimap.config.yaml / .yml / .json). Every key is optional; command-line
 * flags override the file, and the file overrides the defaults.
 */
import { z } from 'zod';

const SIZE = /^\s*(\d+(?:\.\d+)?)\s*(b|kb|k|mb|m|gb|g)?\s*$/i;
const UNITS: Record<string, number> = { b: 1, k: 1024, kb: 1024, m: 1024 ** 2, mb: 1024 ** 2, g: 1024 ** 3, gb: 1024 ** 3 };

/** Parses `5MB`, `512k`, `1048576` into bytes; undefined when it is not a size. */
export function parseSize(input: string | number): number | undefined {
  if (typeof input === 'number') return Number.isFinite(input) && input > 0 ? Math.floor(input) : undefined;
  const m = SIZE.exec(input);
  if (!m?.[1]) return undefined;
  const bytes = Math.floor(Number(m[1]) * (UNITS[(m[2] ?? 'b').toLowerCase()] ?? 1));
  return bytes > 0 ? bytes : undefined;
}

const size = z.union([z.string(), z.number()]).transform((v, ctx) => {
  const bytes = parseSize(v);
  if (bytes === undefined) {
    ctx.addIssue({ code: 'custom', message: `not a size: ${String(v)} (use e.g. 5MB, 512KB or a byte count)` });
    return z.NEVER;
  }
  return bytes;
});

export const configFileSchema = z.strictObject({
  scan: z
    .strictObject({
      exclude: z.array(z.string()).optional(),
      include: z.array(z.string()).optional(),
      defaultExcludes: z.boolean().optional(),
      /** Skip test files, test data and fixtures (`src/model/test-paths.ts`). */
      skipTests: z.boolean().optional(),
      maxFileSize: size.optional(),
      concurrency: z.number().int().min(1).max(1024).optional(),
      workers: z.number().int().min(0).max(16).optional(),
      detectors: z.array(z.string()).optional(),
      skipDetectors: z.array(z.string()).optional(),
    })
    .optional(),
  store: z.string().min(1).optional(),
  /** Name and group systems; folders not listed are still derived automatically (one per project root). */
  systems: z
    .array(
      z.strictObject({
        name: z.string().min(1),
        /** Repo-relative folders or globs whose assets belong to this system. */
        paths: z.array(z.string().min(1)).min(1),
        description: z.string().optional(),
      }),
    )
    .optional(),
  /** Owners, first in the resolver chain: each entry names an owner for systems, paths or asset ids. */
  owners: z
    .array(
      z.strictObject({
        owner: z.string().min(1),
        systems: z.array(z.string()).optional(),
        paths: z.array(z.string()).optional(),
        assets: z.array(z.string()).optional(),
      }),
    )
    .optional(),
  /** What is approved; anything AI not on these lists is shadow AI. Without it, shadow-ai is inventory only. */
  approved: z
    .strictObject({
      providers: z.array(z.string()).optional(),
      models: z.array(z.string()).optional(),
      sdks: z.array(z.string()).optional(),
      saas: z.array(z.string()).optional(),
      mcpServers: z.array(z.string()).optional(),
    })
    .optional(),
  /** Sensitivity of data sources and vector stores, matched by name glob. */
  dataSources: z
    .array(
      z.strictObject({
        match: z.string().min(1),
        classification: z.enum(['public', 'internal', 'confidential', 'restricted']),
        regulated: z.boolean().optional(),
      }),
    )
    .optional(),
  /** Policy switches: ids to turn off and severity overrides. */
  policies: z
    .strictObject({
      disable: z.array(z.string()).optional(),
      severity: z.record(z.string(), z.enum(['info', 'low', 'medium', 'high', 'critical'])).optional(),
    })
    .optional(),
});
export type ConfigFile = z.infer<typeof configFileSchema>;
