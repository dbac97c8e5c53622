/**
 * Finds the server entries of a parsed config file, per shape (see `catalog.ts` `Shape`). A server
 * container of the wrong type, or entries that are not objects, are reported as problems (the file
 * is covered imperfectly); entries that are objects of an unknown form are skipped quietly.
 */
import type { ConfigFileRow, Syntax } from './catalog.ts';
import { readServer, type RawServer, type ReadOptions } from './server.ts';
import { disable, SPRING_MCP_CONNECTIONS, springAt, springConnection, springOff } from './spring.ts';
import { asObject, at, get, str, type CValue } from './tree.ts';

export interface ShapeProblem {
  readonly message: string;
  readonly line?: number;
}

export interface ShapeResult {
  readonly servers: RawServer[];
  readonly problems: ShapeProblem[];
}

class Collector implements ShapeResult {
  readonly servers: RawServer[] = [];
  readonly problems: ShapeProblem[] = [];

  private readonly syntax: Syntax;
  private readonly options: ReadOptions;

  constructor(row: ConfigFileRow) {
    this.syntax = row.syntax;
    this.options = { zed: row.shape === 'zed', ...(row.urlTransport === undefined ? {} : { urlTransport: row.urlTransport }) };
  }

  /** The fragment quoted as evidence: the key as written in this syntax, no value. */
  private snippet(where: string, key: string): string {
    if (this.syntax === 'properties') return `${where}.${key}`;
    if (this.syntax === 'toml') return `[${where}.${/^[A-Za-z0-9_-]+$/.test(key) ? key : JSON.stringify(key)}]`;
    if (this.syntax === 'yaml') return `${key}:`;
    return `${JSON.stringify(key)}: {`;
  }

  private problem(message: string, line: number | undefined): void {
    this.problems.push({ message, ...(line === undefined ? {} : { line }) });
  }

  /**
   * Reads `{name: server}`; `where` names the container in messages and TOML snippets. `prepare`
   * rewrites an entry first, `options` overrides the row's (a container that fixes the transport).
   */
  map(value: CValue | undefined, where: string, project?: string, prepare: (v: CValue) => CValue = (v) => v, options: ReadOptions = this.options): void {
    if (value === undefined || value.t === 'null') return;
    const o = asObject(value);
    if (o === undefined) return this.problem(`${where} is not a map of servers; skipped`, value.line);
    const bad = o.entries.filter((e) => e.value.t !== 'obj' && e.value.t !== 'null');
    if (bad.length > 0) this.problem(`${bad.length} entr${bad.length === 1 ? 'y' : 'ies'} under ${where} not a server object; skipped`, bad[0]?.line);
    for (const e of o.entries) {
      const place = { name: e.key, snippet: this.snippet(where, e.key), ...(e.line === undefined ? {} : { line: e.line }), ...(project === undefined ? {} : { project }) };
      const server = readServer(prepare(e.value), place, options);
      if (server !== undefined) this.servers.push(server);
    }
  }

  /** Reads `[{name, command, ...}]` (Continue). */
  list(value: CValue | undefined, where: string): void {
    if (value === undefined || value.t === 'null') return;
    if (value.t === 'obj') return this.map(value, where);
    if (value.t !== 'arr') return this.problem(`${where} is not a list of servers; skipped`, value.line);
    const bad = value.items.filter((i) => i.t !== 'obj');
    if (bad.length > 0) this.problem(`${bad.length} item${bad.length === 1 ? '' : 's'} of ${where} not a server object; skipped`, bad[0]?.line);
    value.items.forEach((item, i) => {
      const name = str(get(item, 'name'));
      const snippet = name === undefined ? `${where}[${i}]` : this.syntax === 'yaml' ? `- name: ${name}` : `"name": ${JSON.stringify(name)}`;
      const server = readServer(item, { ...(name === undefined ? {} : { name }), snippet, ...(item.line === undefined ? {} : { line: item.line }) }, this.options);
      if (server !== undefined) this.servers.push(server);
    });
  }
}

/** The servers a file of this shape configures. */
export function readShape(root: CValue, row: ConfigFileRow): ShapeResult {
  const c = new Collector(row);
  switch (row.shape) {
    case 'mcp-servers':
      c.map(get(root, 'mcpServers'), 'mcpServers');
      break;
    case 'vscode-mcp':
      c.map(get(root, 'servers'), 'servers');
      break;
    case 'vscode-settings':
      c.map(at(root, 'mcp', 'servers') ?? get(root, 'mcp.servers') ?? at(root, 'settings', 'mcp', 'servers') ?? at(root, 'settings', 'mcp.servers'), 'mcp.servers');
      break;
    case 'claude-json':
      c.map(get(root, 'mcpServers'), 'mcpServers');
      for (const project of asObject(get(root, 'projects'))?.entries ?? []) c.map(get(project.value, 'mcpServers'), `projects.${project.key}.mcpServers`, project.key);
      break;
    case 'codex':
      c.map(get(root, 'mcp_servers'), 'mcp_servers');
      break;
    case 'zed':
      c.map(get(root, 'context_servers'), 'context_servers');
      break;
    case 'goose':
      c.map(get(root, 'extensions'), 'extensions');
      break;
    case 'continue':
      c.list(get(root, 'mcpServers'), 'mcpServers');
      c.list(at(root, 'experimental', 'modelContextProtocolServers'), 'experimental.modelContextProtocolServers');
      break;
    case 'opencode':
      c.map(get(root, 'mcp'), 'mcp');
      break;
    case 'spring-ai': {
      // `spring.ai.mcp.client.enabled: false` turns the whole client, every connection, off.
      const clientOff = springOff(springAt(root, ['spring', 'ai', 'mcp', 'client', 'enabled']));
      for (const { path, transport } of SPRING_MCP_CONNECTIONS) {
        const where = ['spring.ai.mcp.client', ...path].join('.');
        const read = (v: CValue): CValue => (clientOff ? disable(springConnection(v)) : springConnection(v));
        c.map(springAt(root, ['spring', 'ai', 'mcp', 'client', ...path]), where, undefined, read, transport === 'stdio' ? {} : { urlTransport: transport });
      }
      break;
    }
  }
  return c;
}
