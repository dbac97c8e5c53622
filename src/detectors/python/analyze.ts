/**
 * Runs every Python pattern over one token stream: imports first (they decide whether model
 * strings count), then models, vector stores, MCP servers and MCP client connections. Shared by
 * the `.py` detector and the notebook detector (which feeds the tokens of all its code cells).
 */
import { Collector } from './collector.ts';
import type { Context, EvidenceAt } from './context.ts';
import { detectImports } from './detect-imports.ts';
import { detectMcpClients } from './detect-mcp-client.ts';
import { detectMcpServers } from './detect-mcp-server.ts';
import { detectModels } from './detect-models.ts';
import { detectVectors } from './detect-vectors.ts';
import { Scope } from './scope.ts';
import { readProgram } from './statements.ts';
import type { Token } from './tokenizer.ts';
import { collectCalls } from './visit.ts';

export interface AnalysisInput {
  readonly tokens: readonly Token[];
  /** File stem: the name of an MCP server constructed without one. */
  readonly stem: string;
  readonly at: EvidenceAt;
  /**
   * The code names an AI API host itself (`"https://api.openai.com/v1"`): it calls models over
   * HTTP, so its model positions count as an AI import's would.
   */
  readonly callsAiHost?: boolean;
}

export interface Analysis {
  readonly out: Collector;
  /** Lines where the reader met nesting too deep to read and skipped it. */
  readonly gaveUp: readonly number[];
}

/** Analyzes tokens; `out` may be shared with other passes (the notebook's `%pip install` lines). */
export function analyzePython(input: AnalysisInput, out: Collector = new Collector()): Analysis {
  const program = readProgram(input.tokens);
  const ctx: Context = {
    program,
    scope: new Scope(program.statements, program.classes),
    calls: collectCalls(program.statements),
    out,
    at: input.at,
    stem: input.stem,
    consumed: new Set(),
    aiImported: input.callsAiHost === true,
  };
  detectImports(ctx);
  detectModels(ctx);
  detectVectors(ctx);
  detectMcpServers(ctx);
  detectMcpClients(ctx);
  return { out, gaveUp: program.gaveUp };
}

/** `src/app/server.py` → `server`. */
export function fileStem(path: string): string {
  const base = path.slice(path.lastIndexOf('/') + 1);
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(0, dot) : base;
}
