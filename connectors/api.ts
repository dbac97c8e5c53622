import { hostConnector } from './host/index.ts';
import { localConnector } from './local/index.ts';

/**
 * The explicit connector registry: adding a connector means one line here.
 * test/meta checks every connectors/<id>/ folder is listed under its own id.
 */
export const CONNECTORS = {
  local: localConnector,
  host: hostConnector,
} as const;

export type ConnectorId = keyof typeof CONNECTORS;
