/**
 * Vector-store clients in Java, Kotlin, C# and Go: a client class of `JVM_VECTOR_CLIENTS` /
 * `NUGET_VECTOR_CLIENTS` imported from one of its packages (Java/Kotlin `import pkg.Class`,
 * `import pkg.*`, Kotlin `as` aliases; a C# `using` of the namespace) and then constructed or built
 * in the file, as the JavaScript and Python detectors count a constructor imported from a client
 * package; in Go, a constructor function of `GO_VECTOR_CLIENTS` called through the package's import
 * (`qdrant.NewClient(...)`, `chromem.NewPersistentDB(...)`, an aliased `pgxvec.RegisterTypes(...)`).
 * An import alone is the `sdk` asset's evidence, not a store; a class or package of the same name
 * from elsewhere is not a client. Collection names are not read (no flow analysis).
 */
import { GO_VECTOR_CLIENTS, JVM_VECTOR_CLIENTS, NUGET_VECTOR_CLIENTS, type VectorClient } from '../shared/vector-stores.ts';
import { escapeName, type ImportRef } from './imports.ts';
import type { Masked } from './mask.ts';
import type { Language } from './model-catalog.ts';
import { resolveGo } from './resolve.ts';

/** A vector client constructed in the file: product, the catalog name, where. */
export interface VectorRef {
  readonly product: string;
  readonly client: string;
  readonly offset: number;
}

const TABLES: Partial<Record<Language, readonly VectorClient[]>> = { java: JVM_VECTOR_CLIENTS, kotlin: JVM_VECTOR_CLIENTS, csharp: NUGET_VECTOR_CLIENTS };

/** Builder entry points that count as building the client (`X.builder()`, `new X.Builder(...)`). */
const BUILDERS = ['builder', 'Builder', 'newBuilder'];

interface Binding {
  readonly local: string;
  readonly client: VectorClient;
  /** Catalog entry: `Class` or `Class.method`. */
  readonly name: string;
}

const classOf = (name: string): string => name.split('.')[0] ?? name;

/** Client classes the file's imports bring in, under their local names. */
function bindings(table: readonly VectorClient[], imports: readonly ImportRef[], namespaces: boolean): Binding[] {
  const out: Binding[] = [];
  for (const ref of imports) {
    const wildcard = namespaces || ref.path.endsWith('.*');
    const dot = ref.path.lastIndexOf('.');
    const pkg = namespaces ? ref.path : wildcard ? ref.path.slice(0, -2) : ref.path.slice(0, dot);
    const imported = wildcard ? undefined : ref.path.slice(dot + 1);
    if (namespaces && ref.alias !== undefined) continue;
    for (const client of table) {
      if (!client.packages.includes(pkg)) continue;
      for (const name of client.names) {
        if (imported !== undefined && classOf(name) !== imported) continue;
        out.push({ local: imported !== undefined && ref.alias !== undefined ? ref.alias : classOf(name), client, name });
      }
    }
  }
  return out;
}


/** The construction pattern of one binding: `new X(`, `X(`, `X.builder(`, `new X.Builder(`, or `X.method(`. */
function constructionOf(binding: Binding): RegExp {
  const method = binding.name.includes('.') ? binding.name.slice(binding.name.indexOf('.') + 1) : undefined;
  const tail = method !== undefined ? `\\.\\s*${escapeName(method)}\\s*\\(` : `(?:\\(|\\.\\s*(?:${BUILDERS.join('|')})\\s*\\()`;
  return new RegExp(`(?<![\\w$.])${escapeName(binding.local)}\\s*${tail}`, 'g');
}

/**
 * A Go import path as `GO_VECTOR_CLIENTS` lists it: the major-version suffix after the catalog
 * module dropped (`github.com/pinecone-io/go-pinecone/v4/pinecone` → `.../go-pinecone/pinecone`).
 */
function goPackagePath(path: string): string {
  const pkg = resolveGo(path);
  if (pkg === undefined) return path;
  return pkg.name.replace(/\/v\d+$/, '') + path.slice(pkg.name.length);
}

/** The package name of a Go catalog entry: `vectorstores/qdrant.New` → `qdrant`. */
const goPackageName = (name: string): string => name.slice(0, name.indexOf('.')).split('/').pop() ?? name;

/** Go constructor functions the file's imports bring in, under the import's alias or the package name. */
function goBindings(imports: readonly ImportRef[]): Binding[] {
  const out: Binding[] = [];
  for (const ref of imports) {
    // A blank import runs no constructor; a dot import calls them unqualified (not read).
    if (ref.alias === '_' || ref.alias === '.') continue;
    const path = goPackagePath(ref.path);
    for (const client of GO_VECTOR_CLIENTS) {
      if (!client.packages.includes(path)) continue;
      for (const name of client.names) out.push({ local: ref.alias ?? goPackageName(name), client, name });
    }
  }
  return out;
}

/** The call of one Go binding: `local.Func(`. */
function goCallOf(binding: Binding): RegExp {
  const func = binding.name.slice(binding.name.indexOf('.') + 1);
  return new RegExp(`(?<![\\w.])${escapeName(binding.local)}\\s*\\.\\s*${escapeName(func)}\\s*\\(`, 'g');
}

/** Vector clients constructed in one masked file. */
export function findVectorStores(language: Language, masked: Masked, imports: readonly ImportRef[]): VectorRef[] {
  if (language === 'go') return goBindings(imports).flatMap((b) => [...masked.code.matchAll(goCallOf(b))].map((m) => ({ product: b.client.product, client: b.name, offset: m.index })));
  const table = TABLES[language];
  if (table === undefined) return [];
  const found: VectorRef[] = [];
  for (const binding of bindings(table, imports, language === 'csharp')) {
    for (const m of masked.code.matchAll(constructionOf(binding))) {
      found.push({ product: binding.client.product, client: binding.name, offset: m.index });
    }
  }
  return found;
}
