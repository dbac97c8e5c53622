/**
 * The host a client talks to: the base URL given to the constructor that made it, read to name the
 * provider of model ids the catalog does not know (`detect-models.ts`).
 */
import { matchUrlRow } from '../endpoints/find.ts';
import { BASE_URL_KEYWORDS } from './catalog.ts';
import type { CallExpr, Expr } from './expressions.ts';
import type { Scope } from './scope.ts';

const BASE_URL_NAMES = new Set(BASE_URL_KEYWORDS.map((k) => k.keyword));
const MAX_HOPS = 12;

/**
 * The call that made the value of an expression rooted in an import, the first of its chain:
 * `OpenAI(base_url=…)` for `client.chat.completions.create` after `client = OpenAI(base_url=…)`
 * (or `self.client = …` in the class), `ChatOpenAI(…)` for `llm.invoke`. Undefined for an import
 * used directly or a value aimap cannot trace. Each node is read once (`seen`).
 */
export function madeBy(scope: Scope, expr: Expr | undefined, seen = new Set<Expr>(), hops = 0): CallExpr | undefined {
  if (expr === undefined || hops > MAX_HOPS || seen.has(expr)) return undefined;
  seen.add(expr);
  const values = scope.terminals(expr);
  if (values.length !== 1 || values[0] !== expr) {
    for (const value of values) {
      const found = madeBy(scope, value, seen, hops + 1);
      if (found !== undefined) return found;
    }
    return undefined;
  }
  if (expr.t === 'attr' || expr.t === 'sub') return madeBy(scope, expr.obj, seen, hops + 1);
  if (expr.t !== 'call' || expr.callee === undefined) return undefined;
  return madeBy(scope, expr.callee, seen, hops + 1) ?? (scope.origin(expr.callee) === undefined ? undefined : expr);
}

/**
 * The provider of ids the catalog does not know, sent through `call` into an AI package: the vendor
 * of the API host its client was given (`OpenAI(base_url="https://api.deepseek.com")` then
 * `client.chat.completions.create(model=…)`, or `ChatOpenAI(model=…, openai_api_base=…)` → `deepseek`;
 * a gateway host its gateway, `openrouter`), from the endpoint catalog (`matchUrlRow`). The base URL
 * is a literal, a same-file constant or an environment lookup's default (`BASE_URL_KEYWORDS`, on the
 * call itself or the constructor its client comes from); one read at run time, an unknown host, or
 * the hosts of two vendors name none.
 */
export function hostProvider(scope: Scope, call: CallExpr): string | undefined {
  const made = madeBy(scope, call.callee);
  const urls: string[] = [];
  for (const c of made === undefined || made === call ? [call] : [call, made]) {
    for (const kw of c.kwargs) if (BASE_URL_NAMES.has(kw.name)) urls.push(...scope.strings(kw.value).map((r) => r.value));
  }
  const providers = new Set(urls.map((url) => matchUrlRow(url.trim())?.provider));
  return providers.size === 1 ? [...providers][0] : undefined;
}
