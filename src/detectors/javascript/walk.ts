/**
 * One pass over the AST that collects what the analyses need: import sites, declarations with
 * their block scope, calls, `this.x` fields (with the class that sets them, and the class around
 * each `this`) and `model:`-like properties. Babel ships no traverser
 * (that is @babel/traverse, not a dependency), so this walks the generic node shape.
 */
import type { Node, ObjectPattern, ObjectProperty } from '@babel/types';
import { MODEL_PROPERTIES } from './catalog.ts';

/** A name bound in the file: a variable, parameter, function, enum or loop variable. */
export interface Declaration {
  readonly name: string;
  /** Initializer, default value, function node or enum node. */
  readonly init?: Node;
  /** Name of the TS type reference annotating it (`client: OpenAI` → `OpenAI`). */
  readonly typeName?: string;
  /** For loop variables and `forEach`/`map` callback parameters: the collection iterated. */
  readonly elementOf?: Node;
  readonly scopeStart: number;
  readonly scopeEnd: number;
  readonly start: number;
}

/** A `this.<name>` field: its initial value and/or declared type, and the class that sets it. */
export interface ThisField {
  readonly value?: Node;
  readonly typeName?: string;
  /** Index in `FileFacts.classes` of the innermost class around the field or assignment; -1 outside any class. */
  readonly owner: number;
}

/** A class of the file: its name (declaration, named expression, `const X = class`) and what it extends, when a plain name. */
export interface ClassInfo {
  readonly name?: string;
  readonly superName?: string;
}

/** Everything the analyses read from one file. */
export interface FileFacts {
  readonly importNodes: Node[];
  readonly declarations: Declaration[];
  /** `Call`, `OptionalCall` and `New` expressions in source order. */
  readonly calls: Node[];
  readonly thisFields: Map<string, ThisField[]>;
  /** Classes in source order (the `owner` of a field and of a `this`). */
  readonly classes: ClassInfo[];
  /** `this` expressions inside a class → the innermost class around them (absent: outside any class). */
  readonly thisOwners: Map<Node, number>;
  /** Plain `x = value` assignments by name (for `let x; x = new OpenAI()`). */
  readonly assignments: Map<string, Node[]>;
  /** Properties whose key is a model property name (`model: '...'`), anywhere in the file. */
  readonly modelProperties: ObjectProperty[];
  /** `const { a, b } = init` declarators (destructured `require`/`import()`). */
  readonly destructures: Array<{ readonly pattern: ObjectPattern; readonly init: Node }>;
  /**
   * `||` / `??` values given to a name, with the name (`const model = a || 'x'`, `model: a ?? 'x'`,
   * `this.model = …`, a class field, a parameter default): where an environment fallback is read (`env.ts`).
   */
  readonly fallbacks: Array<{ readonly name: string; readonly value: Node }>;
}

const SKIP_KEYS = new Set(['loc', 'start', 'end', 'extra', 'range', 'errors', 'comments', 'tokens', 'leadingComments', 'trailingComments', 'innerComments']);
const SCOPES = new Set(['Program', 'BlockStatement', 'StaticBlock', 'TSModuleBlock']);
const ITERATING_METHODS = new Set(['forEach', 'map', 'flatMap', 'filter', 'some', 'every', 'find']);
const MODEL_PROPERTY_NAMES = new Set(MODEL_PROPERTIES.map((p) => p.name));

/** Walks the AST once and returns its facts. */
export function collectFacts(ast: Node): FileFacts {
  const facts: FileFacts = { importNodes: [], declarations: [], calls: [], thisFields: new Map(), classes: [], thisOwners: new Map(), assignments: new Map(), modelProperties: [], destructures: [], fallbacks: [] };
  const state: WalkState = { facts, scopes: [], classes: [], handled: new Set() };
  visit(ast, undefined, state);
  return facts;
}

interface WalkState {
  readonly facts: FileFacts;
  readonly scopes: Array<readonly [number, number]>;
  /** Indexes of the classes around the node, innermost last. */
  readonly classes: number[];
  /** Declarators already recorded by their `for…of` statement. */
  readonly handled: Set<Node>;
}

function visit(node: Node, parent: Node | undefined, state: WalkState): void {
  const isScope = SCOPES.has(node.type);
  if (isScope) state.scopes.push([node.start ?? 0, node.end ?? 0]);
  const isClass = node.type === 'ClassDeclaration' || node.type === 'ClassExpression';
  if (isClass) state.classes.push(recordClass(node, parent, state.facts));
  record(node, parent, state);
  const keys = Object.keys(node);
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i] as string;
    const value = (node as unknown as Record<string, unknown>)[key];
    // Most properties hold strings, numbers or booleans: ruled out before the key is looked up.
    if (typeof value !== 'object' || value === null || SKIP_KEYS.has(key)) continue;
    if (Array.isArray(value)) {
      for (const child of value) if (isNode(child)) visit(child, node, state);
    } else if (isNode(value)) visit(value, node, state);
  }
  if (isScope) state.scopes.pop();
  if (isClass) state.classes.pop();
}

function recordClass(node: Extract<Node, { type: 'ClassDeclaration' | 'ClassExpression' }>, parent: Node | undefined, facts: FileFacts): number {
  const name = node.id?.name ?? (parent?.type === 'VariableDeclarator' && parent.init === node && parent.id.type === 'Identifier' ? parent.id.name : undefined);
  const superName = node.superClass?.type === 'Identifier' ? node.superClass.name : undefined;
  facts.classes.push({ ...(name === undefined ? {} : { name }), ...(superName === undefined ? {} : { superName }) });
  return facts.classes.length - 1;
}

/** The innermost class around the node being visited, -1 outside any class. */
function ownerOf(state: WalkState): number {
  return state.classes[state.classes.length - 1] ?? -1;
}

/** Whether a property value of an AST node is itself a node. */
export function isNode(value: unknown): value is Node {
  return typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string';
}

function record(node: Node, parent: Node | undefined, state: WalkState): void {
  const { facts } = state;
  switch (node.type) {
    case 'ImportDeclaration':
    case 'ExportAllDeclaration':
    case 'TSImportEqualsDeclaration':
      facts.importNodes.push(node);
      return;
    case 'ExportNamedDeclaration':
      if (node.source) facts.importNodes.push(node);
      return;
    case 'CallExpression':
    case 'OptionalCallExpression':
    case 'NewExpression':
      facts.calls.push(node);
      return;
    case 'VariableDeclarator':
      if (node.id.type === 'ObjectPattern' && node.init) facts.destructures.push({ pattern: node.id, init: node.init });
      if (!state.handled.has(node) && node.id.type === 'Identifier') declare(state, node.id.name, node.id, node.init ?? undefined, typeNameOf(node.id));
      if (node.id.type === 'Identifier' && node.init) recordFallback(node.id.name, node.init, facts);
      return;
    case 'ForOfStatement':
      recordLoop(node.left, node.right, node, state);
      return;
    case 'FunctionDeclaration':
      if (node.id) declare(state, node.id.name, node.id, node);
      recordParams(node, parent, state);
      return;
    case 'TSEnumDeclaration':
      declare(state, node.id.name, node.id, node);
      return;
    case 'ThisExpression':
      if (state.classes.length > 0) facts.thisOwners.set(node, ownerOf(state));
      return;
    case 'ObjectProperty':
      if (!node.computed && MODEL_PROPERTY_NAMES.has(keyName(node.key) ?? '')) facts.modelProperties.push(node);
      if (!node.computed) recordFallback(keyName(node.key), node.value, facts);
      return;
    default:
      recordOther(node, parent, state);
  }
}

function recordOther(node: Node, parent: Node | undefined, state: WalkState): void {
  switch (node.type) {
    case 'FunctionExpression':
    case 'ArrowFunctionExpression':
    case 'ObjectMethod':
    case 'ClassMethod':
    case 'ClassPrivateMethod':
      recordParams(node, parent, state);
      return;
    case 'ClassProperty':
    case 'ClassPrivateProperty': {
      const name = node.key.type === 'PrivateName' ? `#${node.key.id.name}` : keyName(node.key);
      if (name !== undefined) addThisField(state.facts, name, { ...(node.value ? { value: node.value } : {}), ...typeField(node.typeAnnotation), owner: ownerOf(state) });
      if (node.value) recordFallback(name, node.value, state.facts);
      return;
    }
    case 'AssignmentExpression':
      recordAssignment(node.left, node.right, state);
      if (node.operator === '=') recordFallback(assignedName(node.left), node.right, state.facts);
      return;
    case 'AssignmentPattern':
      if (node.left.type === 'Identifier') recordFallback(node.left.name, node.right, state.facts);
      return;
    default:
  }
}

/** Keeps a `||` / `??` value given to a name (see `FileFacts.fallbacks`). */
function recordFallback(name: string | undefined, value: Node, facts: FileFacts): void {
  if (name === undefined) return;
  let n = value;
  while (n.type === 'TSAsExpression' || n.type === 'TSSatisfiesExpression' || n.type === 'TSNonNullExpression' || n.type === 'ParenthesizedExpression') n = n.expression;
  if (n.type === 'LogicalExpression' && n.operator !== '&&') facts.fallbacks.push({ name, value: n });
}

/** The name an assignment gives a value to: `x` in `x = …`, `model` in `this.model = …` or `cfg.model = …`. */
function assignedName(left: Node): string | undefined {
  if (left.type === 'Identifier') return left.name;
  if (left.type !== 'MemberExpression' || left.computed) return undefined;
  return left.property.type === 'PrivateName' ? `#${left.property.id.name}` : keyName(left.property);
}

function recordAssignment(left: Node, right: Node, state: WalkState): void {
  const { facts } = state;
  if (left.type === 'Identifier') {
    const list = facts.assignments.get(left.name) ?? [];
    list.push(right);
    facts.assignments.set(left.name, list);
  } else if (left.type === 'MemberExpression' && left.object.type === 'ThisExpression' && !left.computed) {
    const name = left.property.type === 'PrivateName' ? `#${left.property.id.name}` : keyName(left.property);
    if (name !== undefined) addThisField(facts, name, { value: right, owner: ownerOf(state) });
  }
}

function recordLoop(left: Node, right: Node, loop: Node, state: WalkState): void {
  if (left.type !== 'VariableDeclaration' || left.declarations.length !== 1) return;
  const declarator = left.declarations[0];
  if (declarator?.id.type !== 'Identifier') return;
  state.handled.add(declarator);
  state.facts.declarations.push({ name: declarator.id.name, elementOf: right, scopeStart: loop.start ?? 0, scopeEnd: loop.end ?? 0, start: declarator.id.start ?? 0 });
}

type FunctionLike = Extract<Node, { params: unknown[] }>;

function recordParams(fn: FunctionLike, parent: Node | undefined, state: WalkState): void {
  const iterated = iteratedBy(fn, parent);
  fn.params.forEach((param, index) => {
    const target = param.type === 'TSParameterProperty' ? param.parameter : param;
    for (const { id, init } of patternBindings(target)) {
      const typeName = typeNameOf(id);
      state.facts.declarations.push({
        name: id.name,
        ...(init ? { init } : {}),
        ...(typeName === undefined ? {} : { typeName }),
        ...(index === 0 && iterated && id === target ? { elementOf: iterated } : {}),
        scopeStart: fn.start ?? 0,
        scopeEnd: fn.end ?? 0,
        start: id.start ?? 0,
      });
      if (param.type === 'TSParameterProperty') addThisField(state.facts, id.name, { ...typeField(id.typeAnnotation), owner: ownerOf(state) });
    }
  });
}

/**
 * Names a parameter pattern binds, with their default values:
 * `model = 'x'`, `{ model = 'x', messages }`, `[first]`, `{ a: { b } }`, `...rest`.
 */
function patternBindings(pattern: Node, init?: Node): Array<{ id: Extract<Node, { type: 'Identifier' }>; init?: Node }> {
  switch (pattern.type) {
    case 'Identifier':
      return [{ id: pattern, ...(init ? { init } : {}) }];
    case 'AssignmentPattern':
      return patternBindings(pattern.left, pattern.right);
    case 'ObjectPattern':
      return pattern.properties.flatMap((p) => patternBindings(p.type === 'RestElement' ? p.argument : p.value));
    case 'ArrayPattern':
      return pattern.elements.flatMap((el) => (el ? patternBindings(el) : []));
    case 'RestElement':
      return patternBindings(pattern.argument);
    default:
      return [];
  }
}

/** `list.forEach((item) => ...)`: the callback's first parameter iterates `list`. */
function iteratedBy(fn: Node, parent: Node | undefined): Node | undefined {
  if (parent?.type !== 'CallExpression' || parent.arguments[0] !== fn) return undefined;
  const callee = parent.callee;
  if (callee.type !== 'MemberExpression' || callee.computed) return undefined;
  return ITERATING_METHODS.has(keyName(callee.property) ?? '') ? callee.object : undefined;
}

function declare(state: WalkState, name: string, id: Node, init?: Node, typeName?: string): void {
  const [scopeStart, scopeEnd] = state.scopes[state.scopes.length - 1] ?? [0, Number.MAX_SAFE_INTEGER];
  state.facts.declarations.push({ name, ...(init ? { init } : {}), ...(typeName === undefined ? {} : { typeName }), scopeStart, scopeEnd, start: id.start ?? 0 });
}

function addThisField(facts: FileFacts, name: string, field: ThisField): void {
  if (field.value === undefined && field.typeName === undefined) return;
  const list = facts.thisFields.get(name) ?? [];
  list.push(field);
  facts.thisFields.set(name, list);
}

function typeField(annotation: Node | null | undefined): { typeName?: string } {
  const typeName = typeNameOfAnnotation(annotation);
  return typeName === undefined ? {} : { typeName };
}

function typeNameOf(id: Node): string | undefined {
  return id.type === 'Identifier' ? typeNameOfAnnotation(id.typeAnnotation) : undefined;
}

function typeNameOfAnnotation(annotation: Node | null | undefined): string | undefined {
  if (annotation?.type !== 'TSTypeAnnotation') return undefined;
  const type = annotation.typeAnnotation;
  return type.type === 'TSTypeReference' && type.typeName.type === 'Identifier' ? type.typeName.name : undefined;
}

/** Name of a non-computed property key (`a`, `'a'`). */
export function keyName(key: Node): string | undefined {
  if (key.type === 'Identifier') return key.name;
  if (key.type === 'StringLiteral') return key.value;
  return undefined;
}
