import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Inventory } from '../../src/model/index.ts';
import { bomIntegrityErrors } from '../integrity.ts';
import { BomSelectionError, toCycloneDx } from './index.ts';
import type { CdxBom, CdxComponent, CdxProperty, CdxService } from './types.ts';

const ACME = JSON.parse(readFileSync(join(import.meta.dirname, '../../test/fixtures/bom-estate/inventory.json'), 'utf8')) as Inventory;
const bom = (system: string, inv: Inventory = ACME): CdxBom => JSON.parse(toCycloneDx(inv, { system, spec: '1.6', format: 'json' })) as CdxBom;
const values = (props: readonly CdxProperty[] | undefined, name: string): string[] => (props ?? []).filter((p) => p.name === name).map((p) => p.value);
const component = (b: CdxBom, name: string): CdxComponent => {
  const found = b.components.find((c) => c.name === name);
  if (found === undefined) throw new Error(`no component ${name}`);
  return found;
};
const allServices = (list: readonly CdxService[]): CdxService[] => list.flatMap((s) => [s, ...allServices(s.services ?? [])]);
const service = (b: CdxBom, name: string): CdxService => {
  const found = allServices(b.services).find((s) => s.name === name);
  if (found === undefined) throw new Error(`no service ${name}`);
  return found;
};

describe('system BOM', () => {
  const b = bom('support-bot');

  it('has the system as subject, with its owning team as manufacturer and its repository as vcs', () => {
    const subject = b.metadata.component;
    expect(subject.name).toBe('support-bot');
    expect(subject['bom-ref']).toMatch(/^system:/);
    expect(subject.manufacturer).toEqual({ name: '@acme/support-platform', contact: [{ name: '@acme/support-platform' }, { email: 'alice@acme.example' }] });
    expect(subject.externalReferences).toEqual([{ type: 'vcs', url: 'https://github.com/acme/support-bot' }]);
    expect(values(subject.properties, 'aimap:risk:tier')).toEqual(['high']);
    expect(values(b.metadata.properties, 'aimap:bom:scope')).toEqual(['system']);
  });

  it('lists only the system\'s own assets, with sound refs', () => {
    expect(b.components.map((c) => c.name)).not.toContain('fraud-xgboost');
    expect(b.components.map((c) => c.name)).not.toContain('langchain_openai');
    expect(bomIntegrityErrors(b)).toEqual([]);
    const root = b.dependencies.find((d) => d.ref === b.metadata.component['bom-ref']);
    expect(root?.dependsOn).toHaveLength(13);
  });

  it('writes SDKs as libraries with purls, an exact version only when pinned, and file/line occurrences', () => {
    const openai = component(b, 'openai');
    expect(openai).toMatchObject({ type: 'library', version: '4.67.3', scope: 'required', purl: 'pkg:npm/openai@4.67.3', manufacturer: { name: 'OpenAI' } });
    expect(openai.evidence?.occurrences).toEqual([{ location: 'package.json', line: 12 }, { location: 'src/llm.ts', line: 1 }]);
    const devOnly = b.components.find((c) => c.group === '@ai-sdk');
    expect(devOnly).toMatchObject({ name: 'openai', scope: 'optional', purl: 'pkg:npm/%40ai-sdk/openai' });
    expect(devOnly?.version).toBeUndefined();
    expect(values(devOnly?.properties, 'aimap:sdk:version-constraint')).toEqual(['^2.0.30']);
  });

  it('writes hosted models with a model card and no invented purl', () => {
    const gpt = component(b, 'gpt-4o');
    expect(gpt.type).toBe('machine-learning-model');
    expect(gpt.purl).toBeUndefined();
    expect(gpt.modelCard?.modelParameters).toEqual({ task: 'text-generation' });
    expect(values(gpt.modelCard?.properties, 'aimap:model:hosting')).toEqual(['third-party-api']);
    for (const c of b.components) if (c.modelCard !== undefined) expect(c.type).toBe('machine-learning-model');
  });

  it('writes the API, the SaaS app and the vector store as services with trust zones, and MCP tools nested', () => {
    expect(service(b, 'api.openai.com')).toMatchObject({ endpoints: ['https://api.openai.com/v1'], authenticated: true, 'x-trust-boundary': true, trustZone: 'third-party' });
    expect(service(b, 'Zendesk AI agents')).toMatchObject({ provider: { name: 'Zendesk' }, trustZone: 'third-party' });
    expect(service(b, 'pinecone').data).toEqual([{ flow: 'inbound', classification: 'confidential', name: 'Index of confluence:SUP' }]);
    const tickets = service(b, 'tickets');
    expect(tickets.provider?.name).toBe('@acme/support-platform');
    expect(tickets.services?.map((s) => s.name)).toEqual(['get_ticket', 'close_ticket']);
    expect(b.services.map((s) => s.name)).not.toContain('get_ticket');
  });

  it('writes data sources as data components with governance owners', () => {
    const conf = component(b, 'confluence:SUP');
    expect(conf.type).toBe('data');
    expect(conf.data).toEqual([{
      type: 'dataset', name: 'confluence:SUP', contents: { url: 'https://acme.atlassian.net/wiki/spaces/SUP' }, classification: 'confidential',
      governance: { owners: [{ contact: { email: 'alice@acme.example' } }] },
    }]);
  });

  it('writes a key as provider and fingerprint only: no value, no snippet, no prefix', () => {
    const key = component(b, 'openai API key');
    expect(key.type).toBe('cryptographic-asset');
    expect(values(key.properties, 'aimap:secret:fingerprint')).toEqual(['sha256:1a2b3c4d…wXyZ']);
    const text = toCycloneDx(ACME, { system: 'support-bot', spec: '1.6', format: 'json' });
    expect(text).not.toContain('sk-proj');
    expect(text).not.toContain('redacted');
  });

  it('puts an identity\'s finding on what runs as it, and the identity\'s rights as properties', () => {
    const subject = b.metadata.component;
    expect(values(subject.properties, 'aimap:finding:over-permissioned-identity')).toEqual(['high']);
    expect(values(subject.properties, 'aimap:flag')).toEqual(['over-permissioned']);
    expect(values(subject.properties, 'aimap:runs-as')).toEqual(['aws:support-bot-role']);
    expect(values(subject.properties, 'aimap:permission')).toEqual(['can-admin pinecone', 'can-read confluence:SUP']);
    const annotated = b.annotations.map((a) => [a.subjects, a.text.split(':')[0]]);
    expect(annotated).toEqual([[['secret:c92fb4b71fd3cca7'], 'CRITICAL exposed-ai-key@1.0.0'], [[subject['bom-ref']], 'HIGH over-permissioned-identity@1.0.0']]);
  });

  it('leaves out resolved findings and findings of other systems', () => {
    const text = toCycloneDx(ACME, { system: 'support-bot', spec: '1.6', format: 'json' });
    expect(text).not.toContain('unapproved-model');
    expect(text).not.toContain('repository-without-codeowners');
    expect(text).not.toContain('unowned-ai-asset');
  });
});

describe('estate BOM', () => {
  const b = bom('estate');

  it('has the estate as subject, systems as applications and the roots as its dependencies', () => {
    expect(b.metadata.component.name).toBe('github.com/acme/ml-platform, github.com/acme/support-bot');
    expect(b.components.filter((c) => values(c.properties, 'aimap:asset-kind')[0] === 'system').map((c) => c.name)).toEqual(['Support Bot', 'support-bot', 'fraud-scoring']);
    const root = b.dependencies.find((d) => d.ref === b.metadata.component['bom-ref']);
    const names = (root?.dependsOn ?? []).map((ref) => [...b.components, ...allServices(b.services)].find((c) => c['bom-ref'] === ref)?.name).sort();
    expect(names).toEqual(['Support Bot', 'fraud-scoring', 'langchain_openai', 'linear', 'models/legacy.pkl', 'support-bot']);
    expect(bomIntegrityErrors(b)).toEqual([]);
  });

  it('flags unowned and shadow assets, and puts findings on non-BOM assets on the subject', () => {
    expect(values(component(b, 'fraud-scoring').properties, 'aimap:flag')).toEqual(['unowned']);
    expect(values(component(b, 'claude-code').properties, 'aimap:flag')).toEqual(['shadow']);
    expect(values(b.metadata.component.properties, 'aimap:finding:repository-without-codeowners')).toEqual(['info']);
    expect(b.annotations).toHaveLength(6);
  });
});

describe('determinism and options', () => {
  it('gives byte-identical text for the same inventory, and a new serial for a new scan', () => {
    const a = toCycloneDx(ACME, { spec: '1.6', format: 'json' });
    expect(toCycloneDx(ACME, { spec: '1.6', format: 'json' })).toBe(a);
    const rescan = { ...ACME, scan: { ...ACME.scan, id: 'acme-2026-01-02', finishedAt: '2026-01-02T10:00:00.000Z' } };
    const b = JSON.parse(toCycloneDx(rescan, { spec: '1.6', format: 'json' })) as CdxBom;
    expect(b.serialNumber).not.toBe((JSON.parse(a) as CdxBom).serialNumber);
    expect(b.metadata.timestamp).toBe('2026-01-02T10:00:00.000Z');
  });

  it('shares one serial between the JSON and XML of a BOM and takes an injected timestamp and serial', () => {
    const json = JSON.parse(toCycloneDx(ACME, { spec: '1.7', format: 'json' })) as CdxBom & { $schema: string };
    const xml = toCycloneDx(ACME, { spec: '1.7', format: 'xml' });
    expect(json.specVersion).toBe('1.7');
    expect(json.$schema).toBe('http://cyclonedx.org/schema/bom-1.7.schema.json');
    expect(xml).toContain(`serialNumber="${json.serialNumber}"`);
    expect(xml).toContain('xmlns="http://cyclonedx.org/schema/bom/1.7"');
    const fixed = JSON.parse(toCycloneDx(ACME, { spec: '1.6', format: 'json', timestamp: '2030-05-06T07:08:09Z', serialNumber: 'urn:uuid:3e671687-395b-41f5-a30f-a58921a69b79' })) as CdxBom;
    expect(fixed.serialNumber).toBe('urn:uuid:3e671687-395b-41f5-a30f-a58921a69b79');
    expect(fixed.metadata.timestamp).toBe('2030-05-06T07:08:09.000Z');
    expect(fixed.annotations[0]?.timestamp).toBe('2030-05-06T07:08:09.000Z');
  });

  it('throws a selection error naming the systems', () => {
    expect(() => toCycloneDx(ACME, { system: 'nope', spec: '1.6', format: 'json' })).toThrow(BomSelectionError);
  });

  it('marks the graph incomplete when the scan had errors', () => {
    const broken = { ...ACME, diagnostics: [{ connector: 'local', level: 'error' as const, code: 'unreadable' as const, message: 'x' }] };
    expect(bom('estate', broken).compositions).toEqual([{ aggregate: 'incomplete', dependencies: [bom('estate', broken).metadata.component['bom-ref']] }]);
    expect(bom('estate').compositions[0]?.aggregate).toBe('unknown');
  });
});
