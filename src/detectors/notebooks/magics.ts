/**
 * IPython syntax in code cells: line magics (`%matplotlib inline`), shell escapes (`!ls`) and
 * non-Python cell magics (`%%bash`) are blanked so the Python reader sees plain Python (line
 * numbers kept). `pip`/`conda` installs on those lines are returned: an install in a notebook
 * is how its dependencies are declared.
 */

export interface Install {
  /** Package name as written. */
  readonly name: string;
  /** Version specifier as written (`==1.2.0`, `>=0.2`), if any. */
  readonly spec?: string;
  /** 1-based line in the cell. */
  readonly line: number;
}

export interface CellCode {
  /** The cell with IPython-only lines blanked. */
  readonly code: string;
  readonly installs: Install[];
}

/** Cell magics whose body is still Python (`%%writefile x.py` too: it is Python source of the project). */
const PYTHON_CELL_MAGICS = new Set(['time', 'timeit', 'capture', 'prun', 'debug', 'pypy', 'python', 'python3']);
const INSTALL = /^\s*[!%]?\s*(?:(?:python3?|py)\s+-m\s+)?(?:uv\s+)?(?:pip3?|conda|mamba|micromamba)\s+install\s+(.*)$/;
const VALUE_FLAGS = new Set(['-r', '--requirement', '-c', '--constraint', '-e', '--editable', '-i', '--index-url', '--extra-index-url', '-f', '--find-links', '-t', '--target', '--prefix', '--channel', '-n', '--name', '-p']);
const REQUIREMENT = /^([A-Za-z0-9][A-Za-z0-9._-]*)(?:\[[^\]]*\])?\s*((?:[=<>!~]=?|===?).*)?$/;

/** Package requirements named on one install command line. */
export function parseInstall(args: string, line: number): Install[] {
  const out: Install[] = [];
  const words = args.match(/"[^"]*"|'[^']*'|\S+/g) ?? [];
  for (let i = 0; i < words.length; i++) {
    const word = (words[i] as string).replace(/^["']|["']$/g, '');
    if (/^(?:&&|\|\|?|;|>|#)/.test(word)) break;
    if (word.startsWith('-')) {
      if (VALUE_FLAGS.has(word)) i++;
      continue;
    }
    if (/:\/\/|^[./~{$]|\.(?:whl|txt|gz|zip)$/.test(word)) continue;
    const m = REQUIREMENT.exec(word);
    if (m?.[1] === undefined) continue;
    const spec = m[2]?.trim();
    out.push({ name: m[1], line, ...(spec === undefined || spec === '' ? {} : { spec }) });
  }
  return out;
}

/** Blanks IPython-only lines of a code cell and collects the installs they run. */
export function stripMagics(source: string): CellCode {
  const lines = source.split(/\r\n|\r|\n/);
  const installs: Install[] = [];
  const cellMagic = /^\s*%%(\w+)/.exec(lines[0] ?? '')?.[1];
  const writesPython = cellMagic === 'writefile' && /\.py\s*$/.test(lines[0] ?? '');
  const shellCell = cellMagic !== undefined && !PYTHON_CELL_MAGICS.has(cellMagic) && !writesPython;
  const code = lines.map((text, i) => {
    const trimmed = text.trimStart();
    const ipython = shellCell || trimmed.startsWith('%') || trimmed.startsWith('!');
    if (!ipython) return text;
    const install = INSTALL.exec(text);
    if (install?.[1] !== undefined && (shellCell || /^[!%]/.test(trimmed))) for (const x of parseInstall(install[1], i + 1)) installs.push(x);
    return '';
  });
  return { code: code.join('\n'), installs };
}
