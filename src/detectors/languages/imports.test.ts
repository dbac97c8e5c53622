import { describe, expect, it } from 'vitest';
import type { Asset } from '../../model/index.ts';
import { detectLanguages } from './index.ts';

const detect = (path: string, content: string) => detectLanguages({ scope: 't', path, content });
const sdks = (path: string, content: string): [string, Asset['attributes']][] =>
  (detect(path, content)?.assets ?? []).filter((a) => a.kind === 'sdk').map((a) => [a.name, a.attributes]);
const sdkNames = (path: string, content: string): string[] => sdks(path, content).map(([n]) => n);

describe('Go imports', () => {
  it('single, aliased and blocked imports map to modules (major-version suffix kept)', () => {
    const src = [
      'package main',
      'import "github.com/sashabaranov/go-openai"',
      'import (',
      '\tlc "github.com/tmc/langchaingo/llms/openai"',
      '\t_ "github.com/openai/openai-go/v2/option"',
      '\t"github.com/weaviate/weaviate-go-client/v4/weaviate"',
      '\t"fmt"',
      ')',
    ].join('\n');
    expect(sdks('m.go', src)).toEqual([
      ['github.com/openai/openai-go/v2', { ecosystem: 'go', category: 'llm-provider', declared: false, subpaths: ['github.com/openai/openai-go/v2/option'] }],
      ['github.com/sashabaranov/go-openai', { ecosystem: 'go', category: 'llm-provider', declared: false }],
      ['github.com/tmc/langchaingo', { ecosystem: 'go', category: 'framework', declared: false, subpaths: ['github.com/tmc/langchaingo/llms/openai'] }],
      ['github.com/weaviate/weaviate-go-client/v4', { ecosystem: 'go', category: 'vector-store', declared: false, subpaths: ['github.com/weaviate/weaviate-go-client/v4/weaviate'] }],
    ]);
  });

  it('traps: look-alike modules, commented-out and quoted imports', () => {
    const src = 'package p\nimport (\n\t"github.com/getkin/kin-openapi/openapi3"\n\t// "github.com/openai/openai-go"\n)\nvar s = "import \\"github.com/openai/openai-go\\""\nvar r = `import "github.com/tmc/langchaingo"`\n/* import "github.com/sashabaranov/go-openai" */\n';
    expect(detect('p.go', src)).toBeNull();
  });
});

describe('Java and Kotlin imports', () => {
  it('Java: classes, wildcards and static imports; exact and inferred artifacts', () => {
    const src = 'package x;\nimport com.openai.client.OpenAIClient;\nimport static com.anthropic.models.Model.*;\nimport dev.langchain4j.data.message.UserMessage;\nimport dev.langchain4j.model.ollama.*;\nimport java.util.List;\n';
    expect(sdks('A.java', src)).toEqual([
      ['com.anthropic:anthropic-java', { ecosystem: 'maven', category: 'llm-provider', declared: false, subpaths: ['com.anthropic.models.Model.*'] }],
      ['com.openai:openai-java', { ecosystem: 'maven', category: 'llm-provider', declared: false, subpaths: ['com.openai.client.OpenAIClient'] }],
      ['dev.langchain4j:langchain4j', { ecosystem: 'maven', category: 'framework', declared: false, subpaths: ['dev.langchain4j.data.message.UserMessage'], inferredArtifact: true }],
      ['dev.langchain4j:langchain4j-ollama', { ecosystem: 'maven', category: 'framework', declared: false, subpaths: ['dev.langchain4j.model.ollama.*'] }],
    ]);
    const inferred = detect('A.java', src)?.assets.find((a) => a.name === 'dev.langchain4j:langchain4j');
    expect(inferred?.evidence.map((e) => e.confidence)).toEqual(['inferred']);
  });

  it('Kotlin: no semicolons, `as` aliases, backticked segments', () => {
    const src = 'package x\nimport com.aallam.openai.client.OpenAI as Client\nimport io.modelcontextprotocol.kotlin.sdk.`server`.Server\n';
    expect(sdkNames('A.kt', src)).toEqual(['com.aallam.openai:openai-client', 'io.modelcontextprotocol:kotlin-sdk']);
  });

  it('traps: com.openapi, com.openaix, imports in comments and text blocks', () => {
    const src = 'import com.openapi.Foo;\nimport com.openaix.Bar;\n// import com.openai.client.OpenAIClient;\nclass A { String t = """\nimport dev.langchain4j.service.AiServices;\n"""; }\n';
    expect(detect('A.java', src)).toBeNull();
    expect(detect('build.gradle.kts', 'import dev.langchain4j.service.AiServices\n')).toBeNull();
  });
});

describe('C# using directives', () => {
  it('plain, global, static and alias directives; longest namespace prefix; {4} families', () => {
    const src = [
      'global using OpenAI.Chat;',
      'using static Azure.AI.OpenAI.AzureOpenAIClient;',
      'using Sk = Microsoft.SemanticKernel.Connectors.OpenAI;',
      'using Microsoft.SemanticKernel;',
      'using Anthropic.SDK.Messaging;',
      'using OpenAI.ObjectModels.RequestModels;',
      'using System.Text;',
    ].join('\n');
    expect(sdkNames('P.cs', src)).toEqual([
      'Anthropic.SDK', 'Azure.AI.OpenAI', 'Betalgo.OpenAI', 'Microsoft.SemanticKernel', 'Microsoft.SemanticKernel.Connectors.OpenAI', 'OpenAI',
    ]);
  });

  it('traps: OpenApi namespaces, aliases to other namespaces, using statements, strings and comments', () => {
    const src = 'using Microsoft.OpenApi.Models;\nusing OpenApi.Client;\nusing OpenAIStub = My.OpenAIStub;\n// using OpenAI;\nclass C { void M() { using (var openai = Open()) { } var s = @"using Anthropic;"; } }\n';
    expect(detect('C.cs', src)).toBeNull();
  });
});

describe('Ruby requires', () => {
  it('maps require names to gems; sub-paths kept; require_relative and gem ignored', () => {
    const src = 'require "langchain/llm/openai"\nrequire("ruby_llm")\nrequire_relative "anthropic"\ngem "mcp"\n';
    expect(sdks('a.rb', src)).toEqual([
      ['langchainrb', { ecosystem: 'gem', category: 'framework', declared: false, subpaths: ['langchain/llm/openai'] }],
      ['ruby_llm', { ecosystem: 'gem', category: 'framework', declared: false }],
    ]);
  });

  it('require "openai": the official gem when its call shapes appear, ruby-openai otherwise (inferred when unsure)', () => {
    expect(sdks('a.rb', 'require "openai"\nc = OpenAI::Client.new(api_key: k)\nc.responses.create(model: "gpt-4o")\n')[0]?.[0]).toBe('openai');
    expect(sdks('a.rb', 'require "openai"\nc = OpenAI::Client.new(access_token: k)\n')).toEqual([['ruby-openai', { ecosystem: 'gem', category: 'llm-provider', declared: false }]]);
    expect(sdks('a.rb', 'require "openai"\n')).toEqual([['ruby-openai', { ecosystem: 'gem', category: 'llm-provider', declared: false, inferredArtifact: true }]]);
  });

  it("traps: open-uri, openssl, commented and heredoc requires", () => {
    const src = "require 'open-uri'\nrequire 'openssl'\n# require 'openai'\nT = <<~X\n  require 'anthropic'\nX\n";
    expect(detect('a.rb', src)).toBeNull();
  });
});

describe('Rust use declarations', () => {
  it('use trees, leading ::, pub use, extern crate; library names mapped to crates', () => {
    const src = 'use async_openai::{types::X, Client};\npub use ::ollama_rs::Ollama;\nextern crate candle_core as candle;\nuse rig::providers::openai;\nuse std::io;\n';
    expect(sdkNames('m.rs', src)).toEqual(['async-openai', 'candle-core', 'ollama-rs', 'rig-core']);
  });

  it('traps: openapi crate, local modules named like crates, crate::/self:: paths, comments and raw strings', () => {
    const src = 'mod llm;\nuse llm::Client;\nuse openapi::apis;\nuse crate::rig::Thing;\nuse self::burn::X;\n// use async_openai::Client;\nconst S: &str = r#"use rmcp::x;"#;\n';
    expect(detect('lib.rs', src)).toBeNull();
  });
});
