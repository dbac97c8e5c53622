/**
 * `aimap bom`: writes the CycloneDX AI-BOM of a recorded scan (one system, every system, or the
 * whole estate). It reads the stored inventory and never re-scans.
 */
import { join, resolve } from 'node:path';
import { Option, type Command } from 'commander';
import { bomFileNames, BomSelectionError, CDX_FORMATS, CDX_SPECS, listSystems, toCycloneDx, type CdxFormat, type CdxSpec } from '../../sbom/cyclonedx/index.ts';
import { AimapStoreError } from '../../graph/store-error.ts';
import { ConfigError, loadConfigFile } from '../config/index.ts';
import type { Inventory } from '../model/index.ts';
import { writeFileAtomic, type CommandIo } from './io.ts';
import { openStore } from './store.ts';

export interface BomFlags {
  readonly system?: string;
  readonly all?: boolean;
  readonly estate?: boolean;
  readonly spec: CdxSpec;
  readonly format: CdxFormat;
  readonly output?: string;
  readonly scan?: string;
  readonly store?: string;
  readonly config?: string;
  readonly validate?: boolean;
  readonly quiet?: boolean;
}

/** Reads the inventory of `--scan` (default: the newest scan) from the store; never creates a store. */
function readInventory(flags: BomFlags, cwd: string): Inventory {
  const { config } = loadConfigFile(cwd, flags.config);
  const store = openStore(flags.store, config.store, cwd, false);
  if (store === undefined) throw new ConfigError('aimap bom reads a recorded scan; it needs a store');
  try {
    const inventory = store.inventory(flags.scan);
    if (inventory !== undefined) return inventory;
    throw new ConfigError(
      flags.scan === undefined ? 'the store has no scans yet; run aimap scan first' : `no scan "${flags.scan}" in the store; aimap scans lists the recorded scans`,
    );
  } finally {
    store.close();
  }
}

/**
 * Schema-validates a BOM when `--validate` is given. The validator pulls in ajv and a WebAssembly
 * libxml2, so it is loaded only on demand.
 */
async function validationErrors(text: string, flags: BomFlags): Promise<string[]> {
  if (flags.validate !== true) return [];
  const validator = await import('../../sbom/validate.ts').catch((error: unknown) => {
    if ((error as NodeJS.ErrnoException).code !== 'ERR_MODULE_NOT_FOUND') throw error;
    throw new ConfigError('--validate needs the packages ajv, ajv-formats and xmllint-wasm, which this installation lacks');
  });
  return validator.validateBom(text, flags.spec, flags.format);
}

function reportInvalid(io: CommandIo, label: string, errors: readonly string[]): number {
  io.stderr.write(`aimap: the ${label} BOM does not validate against the CycloneDX schema (please report this bug):\n${errors.slice(0, 20).map((e) => `  - ${e}`).join('\n')}\n`);
  return 1;
}

async function writeAll(inventory: Inventory, flags: BomFlags, io: CommandIo): Promise<number> {
  if (flags.output === undefined) throw new ConfigError('--all writes one file per system: give the folder with --output DIR');
  const systems = listSystems(inventory);
  if (systems.length === 0) throw new ConfigError('this scan has no systems; use --estate for one BOM of everything');
  const names = bomFileNames(systems, flags.format);
  const dir = resolve(io.cwd, flags.output);
  const rendered: [string, string][] = [];
  for (const system of systems) {
    const text = toCycloneDx(inventory, { system: system.id, spec: flags.spec, format: flags.format });
    const errors = await validationErrors(text, flags);
    if (errors.length > 0) return reportInvalid(io, `"${system.name}"`, errors);
    rendered.push([join(dir, names.get(system.id) as string), text]);
  }
  // Written only once every BOM rendered (and validated), so a failure leaves no partial set.
  for (const [path, text] of rendered) writeFileAtomic(path, text);
  if (flags.quiet !== true) io.stderr.write(`aimap: wrote ${rendered.length} BOMs (CycloneDX ${flags.spec} ${flags.format}) → ${flags.output}\n`);
  return 0;
}

async function writeOne(inventory: Inventory, flags: BomFlags, io: CommandIo): Promise<number> {
  const system = flags.estate === true ? 'estate' : flags.system;
  const text = toCycloneDx(inventory, { ...(system === undefined ? {} : { system }), spec: flags.spec, format: flags.format });
  const errors = await validationErrors(text, flags);
  if (errors.length > 0) return reportInvalid(io, system ?? 'default', errors);
  if (flags.output === undefined) io.stdout.write(text);
  else {
    writeFileAtomic(resolve(io.cwd, flags.output), text);
    if (flags.quiet !== true) io.stderr.write(`aimap: wrote the AI-BOM of scan ${inventory.scan.id} (CycloneDX ${flags.spec} ${flags.format}) → ${flags.output}\n`);
  }
  return 0;
}

/** Runs the bom command; returns the exit code (2 with a message for usage, store and selection errors). */
export async function bomCommand(flags: BomFlags, io: CommandIo): Promise<number> {
  try {
    const selectors = [flags.system !== undefined, flags.all === true, flags.estate === true].filter(Boolean).length;
    if (selectors > 1) throw new ConfigError('choose one of --system NAME, --all and --estate');
    const inventory = readInventory(flags, io.cwd);
    return flags.all === true ? await writeAll(inventory, flags, io) : await writeOne(inventory, flags, io);
  } catch (error) {
    if (error instanceof ConfigError || error instanceof AimapStoreError || error instanceof BomSelectionError) {
      io.stderr.write(`aimap: ${error.message}\n`);
      return 2;
    }
    throw error;
  }
}

/** Adds `aimap bom` to the program. */
export function registerBomCommand(program: Command, io: CommandIo, setExit: (code: number) => void): void {
  program
    .command('bom')
    .description('write the CycloneDX AI-BOM of a recorded scan: one system, every system, or the whole estate')
    .option('--system <name>', 'the BOM of one system (name, id or root folder)')
    .option('--all', 'one BOM per system, into the folder given with --output')
    .option('--estate', 'one BOM of everything in the scan')
    .addOption(new Option('--spec <version>', 'CycloneDX version').choices(CDX_SPECS).default('1.6'))
    .addOption(new Option('-f, --format <format>', 'BOM format').choices(CDX_FORMATS).default('json'))
    .option('-o, --output <path>', 'write to this file (with --all: this folder) instead of stdout')
    .option('--scan <id>', 'the scan to export (default: the newest; aimap scans lists them)')
    .option('--store <path>', 'embedded store file (default .aimap/aimap.db)')
    .option('-c, --config <file>', 'config file')
    .option('--validate', 'check each BOM against the official CycloneDX schema before writing it')
    .option('-q, --quiet', 'no summary on stderr')
    .addHelpText(
      'after',
      '\nWithout --system/--all/--estate: the BOM of the only system when there is exactly one and it covers every asset, else the estate.\n\nExamples:\n  aimap bom --estate --output aimap.cdx.json\n  aimap bom --system support-bot --format xml --spec 1.7\n  aimap bom --all --output boms/',
    )
    .action(async (opts: BomFlags) => setExit(await bomCommand(opts, io)));
}
