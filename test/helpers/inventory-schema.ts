/** Compiles schema/inventory.schema.json with Ajv (draft 2020-12, formats on) for tests. */
import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';

const addFormats = addFormatsModule as unknown as (ajv: Ajv2020) => Ajv2020;

export const inventorySchema = JSON.parse(readFileSync(new URL('../../schema/inventory.schema.json', import.meta.url), 'utf8')) as {
  $defs: Record<string, { properties: Record<string, { enum?: string[] }> }>;
};

const ajv = new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true });
addFormats(ajv);
const validate = ajv.compile(inventorySchema);

/** Returns the schema errors of a parsed inventory as readable strings (empty when valid). */
export function inventorySchemaErrors(value: unknown): string[] {
  if (validate(value)) return [];
  return (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? ''}`);
}
