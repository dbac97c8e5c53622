/**
 * Validates SARIF logs in tests, two ways:
 * - `sarifSchemaErrors`: Ajv against the official SARIF 2.1.0 JSON schema, read from the
 *   `@microsoft/sarif-multitool-<platform>` package (it ships `sarif-2.1.0.json`; nothing vendored).
 * - `multitoolValidate`: Microsoft's SARIF Multitool (`sarif-multitool validate`), which adds the
 *   SARIF1xxx/2xxx rules the schema cannot express. It runs offline; one call takes about a second.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';

const addFormats = addFormatsModule as unknown as (ajv: Ajv2020) => Ajv2020;
const require = createRequire(import.meta.url);

/** The folder of the platform package that holds the multitool binary and the schema. */
function multitoolDir(): string {
  return dirname(require.resolve(`@microsoft/sarif-multitool-${process.platform}/package.json`));
}

/** The official SARIF 2.1.0 schema as shipped with the multitool. */
export const sarifSchemaPath = (): string => join(multitoolDir(), 'sarif-2.1.0.json');

let validate: ReturnType<Ajv2020['compile']> | undefined;

/** Schema errors of a parsed SARIF log as readable strings (empty when valid). */
export function sarifSchemaErrors(log: unknown): string[] {
  if (validate === undefined) {
    // strict off: the schema is Microsoft's, written for any validator, not for Ajv's strict mode.
    const ajv = new Ajv2020({ allErrors: true, strict: false });
    addFormats(ajv);
    validate = ajv.compile(JSON.parse(readFileSync(sarifSchemaPath(), 'utf8')) as object);
  }
  if (validate(log)) return [];
  return (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? ''}`);
}

/** One result of the multitool's own output log. */
export interface MultitoolResult {
  /** Index of the log (in the list given) the result is about. */
  readonly log: number;
  readonly ruleId: string;
  readonly level: string;
  readonly message: string;
}

/** The multitool settings for tests: its defaults, minus SARIF2006 (it fetches every URI over HTTP). */
const CONFIG = join(import.meta.dirname, 'multitool-offline.xml');

/**
 * Runs `sarif-multitool validate` on the logs (one process for all, offline) and returns every
 * error, warning and note it reported; `exitCode` is the tool's. An `error` means an invalid log.
 */
export function multitoolValidate(logs: readonly string[]): { exitCode: number; results: MultitoolResult[]; stdout: string } {
  const dir = mkdtempSync(join(tmpdir(), 'aimap-sarif-'));
  try {
    const inputs = logs.map((text, i) => {
      const file = join(dir, `log-${i}.sarif`);
      writeFileSync(file, text);
      return file;
    });
    const out = join(dir, 'validation.sarif');
    const bin = join(multitoolDir(), process.platform === 'win32' ? 'Sarif.Multitool.exe' : 'Sarif.Multitool');
    const args = ['validate', ...inputs, '--output', out, '--json-schema', sarifSchemaPath(), '--config', CONFIG, '--level', 'Error;Warning;Note', '--quiet'];
    const run = spawnSync(bin, args, {
      encoding: 'utf8',
      env: { ...process.env, DOTNET_CLI_TELEMETRY_OPTOUT: '1' },
      timeout: 120_000,
    });
    if (!existsSync(out)) throw new Error(`sarif-multitool wrote no log (exit ${String(run.status)}): ${String(run.stdout)}${String(run.stderr)}${run.error?.message ?? ''}`);
    const log = JSON.parse(readFileSync(out, 'utf8')) as {
      runs: {
        results?: {
          ruleId: string;
          level?: string;
          message: { text?: string; id?: string; arguments?: string[] };
          locations?: { physicalLocation?: { artifactLocation?: { uri?: string } } }[];
        }[];
      }[];
    };
    const results = (log.runs[0]?.results ?? []).map((r) => ({
      log: Number(/log-(\d+)\.sarif$/.exec(r.locations?.[0]?.physicalLocation?.artifactLocation?.uri ?? '')?.[1] ?? -1),
      ruleId: r.ruleId,
      level: r.level ?? 'warning',
      message: r.message.text ?? `${r.message.id ?? ''} ${(r.message.arguments ?? []).join(' | ')}`,
    }));
    return { exitCode: run.status ?? -1, results, stdout: String(run.stdout) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
