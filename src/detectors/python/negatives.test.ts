import { describe, expect, it } from 'vitest';
import { detectPython } from './index.ts';

const detect = (content: string) => detectPython({ scope: 't', path: 'trap.py', content });
const kinds = (content: string): string[] => (detect(content)?.assets ?? []).map((a) => `${a.kind}:${a.name}`);

describe('python detector: what must not be reported', () => {
  it('ignores imports inside docstrings and comments', () => {
    expect(detect('"""\nimport openai\nfrom anthropic import Anthropic\n"""\n# import langchain\nx = 1\n')).toBeNull();
    expect(detect("def f():\n    '''\n    >>> import openai\n    '''\n    return 1\n")).toBeNull();
  });

  it('ignores look-alike modules', () => {
    expect(detect('import open_ai\nimport openai_helpers\nimport langchainish\nfrom mylib.openai import x\nfrom openaiclient import Y\n')).toBeNull();
  });

  it('ignores model-looking strings in files without AI imports', () => {
    expect(detect('import json\nMODEL = "gpt-4"\nprint(json.dumps({"model": "gpt-4"}))\n')).toBeNull();
  });

  it('does not take Django / SQLAlchemy model_name for a model, even next to an AI import', () => {
    const src = 'import openai\nfrom django.db import migrations\nfrom sqlalchemy.orm import relationship\nop = migrations.AddField(model_name="user", name="x")\nowner = relationship("User")\nmodel_name = "Invoice"\n';
    expect(kinds(src)).toEqual(['sdk:openai']);
  });

  it('does not report a placeholder key or any secret-shaped string', () => {
    expect(kinds('from openai import OpenAI\nclient = OpenAI(api_key="sk-XXXX")\n')).toEqual(['sdk:openai']);
    const r = detect('from openai import OpenAI  # key sk-proj-abcdefghijklmnopqrstuvwxyz123456\n');
    expect(r?.assets[0]?.evidence[0]?.snippet).toBe('from openai import OpenAI  # key sk-proj-…[redacted]');
  });

  it('does not take an unrelated Server (http.server) for an MCP server', () => {
    expect(kinds('import torch\nfrom http.server import HTTPServer, BaseHTTPRequestHandler as H\nServer = HTTPServer\ns = Server(("", 1), H)\n')).toEqual(['sdk:torch']);
  });

  it('ignores markdown-like prose in strings', () => {
    expect(kinds('import openai\nHELP = "Use model=gpt-4o-mini or FastMCP(\\"x\\")"\n')).toEqual(['sdk:openai']);
  });
});
