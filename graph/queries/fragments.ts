/**
 * Generators of the SQL and Cypher pieces the saved queries share, from the tables in
 * classify.ts and graph/schema.ts. Every generator comes in a pair (`sqlX` / `cypherX`) that
 * decides the same thing from the same facts: in SQL over an asset row's JSON (`alias.data`),
 * in Cypher over the flat node properties `nodeProperties()` writes (`attr_<name>`).
 */
import { NODE_LABELS, TRAVERSABLE_TYPES } from '../schema.ts';
import type { AssetKind } from '../../src/model/asset.ts';
import {
  CAPABILITIES, CAPABILITY_RULES, DANGEROUS_CAPABILITIES, EXTERNAL_FLAGS, EXTERNAL_VALUE,
  WRITE_CAPABILITIES, type CapabilityRule,
} from './classify.ts';
import { keywordPattern } from '../../src/model/tool-capability.ts';

/** A SQL string literal. */
export function sqlString(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}

/** A SQL `(a, b, c)` list of string literals. */
export function sqlList(values: readonly string[]): string {
  return `(${values.map(sqlString).join(', ')})`;
}

/** A Cypher string literal. */
export function cypherString(value: string): string {
  return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

/** A Cypher `[a, b, c]` list of string literals. */
export function cypherList(values: readonly string[]): string {
  return `[${values.map(cypherString).join(', ')}]`;
}

/** `('USES_MODEL', 'SERVES', ...)`: the traversable types for `type IN`. */
export const SQL_TRAVERSABLE = sqlList(TRAVERSABLE_TYPES);

/** `USES_MODEL|SERVES|...`: the traversable types for a relationship pattern. */
export const CYPHER_TRAVERSABLE = TRAVERSABLE_TYPES.join('|');

/** `json_extract(alias.data, '$.attributes.key')`. */
export function sqlAttr(alias: string, key: string): string {
  return `json_extract(${alias}.data, '$.attributes.${key}')`;
}

/** True when the attribute is the JSON boolean `true` (not 1, not "true"), as Cypher's `= true`. */
export function sqlAttrTrue(alias: string, key: string): string {
  return `json_type(${alias}.data, '$.attributes.${key}') = 'true'`;
}

/** Cypher label test for a set of kinds: `(n:DataSource OR n:Secret)`. */
export function cypherKinds(variable: string, kinds: readonly AssetKind[]): string {
  return `(${kinds.map((k) => `${variable}:${NODE_LABELS[k]}`).join(' OR ')})`;
}

/** The asset is reachable from outside (classify.ts EXTERNAL_FLAGS / EXTERNAL_VALUE). */
export function sqlExternal(alias: string): string {
  const flags = EXTERNAL_FLAGS.map((key) => sqlAttrTrue(alias, key));
  return `(${[...flags, `${sqlAttr(alias, EXTERNAL_VALUE.attribute)} = ${sqlString(EXTERNAL_VALUE.value)}`].join(' OR ')})`;
}

/** Cypher twin of {@link sqlExternal}. */
export function cypherExternal(variable: string): string {
  const flags = EXTERNAL_FLAGS.map((key) => `${variable}.attr_${key} = true`);
  return `(${[...flags, `${variable}.attr_${EXTERNAL_VALUE.attribute} = ${cypherString(EXTERNAL_VALUE.value)}`].join(' OR ')})`;
}

/** The full text keywords are matched in: ` name description ` in lower case (src/model/tool-capability.ts). */
export function sqlToolText(alias: string): string {
  return `' ' || lower(${alias}.name || ' ' || coalesce(${sqlAttr(alias, 'description')}, '')) || ' '`;
}

/** Cypher twin of {@link sqlToolText}. */
export function cypherToolText(variable: string): string {
  return `' ' + toLower(${variable}.name + ' ' + coalesce(${variable}.attr_description, '')) + ' '`;
}

/** The description with tabs and line breaks as spaces and leading spaces dropped (`firstWord`). */
function sqlDescriptionStart(alias: string): string {
  return `ltrim(replace(replace(replace(coalesce(${sqlAttr(alias, 'description')}, ''), char(9), ' '), char(10), ' '), char(13), ' '), ' ')`;
}

/** The lead text: ` name first-word-of-description ` in lower case (src/model/tool-capability.ts `toolLead`). */
export function sqlToolLead(alias: string): string {
  const start = sqlDescriptionStart(alias);
  return `' ' || lower(${alias}.name || ' ' || substr(${start}, 1, instr(${start} || ' ', ' ') - 1)) || ' '`;
}

/** Cypher twin of {@link sqlToolLead}. */
export function cypherToolLead(variable: string): string {
  const start = `ltrim(replace(replace(replace(coalesce(${variable}.attr_description, ''), '\\t', ' '), '\\n', ' '), '\\r', ' '))`;
  return `' ' + toLower(${variable}.name + ' ' + coalesce(split(${start}, ' ')[0], '')) + ' '`;
}

/** The texts a capability is decided on: SQL or Cypher expressions (or column names) holding the lead and full texts. */
export interface ToolTexts {
  readonly lead: string;
  readonly full: string;
}

/** SQL test that `text` contains any of `keywords` (GLOB patterns, so a space matches any separator). */
export function sqlAnyKeyword(text: string, keywords: readonly string[]): string {
  const patterns = JSON.stringify(keywords.map((k) => `*${keywordPattern(k)}*`));
  return `EXISTS (SELECT 1 FROM json_each('${patterns}') k WHERE ${text} GLOB k.value)`;
}

/** Cypher twin of {@link sqlAnyKeyword} (`(?s)`: descriptions may span lines, as GLOB's `*` does). */
export function cypherAnyKeyword(text: string, keywords: readonly string[]): string {
  return `any(k IN ${cypherList(keywords.map((k) => `(?s).*${keywordPattern(k)}.*`))} WHERE ${text} =~ k)`;
}

function ruleTest(rule: CapabilityRule, texts: ToolTexts, any: (text: string, keywords: readonly string[]) => string): string {
  return rule.allOf
    .map((group) => {
      const tests = [
        ...(group.lead && group.lead.length > 0 ? [any(texts.lead, group.lead)] : []),
        ...(group.full && group.full.length > 0 ? [any(texts.full, group.full)] : []),
      ];
      return tests.length === 1 ? (tests[0] as string) : `(${tests.join(' OR ')})`;
    })
    .join(' AND ');
}

/**
 * A tool's capability, the SQL form of `toolCapability` (src/model/tool-capability.ts): an explicit
 * `capability` attribute wins; `readOnlyHint: true` (MCP annotation) means read; then the keyword
 * rules; then `destructiveHint: true` means write; then a tool backed by custom code (`executor`,
 * e.g. a Bedrock action group Lambda) is `invoke`; anything else reads. `texts` are the columns
 * (or expressions) holding {@link sqlToolLead} and {@link sqlToolText}.
 */
export function sqlToolCapability(alias: string, texts: ToolTexts): string {
  const whens = CAPABILITY_RULES.map((rule) => `WHEN ${ruleTest(rule, texts, sqlAnyKeyword)} THEN ${sqlString(rule.capability)}`);
  return [
    'CASE',
    `WHEN ${sqlAttr(alias, 'capability')} IS NOT NULL THEN ${sqlAttr(alias, 'capability')}`,
    `WHEN ${sqlAttrTrue(alias, 'readOnlyHint')} THEN 'read'`,
    ...whens,
    `WHEN ${sqlAttrTrue(alias, 'destructiveHint')} THEN 'write'`,
    `WHEN ${sqlAttr(alias, 'executor')} IS NOT NULL THEN 'invoke'`,
    "ELSE 'read' END",
  ].join('\n      ');
}

/** Cypher twin of {@link sqlToolCapability}. */
export function cypherToolCapability(variable: string, texts: ToolTexts): string {
  const whens = CAPABILITY_RULES.map((rule) => `WHEN ${ruleTest(rule, texts, cypherAnyKeyword)} THEN ${cypherString(rule.capability)}`);
  return [
    'CASE',
    `WHEN ${variable}.attr_capability IS NOT NULL THEN ${variable}.attr_capability`,
    `WHEN ${variable}.attr_readOnlyHint = true THEN 'read'`,
    ...whens,
    `WHEN ${variable}.attr_destructiveHint = true THEN 'write'`,
    `WHEN ${variable}.attr_executor IS NOT NULL THEN 'invoke'`,
    "ELSE 'read' END",
  ].join('\n    ');
}

/** Dangerous: an explicit boolean `dangerous` attribute wins, else the capability decides. */
export function sqlToolDangerous(alias: string, capability: string): string {
  const type = `json_type(${alias}.data, '$.attributes.dangerous')`;
  return `CASE ${type} WHEN 'true' THEN 1 WHEN 'false' THEN 0 ELSE ${capability} IN ${sqlList(DANGEROUS_CAPABILITIES)} END`;
}

/** Cypher twin of {@link sqlToolDangerous}. */
export function cypherToolDangerous(variable: string, capability: string): string {
  return `CASE WHEN ${variable}.attr_dangerous = true THEN true WHEN ${variable}.attr_dangerous = false THEN false ELSE ${capability} IN ${cypherList(DANGEROUS_CAPABILITIES)} END`;
}

/**
 * Write-capable (Cypher): dangerous, or a capability that changes something. The SQL of
 * exposure-paths tests `dangerous: true OR capability IN WRITE_CAPABILITIES`, the same thing:
 * without an explicit flag every dangerous capability is also a write capability.
 */
export function cypherToolWrites(dangerous: string, capability: string): string {
  return `(${dangerous} OR ${capability} IN ${cypherList(WRITE_CAPABILITIES)})`;
}

/** Rank of a capability (0 = shell); unknown explicit capabilities rank with `read`. */
export function sqlCapabilityRank(capability: string): string {
  return `CASE ${capability} ${CAPABILITIES.map((c, i) => `WHEN ${sqlString(c)} THEN ${i}`).join(' ')} ELSE ${CAPABILITIES.length - 1} END`;
}

/** Cypher twin of {@link sqlCapabilityRank}. */
export function cypherCapabilityRank(capability: string): string {
  return `CASE ${capability} ${CAPABILITIES.map((c, i) => `WHEN ${cypherString(c)} THEN ${i}`).join(' ')} ELSE ${CAPABILITIES.length - 1} END`;
}

/** SQL `CASE` giving each value its index in `order` (for ORDER BY). */
export function sqlRank(expr: string, order: readonly string[]): string {
  return `CASE ${expr} ${order.map((v, i) => `WHEN ${sqlString(v)} THEN ${i}`).join(' ')} ELSE ${order.length} END`;
}

/** Cypher twin of {@link sqlRank}. */
export function cypherRank(expr: string, order: readonly string[]): string {
  return `CASE ${expr} ${order.map((v, i) => `WHEN ${cypherString(v)} THEN ${i}`).join(' ')} ELSE ${order.length} END`;
}

/** Every tool of the scan, the default source of {@link sqlToolsCte}. */
const ALL_TOOLS = "assets t WHERE t.scan_seq = ?1 AND t.kind = 'tool'";

/**
 * The `tools` CTEs: the tools `from` yields (a FROM clause binding `t` to tool asset rows; by
 * default every tool of the scan) with capability and danger (SQL). The text is computed once per
 * tool, not once per rule.
 */
export function sqlToolsCte(from = ALL_TOOLS): string {
  return `tool_text AS (
    SELECT t.id, t.name, t.data, ${sqlToolLead('t')} AS lead, ${sqlToolText('t')} AS text
    FROM ${from}
  ),
  tool_caps AS (
    SELECT t.id, t.name, t.data, ${sqlToolCapability('t', { lead: 't.lead', full: 't.text' })} AS capability
    FROM tool_text t
  ),
  tools AS (
    SELECT t.id, t.name, t.data, t.capability, ${sqlToolDangerous('t', 't.capability')} AS dangerous
    FROM tool_caps t
  )`;
}
