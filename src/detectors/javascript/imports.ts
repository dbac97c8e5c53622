/**
 * Import sites → AI package imports and local bindings. Covers ES `import`/`export … from`,
 * `import x = require()`, `require()` and dynamic `import()`; type-only imports count (they still
 * show the package is a dependency). Only catalog packages are kept: the rest is not our business.
 */
import type { Node, ObjectPattern } from '@babel/types';
import { findAiPackage, type AiPackage } from '../shared/ai-packages.ts';
import { keyName, type FileFacts } from './walk.ts';

/** One import of an AI package. */
export interface AiImport {
  /** As written: `openai/resources`, `@modelcontextprotocol/sdk/server/mcp.js`. */
  readonly specifier: string;
  /** The package: first segment, or two for scoped names. */
  readonly packageName: string;
  readonly pkg: AiPackage;
  readonly line: number;
}

/** A local name bound to something imported from an AI package. */
export interface Binding {
  readonly local: string;
  /** Export name; `default` for default imports, `*` for namespaces and whole CommonJS modules. */
  readonly imported: string;
  readonly import: AiImport;
}

/** The AI imports of a file and the names they bind. */
export interface ImportTable {
  readonly imports: AiImport[];
  readonly bindings: Map<string, Binding>;
}

/**
 * The package a module specifier names, or undefined for relative paths, URLs, `node:` builtins
 * and other schemes (`jsr:`, `npm:` aliases), and subpath imports (`#internal`).
 */
export function packageOfSpecifier(specifier: string): string | undefined {
  if (specifier === '' || /^[./#]/.test(specifier) || specifier.includes(':')) return undefined;
  const parts = specifier.split('/');
  if (specifier.startsWith('@')) return parts.length >= 2 && parts[1] !== '' ? `${parts[0]}/${parts[1]}` : undefined;
  return parts[0];
}

/** Looks a specifier up in the npm catalog. */
function aiImport(specifier: string, line: number): AiImport | undefined {
  const packageName = packageOfSpecifier(specifier);
  if (packageName === undefined) return undefined;
  const pkg = findAiPackage('npm', packageName);
  return pkg ? { specifier, packageName, pkg, line } : undefined;
}

/** Collects AI imports and bindings from the walked facts. */
export function collectImports(facts: FileFacts): ImportTable {
  const table: ImportTable = { imports: [], bindings: new Map() };
  for (const node of facts.importNodes) addStatic(node, table);
  for (const call of facts.calls) {
    const specifier = requiredSpecifier(call);
    if (specifier === undefined) continue;
    const found = aiImport(specifier, call.loc?.start.line ?? 1);
    if (found) table.imports.push(found);
  }
  for (const decl of facts.declarations) {
    if (decl.init) bindRequire(decl.name, decl.init, table);
  }
  for (const { pattern, init } of facts.destructures) bindDestructured(pattern, init, table);
  table.imports.sort((a, b) => a.line - b.line);
  return table;
}

function addStatic(node: Node, table: ImportTable): void {
  const line = node.loc?.start.line ?? 1;
  if (node.type === 'TSImportEqualsDeclaration') {
    if (node.moduleReference.type !== 'TSExternalModuleReference') return;
    const found = aiImport(node.moduleReference.expression.value, line);
    if (!found) return;
    table.imports.push(found);
    bind(table, node.id.name, '*', found);
    return;
  }
  if (node.type !== 'ImportDeclaration' && node.type !== 'ExportAllDeclaration' && node.type !== 'ExportNamedDeclaration') return;
  if (!node.source) return;
  const found = aiImport(node.source.value, line);
  if (!found) return;
  table.imports.push(found);
  if (node.type !== 'ImportDeclaration') return;
  for (const spec of node.specifiers) {
    if (spec.type === 'ImportDefaultSpecifier') bind(table, spec.local.name, 'default', found);
    else if (spec.type === 'ImportNamespaceSpecifier') bind(table, spec.local.name, '*', found);
    else bind(table, spec.local.name, spec.imported.type === 'Identifier' ? spec.imported.name : spec.imported.value, found);
  }
}

function bind(table: ImportTable, local: string, imported: string, found: AiImport): void {
  if (!table.bindings.has(local)) table.bindings.set(local, { local, imported, import: found });
}

/** `require('x')` or `import('x')` with a literal specifier. */
function requiredSpecifier(node: Node): string | undefined {
  if (node.type !== 'CallExpression') return undefined;
  const isRequire = node.callee.type === 'Identifier' && node.callee.name === 'require';
  if (!isRequire && node.callee.type !== 'Import') return undefined;
  const arg = node.arguments[0];
  if (arg?.type === 'StringLiteral') return arg.value;
  if (arg?.type === 'TemplateLiteral' && arg.expressions.length === 0) return arg.quasis[0]?.value.cooked ?? undefined;
  return undefined;
}

/** `const x = require('pkg')`, `const x = (await import('pkg')).Name`, `const x = require('pkg').default`. */
function bindRequire(local: string, init: Node, table: ImportTable): void {
  const found = requiredBinding(local, init);
  if (found) bind(table, local, found.imported, found.import);
}

/**
 * The binding a declaration's initializer makes when it is a `require()` or `import()` of an AI
 * package (`require('pkg')`, `require('pkg').Name`, `(await import('pkg')).default`): the whole
 * module (`*`) or one export. Read per declaration, so a scoped `const x = require('./local')`
 * never borrows the binding of a top-level `x`.
 */
export function requiredBinding(local: string, init: Node): Binding | undefined {
  let node = unwrapAwait(init);
  let member: string | undefined;
  if ((node.type === 'MemberExpression' || node.type === 'OptionalMemberExpression') && !node.computed) {
    member = keyName(node.property);
    node = unwrapAwait(node.object);
  }
  const specifier = requiredSpecifier(node);
  const found = specifier === undefined ? undefined : aiImport(specifier, node.loc?.start.line ?? 1);
  return found ? { local, imported: member === undefined || member === 'default' ? '*' : member, import: found } : undefined;
}

/** `const { OpenAI, default: X } = require('pkg')` / `= await import('pkg')`. */
function bindDestructured(pattern: ObjectPattern, init: Node, table: ImportTable): void {
  const call = unwrapAwait(init);
  const specifier = requiredSpecifier(call);
  const found = specifier === undefined ? undefined : aiImport(specifier, call.loc?.start.line ?? 1);
  if (!found) return;
  for (const prop of pattern.properties) {
    if (prop.type !== 'ObjectProperty' || prop.computed) continue;
    const imported = keyName(prop.key);
    const value = prop.value.type === 'AssignmentPattern' ? prop.value.left : prop.value;
    if (imported !== undefined && value.type === 'Identifier') bind(table, value.name, imported === 'default' ? '*' : imported, found);
  }
}

function unwrapAwait(node: Node): Node {
  let current = node;
  while (current.type === 'AwaitExpression' || current.type === 'TSNonNullExpression' || current.type === 'TSAsExpression' || current.type === 'ParenthesizedExpression') {
    current = current.type === 'AwaitExpression' ? current.argument : current.expression;
  }
  return current;
}

/**
 * Fallback for files Babel cannot parse at all: import lines found by regex, one per line, skipping
 * lines that start as comments. Less exact than the AST (a string that looks like an import counts).
 */
export function scanImportText(content: string): AiImport[] {
  const found: AiImport[] = [];
  const pattern = /(?:\bfrom|^\s*import|\brequire\s*\(|\bimport\s*\()\s*['"`]([^'"`\s]+)['"`]/g;
  content.split('\n').forEach((text, index) => {
    if (/^\s*(?:\/\/|\/\*|\*)/.test(text)) return;
    for (const match of text.matchAll(pattern)) {
      const hit = match[1] === undefined ? undefined : aiImport(match[1], index + 1);
      if (hit) found.push(hit);
    }
  });
  return found;
}
