/**
 * `aimap.suppressions.yaml`: accepted risks, written down with a reason, an owner and an expiry.
 *
 * ```yaml
 * suppressions:
 *   - id: finding:0123456789abcdef        # one finding, by its stable id
 *     reason: Prototype, not deployed
 *     owner: ml-platform@acme.example
 *     expires: 2026-03-31
 *   - policy: unapproved-model             # every finding of a policy on matching assets
 *     asset: "gpt-4o*"                     # an asset id, or a glob on the asset's nativeId or name
 *     reason: Approved by the AI board on 2025-11-02
 *     owner: "@acme/ai-board"
 *     expires: 2026-01-01
 * ```
 *
 * A suppression is active until `expires` (a date means 00:00 UTC of that day). Expired ones no
 * longer apply, so their findings count again; the report warns about them.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import picomatch from 'picomatch';
import { LineCounter, parseDocument, isSeq } from 'yaml';
import { z } from 'zod';
import { ConfigError } from '../config/load.ts';
import type { Asset, Finding } from '../model/index.ts';

/** The default file, looked for in the current folder. */
export const SUPPRESSIONS_FILE = 'aimap.suppressions.yaml';

/** One entry of the suppressions file. */
export interface Suppression {
  /** Selects one finding by id. Either this, or `policy` + `asset`. */
  readonly id?: string;
  readonly policy?: string;
  /** An asset id (`kind:<16 hex>`), or a glob matched against the asset's nativeId and name. */
  readonly asset?: string;
  readonly reason: string;
  readonly owner: string;
  /** ISO date (`2026-03-31`) or date-time; the suppression stops applying at that instant. */
  readonly expires: string;
  /** Where it was written, for messages: `aimap.suppressions.yaml entry 2 (line 7)`. */
  readonly source: string;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2}))?$/;
const text = (what: string) => z.string({ error: `${what} is required` }).trim().min(1, `${what} must not be empty`);

const entrySchema = z
  .object({
    id: text('id').optional(),
    policy: text('policy').optional(),
    asset: text('asset').optional(),
    reason: text('reason'),
    owner: text('owner'),
    expires: z
      .string({ error: 'expires is required (an ISO date such as 2026-03-31)' })
      .refine((v) => ISO_DATE.test(v) && !Number.isNaN(Date.parse(v)), 'expires must be an ISO date such as 2026-03-31'),
  })
  .strict()
  .superRefine((e, ctx) => {
    const byId = e.id !== undefined;
    const byPolicy = e.policy !== undefined || e.asset !== undefined;
    if (byId && byPolicy) ctx.addIssue({ code: 'custom', message: 'use either id, or policy and asset, not both' });
    else if (!byId && (e.policy === undefined || e.asset === undefined)) {
      ctx.addIssue({ code: 'custom', message: 'select a finding with id, or with both policy and asset' });
    }
  });

const fileSchema = z.object({ suppressions: z.array(z.unknown()).default([]) }).strict();

function describeIssues(error: z.ZodError): string {
  return error.issues.map((i) => (i.path.length > 0 ? `${i.path.join('.')}: ${i.message}` : i.message)).join('; ');
}

/** Parses the text of a suppressions file; `name` is how messages refer to it. Throws ConfigError. */
export function parseSuppressions(source: string, name: string): Suppression[] {
  const lines = new LineCounter();
  const doc = parseDocument(source, { lineCounter: lines, prettyErrors: false });
  const [syntax] = doc.errors;
  if (syntax !== undefined) {
    const line = lines.linePos(syntax.pos[0]).line;
    throw new ConfigError(`invalid suppressions file ${name} (line ${line}): ${syntax.message.split('\n')[0] ?? ''}`);
  }
  const file = fileSchema.safeParse(doc.toJS({ maxAliasCount: 100 }) ?? {});
  if (!file.success) throw new ConfigError(`invalid suppressions file ${name}: ${describeIssues(file.error)}`);
  const node = doc.get('suppressions', true);
  const items = isSeq(node) ? node.items : [];
  return file.data.suppressions.map((raw, index) => {
    const start = (items[index] as { range?: [number, number, number] } | undefined)?.range?.[0];
    const where = `entry ${index + 1}${start === undefined ? '' : ` (line ${lines.linePos(start).line})`}`;
    const entry = entrySchema.safeParse(raw);
    if (!entry.success) throw new ConfigError(`invalid suppressions file ${name}: ${where}: ${describeIssues(entry.error)}`);
    return { ...entry.data, source: `${name} ${where}` } as Suppression;
  });
}

/**
 * Reads a suppressions file. A missing file is an error when `required` (the user named it with
 * `--suppressions`), and no suppressions otherwise (the default file is optional). `name` is how
 * messages refer to the file.
 */
export function loadSuppressions(path: string, required = true, name = path): Suppression[] {
  if (!existsSync(path)) {
    if (required) throw new ConfigError(`cannot read suppressions ${name}: file not found`);
    return [];
  }
  let source: string;
  try {
    source = readFileSync(path, 'utf8');
  } catch (error) {
    throw new ConfigError(`cannot read suppressions ${name}: ${(error as Error).message}`);
  }
  return parseSuppressions(source, name);
}

/**
 * Loads `--suppressions FILE` (must exist) or the optional default file in `cwd`; messages name
 * the file as the user wrote it.
 */
export function loadSuppressionsFor(cwd: string, flag: string | undefined): Suppression[] {
  return flag === undefined ? loadSuppressions(resolve(cwd, SUPPRESSIONS_FILE), false, SUPPRESSIONS_FILE) : loadSuppressions(resolve(cwd, flag), true, flag);
}

/** The instant a suppression stops applying, in ms (a bare date means 00:00 UTC). */
function expiryMs(s: Suppression): number {
  return Date.parse(s.expires.length === 10 ? `${s.expires}T00:00:00Z` : s.expires);
}

/** True while `now` (ISO) is before the suppression's expiry. */
export function isActive(s: Suppression, now: string): boolean {
  return Date.parse(now) < expiryMs(s);
}

const ASSET_ID = /^[a-z]+(?:-[a-z]+)*:[0-9a-f]{16}$/;

/** Compiles the selectors once; the result tells whether a suppression selects a finding. */
export function suppressionMatcher(assets: readonly Asset[]): (s: Suppression, f: Finding) => boolean {
  const byId = new Map(assets.map((a) => [a.id, a]));
  const globs = new Map<string, (value: string) => boolean>();
  const glob = (pattern: string): ((value: string) => boolean) => {
    let m = globs.get(pattern);
    if (m === undefined) globs.set(pattern, (m = picomatch(pattern, { dot: true })));
    return m;
  };
  return (s, f) => {
    if (s.id !== undefined) return s.id === f.id;
    if (s.policy !== f.policyId || s.asset === undefined) return false;
    if (ASSET_ID.test(s.asset)) return s.asset === f.assetId;
    const asset = byId.get(f.assetId);
    if (asset === undefined) return false;
    const m = glob(s.asset);
    return m(asset.name) || (asset.nativeId !== undefined && m(asset.nativeId));
  };
}

/** The first suppression (in file order) that is active at `now` and selects the finding. */
export function activeSuppressionFor(
  finding: Finding,
  suppressions: readonly Suppression[],
  matches: (s: Suppression, f: Finding) => boolean,
  now: string,
): Suppression | undefined {
  return suppressions.find((s) => isActive(s, now) && matches(s, finding));
}

/** What the report says about the suppressions file. */
export interface SuppressionReview {
  /** Expired entries, each with how many current findings it would otherwise select. */
  readonly expired: readonly { readonly suppression: Suppression; readonly findings: number }[];
  /** Active entries that select no current (not resolved) finding. */
  readonly unused: readonly Suppression[];
}

/** Reviews the suppressions against the findings of a scan (resolved findings are ignored). */
export function reviewSuppressions(findings: readonly Finding[], suppressions: readonly Suppression[], assets: readonly Asset[], now: string): SuppressionReview {
  const matches = suppressionMatcher(assets);
  const live = findings.filter((f) => f.status !== 'resolved');
  const expired: { suppression: Suppression; findings: number }[] = [];
  const unused: Suppression[] = [];
  for (const s of suppressions) {
    const count = live.filter((f) => matches(s, f)).length;
    if (!isActive(s, now)) expired.push({ suppression: s, findings: count });
    else if (count === 0) unused.push(s);
  }
  return { expired, unused };
}

/** `id finding:…` or `policy x on asset y`: how messages name what an entry selects. */
export function describeSelector(s: Suppression): string {
  return s.id !== undefined ? `id ${s.id}` : `policy ${s.policy ?? ''} on asset ${s.asset ?? ''}`;
}

/** One line per expired (warning) and unused (note) suppression, for stderr. */
export function suppressionMessages(review: SuppressionReview): string[] {
  return [
    ...review.expired.map(({ suppression: s, findings }) =>
      `warning: suppression ${s.source} (${describeSelector(s)}) expired ${s.expires}${findings > 0 ? `; ${findings} finding${findings === 1 ? ' is' : 's are'} reported again` : ''}`,
    ),
    ...review.unused.map((s) => `note: suppression ${s.source} (${describeSelector(s)}) matches no finding; remove it if the risk is gone`),
  ];
}
