/**
 * Content-derived serial numbers: an RFC 4122 name-based UUID (version 5, SHA-1) in aimap's own
 * namespace, over the sha256 of the BOM's JSON text with a placeholder serial. The same scan
 * exported again gets the same serial; a new scan (new id, new timestamp) gets a new one, as
 * CycloneDX asks of a changed BOM.
 */
import { createHash } from 'node:crypto';

/** aimap's UUID namespace for BOM serials (a fixed random UUID; never change it). */
const NAMESPACE = '6f0c4d1e-9b8a-4c3d-8e2f-1a7b5c9d3e4f';

/** A version-5 UUID of `name` in `namespace` (RFC 4122 §4.3). */
export function uuidV5(namespace: string, name: string): string {
  const ns = Buffer.from(namespace.replace(/-/g, ''), 'hex');
  const bytes = createHash('sha1').update(ns).update(name, 'utf8').digest().subarray(0, 16);
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x50;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** The `urn:uuid:` serial of a BOM whose JSON text (with the placeholder serial) is `text`. */
export function serialNumberOf(text: string): string {
  return `urn:uuid:${uuidV5(NAMESPACE, createHash('sha256').update(text).digest('hex'))}`;
}
