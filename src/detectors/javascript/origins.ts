/**
 * Where a value comes from: which AI import an expression is rooted in (`client.chat.completions`
 * → the `OpenAI` import via `const client = new OpenAI()`), and in what role. Resolution is
 * scope-aware (a parameter named `client` shadows a top-level `client`) and follows `this.x`
 * fields (those of the class around the use, see `Resolver.fieldsAt`), TypeScript type annotations (`constructor(private ai: OpenAI)`) and factories.
 */
import type { Node } from '@babel/types';
import { AI_SDK_NON_PROVIDERS, PROVIDERS } from './catalog.ts';
import type { Resolver } from './constants.ts';
import { unwrap } from './literals.ts';
import { requiredBinding, type Binding, type ImportTable } from './imports.ts';
import { keyName, type Declaration, type FileFacts } from './walk.ts';

/**
 * `module`: an import itself (a class, function or namespace); `factory`: returns a provider;
 * `provider`: an AI SDK provider (`openai`), called with a model id; `instance`: anything made
 * from an import (`new OpenAI()`, `client.chat`, `genAI.getGenerativeModel()`).
 */
export type Role = 'module' | 'factory' | 'provider' | 'instance';

/** The AI import an expression is rooted in. */
export interface Origin {
  readonly binding: Binding;
  readonly role: Role;
  /** Export names the value stands for: the imported name; for `ns.X` also the namespace's local name. */
  readonly names: readonly string[];
  /**
   * The call or `new` that made the value, the first of its chain: `new OpenAI({ baseURL })` for
   * `client.chat.completions`, `createOpenAI({ baseURL })` for the provider it returns. Its options
   * say which host the client talks to.
   */
  readonly made?: Node;
}

const MAX_DEPTH = 16;
/**
 * Resolution steps allowed per file. Memoization keeps real code far below it; the budget only
 * bounds pathological input (bundles where hundreds of `this.x` fields feed each other).
 */
const STEP_BUDGET = 100_000;

/** Computes origins for one file, memoizing declarations. */
export class Origins {
  private readonly memo = new Map<Declaration, Origin | null>();
  private readonly fieldMemo = new Map<string, Origin | null>();
  private steps = 0;
  private readonly resolver: Resolver;
  private readonly table: ImportTable;
  private readonly facts: FileFacts;

  constructor(resolver: Resolver, table: ImportTable, facts: FileFacts) {
    this.resolver = resolver;
    this.table = table;
    this.facts = facts;
  }

  /** The origin of an expression, or undefined when it is not rooted in an AI import. */
  of(expr: Node, depth = 0): Origin | undefined {
    if (depth > MAX_DEPTH || ++this.steps > STEP_BUDGET) return undefined;
    const node = unwrapAwait(expr);
    switch (node.type) {
      case 'Identifier':
        return this.identifier(node.name, node.start ?? 0, depth);
      case 'MemberExpression':
      case 'OptionalMemberExpression':
        return this.member(node.object, node.computed ? undefined : keyName(node.property), depth);
      case 'CallExpression':
      case 'OptionalCallExpression':
      case 'NewExpression': {
        const callee = this.of(node.callee, depth + 1);
        if (!callee) return undefined;
        return { binding: callee.binding, role: callee.role === 'factory' ? 'provider' : 'instance', names: callee.names, made: callee.made ?? node };
      }
      default:
        return undefined;
    }
  }

  /** A name's origin: its innermost visible declaration, else the import it binds. */
  private identifier(name: string, at: number, depth: number): Origin | undefined {
    const decl = this.resolver.lookup(name, at);
    if (!decl) {
      const binding = this.table.bindings.get(name);
      return binding ? bindingOrigin(binding) : undefined;
    }
    const cached = this.memo.get(decl);
    if (cached !== undefined) return cached ?? undefined;
    this.memo.set(decl, null);
    const found = this.declaration(decl, depth);
    this.memo.set(decl, found ?? null);
    return found;
  }

  private declaration(decl: Declaration, depth: number): Origin | undefined {
    if (decl.init) {
      // `const lancedb = require('@lancedb/lancedb')`: the declaration is the import (a CommonJS module object).
      const required = requiredBinding(decl.name, decl.init);
      return required ? bindingOrigin(required) : this.of(decl.init, depth + 1);
    }
    if (decl.typeName !== undefined) return this.typed(decl.typeName);
    const assigned = decl.elementOf ? undefined : this.facts.assignments.get(decl.name)?.[0];
    return assigned ? this.of(assigned, depth + 1) : undefined;
  }

  private member(object: Node, property: string | undefined, depth: number): Origin | undefined {
    const target = unwrapAwait(object);
    if (target.type === 'ThisExpression') return property === undefined ? undefined : this.thisField(target, property, depth);
    const base = this.of(target, depth + 1);
    if (!base) return undefined;
    if (base.role !== 'module') return { ...base, role: 'instance' };
    const isNamespace = base.binding.imported === '*' || base.binding.imported === 'default';
    if (!isNamespace || property === undefined || base.names.length !== 1) return base;
    // `ns.X`: a member of a namespace (or CommonJS module object) is one of its exports.
    return { binding: base.binding, role: exportRole(base.binding.import.packageName, property), names: [property, base.binding.local] };
  }

  /** `this.<name>`: the first field its class sets (see `Resolver.fieldsAt`) that is rooted in an AI import. */
  private thisField(self: Node, name: string, depth: number): Origin | undefined {
    const { key, fields } = this.resolver.fieldsAt(self, name);
    const cached = this.fieldMemo.get(key);
    if (cached !== undefined) return cached ?? undefined;
    this.fieldMemo.set(key, null);
    let found: Origin | undefined;
    for (const field of fields) {
      found = field.value ? this.of(field.value, depth + 1) : field.typeName !== undefined ? this.typed(field.typeName) : undefined;
      if (found) break;
    }
    this.fieldMemo.set(key, found ?? null);
    return found;
  }

  /** A value annotated with an imported type (`client: OpenAI`) is an instance of it. */
  private typed(typeName: string): Origin | undefined {
    const binding = this.table.bindings.get(typeName);
    return binding ? { binding, role: 'instance', names: bindingOrigin(binding).names } : undefined;
  }
}

/** The origin of an imported name used directly. */
function bindingOrigin(binding: Binding): Origin {
  const named = binding.imported !== '*' && binding.imported !== 'default';
  return {
    binding,
    role: named ? exportRole(binding.import.packageName, binding.imported) : 'module',
    names: [named ? binding.imported : binding.local],
  };
}

/** Provider/factory per the catalog; other `@ai-sdk/*` providers by the naming convention. */
function exportRole(packageName: string, exported: string): Role {
  for (const row of PROVIDERS) {
    if (!row.packages.includes(packageName)) continue;
    if (row.providers.includes(exported)) return 'provider';
    if (row.factories.includes(exported)) return 'factory';
  }
  const aiSdk = /^@ai-sdk\/(.+)$/.exec(packageName)?.[1];
  if (aiSdk === undefined || AI_SDK_NON_PROVIDERS.includes(aiSdk)) return 'module';
  if (/^create[A-Z]/.test(exported)) return 'factory';
  return /^[a-z][A-Za-z0-9]*$/.test(exported) ? 'provider' : 'module';
}

function unwrapAwait(node: Node): Node {
  let current = unwrap(node);
  while (current.type === 'AwaitExpression') current = unwrap(current.argument);
  return current;
}
