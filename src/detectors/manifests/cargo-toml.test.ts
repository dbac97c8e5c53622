import { describe, expect, it } from 'vitest';
import { manifestsDetector } from './index.ts';

const detect = (content: string) => manifestsDetector.detect({ scope: 'repo', path: 'crates/embedder/Cargo.toml', content });
const summary = (content: string) =>
  Object.fromEntries((detect(content)?.assets ?? []).map((a) => [a.name, [a.attributes['scopes'], a.attributes['versions'], a.evidence.map((e) => e.line)]]));

describe('Cargo.toml', () => {
  it('reads dependency tables, target tables, renames, optional and workspace entries', () => {
    const content = `[package]
name = "embedder"
description = "async-openai embeddings"

[dependencies]
tokio = { version = "1.45", features = ["full"] }
oai = { package = "async-openai", version = "0.28.2" }
rmcp = { git = "https://github.com/modelcontextprotocol/rust-sdk", branch = "main" }
qdrant-client = { version = "1.14", optional = true }
# ollama-rs = "0.3"

[dependencies.candle-core]
version = "0.9.1"
features = ["cuda"]

[dev-dependencies]
candle-nn = "0.9.1"

[build-dependencies]
burn = { workspace = true }

[target.'cfg(target_os = "macos")'.dependencies]
candle-transformers = { version = "0.9.1", features = ["metal"] }

[workspace.dependencies]
llm-chain = "0.13"

[features]
vectors = ["dep:qdrant-client"]
`;
    expect(summary(content)).toEqual({
      'async-openai': [['runtime'], ['0.28.2'], [7]],
      rmcp: [['runtime'], ['git+https://github.com/modelcontextprotocol/rust-sdk'], [8]],
      'qdrant-client': [['optional'], ['1.14'], [9]],
      'candle-core': [['runtime'], ['0.9.1'], [12]],
      'candle-nn': [['dev'], ['0.9.1'], [17]],
      burn: [['build'], undefined, [20]],
      'candle-transformers': [['runtime'], ['0.9.1'], [23]],
      'llm-chain': [['managed'], ['0.13'], [26]],
    });
  });

  it('ignores look-alikes and reports invalid TOML', () => {
    expect(detect('[dependencies]\nrayon = "1"\nopenai-api-rs-fake = "0.1"\nllmx = "1"\n')).toBeNull();
    const broken = detect('[dependencies]\nasync-openai = "0.28\n');
    expect(broken?.diagnostics.map((d) => [d.code, d.location?.line])).toEqual([['parse-failed', 2]]);
  });
});
