/** JSON encoding of a BOM: the model already has the schema's shape, so this only orders and prints. */
import type { CdxBom } from './types.ts';

/** Drops empty lists anywhere (an empty `properties: []` says nothing and clutters diffs). */
const dropEmpty = (_key: string, value: unknown): unknown => (Array.isArray(value) && value.length === 0 ? undefined : value);

/** Encodes a BOM as pretty-printed JSON (2 spaces, trailing newline), `$schema` first, empty lists left out. */
export function encodeJson(bom: CdxBom): string {
  const body = { $schema: `http://cyclonedx.org/schema/bom-${bom.specVersion}.schema.json`, ...bom };
  return `${JSON.stringify(body, dropEmpty, 2)}\n`;
}
