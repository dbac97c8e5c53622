/**
 * Import statements per language, read from masked code (comments and strings blanked, see
 * `mask.ts`), so commented-out imports and imports quoted in strings never count.
 * - Go: `import "x"`, `import alias "x"`, `import ( ... )` blocks (aliases, `_` and `.` imports).
 * - Java: `import a.b.C;`, `import a.b.*;`, `import static a.b.C.m;`.
 * - Kotlin: `import a.b.C`, `import a.b.*`, `import a.b.C as D` (no `;` needed).
 * - C#: `using X.Y;`, `global using X;`, `using static X.Y;`, `using A = X.Y;` (not `using (...)`
 *   statements or `using var` declarations).
 * - Ruby: `require "x"` / `require("x")` (`require_relative`, `load` and `gem "x"` are not imports of
 *   a package; Gemfiles are the manifest detector's).
 * - Rust: `use x::...`, `pub use ::x`, `extern crate x` (`crate::`, `self::`, `super::` and names the
 *   file declares with `mod` or brings in from the crate itself are local, not crates).
 */
import type { Masked } from './mask.ts';

/** One import as written. */
export interface ImportRef {
  /** Import path / qualified name / namespace / require string / crate identifier. */
  readonly path: string;
  /** Offset of the statement (for its line). */
  readonly offset: number;
  /** Local name given to it (Go alias, Kotlin/C# alias), when written. */
  readonly alias?: string;
}

/** Imports found, plus problems (an unterminated Go import block). */
export interface ImportScan {
  readonly imports: readonly ImportRef[];
  readonly problems: readonly { offset: number; message: string }[];
}

/**
 * The local names under which Java/Kotlin imports bring in the class `name` from one of `packages`:
 * the name itself for `pkg.*` and `pkg.Name`, the alias for `pkg.Name as Alias`.
 */
export function importedNames(imports: readonly ImportRef[], packages: readonly string[], name: string): string[] {
  const out = new Set<string>();
  for (const ref of imports) {
    for (const pkg of packages) {
      if (ref.path === `${pkg}.*`) out.add(name);
      else if (ref.path === `${pkg}.${name}`) out.add(ref.alias ?? name);
    }
  }
  return [...out];
}

const clean = (dotted: string): string => dotted.replace(/[\s`@]/g, '');

const GO_IMPORT = /(^|[;\n])[ \t]*import[ \t]*(\(|(?:([\w.]+)[ \t]+)?")/g;
const GO_SPEC = /(?:^|[;\n(])[ \t]*(?:([\w.]+)[ \t]+)?"/g;

/** Go import declarations. */
export function goImports({ code, strings }: Masked): ImportScan {
  const imports: ImportRef[] = [];
  const problems: { offset: number; message: string }[] = [];
  const add = (quote: number, alias: string | undefined): void => {
    const path = strings.get(quote);
    if (path !== undefined && path !== '') imports.push({ path, offset: quote, ...(alias === undefined ? {} : { alias }) });
  };
  for (const m of code.matchAll(GO_IMPORT)) {
    const end = m.index + m[0].length;
    if (m[2] !== '(') {
      add(end - 1, m[3]);
      continue;
    }
    let close = code.indexOf(')', end);
    if (close === -1) {
      problems.push({ offset: end - 1, message: 'unterminated import ( block' });
      close = code.length;
    }
    const block = code.slice(end - 1, close);
    for (const spec of block.matchAll(GO_SPEC)) add(end - 1 + spec.index + spec[0].length - 1, spec[1]);
  }
  return { imports, problems };
}

const JAVA_IMPORT = /(?:^|;)[ \t]*import[ \t]+(?:static[ \t]+)?([A-Za-z_$][\w$]*(?:[ \t]*\.[ \t]*(?:[A-Za-z_$][\w$]*|\*))*)[ \t]*;/gm;
const KOTLIN_IMPORT = /^[ \t]*import[ \t]+([\w`]+(?:[ \t]*\.[ \t]*(?:[\w`]+|\*))*)(?:[ \t]+as[ \t]+([\w`]+))?/gm;

/** Java import declarations. */
export function javaImports({ code }: Masked): ImportScan {
  return { imports: [...code.matchAll(JAVA_IMPORT)].map((m) => ({ path: clean(m[1] ?? ''), offset: m.index })), problems: [] };
}

/** Kotlin import directives. */
export function kotlinImports({ code }: Masked): ImportScan {
  const imports = [...code.matchAll(KOTLIN_IMPORT)].map((m) => ({
    path: clean(m[1] ?? ''),
    offset: m.index,
    ...(m[2] === undefined ? {} : { alias: clean(m[2]) }),
  }));
  return { imports, problems: [] };
}

const CSHARP_USING = /(?:^|[;{])[ \t]*(?:global[ \t]+)?using[ \t]+(?:static[ \t]+)?(?:(@?\w+)[ \t]*=[ \t]*)?(?:global::)?(@?\w+(?:[ \t]*\.[ \t]*@?\w+)*)[ \t]*(?=[;<])/gm;

/** C# using directives. */
export function csharpImports({ code }: Masked): ImportScan {
  const imports = [...code.matchAll(CSHARP_USING)].map((m) => ({
    path: clean(m[2] ?? ''),
    offset: m.index,
    ...(m[1] === undefined ? {} : { alias: clean(m[1]) }),
  }));
  return { imports, problems: [] };
}

const RUBY_REQUIRE = /(?:^|[;\s(=])(?:Kernel\.)?require[ \t]*\(?[ \t]*"/gm;

/** Ruby `require` calls with a literal argument. */
export function rubyImports({ code, strings }: Masked): ImportScan {
  const imports: ImportRef[] = [];
  for (const m of code.matchAll(RUBY_REQUIRE)) {
    const quote = m.index + m[0].length - 1;
    const path = strings.get(quote);
    if (path !== undefined && path !== '') imports.push({ path, offset: quote });
  }
  return { imports, problems: [] };
}

const RUST_USE = /\buse\s+(?:::\s*)?([A-Za-z_]\w*)/g;
const RUST_EXTERN = /\bextern[ \t]+crate[ \t]+([A-Za-z_]\w*)/g;
const RUST_MOD = /\bmod[ \t]+([A-Za-z_]\w*)/g;
const RUST_LOCAL_USE = /\buse\s+(?:crate|self|super)\s*::([^;]*);/g;
const RUST_LOCAL_ROOTS = new Set(['crate', 'self', 'super', 'std', 'core', 'alloc']);

/** Rust `use` declarations and `extern crate` items naming an external crate. */
export function rustImports({ code }: Masked): ImportScan {
  const local = new Set<string>();
  for (const m of code.matchAll(RUST_MOD)) local.add(m[1] ?? '');
  for (const m of code.matchAll(RUST_LOCAL_USE)) for (const name of (m[1] ?? '').match(/[A-Za-z_]\w*/g) ?? []) local.add(name);
  const imports: ImportRef[] = [];
  for (const re of [RUST_USE, RUST_EXTERN]) {
    for (const m of code.matchAll(re)) {
      const name = m[1] ?? '';
      if (!RUST_LOCAL_ROOTS.has(name) && !local.has(name)) imports.push({ path: name, offset: m.index });
    }
  }
  return { imports, problems: [] };
}

/** An imported name as a regex source (`$` and `.` escaped: JVM names hold no other metacharacters). */
export const escapeName = (s: string): string => s.replace(/[$.]/g, '\\$&');
