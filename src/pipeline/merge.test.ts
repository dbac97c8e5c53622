import { describe, expect, it } from 'vitest';
import { makeAsset, makeRelationship } from '../detectors/shared/build.ts';
import type { Asset, Evidence } from '../model/index.ts';
import { canonical, mergeAttributes, mergeResults, sortDiagnostics } from './merge.ts';

const ev = (path: string, line: number, technique: Evidence['technique'] = 'import', confidence: Evidence['confidence'] = 'declared'): Evidence => ({
  path, line, technique, confidence, detector: 't',
});
const sdk = (evidence: Evidence[], attributes = {}): Asset =>
  makeAsset({ scope: 'repo' }, { kind: 'sdk', key: 'npm:openai', name: 'openai', attributes, evidence });

describe('mergeAttributes', () => {
  it('unions arrays in first-seen order, ORs booleans, keeps the first scalar', () => {
    expect(mergeAttributes({ versions: ['^4'], dev: false, category: 'llm-provider' }, { versions: ['^4', '^5'], dev: true, category: 'other', extra: 1 })).toEqual({
      versions: ['^4', '^5'], dev: true, category: 'llm-provider', extra: 1,
    });
  });
});

describe('mergeResults', () => {
  it('folds the same asset from several files into one, with sorted unique evidence', () => {
    const a = sdk([ev('b.ts', 3), ev('a.ts', 9)], { ecosystem: 'npm', versions: [] });
    const b = sdk([ev('a.ts', 9), ev('package.json', 12, 'manifest')], { ecosystem: 'npm', versions: ['^4.52.0'] });
    const { assets } = mergeResults([{ assets: [a], relationships: [], diagnostics: [] }, { assets: [b], relationships: [], diagnostics: [] }]);
    expect(assets).toHaveLength(1);
    expect(assets[0]?.evidence.map((e) => `${e.path}:${e.line}`)).toEqual(['a.ts:9', 'b.ts:3', 'package.json:12']);
    expect(assets[0]?.attributes).toEqual({ declared: true, ecosystem: 'npm', versions: ['^4.52.0'] });
  });

  it('marks an SDK seen only in imports as undeclared', () => {
    const { assets } = mergeResults([{ assets: [sdk([ev('a.ts', 1)], { declared: true })], relationships: [], diagnostics: [] }]);
    expect(assets[0]?.attributes['declared']).toBe(false);
  });

  it('counts a PostgreSQL extension as declared where a schema creates it, not where it is only called', () => {
    const ext = (attributes: Record<string, unknown>): Asset =>
      makeAsset({ scope: 'repo' }, { kind: 'sdk', key: 'pgai', name: 'pgai', attributes: { ecosystem: 'postgresql', ...attributes } as Asset['attributes'], evidence: [ev('db/x.sql', 1, 'config')] });
    const declared = (a: Asset) => mergeResults([{ assets: [a], relationships: [], diagnostics: [] }]).assets[0]?.attributes['declared'];
    expect([declared(ext({ extensions: ['ai'] })), declared(ext({})), declared(sdk([ev('db/x.sql', 1, 'config')], { extensions: ['ai'] }))]).toEqual([true, false, false]);
  });

  it('keeps the declared copy when the same observation arrives twice with different confidence', () => {
    const { assets } = mergeResults([{ assets: [sdk([ev('a.ts', 1, 'import', 'inferred')]), sdk([ev('a.ts', 1, 'import', 'declared')])], relationships: [], diagnostics: [] }]);
    expect(assets[0]?.evidence.map((e) => e.confidence)).toEqual(['declared']);
  });

  it('drops a relationship whose end is missing and says so', () => {
    const server = makeAsset({ scope: 'r' }, { kind: 'mcp-server', key: 'code:s', name: 's', evidence: [ev('s.ts', 1)] });
    const tool = makeAsset({ scope: 'r' }, { kind: 'tool', key: 'code:s/t', name: 't', evidence: [ev('s.ts', 2)] });
    const merged = mergeResults([{ assets: [server], relationships: [makeRelationship('PROVIDES', server, tool)], diagnostics: [] }]);
    expect(merged.relationships).toEqual([]);
    expect(merged.diagnostics.map((d) => d.message)).toEqual([`dropped PROVIDES relationship with a missing end (${server.id} → ${tool.id})`]);
  });

  it('merges attributes over many results as the pairwise rules do, without touching the inputs', () => {
    const attrs = [
      { versions: ['^4'], dev: false, category: 'llm-provider' },
      { versions: ['^4', '^5'], dev: true, category: 'other', extra: null },
      { versions: ['^5', '^6', '^6'], extra: [1], notes: 'x' },
      { versions: 'not a list', extra: [1, 2], dev: false },
    ];
    const inputs = attrs.map((a, i) => sdk([ev(`f${i}.ts`, 1)], a));
    const before = JSON.stringify(inputs);
    const { assets } = mergeResults(inputs.map((a) => ({ assets: [a], relationships: [], diagnostics: [] })));
    const pairwise = attrs.reduce<Record<string, unknown>>((acc, a) => mergeAttributes(acc as never, a as never), {});
    expect(assets[0]?.attributes).toEqual(canonical({ ...pairwise, declared: false } as never));
    expect(assets[0]?.attributes['versions']).toEqual(['^4', '^5', '^6']);
    expect(JSON.stringify(inputs)).toBe(before);
  });

  it('merges an SDK imported by tens of thousands of files, each adding a subpath, in one pass', () => {
    const n = 30_000;
    const results = Array.from({ length: n }, (_, i) => ({ assets: [sdk([ev(`src/f${i}.java`, 1)], { subpaths: [`com.acme.p${i}`, 'com.acme.core'] })], relationships: [], diagnostics: [] }));
    const { assets } = mergeResults(results);
    const subpaths = assets[0]?.attributes['subpaths'] as string[];
    expect(subpaths).toHaveLength(n + 1);
    expect(subpaths.slice(0, 3)).toEqual(['com.acme.p0', 'com.acme.core', 'com.acme.p1']);
    expect(assets[0]?.evidence).toHaveLength(n);
  });

  it('is independent of input order for assets and relationships', () => {
    const x = makeAsset({ scope: 'r' }, { kind: 'model', key: 'gpt-4o', name: 'gpt-4o', evidence: [ev('a.ts', 1)] });
    const y = makeAsset({ scope: 'r' }, { kind: 'model', key: 'claude-3-5-haiku', name: 'claude-3-5-haiku', evidence: [ev('b.ts', 1)] });
    const one = mergeResults([{ assets: [x, y], relationships: [], diagnostics: [] }]);
    const two = mergeResults([{ assets: [y, x], relationships: [], diagnostics: [] }]);
    expect(JSON.stringify(one)).toBe(JSON.stringify(two));
  });
});

describe('canonical', () => {
  it('sorts object keys deeply but keeps array order', () => {
    expect(JSON.stringify(canonical({ b: 1, a: { d: [3, 1], c: 2 } }))).toBe('{"a":{"c":2,"d":[3,1]},"b":1}');
  });
});

describe('sortDiagnostics', () => {
  it('dedupes and orders by path then line', () => {
    const d = (path: string, line: number) => ({ connector: 'x', level: 'warn' as const, code: 'parse-failed' as const, message: 'm', location: { path, line } });
    expect(sortDiagnostics([d('b', 1), d('a', 10), d('a', 2), d('a', 2)]).map((x) => `${x.location?.path}:${x.location?.line}`)).toEqual(['a:2', 'a:10', 'b:1']);
  });
});

describe('diagnostic messages', () => {
  it('are redacted like snippets, since parsers quote the text around an error', () => {
    const key = ['sk', 'proj', 'Ab3'.repeat(12)].join('-');
    const merged = mergeResults([{ assets: [], relationships: [], diagnostics: [{ connector: 'notebooks', level: 'warn', code: 'parse-failed', message: `Unexpected token in JSON at "cells": [ ${key}` }] }]);
    expect(merged.diagnostics[0]?.message).toBe('Unexpected token in JSON at "cells": [ sk-proj-…[redacted]');
  });
});
