import type { Evidence } from './evidence.ts';
import type { AssetId } from './ids.ts';

/** The closed vocabulary of asset kinds (DESIGN.md §3). Adding one is a design change. */
export const ASSET_KINDS = [
  'system',
  'sdk',
  'model',
  'endpoint',
  'vector-store',
  'mcp-server',
  'tool',
  'agent',
  'model-server',
  'model-file',
  'data-source',
  'saas-app',
  'secret',
  'identity',
  'owner',
  'repository',
  'cloud-account',
] as const;
export type AssetKind = (typeof ASSET_KINDS)[number];

/** JSON-safe attribute values. */
export type AttributeValue =
  | string
  | number
  | boolean
  | null
  | readonly AttributeValue[]
  | { readonly [key: string]: AttributeValue };

export type Attributes = Record<string, AttributeValue>;

export interface Asset {
  readonly id: AssetId;
  readonly kind: AssetKind;
  /** What the kind's table in DESIGN.md §3 says: package name, model id as written, server name... */
  readonly name: string;
  /** Vendor or product family (`openai`, `anthropic`, `pinecone`), when known. */
  readonly provider?: string;
  /** Identity in its home system: ARN, IaC address, `path#Lline` for code. */
  readonly nativeId?: string;
  readonly attributes: Attributes;
  readonly evidence: readonly Evidence[];
  readonly tags: Readonly<Record<string, string>>;
}
