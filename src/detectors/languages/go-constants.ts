/**
 * Model ids behind Go SDK constants (`openai.ChatModelGPT4o` → `gpt-4o`). The SDKs generate these
 * names from the ids by fixed rules, so the id is recovered by reversing them (checked against every
 * constant of openai-go, anthropic-sdk-go and go-openai; the few legacy exceptions are the rules'
 * `overrides`). A derived id counts only when `matchKnownModel` knows it.
 */
import { matchKnownModel } from '../shared/model-ids.ts';
import type { ImportRef } from './imports.ts';
import { GO_CONSTANT_RULES, type GoConstantRule } from './model-catalog.ts';

/** Splits camel case into dash-separated lower-case words, keeping `o1`/`o3`-style heads whole. */
function dashWords(text: string): string {
  return text
    .replace(/([a-z])(\d)/g, '$1-$2')
    .replace(/([A-Z]{2,})(\d)/g, '$1-$2')
    .replace(/(\d)([A-Z])/g, '$1-$2')
    .replace(/([a-z])([A-Z])/g, '$1-$2')
    .replace(/([A-Z])([A-Z][a-z])/g, '$1-$2')
    .toLowerCase()
    .replace(/-{2,}/g, '-')
    .replace(/^-|-$/g, '');
}

/** The id a constant name stands for under a rule's naming style (not yet validated). */
export function deriveModelId(constant: string, rule: Pick<GoConstantRule, 'style' | 'overrides'>): string {
  const override = rule.overrides?.[constant];
  if (override !== undefined) return override;
  if (rule.style === 'anthropic') return dashWords(constant.replace(/_/g, '-'));
  const text = constant
    .replace(/Dot/g, '.')
    .replace(/(\d{4})_(\d{2})_(\d{2})/g, '-$1-$2-$3')
    .replace(/(20\d{2})(\d{2})(\d{2})(?!\d)/g, '-$1-$2-$3')
    .replace(/_(\d{4})(?!\d)/g, '-$1')
    .replace(/(\d)_(\d)(?!\d)/g, '$1.$2')
    .replace(/_/g, '-');
  return dashWords(text);
}

/** A model constant used in a file: the id, the expression as written, and where. */
export interface ConstantUse {
  readonly id: string;
  readonly expression: string;
  readonly offset: number;
}

/** Local package names bound to each rule's module in this file (aliases honoured). */
function boundNames(imports: readonly ImportRef[], rule: GoConstantRule): string[] {
  const names: string[] = [];
  for (const imp of imports) {
    const rest = imp.path === rule.module ? '' : imp.path.startsWith(`${rule.module}/`) ? imp.path.slice(rule.module.length + 1) : undefined;
    if (rest === undefined || imp.alias === '_' || imp.alias === '.') continue;
    const segments = rest.split('/').filter((s) => !/^v\d+$/.test(s) && s !== '');
    names.push(imp.alias ?? segments.at(-1) ?? rule.rootPackage);
  }
  return names;
}

/** Finds `pkg.Constant` uses of the catalog's SDK constants in masked Go code. */
export function goModelConstants(code: string, imports: readonly ImportRef[]): ConstantUse[] {
  const uses: ConstantUse[] = [];
  for (const rule of GO_CONSTANT_RULES) {
    const names = boundNames(imports, rule);
    if (names.length === 0) continue;
    const prefixes = rule.prefixes.map((p) => (p === '' ? '[A-Z]' : `${p}(?=[A-Z0-9_])`)).join('|');
    const re = new RegExp(`\\b(${names.map((n) => n.replace(/\W/g, '')).join('|')})\\.((?:${prefixes})\\w*)\\b`, 'g');
    for (const m of code.matchAll(re)) {
      const constant = m[2] ?? '';
      const prefix = rule.prefixes.find((p) => p !== '' && constant.startsWith(p)) ?? '';
      const id = deriveModelId(constant.slice(prefix.length), rule);
      if (matchKnownModel(id)) uses.push({ id, expression: m[0], offset: m.index });
    }
  }
  return uses;
}
