import { describe, expect, it } from 'vitest';
import { manifestsDetector } from './index.ts';

const detect = (content: string) => manifestsDetector.detect({ scope: 'repo', path: 'services/gateway/go.mod', content });
const summary = (content: string) =>
  Object.fromEntries((detect(content)?.assets ?? []).map((a) => [a.name, [a.attributes['scopes'], a.attributes['versions'], a.evidence[0]?.line]]));

describe('go.mod', () => {
  it('reads require lines and blocks, marking // indirect', () => {
    const content = `module github.com/acme/gateway

go 1.24.0

require github.com/openai/openai-go v1.1.0

require (
	github.com/gin-gonic/gin v1.10.1
	github.com/tmc/langchaingo v0.1.13
	// github.com/sashabaranov/go-openai v1.40.0
	github.com/weaviate/weaviate-go-client/v5 v5.2.0
	github.com/pinecone-io/go-pinecone/v3 v3.1.0 // indirect
)

replace github.com/anthropics/anthropic-sdk-go => ../anthropic-fork

exclude github.com/ollama/ollama v0.1.0
`;
    expect(summary(content)).toEqual({
      'github.com/openai/openai-go': [['runtime'], ['v1.1.0'], 5],
      'github.com/tmc/langchaingo': [['runtime'], ['v0.1.13'], 9],
      'github.com/weaviate/weaviate-go-client/v5': [['runtime'], ['v5.2.0'], 11],
      'github.com/pinecone-io/go-pinecone/v3': [['indirect'], ['v3.1.0'], 12],
    });
  });

  it('ignores look-alikes and reports an unterminated block', () => {
    const result = detect('module x\n\nrequire (\n\tgithub.com/go-openapi/spec v0.21.0\n\tgithub.com/getkin/kin-openapi v0.132.0\n');
    expect(result?.assets).toEqual([]);
    expect(result?.diagnostics.map((d) => [d.code, d.location?.line])).toEqual([['parse-failed', 3]]);
  });
});
