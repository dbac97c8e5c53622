/** Vocabulary for plausible identifiers, file and folder names in the synthetic monorepo. */
import type { Rng } from './prng.ts';

/** Domain nouns used for names of packages, files, functions and classes. */
export const NOUNS = [
  'order', 'user', 'account', 'invoice', 'payment', 'cart', 'product', 'catalog', 'session', 'token', 'report',
  'metric', 'event', 'queue', 'job', 'task', 'shipment', 'address', 'profile', 'review', 'coupon', 'ledger',
  'billing', 'search', 'inventory', 'warehouse', 'tenant', 'webhook', 'audit', 'export', 'import', 'schedule',
  'notification', 'message', 'channel', 'team', 'role', 'permission', 'feature', 'flag', 'config', 'cache',
] as const;

/** Suffixes that make file and symbol names look like a real codebase. */
export const ROLES = ['service', 'store', 'client', 'handler', 'controller', 'utils', 'helpers', 'model', 'types', 'api', 'routes', 'view', 'mapper', 'validator', 'repository', 'worker'] as const;

/** Folder names inside a package's source tree. */
export const AREAS = ['api', 'components', 'hooks', 'lib', 'utils', 'models', 'services', 'handlers', 'routes', 'store', 'jobs', 'config', 'types', 'core', 'adapters', 'domain'] as const;

/** Verbs for function names. */
export const VERBS = ['get', 'list', 'create', 'update', 'delete', 'find', 'load', 'save', 'build', 'parse', 'format', 'validate', 'sync', 'fetch', 'compute', 'resolve', 'apply', 'merge'] as const;

/** lowerCamel: `orderService`. */
export function camel(...parts: readonly string[]): string {
  return parts.map((p, i) => (i === 0 ? p : p.charAt(0).toUpperCase() + p.slice(1))).join('');
}

/** UpperCamel: `OrderService`. */
export function pascal(...parts: readonly string[]): string {
  return parts.map((p) => p.charAt(0).toUpperCase() + p.slice(1)).join('');
}

/** snake_case: `order_service`. */
export function snake(...parts: readonly string[]): string {
  return parts.join('_');
}

/** A random `noun`/`role` pair. */
export function nounRole(rng: Rng): [string, string] {
  return [rng.pick(NOUNS), rng.pick(ROLES)];
}

/** Sentence-ish filler for comments, docs and text files. */
export function sentence(rng: Rng): string {
  const n = rng.int(6, 14);
  const words: string[] = [];
  for (let i = 0; i < n; i++) words.push(rng.chance(0.3) ? rng.pick(VERBS) : rng.chance(0.5) ? rng.pick(NOUNS) : rng.pick(FILLER));
  const text = words.join(' ');
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
}

const FILLER = ['the', 'a', 'when', 'with', 'for', 'each', 'before', 'after', 'only', 'if', 'is', 'are', 'this', 'that', 'we', 'should', 'returns', 'keeps', 'so', 'not'] as const;
