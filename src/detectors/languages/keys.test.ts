import { describe, expect, it } from 'vitest';
import type { Asset } from '../../model/index.ts';
import { findAiPackage } from '../shared/ai-packages.ts';
import { manifestsDetector } from '../manifests/index.ts';
import { CRATE_LIBRARY_NAMES, GEMS, JVM_PACKAGES, NUGET_NAMESPACES } from './catalog.ts';
import { detectLanguages } from './index.ts';
import { GO_CONSTANT_RULES, MODEL_POSITIONS } from './model-catalog.ts';
import { catalogTargets } from './resolve.ts';

const sdk = (assets: readonly Asset[] | undefined, name: string): Asset | undefined => assets?.find((a) => a.kind === 'sdk' && a.name === name);
const manifest = (path: string, content: string) => manifestsDetector.detect({ scope: 'repo', path, content })?.assets;
const code = (path: string, content: string) => detectLanguages({ scope: 'repo', path, content })?.assets;

describe('an import and a manifest entry of one package are one asset (same id)', () => {
  it('Go: go.mod requirement and import of a sub-package (major version suffix)', () => {
    const fromMod = sdk(manifest('go.mod', 'module x\n\nrequire github.com/openai/openai-go/v3 v3.2.0\n'), 'github.com/openai/openai-go/v3');
    const fromCode = sdk(code('main.go', 'package main\nimport "github.com/openai/openai-go/v3/option"\n'), 'github.com/openai/openai-go/v3');
    expect(fromMod?.id).toBeDefined();
    expect(fromCode?.id).toBe(fromMod?.id);
  });

  it('Maven: pom.xml artifact and the Java import of a package it holds', () => {
    const pom = '<project><dependencies><dependency><groupId>dev.langchain4j</groupId><artifactId>langchain4j-open-ai</artifactId></dependency></dependencies></project>';
    const fromPom = sdk(manifest('pom.xml', pom), 'dev.langchain4j:langchain4j-open-ai');
    const fromCode = sdk(code('A.java', 'import dev.langchain4j.model.openai.OpenAiChatModel;\n'), 'dev.langchain4j:langchain4j-open-ai');
    expect(fromCode?.id).toBe(fromPom?.id);
  });

  it('Cargo: Cargo.toml crate and `use` of its library name', () => {
    const fromToml = sdk(manifest('Cargo.toml', '[dependencies]\nasync-openai = "0.28"\nrig-core = "0.9"\n'), 'async-openai');
    expect(sdk(code('main.rs', 'use async_openai::Client;\n'), 'async-openai')?.id).toBe(fromToml?.id);
    const rig = sdk(manifest('Cargo.toml', '[dependencies]\nrig-core = "0.9"\n'), 'rig-core');
    expect(sdk(code('main.rs', 'use rig::completion::Prompt;\n'), 'rig-core')?.id).toBe(rig?.id);
  });

  it('NuGet: PackageReference and `using` (ids compare case-insensitively)', () => {
    const fromProj = sdk(manifest('App.csproj', '<Project><ItemGroup><PackageReference Include="azure.ai.openai" Version="2.1.0" /></ItemGroup></Project>'), 'azure.ai.openai');
    expect(sdk(code('P.cs', 'using Azure.AI.OpenAI;\n'), 'Azure.AI.OpenAI')?.id).toBe(fromProj?.id);
  });

  it('RubyGems: Gemfile gem and `require`', () => {
    const fromGemfile = sdk(manifest('Gemfile', 'gem "langchainrb"\n'), 'langchainrb');
    expect(sdk(code('a.rb', 'require "langchain"\n'), 'langchainrb')?.id).toBe(fromGemfile?.id);
  });
});

describe('catalog consistency', () => {
  it('every mapping target is a package of the shared catalog', () => {
    const missing = catalogTargets().filter((t) => findAiPackage(t.ecosystem, t.name) === undefined);
    expect(missing).toEqual([]);
    for (const rule of GO_CONSTANT_RULES) expect(findAiPackage('go', rule.module), rule.module).toBeDefined();
  });

  it('every row names its source', () => {
    const sources = [
      ...JVM_PACKAGES.map((r) => r.source), ...NUGET_NAMESPACES.map((r) => r.source), ...GEMS.map((g) => g.source),
      ...CRATE_LIBRARY_NAMES.map(([, , s]) => s), ...GO_CONSTANT_RULES.map((r) => r.source),
      ...Object.values(MODEL_POSITIONS).flat().map((p) => p.source),
    ];
    expect(sources.filter((s) => s.trim() === '')).toEqual([]);
  });
});
