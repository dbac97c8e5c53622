/**
 * Loads the config file and reads the environment: the only module that touches process.env
 * (besides src/cli.ts), so everything else gets its settings passed down.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { configFileSchema, type ConfigFile } from './schema.ts';

/** A problem with configuration or usage: reported in one line, exit code 2. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

export const CONFIG_FILE_NAMES = ['aimap.config.yaml', 'aimap.config.yml', 'aimap.config.json'] as const;

/** Finds and parses the config file: `explicit` if given (must exist), else the first default name in `cwd`. */
export function loadConfigFile(cwd: string, explicit?: string): { config: ConfigFile; path?: string } {
  const path = explicit === undefined ? CONFIG_FILE_NAMES.map((n) => resolve(cwd, n)).find((p) => existsSync(p)) : resolve(cwd, explicit);
  if (path === undefined) return { config: {} };
  let raw: unknown;
  try {
    const text = readFileSync(path, 'utf8');
    raw = path.endsWith('.json') ? JSON.parse(text) : parseYaml(text, { maxAliasCount: 100 });
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'file not found' : (error as Error).message;
    throw new ConfigError(`cannot read config ${path}: ${reason}`);
  }
  const parsed = configFileSchema.safeParse(raw ?? {});
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ');
    throw new ConfigError(`invalid config ${path}: ${issues}`);
  }
  return { config: parsed.data, path };
}

/** Settings read from the environment. */
export interface EnvSettings {
  /** NO_COLOR set (any value, per no-color.org) or TERM=dumb. */
  readonly noColor: boolean;
}

export function readEnv(env: NodeJS.ProcessEnv = process.env): EnvSettings {
  return { noColor: (env['NO_COLOR'] !== undefined && env['NO_COLOR'] !== '') || env['TERM'] === 'dumb' };
}
