import { describe, expect, it } from 'vitest';
import { cleanHandle, gitAuthorHandle, isBotAuthor, ownerId, ownerProvider, ownerType } from './handles.ts';
import { isOwnerTagKey, normalizeTagKey } from './tag-keys.ts';

describe('owner handles', () => {
  it('types handles as written', () => {
    expect(['@acme/payments', '@alice', 'alice@example.com', 'ML Platform'].map(ownerType)).toEqual(['team', 'user', 'email', 'name']);
    expect(['@acme/payments', 'alice@example.com', 'ML Platform'].map(ownerProvider)).toEqual(['github', 'email', undefined]);
  });

  it('one id per handle whatever its case', () => {
    expect(ownerId('@Acme/Payments')).toBe(ownerId('@acme/payments'));
    expect(ownerId('@acme/payments')).not.toBe(ownerId('@acme/billing'));
    expect(ownerId('x')).toMatch(/^owner:[0-9a-f]{16}$/);
  });

  it('cleans values and refuses empty, huge or redacted ones', () => {
    expect(cleanHandle('  ML   Platform ')).toBe('ML Platform');
    expect([cleanHandle(''), cleanHandle('x'.repeat(300)), cleanHandle('sk-…[redacted]')]).toEqual([undefined, undefined, undefined]);
  });

  it('maps GitHub no-reply commit emails to @login and lower-cases other emails', () => {
    expect(gitAuthorHandle('1234+Carol@users.noreply.github.com')).toBe('@Carol');
    expect(gitAuthorHandle('carol@users.noreply.github.com')).toBe('@carol');
    expect(gitAuthorHandle('Dave@Example.com')).toBe('dave@example.com');
  });

  it('recognizes automation accounts', () => {
    expect(isBotAuthor('49699333+dependabot[bot]@users.noreply.github.com', 'dependabot[bot]')).toBe(true);
    expect(isBotAuthor('x@example.com', 'renovate[bot]')).toBe(true);
    expect(isBotAuthor('noreply@github.com', 'GitHub')).toBe(true);
    expect(isBotAuthor('alice@example.com', 'Alice')).toBe(false);
  });

  // Synthetic identities shaped like the automation and AI-agent authors seen in public histories.
  it('recognizes bots without [bot] and AI coding agents committing as themselves', () => {
    const bots: [string, string][] = [
      ['198982749+copilot@users.noreply.github.com', 'Copilot'],
      ['claude@anthropic.com', 'Claude Code'],
      ['noreply@anthropic.com', 'Claude'],
      ['snyk-bot@snyk.io', 'snyk-bot'],
      ['release@example.com', 'Example Release Bot'],
      ['bot-opensource@example.com', 'example-org-maint-bot'],
      ['noreply@weblate.org', 'Weblate'],
      ['123+acme-bot@users.noreply.github.com', 'Acme Bot'],
    ];
    expect(bots.filter(([email, name]) => !isBotAuthor(email, name))).toEqual([]);
    const people: [string, string][] = [
      ['talbot@example.com', 'Ann Talbot'],
      ['42+robotham@users.noreply.github.com', 'Robotham'],
      ['copilot-fan@example.com', 'Co Pilot'],
    ];
    expect(people.filter(([email, name]) => isBotAuthor(email, name))).toEqual([]);
  });
});

describe('owner tag keys', () => {
  it('sees owner keys in every spelling and namespace', () => {
    const keys = ['owner', 'Owner', 'OWNER', 'team', 'Team', 'owner-team', 'OwnerTeam', 'owner_team', 'a8r.io/owner', 'app.kubernetes.io/owner', 'com.example.team', 'business:owner', 'maintainer', 'contact', 'technical-owner'];
    expect(keys.filter((k) => !isOwnerTagKey(k))).toEqual([]);
  });

  it('ignores keys that are not about owners', () => {
    const keys = ['app.kubernetes.io/managed-by', 'app.kubernetes.io/part-of', 'created-by', 'aws:createdBy', 'cost-center', 'Environment', 'ownerReferences-x', '', 'x'.repeat(300)];
    expect(keys.filter(isOwnerTagKey)).toEqual([]);
  });

  it('compares by the last segment without separators', () => {
    expect(normalizeTagKey('example.com/Owner_Team')).toBe('ownerteam');
  });
});
