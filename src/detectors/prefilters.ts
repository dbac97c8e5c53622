/**
 * Each detector's pre-check, by detector id: a cheap test on a file's path and raw text that is
 * false only when the detector would return null for it (every detector listed here starts its
 * `detect` with the same test, kept in its pre-check module, so the two cannot drift; the meta test
 * test/meta/prefilters.test.ts holds it on every fixture file). Scan workers run these on every file
 * they read and send on only the files some detector may find something in
 * (`connectors/local/parallel.ts`); this module and what it imports stay free of the parsers, so a
 * worker starts quickly. A detector missing here (manifests, notebooks: files picked by name, few
 * per repository) is taken to find something in every file it wants.
 */
import { mayFindAgentFiles } from './agent-files/precheck.ts';
import { mayFindContainers } from './containers/precheck.ts';
import { mayHoldConfigModel } from './endpoints/config-model-files.ts';
import { mayHoldEndpoint } from './endpoints/find.ts';
import { mayFindIac } from './iac/precheck.ts';
import { mayFindJs } from './javascript/precheck.ts';
import { mayFindLanguages } from './languages/precheck.ts';
import { mayFindMcpConfig } from './mcp-config/precheck.ts';
import { mayFindPython } from './python/prefilter.ts';
import { mayHoldKey } from './secrets/scan.ts';
import { mayFindSql } from './sql/precheck.ts';

/** False when the detector would return null for a file with this path and text. */
export type Prefilter = (path: string, content: string) => boolean;

export const PREFILTERS: Readonly<Record<string, Prefilter>> = {
  javascript: mayFindJs,
  python: (_path, content) => mayFindPython(content),
  languages: mayFindLanguages,
  'mcp-config': mayFindMcpConfig,
  containers: mayFindContainers,
  iac: mayFindIac,
  secrets: (_path, content) => mayHoldKey(content),
  endpoints: (path, content) => mayHoldEndpoint(content) || mayHoldConfigModel(path, content),
  'agent-files': mayFindAgentFiles,
  sql: mayFindSql,
};
