/**
 * Validates a CycloneDX BOM offline against the official schemas bundled with
 * `@cyclonedx/cyclonedx-library` (res/schema): JSON with ajv (draft-07, the schemas' dialect) plus
 * the SPDX, JSF and cryptography-defs schemas they reference, XML with libxml2 compiled to
 * WebAssembly (`xmllint-wasm`) plus the imported SPDX XSD. JSON BOMs also get the integrity checks
 * the schema cannot express (sbom/integrity.ts).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { validateXML } from 'xmllint-wasm';
import type { CdxFormat, CdxSpec } from './cyclonedx/types.ts';
import { bomIntegrityErrors } from './integrity.ts';

// ajv-formats is CommonJS with a default export; under NodeNext its namespace import is the function.
const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;

const SCHEMA_DIR = join(dirname(createRequire(import.meta.url).resolve('@cyclonedx/cyclonedx-library/package.json')), 'res', 'schema');
const readSchema = (name: string): string => readFileSync(join(SCHEMA_DIR, name), 'utf8');

/** Schemas the BOM schemas `$ref` by their `.SNAPSHOT` file names. */
const REFERENCED = ['spdx.SNAPSHOT.schema.json', 'jsf-0.82.SNAPSHOT.schema.json', 'cryptography-defs.SNAPSHOT.schema.json'];

/** Compiled validators per spec: compiling a 300 KB schema takes a few hundred ms, so once per process. */
const compiled = new Map<CdxSpec, ValidateFunction>();

/**
 * `iri-reference` (RFC 3987) is not in ajv-formats; this accepts what an IRI reference may hold
 * (any non-space, non-delimiter characters), which still catches spaces and quotes in URLs.
 */
const IRI_REFERENCE = /^[^\s<>"{}|\\^`]*$/;
const IDN_EMAIL = /^[^\s@]+@[^\s@]+$/;

function jsonValidator(spec: CdxSpec): ValidateFunction {
  const cached = compiled.get(spec);
  if (cached !== undefined) return cached;
  const ajv = new Ajv({ strict: false, allErrors: false });
  addFormats(ajv);
  ajv.addFormat('iri-reference', IRI_REFERENCE);
  ajv.addFormat('idn-email', IDN_EMAIL);
  for (const name of REFERENCED) {
    const schema = JSON.parse(readSchema(name)) as Record<string, unknown>;
    // The BOM schemas refer to these by their SNAPSHOT file names, relative to their own $id.
    ajv.addSchema({ ...schema, $id: `http://cyclonedx.org/schema/${name}` });
  }
  const validate = ajv.compile(JSON.parse(readSchema(`bom-${spec}.SNAPSHOT.schema.json`)) as object);
  compiled.set(spec, validate);
  return validate;
}

function formatAjvError(e: ErrorObject): string {
  return `${e.instancePath === '' ? '/' : e.instancePath}: ${e.message ?? e.keyword}${e.params === undefined ? '' : ` ${JSON.stringify(e.params)}`}`;
}

function validateJson(text: string, spec: CdxSpec): string[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    return [`not JSON: ${error instanceof Error ? error.message : String(error)}`];
  }
  const validate = jsonValidator(spec);
  const schemaErrors = validate(parsed) ? [] : (validate.errors ?? []).map(formatAjvError);
  return [...schemaErrors, ...bomIntegrityErrors(parsed)];
}

async function validateXmlText(text: string, spec: CdxSpec): Promise<string[]> {
  const result = await validateXML({
    xml: [{ fileName: 'bom.xml', contents: text }],
    schema: [{ fileName: `bom-${spec}.SNAPSHOT.xsd`, contents: readSchema(`bom-${spec}.SNAPSHOT.xsd`) }],
    preload: [{ fileName: 'spdx.SNAPSHOT.xsd', contents: readSchema('spdx.SNAPSHOT.xsd') }],
    // The 1.7 XSD alone is ~600 KB; the default 32 MiB ceiling is too tight for large estates.
    maxMemoryPages: 16 * 256,
  });
  return result.valid ? [] : result.errors.map((e) => (e.loc === null ? e.message : `line ${e.loc.lineNumber}: ${e.message}`));
}

/**
 * Errors of a BOM text against the official CycloneDX schema of `spec` (empty when valid). JSON BOMs
 * are also checked for unique bom-refs, resolving refs and model cards only on models.
 */
export async function validateBom(text: string, spec: CdxSpec, format: CdxFormat): Promise<string[]> {
  return format === 'xml' ? validateXmlText(text, spec) : validateJson(text, spec);
}
