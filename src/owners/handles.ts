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

/** True for automation accounts, which own nothing: `dependabot[bot]`, `renovate[bot]`, GitHub's own. */
export function isBotAuthor(email: string, name: string | undefined): boolean {
  return /\[bot\]/i.test(email) || /\[bot\]$/i.test(name ?? '') || /^(?:noreply|no-reply)@github\.com$/i.test(email) || /^bot@/i.test(email);
}

/** The stable id of an owner node. */
export function ownerId(handle: string): AssetId {
  return assetId('owner', 'owners', handle.toLowerCase());
}
