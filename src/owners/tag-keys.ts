/**
 * Which tag and label keys name an owner. Detectors of IaC and container files keep only these on
 * `asset.tags` (full label maps can be large, and annotations can hold whole manifests), and the
 * resolver reads them back. A key is compared by its last segment (after `/`, `:` or `.`), lower-case
 * and without separators, so `Owner`, `owner`, `a8r.io/owner`, `com.example.owner`,
 * `business:owner` and `OWNER_TEAM` / `owner-team` are all seen.
 *
 * Deliberately not owners: `app.kubernetes.io/managed-by` (the tool that applied it, e.g. Helm),
 * `part-of` / `component` (structure), `created-by` / `aws:createdBy` (who ran the deploy once),
 * `cost-center` / `billing` (who pays).
 */

/** Normalized owner key names, each with where the convention comes from. */
export const OWNER_TAG_NAMES: readonly { readonly name: string; readonly source: string }[] = [
  { name: 'owner', source: 'AWS whitepaper "Tagging Best Practices" (Owner tag); Datree rule ensure-owner-label (Kubernetes `owner` label); Ambassador annotation `a8r.io/owner` (Gatekeeper library k8srequiredannotations example)' },
  { name: 'owners', source: 'plural of owner, seen in Kubernetes labels and compose labels' },
  { name: 'team', source: 'Datadog unified service tagging (`team` tag); common AWS/GCP/Azure tag' },
  { name: 'ownerteam', source: 'owner-team / owner_team / OwnerTeam tag spellings' },
  { name: 'owningteam', source: 'owning-team tag spelling' },
  { name: 'teamowner', source: 'team-owner tag spelling' },
  { name: 'ownedby', source: 'owned-by tag spelling' },
  { name: 'owneremail', source: 'owner-email tag spelling' },
  { name: 'technicalowner', source: 'AWS tagging whitepaper examples (technical owner / contact)' },
  { name: 'businessowner', source: 'AWS tagging whitepaper examples (business owner)' },
  { name: 'contact', source: 'AWS tagging whitepaper examples (technical contact); `contact` label/annotation' },
  { name: 'technicalcontact', source: 'AWS tagging whitepaper examples (technical contact)' },
  { name: 'maintainer', source: 'Docker `LABEL maintainer` (the replacement of the deprecated MAINTAINER instruction)' },
  { name: 'maintainers', source: 'plural of maintainer' },
];

const NAMES: ReadonlySet<string> = new Set(OWNER_TAG_NAMES.map((n) => n.name));

/** Longest key looked at: keys are short; anything longer is not a tag we understand. */
const MAX_KEY = 253;

/** The comparable form of a tag key: its last segment, lower-case, without `-`, `_` or spaces. */
export function normalizeTagKey(key: string): string {
  const last = key.slice(Math.max(key.lastIndexOf('/'), key.lastIndexOf(':'), key.lastIndexOf('.')) + 1);
  return last.toLowerCase().replace(/[-_\s]/g, '');
}

/** True when a tag or label key names an owner (see the module comment). */
export function isOwnerTagKey(key: string): boolean {
  return key.length > 0 && key.length <= MAX_KEY && NAMES.has(normalizeTagKey(key));
}
