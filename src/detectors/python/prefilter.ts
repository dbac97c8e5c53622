/**
 * Cheap pre-check on raw text, run before tokenizing: most .py files import nothing AI, and
 * they should cost one regex pass. A file passes when an `import`/`from` line names a catalog
 * module (`findPythonModule`, so `from google import genai` counts), a module of
 * `EXTRA_MODULE_PREFIXES`, or when it mentions `importlib`/`__import__`. False positives
 * (an import inside a docstring) only cost a tokenize; the real reader decides.
 */
import { findPythonModule, PYTHON_TOP_LEVEL_PATTERNS } from '../shared/python-modules.ts';
import { EXTRA_MODULE_PREFIXES } from './catalog.ts';
import { inPackage } from './scope.ts';
import { mayHoldEndpoint } from '../endpoints/find.ts';
import { quotesListedModel } from '../shared/model-ids.ts';
import { literalsOf } from '../shared/regex-literals.ts';
import { CREATES_EXTENSION } from '../sql/precheck.ts';

const FROM = /^[ \t]*from[ \t]+([A-Za-z_][\w.]*)[ \t]+import[ \t]*(\([^)]{0,2000}\)?|[^\n#;]*)/gm;
const IMPORT = /^[ \t]*import[ \t]+([^\n#;]+)/gm;
const DYNAMIC = /\bimportlib\b|\b__import__[ \t]*\(/;

/**
 * One pass that every AI import must match: `import`/`from`, optionally earlier names of a comma
 * list, then a catalog top-level name. Most files fail here without any per-import work; a file that
 * passes (an AI-looking import, even in a docstring) gets the exact check below.
 */
const QUICK = new RegExp(
  `\\b(?:import|from)[ \\t]+(?:[\\w.]+(?:[ \\t]+as[ \\t]+\\w+)?[ \\t]*,[ \\t]*)*(?:${[
    ...PYTHON_TOP_LEVEL_PATTERNS,
    ...EXTRA_MODULE_PREFIXES.map((p) => p.split('.')[0] ?? p),
  ].join('|')})\\b|\\bimportlib\\b|\\b__import__\\b`,
);

/**
 * The detector's gate (`Detector.literals`), from the same names as QUICK: every match holds one
 * of the top-level names (the literal head of a `langchain_\w+` pattern), `importlib` or
 * `__import__`. A pattern with any other regex syntax is refused rather than guessed at.
 */
export const IMPORT_LITERALS: readonly string[] = [
  ...[...PYTHON_TOP_LEVEL_PATTERNS, ...EXTRA_MODULE_PREFIXES.map((p) => p.split('.')[0] ?? p)].map((pattern) => {
    const literal = pattern.replace(/\\w\+$/, '');
    if (!/^[\w.]+$/.test(literal)) throw new Error(`python pre-check name ${pattern} is not a literal`);
    return literal;
  }),
  'importlib',
  '__import__',
];

function interesting(module: string): boolean {
  return findPythonModule(module) !== undefined || EXTRA_MODULE_PREFIXES.some((p) => inPackage(module, p));
}

/** True when the text may import an AI package; false means the detector can return null. */
export function mayImportAi(text: string): boolean {
  if (!QUICK.test(text)) return false;
  if (DYNAMIC.test(text)) return true;
  for (const m of text.matchAll(IMPORT)) {
    for (const part of (m[1] ?? '').split(',')) {
      const module = part.trim().split(/\s+/)[0] ?? '';
      if (module !== '' && interesting(module)) return true;
    }
  }
  for (const m of text.matchAll(FROM)) {
    const module = m[1] ?? '';
    if (interesting(module)) return true;
    for (const name of (m[2] ?? '').replace(/[()\\]/g, ' ').split(/[\s,]+/)) {
      if (/^[A-Za-z_]\w*$/.test(name) && name !== 'as' && interesting(`${module}.${name}`)) return true;
    }
  }
  return false;
}

/** An indented assignment to a name that says model or LLM (`    model: str = ...`, `    DEFAULT_MODEL = ...`): a class field. */
const MODEL_FIELD = /^[ \t]+\w*(?:model|llm|MODEL|LLM|Model|Llm)\w*[ \t]*(?::[^=\n]*)?=[^=]/m;

/** An environment lookup whose default may be a model (`os.getenv("OPENAI_MODEL", "gpt-4o")`, `environ.get(...)`). */
const ENV_LOOKUP = /\b(?:getenv|environ\.get|environ\.setdefault)[ \t]*\(/;

/**
 * A file that may hold a model setting without importing an AI package: a listed model id quoted
 * as a whole string (`quotesListedModel`) and an indented model-named assignment (a settings class's
 * model field, `class LLMConfig(BaseModel): model: str = Field(default="claude-sonnet-4-20250514")`)
 * or an environment lookup (`DEFAULT_MODEL = os.getenv("OPENAI_MODEL", "gpt-4o")`).
 */
export function mayHoldModelSetting(text: string): boolean {
  return quotesListedModel(text) && (MODEL_FIELD.test(text) || ENV_LOOKUP.test(text));
}

const EXTENSION_WORD = /[Ee]xtension|EXTENSION/;
/** The gate's literals for `detect-sql.ts`: every match of CREATES_EXTENSION holds one (EXTENSION_WORD is its second word's casings). */
export const EXTENSION_LITERALS: readonly string[] = literalsOf(EXTENSION_WORD);

/** A SQL statement that may create a vector or AI extension (`cur.execute("CREATE EXTENSION vector")`, `detect-sql.ts`). */
export function mayCreateExtension(text: string): boolean {
  return CREATES_EXTENSION.test(text);
}

/**
 * The detector's pre-check: an AI import, or an AI API host or base-URL variable named in the text
 * (code calling a model over HTTP with httpx, aiohttp or requests still chooses its models), a
 * settings class's model field, or SQL creating an extension.
 */
export function mayFindPython(text: string): boolean {
  return mayImportAi(text) || mayHoldEndpoint(text) || mayHoldModelSetting(text) || mayCreateExtension(text);
}
