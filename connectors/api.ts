import { localConnector } from './local/index.ts';

/**
 * The explicit connector registry: adding a connector means one line here.
 * test/meta checks every connectors/<id>/ folder is listed under its own id.
 */
export const CONNECTORS = {
  local: localConnector,
} as const;

export type ConnectorId = keyof typeof CONNECTORS;
