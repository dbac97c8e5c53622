/**
 * Pure: owner handles as written (`@acme/payments`, `@alice`, `alice@example.com`, `ML Platform`)
 * and the `owner` assets they become. The id is derived from the lower-cased handle in the fixed
 * scope `owners`, so one person or team found in several repositories is one node.
 */
import { assetId, type AssetId } from '../model/index.ts';
import type { OwnerType } from './types.ts';

const TEAM = /^@[A-Za-z0-9][\w.-]*\/[A-Za-z0-9][\w.-]*$/;
const USER = /^@[A-Za-z0-9][\w.-]*$/;
const EMAIL = /^[^\s@]+@[^\s@/]+\.[^\s@/]+$/;
/** GitHub's private commit emails (`123+alice@users.noreply.github.com`) stand for the account `@alice`. */
const NOREPLY = /^(?:\d+\+)?([A-Za-z0-9][A-Za-z0-9-]*)@users\.noreply\.github\.com$/i;
const MAX_HANDLE = 200;

/** What kind of handle this is. */
export function ownerType(handle: string): OwnerType {
  if (TEAM.test(handle)) return 'team';
  if (USER.test(handle)) return 'user';
  return EMAIL.test(handle) ? 'email' : 'name';
}

/** Where a handle lives: GitHub for `@` handles, email for addresses; plain names have none. */
export function ownerProvider(handle: string): string | undefined {
  const type = ownerType(handle);
  if (type === 'team' || type === 'user') return 'github';
  return type === 'email' ? 'email' : undefined;
}

/**
 * Cleans a handle as found (a tag value, a config entry): trimmed, inner whitespace collapsed;
 * undefined when empty, too long or redacted (a tag value that looked like a key).
 */
export function cleanHandle(raw: string): string | undefined {
  const handle = raw.trim().replace(/\s+/g, ' ');
  if (handle === '' || handle.length > MAX_HANDLE || handle.includes('[redacted]')) return undefined;
  return handle;
}

/** A git author as an owner handle: GitHub no-reply addresses become `@login`, other emails stay. */
export function gitAuthorHandle(email: string): string | undefined {
  const login = NOREPLY.exec(email.trim())?.[1];
  if (login !== undefined) return `@${login}`;
  return cleanHandle(email.toLowerCase());
}

/** Automation names: `renovate[bot]`, `GitHub Actions Bot`, `snyk-bot` (a separator before `bot`, so `Talbot` is a person). */
const BOT_NAME = /\[bot\]$|(?:^|[\s._-])bot$/i;
/** Automation addresses: `…[bot]@…`, `noreply@…`, `bot@…`, `bot-opensource@…`, `snyk-bot@…`. */
const BOT_EMAIL = /\[bot\]|^(?:noreply|no-reply)@|^bot[@._-]|[._-]bot@/i;
/**
 * AI coding agents that commit as themselves (GitHub Copilot's coding agent, Claude Code, Cursor's
 * background agent): the person who assigned the work is accountable, not the agent, and git does
 * not say who that was.
 */
const AGENT_EMAILS: ReadonlySet<string> = new Set(['claude@anthropic.com', 'cursoragent@cursor.com']);
const AGENT_LOGINS: ReadonlySet<string> = new Set(['copilot']);

/** True for automation accounts and AI agents, which own nothing: `dependabot[bot]`, `Copilot`, GitHub's own. */
export function isBotAuthor(email: string, name: string | undefined): boolean {
  const address = email.trim().toLowerCase();
  const login = NOREPLY.exec(address)?.[1];
  if (login !== undefined) return AGENT_LOGINS.has(login) || /-bot$/.test(login) || BOT_NAME.test((name ?? '').trim());
  return BOT_EMAIL.test(address) || BOT_NAME.test((name ?? '').trim()) || AGENT_EMAILS.has(address);
}

/** The stable id of an owner node. */
export function ownerId(handle: string): AssetId {
  return assetId('owner', 'owners', handle.toLowerCase());
}
