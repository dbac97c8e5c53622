/**
 * MCP servers and tools implemented in Go: which package functions construct a server, which
 * define a tool, and which start a transport, per SDK. Read by `mcp-go.ts` on masked code, the
 * package reached through its import (alias or the path's last segment).
 * Sources: mark3labs/mcp-go README and server/ package; modelcontextprotocol/go-sdk README and mcp/ package.
 */

/** How a server constructor carries the server's name. */
export type ServerNameShape =
  /** `server.NewMCPServer("name", "1.0.0", ...)` */
  | 'first-argument'
  /** `mcp.NewServer(&mcp.Implementation{Name: "name", Version: "v1"}, nil)` */
  | 'implementation';

export interface GoMcpSdk {
  /** Module path (the `sdk` attribute, as the `sdk` asset names it). */
  readonly module: string;
  /** The server type (the `api` attribute). */
  readonly api: string;
  /** Package of the server constructor, and the constructor. */
  readonly serverPackage: string;
  readonly serverFunc: string;
  readonly nameShape: ServerNameShape;
  /** Package of the tool type and tool constructors. */
  readonly toolPackage: string;
  /** `NewTool("name", WithDescription("..."))`, when the SDK has one; `Tool{Name:, Description:}` always counts. */
  readonly toolFunc?: { readonly name: string; readonly description: string };
  /** Transport constructors (`ServeStdio(s)`, `&mcp.StdioTransport{}`), by package. */
  readonly transports: readonly { readonly pkg: string; readonly name: string; readonly transport: 'stdio' | 'sse' | 'streamable-http' }[];
  readonly source: string;
}

const MARK3 = 'github.com/mark3labs/mcp-go';
const GOSDK = 'github.com/modelcontextprotocol/go-sdk';

export const GO_MCP_SDKS: readonly GoMcpSdk[] = [
  {
    module: MARK3,
    api: 'MCPServer',
    serverPackage: `${MARK3}/server`,
    serverFunc: 'NewMCPServer',
    nameShape: 'first-argument',
    toolPackage: `${MARK3}/mcp`,
    toolFunc: { name: 'NewTool', description: 'WithDescription' },
    transports: [
      { pkg: `${MARK3}/server`, name: 'ServeStdio', transport: 'stdio' },
      { pkg: `${MARK3}/server`, name: 'NewStdioServer', transport: 'stdio' },
      { pkg: `${MARK3}/server`, name: 'NewSSEServer', transport: 'sse' },
      { pkg: `${MARK3}/server`, name: 'NewStreamableHTTPServer', transport: 'streamable-http' },
    ],
    source: 'mark3labs/mcp-go README (NewMCPServer, NewTool, WithDescription, ServeStdio)',
  },
  {
    module: GOSDK,
    api: 'Server',
    serverPackage: `${GOSDK}/mcp`,
    serverFunc: 'NewServer',
    nameShape: 'implementation',
    toolPackage: `${GOSDK}/mcp`,
    transports: [
      { pkg: `${GOSDK}/mcp`, name: 'StdioTransport', transport: 'stdio' },
      { pkg: `${GOSDK}/mcp`, name: 'NewStdioTransport', transport: 'stdio' },
      { pkg: `${GOSDK}/mcp`, name: 'NewSSEHandler', transport: 'sse' },
      { pkg: `${GOSDK}/mcp`, name: 'NewStreamableHTTPHandler', transport: 'streamable-http' },
    ],
    source: 'modelcontextprotocol/go-sdk README (NewServer(&Implementation{...}), AddTool(server, &Tool{...}, h))',
  },
];

/** Go layout folders, beside the shared ones, that never name a server (`pkg/`, `cmd/`). */
export const GO_LAYOUT_FOLDERS: readonly string[] = ['pkg', 'cmd'];
