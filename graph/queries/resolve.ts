/**
 * Turns what an analyst types (an asset id, a nativeId, a name, or `kind:name`) into one asset
 * id of a scan. An ambiguous name is an error that lists the candidates, never a guess.
 */
import { ASSET_KINDS, type AssetKind } from '../../src/model/asset.ts';
import { QueryError, type QueryStore } from './types.ts';

/** The asset a reference resolved to. */
export interface ResolvedAsset {
  readonly id: string;
  readonly kind: string;
  readonly name: string;
}

interface Candidate extends ResolvedAsset {
  readonly nativeId: string | null;
}

const COLUMNS = 'SELECT id, kind, name, native_id AS nativeId FROM assets WHERE scan_seq = ?1';

/** Candidates listed in an ambiguity error, at most. */
const SHOWN = 20;

function lookup(store: QueryStore, where: string, params: readonly (string | number)[]): Candidate[] {
  return store.select(`${COLUMNS} AND ${where} ORDER BY kind, name, id`, params) as unknown as Candidate[];
}

function kindPrefix(ref: string): { kind: AssetKind; rest: string } | undefined {
  const colon = ref.indexOf(':');
  if (colon <= 0) return undefined;
  const kind = ref.slice(0, colon) as AssetKind;
  return ASSET_KINDS.includes(kind) ? { kind, rest: ref.slice(colon + 1) } : undefined;
}

function describe(c: Candidate): string {
  return `  ${c.id}  ${c.kind} ${c.name}${c.nativeId === null ? '' : `  (${c.nativeId})`}`;
}

/**
 * Resolves `ref` in scan `scanSeq`: an exact id first, then a nativeId, then a name; `kind:name`
 * (or `kind:nativeId`) narrows to one kind. Throws `QueryError` when nothing or several match.
 */
export function resolveAsset(store: QueryStore, scanSeq: number, ref: string): ResolvedAsset {
  const byId = lookup(store, 'id = ?2', [scanSeq, ref]);
  if (byId[0] !== undefined) return pick(byId[0]);
  const prefix = kindPrefix(ref);
  const attempts: [string, (string | number)[]][] = prefix === undefined
    ? [['native_id = ?2', [scanSeq, ref]], ['name = ?2', [scanSeq, ref]]]
    : [['kind = ?2 AND native_id = ?3', [scanSeq, prefix.kind, prefix.rest]], ['kind = ?2 AND name = ?3', [scanSeq, prefix.kind, prefix.rest]]];
  for (const [where, params] of attempts) {
    const found = lookup(store, where, params);
    if (found.length === 1 && found[0] !== undefined) return pick(found[0]);
    if (found.length > 1) {
      const more = found.length > SHOWN ? `\n  ... and ${found.length - SHOWN} more` : '';
      throw new QueryError(`"${ref}" matches ${found.length} assets; give the id (or kind:name) of one:\n${found.slice(0, SHOWN).map(describe).join('\n')}${more}`);
    }
  }
  throw new QueryError(`no asset "${ref}" in this scan (give an asset id, nativeId, name or kind:name)`);
}

function pick(c: Candidate): ResolvedAsset {
  return { id: c.id, kind: c.kind, name: c.name };
}
