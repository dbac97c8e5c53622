/**
 * setup.cfg (setuptools declarative config): `[options] install_requires` → `runtime`,
 * `tests_require` → `dev`, `setup_requires` → `build`, `[options.extras_require] <extra>` →
 * `optional:<extra>`. Values are dangling lists (one requirement per indented line) or, on one line,
 * `;`-separated (setuptools' `list-semi`). Full-line `#`/`;` comments and trailing ` # ...` dropped.
 */
import { parseRequirement } from './pep508.ts';
import type { ManifestEntry, ParseOutcome } from './types.ts';

interface IniItem {
  readonly text: string;
  readonly line: number;
}

interface IniValue {
  readonly section: string;
  readonly key: string;
  /** The value split into items: dangling lines, or the `;`-separated parts of a one-line value. */
  readonly items: IniItem[];
}

const OPTION_SCOPES: Readonly<Record<string, string>> = { install_requires: 'runtime', tests_require: 'dev', setup_requires: 'build' };

/** Parses a setup.cfg; INI has no errors worth reporting, unreadable lines are skipped. */
export function parseSetupCfg(content: string): ParseOutcome {
  const entries: ManifestEntry[] = [];
  for (const value of readIni(content)) {
    const scope =
      value.section === 'options'
        ? OPTION_SCOPES[value.key.replace(/-/g, '_')]
        : value.section === 'options.extras_require'
          ? `optional:${value.key}`
          : undefined;
    if (scope === undefined) continue;
    for (const item of value.items) {
      const req = parseRequirement(item.text);
      if (req === undefined) continue;
      entries.push({ ecosystem: 'pypi', name: req.name, scope, line: item.line, ...(req.spec ? { version: req.spec } : {}) });
    }
  }
  return { entries, problems: [] };
}

/** A forgiving INI reader: sections, `key = value` / `key: value`, indented continuation lines. */
function readIni(content: string): IniValue[] {
  const values: IniValue[] = [];
  let section = '';
  let current: IniValue | undefined;
  content.split(/\r?\n/).forEach((raw, index) => {
    const line = index + 1;
    if (raw.trim() === '' || /^\s*[#;]/.test(raw)) return;
    const header = /^\[\s*([^\]]+?)\s*\]/.exec(raw);
    if (header?.[1]) {
      section = header[1].toLowerCase();
      current = undefined;
    } else if (/^\s/.test(raw) && current) {
      current.items.push({ text: stripComment(raw), line });
    } else {
      const pair = /^([^=:]+?)\s*[=:]\s*(.*)$/.exec(raw);
      if (!pair?.[1]) return;
      current = { section, key: pair[1].trim().toLowerCase(), items: [] };
      const inline = stripComment(pair[2] ?? '');
      for (const part of inline.split(';')) if (part.trim() !== '') current.items.push({ text: part.trim(), line });
      values.push(current);
    }
  });
  return values;
}

function stripComment(text: string): string {
  return text.replace(/\s+#.*$/, '').trim();
}
