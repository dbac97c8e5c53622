/**
 * Evidence lines of container files are commands and env lines, which can carry credentials that no
 * key-format rule recognizes (`--api-key hunter2`, `LITELLM_MASTER_KEY: abc`, `postgres://u:p@db`).
 * Before a line becomes a snippet, values after secret-looking flags and names, and URL user info,
 * are hidden; `redactSnippet` (model/evidence.ts) then hides key-shaped strings as everywhere else.
 * Variable references (`${OPENAI_API_KEY}`) are kept: they are names, not values.
 */
import { nameWords } from '../shared/name-words.ts';

const SECRET_PARTS = new Set(['key', 'apikey', 'token', 'secret', 'password', 'passwd', 'pwd', 'credential', 'credentials', 'auth']);
const FLAG = /(--?[A-Za-z][\w-]*)(["']?(?:[ \t]*[=,][ \t]*|[ \t]+)["']?)([^\s"',\]\-$][^\s"',\]]*)/g;
const ASSIGN = /([A-Za-z_][\w.-]*)(["']?\s*[=:]\s*["']?)([^\s"',{}[\]$][^\s"',{}\]]*)/g;
const USERINFO = /(\b[a-z][\w+.-]*:\/\/)[^/\s@"']+@/gi;

/** True when a name has a secret-like component: `HF_TOKEN`, `apiKey`, `--master-key`; not `tokenizer`, `monkey`. */
export function isSecretName(name: string): boolean {
  return nameWords(name).some((p) => SECRET_PARTS.has(p));
}

/** The line with secret-looking values hidden (names and flags are kept). */
export function scrubLine(line: string): string {
  const hide = (match: string, name: string, sep: string): string => (isSecretName(name) ? `${name}${sep}…[redacted]` : match);
  return line.replace(USERINFO, '$1…[redacted]@').replace(FLAG, hide).replace(ASSIGN, hide);
}
