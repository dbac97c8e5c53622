/**
 * `sdk` assets from imports: `import a.b as c`, `from a.b import x` (relative imports ignored),
 * `importlib.import_module("x")` and `__import__("x")` with a literal name.
 */
import { normalizePackageName, packageProvider, sdkKey } from '../shared/ai-packages.ts';
import { findPythonModule, type PythonModuleMatch } from '../shared/python-modules.ts';
import type { Context } from './context.ts';
import { dottedName } from './scope.ts';

function record(ctx: Context, match: PythonModuleMatch, line: number): void {
  const name = normalizePackageName('pypi', match.packageName);
  ctx.aiImported = true;
  ctx.out.add({
    kind: 'sdk',
    key: sdkKey('pypi', name),
    name,
    provider: packageProvider(match.pkg, name),
    attributes: { ecosystem: 'pypi', category: match.pkg.category, declared: false },
    evidence: ctx.at(line, 'import', 'declared'),
  });
}

/** Records an sdk asset per AI package imported; sets `ctx.aiImported`. */
export function detectImports(ctx: Context): void {
  for (const s of ctx.program.statements) {
    if (s.kind === 'import') {
      for (const n of s.names) {
        const match = findPythonModule(n.name);
        if (match) record(ctx, match, s.line);
      }
    } else if (s.kind === 'from' && !s.relative) {
      // `from google import genai`: the package is named by module + symbol, so try that first, for
      // symbols shaped like modules (PEP 8: lowercase); `from llama_index.llms import ChatMessage`
      // imports a class, not a `llama-index-llms-chatmessage` distribution.
      for (const symbol of s.names.length > 0 ? s.names.map((n) => n.name) : ['']) {
        const submodule = symbol !== '' && symbol === symbol.toLowerCase();
        const match = (submodule ? findPythonModule(`${s.module}.${symbol}`) : undefined) ?? findPythonModule(s.module);
        if (match) record(ctx, match, s.line);
      }
    }
  }
  for (const call of ctx.calls) {
    const callee = ctx.scope.qualified(call.callee) ?? dottedName(call.callee);
    if (callee !== 'importlib.import_module' && callee !== '__import__') continue;
    const arg = call.args[0];
    const match = arg?.t === 'str' && arg.value !== undefined && !arg.value.startsWith('.') ? findPythonModule(arg.value) : undefined;
    if (match) record(ctx, match, call.line);
  }
}
