import { describe, expect, it } from 'vitest';
import { manifestsDetector } from './index.ts';
import { parsePyprojectToml } from './pyproject-toml.ts';

const detect = (content: string) => manifestsDetector.detect({ scope: 'repo', path: 'svc/pyproject.toml', content });
const summary = (content: string) =>
  Object.fromEntries(
    (detect(content)?.assets ?? []).map((a) => [a.name, [a.attributes['scopes'], a.attributes['versions'], a.evidence.map((e) => e.line)]]),
  );

describe('pyproject.toml', () => {
  it('reads PEP 621 dependencies and extras, PEP 735 groups and build requires', () => {
    const content = `[build-system]
requires = ["hatchling>=1.27", "torch==2.7.0"]
build-backend = "hatchling.build"

[project]
name = "rag-api"
description = "Answers questions with openai and anthropic"
dependencies = [
  "fastapi>=0.115",
  "openai>=1.82,<2",
  "Anthropic[vertex]~=0.52 ; python_version >= '3.10'",
]

[project.optional-dependencies]
rag = ["chromadb>=1.0.12", "langchain-community==0.3.24"]
local = ["ollama"]

[dependency-groups]
dev = ["pytest>=8", "langsmith>=0.3", { include-group = "lint" }]
lint = ["ruff"]
`;
    expect(summary(content)).toEqual({
      torch: [['build'], ['==2.7.0'], [2]],
      openai: [['runtime'], ['>=1.82,<2'], [10]],
      anthropic: [['runtime'], ['~=0.52'], [11]],
      chromadb: [['optional:rag'], ['>=1.0.12'], [15]],
      'langchain-community': [['optional:rag'], ['==0.3.24'], [15]],
      ollama: [['optional:local'], undefined, [16]],
      langsmith: [['group:dev'], ['>=0.3'], [19]],
    });
  });

  it('reads Poetry main, dev, group and optional dependencies (extras by name)', () => {
    const content = `[tool.poetry]
name = "worker"

[tool.poetry.dependencies]
python = "^3.11"
openai = "^1.82.0"
langchain = { version = "^0.3.25", extras = ["openai"] }
pinecone = { version = "^6.0", optional = true }
qdrant-client = { version = "^1.14", optional = true }
torch = [
  { version = "2.7.0", markers = "sys_platform == 'darwin'" },
  { version = "2.7.0+cpu", markers = "sys_platform == 'linux'" },
]
llama-index = { git = "https://github.com/run-llama/llama_index.git", tag = "v0.12.38" }

[tool.poetry.extras]
vectors = ["pinecone"]

[tool.poetry.dev-dependencies]
langfuse = "^2.60"

[tool.poetry.group.eval.dependencies]
ragas = "^0.2"
mlflow = "^2.22"
`;
    expect(summary(content)).toEqual({
      openai: [['runtime'], ['^1.82.0'], [6]],
      langchain: [['runtime'], ['^0.3.25'], [7]],
      pinecone: [['optional:vectors'], ['^6.0'], [8]],
      'qdrant-client': [['optional'], ['^1.14'], [9]],
      torch: [['runtime'], ['2.7.0', '2.7.0+cpu'], [10]],
      'llama-index': [['runtime'], ['git+https://github.com/run-llama/llama_index.git'], [14]],
      langfuse: [['dev'], ['^2.60'], [20]],
      mlflow: [['group:eval'], ['^2.22'], [24]],
    });
  });

  it('reads uv dev-dependencies, PDM dev groups and Hatch environments', () => {
    const content = `[project]
name = "x"
dependencies = []

[tool.uv]
dev-dependencies = ["langgraph-cli>=0.2"]

[tool.pdm.dev-dependencies]
test = ["pytest", "openai-agents==0.0.16"]

[tool.hatch.envs.default]
dependencies = ["wandb"]

[tool.hatch.envs.docs]
extra-dependencies = ["mkdocs", "litellm"]
`;
    expect(summary(content)).toEqual({
      'langgraph-cli': [['dev'], ['>=0.2'], [6]],
      'openai-agents': [['group:test'], ['==0.0.16'], [9]],
      wandb: [['env:default'], undefined, [12]],
      litellm: [['env:docs'], undefined, [15]],
    });
  });

  it('finds lines for inline and dotted-key forms', () => {
    const content = `[project]
name = "x"
optional-dependencies.llm = [
  "openai",
]
optional-dependencies.vec = ["qdrant-client"]
`;
    expect(summary(content)).toEqual({
      openai: [['optional:llm'], undefined, [4]],
      'qdrant-client': [['optional:vec'], undefined, [6]],
    });
  });

  it('ignores commented-out entries, look-alikes and names in strings that are not dependencies', () => {
    const content = `[project]
name = "openai-helpers"
description = "openai, anthropic"
keywords = ["openai", "llm"]
dependencies = [
  # "openai>=1",
  "langchainish==1.0",
  "open-ai",
  "anthropic-mock",
  "openapi-core>=0.19",
]
`;
    expect(detect(content)).toBeNull();
  });

  it('reports invalid TOML as one parse-failed diagnostic at its line, without throwing', () => {
    const result = detect('[project]\nname = "x"\ndependencies = ["openai"\n[tool.poetry]\n');
    expect(result?.assets).toEqual([]);
    expect(result?.diagnostics).toHaveLength(1);
    expect(result?.diagnostics[0]).toMatchObject({ code: 'parse-failed', location: { path: 'svc/pyproject.toml' } });
    expect(result?.diagnostics[0]?.location?.line).toBeGreaterThanOrEqual(3);
  });

  it('parses an empty file to nothing', () => {
    expect(parsePyprojectToml('')).toEqual({ entries: [], problems: [] });
  });
});
