/**
 * `mcp-tools`: every MCP server with the tools it provides, dangerous tools first. Servers whose
 * tools aimap could not see (a configured server, not its code) get one row with no tool.
 */
import {
  cypherCapabilityRank, cypherToolCapability, cypherToolDangerous, cypherToolLead, cypherToolText, sqlCapabilityRank, sqlToolsCte,
} from './fragments.ts';
import { expectArgs, selectRows, type SavedQuery } from './types.ts';

const COLUMNS = ['server', 'transport', 'tool', 'capability', 'dangerous', 'description', 'serverId', 'toolId'] as const;

// Sort keys never hold NULL: SQLite puts NULL first, Cypher last. `rows` is MATERIALIZED so each
// tool's capability and danger are worked out once, not again for every sort key that uses them.
const SQL = `WITH ${sqlToolsCte()},
rows AS MATERIALIZED (
  SELECT s.name AS server, s.id AS serverId, json_extract(s.data, '$.attributes.transport') AS transport,
    t.name AS tool, t.id AS toolId, t.capability AS capability, t.dangerous AS dangerous,
    json_extract(t.data, '$.attributes.description') AS description
  FROM assets s
  LEFT JOIN relationships p ON p.scan_seq = ?1 AND p.src = s.id AND p.type = 'PROVIDES'
  LEFT JOIN tools t ON t.id = p.dst
  WHERE s.scan_seq = ?1 AND s.kind = 'mcp-server'
)
SELECT server, transport, tool, capability, dangerous, description, serverId, toolId FROM rows
ORDER BY CASE WHEN toolId IS NULL THEN 2 WHEN dangerous = 1 THEN 0 ELSE 1 END,
  CASE WHEN toolId IS NULL THEN 0 ELSE ${sqlCapabilityRank('capability')} END,
  server, serverId, coalesce(tool, ''), coalesce(toolId, '')`;

const CYPHER = `MATCH (s:MCPServer)
OPTIONAL MATCH (s)-[:PROVIDES]->(t:Tool)
WITH s, t, ${cypherToolLead('t')} AS lead, ${cypherToolText('t')} AS text
WITH s, t, CASE WHEN t IS NULL THEN null ELSE ${cypherToolCapability('t', { lead: 'lead', full: 'text' })} END AS capability
WITH s, t, capability, CASE WHEN t IS NULL THEN null ELSE ${cypherToolDangerous('t', 'capability')} END AS dangerous
RETURN s.name AS server, s.attr_transport AS transport, t.name AS tool, capability, dangerous,
  t.attr_description AS description, s.id AS serverId, t.id AS toolId
ORDER BY CASE WHEN toolId IS NULL THEN 2 WHEN dangerous THEN 0 ELSE 1 END,
  CASE WHEN toolId IS NULL THEN 0 ELSE ${cypherCapabilityRank('capability')} END,
  server, serverId, coalesce(tool, ''), coalesce(toolId, '')`;

/** MCP servers → PROVIDES → tools, with each tool's capability and whether it is dangerous. */
export const MCP_TOOLS: SavedQuery = {
  name: 'mcp-tools',
  description: 'MCP servers and the tools they provide, dangerous tools (shell, exec, file or network writes) first',
  args: [],
  columns: COLUMNS,
  display: ['server', 'transport', 'tool', 'capability', 'dangerous', 'description'],
  sql: SQL,
  cypher: CYPHER,
  cypherParams: {},
  run(store, args, scanSeq) {
    expectArgs(this, args);
    return { name: this.name, columns: [...COLUMNS], rows: selectRows(store, SQL, [scanSeq], COLUMNS, { booleans: ['dangerous'] }) };
  },
};
