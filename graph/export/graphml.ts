/**
 * GraphML (graphml.graphdrawing.org) in the shape Neo4j's `apoc.export.graphml` writes, so yEd,
 * Gephi, networkx and `apoc.import.graphml` read it: every property key declared once per element
 * kind with its type, a `labels` attribute (`:AIModel:AIMapAsset`) and a `labels` data value on
 * each node, a `label` (the relationship type) on each edge. Lists have no GraphML type: they are
 * written as JSON arrays with `attr.list` naming the element type, as APOC does.
 */
import type { GraphValue } from '../schema.ts';
import type { GraphNode, GraphRelationship, GraphView } from './graph-view.ts';

/** Characters XML 1.0 cannot hold at all, even escaped: replaced by U+FFFD. */
// eslint-disable-next-line no-control-regex
const XML_INVALID = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const XML_ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;', '\n': '&#10;', '\r': '&#13;', '\t': '&#9;' };

/** Escapes text for an XML attribute or element; line breaks and tabs survive attribute normalisation. */
export function xmlEscape(text: string): string {
  return text.replace(XML_INVALID, '\uFFFD').replace(/[&<>"'\n\r\t]/g, (ch) => XML_ESCAPES[ch] ?? ch);
}

type ScalarType = 'boolean' | 'long' | 'double' | 'string';

interface KeySpec {
  readonly id: string;
  readonly for: 'node' | 'edge';
  readonly name: string;
  readonly type: ScalarType;
  readonly list?: ScalarType;
}

function scalarType(value: string | number | boolean): ScalarType {
  if (typeof value === 'boolean') return 'boolean';
  if (typeof value === 'number') return Number.isSafeInteger(value) ? 'long' : 'double';
  return 'string';
}

/** The widest of two types: long+double is double, anything else mixed is string. */
function widen(a: ScalarType | undefined, b: ScalarType): ScalarType {
  if (a === undefined || a === b) return b;
  if ((a === 'long' && b === 'double') || (a === 'double' && b === 'long')) return 'double';
  return 'string';
}

/** Declared type of a property over all elements: scalars widen; a list anywhere makes it a JSON string with attr.list. */
function keySpecs(kind: 'node' | 'edge', elements: readonly { properties: Readonly<Record<string, GraphValue>> }[], prefix: string): KeySpec[] {
  const types = new Map<string, { type?: ScalarType; list?: ScalarType; isList: boolean; mixed: boolean }>();
  for (const el of elements) {
    for (const [name, value] of Object.entries(el.properties)) {
      const t = types.get(name) ?? { isList: Array.isArray(value), mixed: false };
      if (Array.isArray(value) !== t.isList) t.mixed = true;
      if (Array.isArray(value)) for (const v of value as readonly (string | number | boolean)[]) t.list = widen(t.list, scalarType(v));
      else t.type = widen(t.type, scalarType(value as string | number | boolean));
      types.set(name, t);
    }
  }
  return [...types.keys()].sort().map((name, i) => {
    const t = types.get(name)!;
    const list = t.isList && !t.mixed ? t.list : undefined;
    return { id: `${prefix}${i}`, for: kind, name, type: list !== undefined || t.mixed ? 'string' : (t.type ?? 'string'), ...(list === undefined ? {} : { list }) };
  });
}

function dataText(value: GraphValue): string {
  return Array.isArray(value) ? JSON.stringify(value) : String(value);
}

function keyLine(k: KeySpec): string {
  const list = k.list === undefined ? '' : ` attr.list="${k.list}"`;
  return `<key id="${k.id}" for="${k.for}" attr.name="${xmlEscape(k.name)}" attr.type="${k.type}"${list}/>`;
}

function dataLines(properties: Readonly<Record<string, GraphValue>>, keys: ReadonlyMap<string, KeySpec>): string {
  return Object.keys(properties)
    .sort()
    .map((name) => `<data key="${keys.get(name)!.id}">${xmlEscape(dataText(properties[name]!))}</data>`)
    .join('');
}

function nodeLine(n: GraphNode, keys: ReadonlyMap<string, KeySpec>, labelsKey: string): string {
  const labels = xmlEscape(n.labels.map((l) => `:${l}`).join(''));
  return `<node id="${xmlEscape(n.id)}" labels="${labels}"><data key="${labelsKey}">${labels}</data>${dataLines(n.properties, keys)}</node>`;
}

function edgeLine(r: GraphRelationship, i: number, keys: ReadonlyMap<string, KeySpec>, labelKey: string): string {
  const type = xmlEscape(r.type);
  return `<edge id="e${i}" source="${xmlEscape(r.from)}" target="${xmlEscape(r.to)}" label="${type}"><data key="${labelKey}">${type}</data>${dataLines(r.properties, keys)}</edge>`;
}

/** Renders the view as GraphML (UTF-8, one element a line, deterministic). */
export function renderGraphml(view: GraphView): string {
  const nodeKeys = keySpecs('node', view.nodes, 'dn');
  const edgeKeys = keySpecs('edge', view.relationships, 'de');
  const labelsKey: KeySpec = { id: 'labels', for: 'node', name: 'labels', type: 'string' };
  const labelKey: KeySpec = { id: 'label', for: 'edge', name: 'label', type: 'string' };
  const nodeByName = new Map(nodeKeys.map((k) => [k.name, k]));
  const edgeByName = new Map(edgeKeys.map((k) => [k.name, k]));
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">',
    ...[labelsKey, ...nodeKeys, labelKey, ...edgeKeys].map(keyLine),
    '<graph id="G" edgedefault="directed">',
    ...view.nodes.map((n) => nodeLine(n, nodeByName, labelsKey.id)),
    ...view.relationships.map((r, i) => edgeLine(r, i, edgeByName, labelKey.id)),
    '</graph>',
    '</graphml>',
    '',
  ].join('\n');
}
