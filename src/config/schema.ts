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
      maxFileSize: size.optional(),
      concurrency: z.number().int().min(1).max(1024).optional(),
      detectors: z.array(z.string()).optional(),
      skipDetectors: z.array(z.string()).optional(),
    })
    .optional(),
  store: z.string().min(1).optional(),
});
export type ConfigFile = z.infer<typeof configFileSchema>;
