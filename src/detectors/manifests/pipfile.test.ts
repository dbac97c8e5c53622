import { describe, expect, it } from 'vitest';
import { manifestsDetector } from './index.ts';

const detect = (content: string) => manifestsDetector.detect({ scope: 'repo', path: 'notebooks/Pipfile', content });
const summary = (content: string) =>
  Object.fromEntries((detect(content)?.assets ?? []).map((a) => [a.name, [a.attributes['scopes'], a.attributes['versions'], a.evidence[0]?.line]]));

describe('Pipfile', () => {
  it('reads packages, dev-packages and custom categories; tables and "*" specs', () => {
    const content = `[[source]]
url = "https://pypi.org/simple"
verify_ssl = true
name = "pypi"

[packages]
requests = "*"
openai = "*"
"llama_index.core" = {version = "==0.12.38"}
transformers = {version = ">=4.52", extras = ["torch"]}
mistralai = {git = "https://github.com/mistralai/client-python.git", ref = "v1.8.1"}

[dev-packages]
langfuse = "==2.60.5"

[eval]
arize-phoenix = ">=10"

[requires]
python_version = "3.12"
`;
    expect(summary(content)).toEqual({
      openai: [['runtime'], ['*'], 8],
      'llama-index-core': [['runtime'], ['==0.12.38'], 9],
      transformers: [['runtime'], ['>=4.52'], 10],
      mistralai: [['runtime'], ['git+https://github.com/mistralai/client-python.git'], 11],
      langfuse: [['dev'], ['==2.60.5'], 14],
      'arize-phoenix': [['group:eval'], ['>=10'], 17],
    });
  });

  it('ignores comments and non-AI packages; invalid TOML is one diagnostic', () => {
    expect(detect('[packages]\n# openai = "*"\nflask = "*"\n')).toBeNull();
    const broken = detect('[packages\nopenai = "*"\n');
    expect(broken?.diagnostics.map((d) => [d.code, d.location?.line])).toEqual([['parse-failed', 1]]);
  });
});
