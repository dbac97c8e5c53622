import { describe, expect, it } from 'vitest';
import { detectLanguages } from './index.ts';

const servers = (path: string, content: string): string[] =>
  (detectLanguages({ scope: 'https://github.com/acme/notes-mcp.git', path, content })?.assets ?? []).filter((a) => a.kind === 'mcp-server').map((a) => a.name);

describe('languages detector: Go MCP servers constructed without a literal name', () => {
  const code = (name: string) => `package main\nimport "github.com/mark3labs/mcp-go/server"\nfunc main() { s := server.NewMCPServer(${name}, "1.0.0"); server.ServeStdio(s) }\n`;

  it('names one in main.go after its folder, else the repository', () => {
    expect(servers('cmd/weather-server/main.go', code('serverName'))).toEqual(['weather-server']);
    expect(servers('main.go', code('serverName'))).toEqual(['notes-mcp']);
  });

  it('keeps a telling file stem and a literal name', () => {
    expect(servers('cmd/weather/billing.go', code('serverName'))).toEqual(['billing']);
    expect(servers('cmd/weather/main.go', code('"kb"'))).toEqual(['kb']);
  });
});
