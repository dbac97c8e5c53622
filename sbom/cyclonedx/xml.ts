/**
 * XML encoding of a BOM. CycloneDX XML orders child elements as the XSD's sequences do (which
 * differs from JSON: e.g. a component's `properties` come before `evidence` and `modelCard`), wraps
 * lists in plural elements and carries refs, types and flows as attributes; every function here
 * follows bom-1.6.xsd / bom-1.7.xsd for the elements aimap writes.
 */
import type {
  CdxAnnotation, CdxBom, CdxComponent, CdxComponentData, CdxContact, CdxDependency, CdxExternalReference,
  CdxMetadata, CdxModelCard, CdxOrganization, CdxParty, CdxProperty, CdxService,
} from './types.ts';

interface XNode {
  readonly name: string;
  readonly attrs?: readonly (readonly [string, string])[];
  readonly children?: readonly XNode[];
  readonly text?: string;
}

const el = (name: string, attrs: readonly (readonly [string, string])[], children: readonly XNode[]): XNode => ({ name, attrs, children });
const text = (name: string, value: string | number | boolean | undefined): XNode[] => (value === undefined ? [] : [{ name, text: String(value) }]);
const wrap = (name: string, children: readonly XNode[]): XNode[] => (children.length === 0 ? [] : [el(name, [], children)]);
const attr = (name: string, value: string | undefined): (readonly [string, string])[] => (value === undefined ? [] : [[name, value]]);

/** Characters XML 1.0 cannot carry at all. */
// eslint-disable-next-line no-control-regex
const INVALID = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;
const escText = (s: string): string => s.replace(INVALID, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const escAttr = (s: string): string => escText(s).replace(/"/g, '&quot;').replace(/\r/g, '&#13;').replace(/\n/g, '&#10;').replace(/\t/g, '&#9;');

function render(node: XNode, depth: number, out: string[]): void {
  const pad = '  '.repeat(depth);
  const attrs = (node.attrs ?? []).map(([k, v]) => ` ${k}="${escAttr(v)}"`).join('');
  if (node.text !== undefined) out.push(`${pad}<${node.name}${attrs}>${escText(node.text)}</${node.name}>`);
  else if ((node.children ?? []).length === 0) out.push(`${pad}<${node.name}${attrs}/>`);
  else {
    out.push(`${pad}<${node.name}${attrs}>`);
    for (const child of node.children ?? []) render(child, depth + 1, out);
    out.push(`${pad}</${node.name}>`);
  }
}

function contact(name: string, c: CdxContact): XNode {
  return el(name, [], [...text('name', c.name), ...text('email', c.email)]);
}

function organization(name: string, org: CdxOrganization | undefined): XNode[] {
  if (org === undefined) return [];
  return [el(name, [], [...text('name', org.name), ...(org.url ?? []).flatMap((u) => text('url', u)), ...(org.contact ?? []).map((c) => contact('contact', c))])];
}

function properties(list: readonly CdxProperty[] | undefined): XNode[] {
  return wrap('properties', (list ?? []).map((p) => ({ name: 'property', attrs: [['name', p.name]], text: p.value })));
}

function externalReferences(list: readonly CdxExternalReference[] | undefined): XNode[] {
  return wrap('externalReferences', (list ?? []).map((r) => el('reference', [['type', r.type]], [...text('url', r.url), ...text('comment', r.comment)])));
}

function modelCard(card: CdxModelCard | undefined): XNode[] {
  if (card === undefined) return [];
  const p = card.modelParameters;
  const parameters = p === undefined ? [] : wrap('modelParameters', [...text('task', p.task), ...text('architectureFamily', p.architectureFamily), ...text('modelArchitecture', p.modelArchitecture)]);
  return [el('modelCard', [], [...parameters, ...properties(card.properties)])];
}

function party(name: string, p: CdxParty): XNode {
  return el(name, [], 'organization' in p ? organization('organization', p.organization) : [contact('individual', p.contact)]);
}

function componentData(d: CdxComponentData): XNode {
  const governance = d.governance === undefined ? [] : [el('governance', [], wrap('owners', d.governance.owners.map((o) => party('owner', o))))];
  return el('data', [], [
    ...text('type', d.type),
    ...text('name', d.name),
    ...(d.contents === undefined ? [] : [el('contents', [], text('url', d.contents.url))]),
    ...text('classification', d.classification),
    ...text('description', d.description),
    ...governance,
  ]);
}

function component(c: CdxComponent): XNode {
  const occurrences = c.evidence?.occurrences ?? [];
  const evidence = wrap('evidence', wrap('occurrences', occurrences.map((o) => el('occurrence', [], [...text('location', o.location), ...text('line', o.line)]))));
  const crypto = c.cryptoProperties === undefined ? [] : [el('cryptoProperties', [], [
    ...text('assetType', c.cryptoProperties.assetType),
    el('relatedCryptoMaterialProperties', [], text('type', c.cryptoProperties.relatedCryptoMaterialProperties.type)),
  ])];
  return el('component', [['type', c.type], ...attr('bom-ref', c['bom-ref'])], [
    ...organization('supplier', c.supplier),
    ...organization('manufacturer', c.manufacturer),
    ...text('group', c.group),
    ...text('name', c.name),
    ...text('version', c.version),
    ...text('description', c.description),
    ...text('scope', c.scope),
    ...text('purl', c.purl),
    ...externalReferences(c.externalReferences),
    ...properties(c.properties),
    ...evidence,
    ...modelCard(c.modelCard),
    ...(c.data ?? []).map(componentData),
    ...crypto,
  ]);
}

function service(s: CdxService): XNode {
  const flows = (s.data ?? []).map((d) => el('dataflow', attr('name', d.name), [{ name: 'classification', attrs: [['flow', d.flow]], text: d.classification }]));
  return el('service', [['bom-ref', s['bom-ref']]], [
    ...organization('provider', s.provider),
    ...text('name', s.name),
    ...text('description', s.description),
    ...wrap('endpoints', (s.endpoints ?? []).flatMap((e) => text('endpoint', e))),
    ...text('authenticated', s.authenticated),
    ...text('x-trust-boundary', s['x-trust-boundary']),
    ...text('trustZone', s.trustZone),
    ...wrap('data', flows),
    ...externalReferences(s.externalReferences),
    ...properties(s.properties),
    ...wrap('services', (s.services ?? []).map(service)),
  ]);
}

function metadata(m: CdxMetadata): XNode {
  return el('metadata', [], [
    ...text('timestamp', m.timestamp),
    ...wrap('lifecycles', m.lifecycles.map((l) => el('lifecycle', [], text('phase', l.phase)))),
    el('tools', [], wrap('components', m.tools.components.map(component))),
    component(m.component),
    ...properties(m.properties),
  ]);
}

function dependency(d: CdxDependency): XNode {
  return el('dependency', [['ref', d.ref]], (d.dependsOn ?? []).map((ref) => el('dependency', [['ref', ref]], [])));
}

function annotation(a: CdxAnnotation): XNode {
  return el('annotation', [['bom-ref', a['bom-ref']]], [
    el('subjects', [], a.subjects.map((ref) => el('subject', [['ref', ref]], []))),
    el('annotator', [], [component(a.annotator.component)]),
    ...text('timestamp', a.timestamp),
    ...text('text', a.text),
  ]);
}

/** Encodes a BOM as XML in the spec version's namespace (2-space indent, trailing newline). */
export function encodeXml(bom: CdxBom): string {
  const root = el('bom', [['xmlns', `http://cyclonedx.org/schema/bom/${bom.specVersion}`], ['serialNumber', bom.serialNumber], ['version', String(bom.version)]], [
    metadata(bom.metadata),
    ...wrap('components', bom.components.map(component)),
    ...wrap('services', bom.services.map(service)),
    ...wrap('dependencies', bom.dependencies.map(dependency)),
    ...wrap('compositions', bom.compositions.map((c) => el('composition', [], [
      ...text('aggregate', c.aggregate),
      ...wrap('dependencies', c.dependencies.map((ref) => el('dependency', [['ref', ref]], []))),
    ]))),
    ...wrap('annotations', bom.annotations.map(annotation)),
  ]);
  const out = ['<?xml version="1.0" encoding="UTF-8"?>'];
  render(root, 0, out);
  return `${out.join('\n')}\n`;
}
