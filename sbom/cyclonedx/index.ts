/**
 * aimap's CycloneDX AI-BOM writer: one BOM per system or for the whole estate, from a stored
 * inventory, as CycloneDX 1.6 or 1.7 JSON or XML. The mapping is described in sbom/README.md and
 * the `aimap:` properties in sbom/cyclonedx/PROPERTIES.md.
 */
import type { Inventory } from '../../src/model/index.ts';
import { buildBom } from './build.ts';
import { encodeJson } from './json.ts';
import { serialNumberOf } from './serial.ts';
import type { CdxFormat, CdxSpec } from './types.ts';
import { encodeXml } from './xml.ts';

export { bomFileNames } from './file-names.ts';
export { BomSelectionError, listSystems, type SystemSummary } from './select.ts';
export { CDX_FORMATS, CDX_SPECS, type CdxFormat, type CdxSpec } from './types.ts';

export interface CycloneDxOptions {
  /** A system id, name or native id, or `'estate'`; undefined: the single system when it covers everything, else the estate. */
  readonly system?: string;
  readonly spec: CdxSpec;
  readonly format: CdxFormat;
  /** ISO timestamp; default the scan's `finishedAt`. */
  readonly timestamp?: string;
  /** `urn:uuid:...`; default a UUID derived from the BOM's content. */
  readonly serialNumber?: string;
}

/**
 * Renders the CycloneDX BOM of one system or of the estate. Deterministic: the same inventory and
 * options give byte-identical text. Throws `BomSelectionError` when `system` matches no system
 * (or several); the message lists the choices.
 */
export function toCycloneDx(inventory: Inventory, options: CycloneDxOptions): string {
  const bom = buildBom(inventory, {
    spec: options.spec,
    ...(options.system === undefined ? {} : { system: options.system }),
    ...(options.timestamp === undefined ? {} : { timestamp: options.timestamp }),
  });
  // The serial is hashed over the JSON text either way, so the JSON and XML of one BOM share it.
  const withSerial = { ...bom, serialNumber: options.serialNumber ?? serialNumberOf(encodeJson(bom)) };
  return options.format === 'xml' ? encodeXml(withSerial) : encodeJson(withSerial);
}
