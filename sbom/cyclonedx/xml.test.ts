import { describe, expect, it } from 'vitest';
import { validateBom } from '../validate.ts';
import { encodeXml } from './xml.ts';
import type { CdxBom } from './types.ts';

const bom: CdxBom = {
  bomFormat: 'CycloneDX',
  specVersion: '1.6',
  serialNumber: 'urn:uuid:3e671687-395b-41f5-a30f-a58921a69b79',
  version: 1,
  metadata: {
    timestamp: '2026-01-01T00:00:00.000Z',
    lifecycles: [{ phase: 'pre-build' }],
    tools: { components: [{ type: 'application', name: 'aimap', version: '0.1.0' }] },
    component: { type: 'application', 'bom-ref': 'app', name: 'R&D <chatbot> "v2"' },
  },
  components: [{
    type: 'machine-learning-model', 'bom-ref': 'm', name: 'm',
    properties: [{ name: 'aimap:asset-kind', value: 'model' }],
    evidence: { occurrences: [{ location: 'a&b.py', line: 3 }] },
    modelCard: { modelParameters: { task: 'text-generation' }, properties: [{ name: 'aimap:model:hosting', value: 'self-hosted' }] },
  }],
  services: [{ 'bom-ref': 'svc', name: 'svc', endpoints: ['https://x.example/v1?a=1&b=2'], authenticated: true, 'x-trust-boundary': true, trustZone: 'third-party', data: [{ flow: 'inbound', classification: 'internal', name: 'prompts' }] }],
  dependencies: [{ ref: 'app', dependsOn: ['m', 'svc'] }, { ref: 'm' }, { ref: 'svc' }],
  compositions: [{ aggregate: 'unknown', dependencies: ['app'] }],
  annotations: [{ 'bom-ref': 'n', subjects: ['svc'], annotator: { component: { type: 'application', name: 'aimap' } }, timestamp: '2026-01-01T00:00:00.000Z', text: 'a < b & c\u0001' }],
};

describe('encodeXml', () => {
  const xml = encodeXml(bom);

  it('escapes text and attributes and drops characters XML cannot carry', () => {
    expect(xml).toContain('<name>R&amp;D &lt;chatbot&gt; "v2"</name>');
    expect(xml).toContain('<endpoint>https://x.example/v1?a=1&amp;b=2</endpoint>');
    expect(xml).toContain('<text>a &lt; b &amp; c</text>');
  });

  it('orders component children as the XSD does (properties before evidence and modelCard)', () => {
    const at = (s: string) => xml.indexOf(s);
    expect(at('<properties>')).toBeLessThan(at('<evidence>'));
    expect(at('<evidence>')).toBeLessThan(at('<modelCard>'));
    expect(xml).toContain('<classification flow="inbound">internal</classification>');
    expect(xml).toContain('<dependency ref="app">\n      <dependency ref="m"/>');
  });

  it('is valid against the CycloneDX 1.6 XSD', async () => {
    expect(await validateBom(xml, '1.6', 'xml')).toEqual([]);
  });
});
