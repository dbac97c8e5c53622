/**
 * The subset of CycloneDX 1.6/1.7 that aimap writes, typed in the JSON shape of the official
 * schema (property names as the schema spells them, so the JSON encoder only drops empty fields).
 * `@cyclonedx/cyclonedx-library` has no model for `modelCard`, `data`, `manufacturer`, service
 * `endpoints`/`trustZone` or `annotations`, so aimap keeps its own small model and encoders and
 * uses the library only for its bundled schemas (see sbom/validate.ts).
 */

/** CycloneDX versions aimap writes; both share every field used here. */
export const CDX_SPECS = ['1.6', '1.7'] as const;
export type CdxSpec = (typeof CDX_SPECS)[number];

export const CDX_FORMATS = ['json', 'xml'] as const;
export type CdxFormat = (typeof CDX_FORMATS)[number];

export interface CdxProperty {
  readonly name: string;
  readonly value: string;
}

export interface CdxContact {
  readonly name?: string;
  readonly email?: string;
}

/** `organizationalEntity`. */
export interface CdxOrganization {
  readonly name?: string;
  readonly url?: readonly string[];
  readonly contact?: readonly CdxContact[];
}

export type CdxExternalReferenceType = 'vcs' | 'website' | 'model-card' | 'distribution';

export interface CdxExternalReference {
  readonly type: CdxExternalReferenceType;
  readonly url: string;
  readonly comment?: string;
}

export interface CdxOccurrence {
  readonly location: string;
  readonly line?: number;
}

export interface CdxModelCard {
  readonly modelParameters?: {
    readonly task?: string;
    readonly architectureFamily?: string;
    readonly modelArchitecture?: string;
  };
  readonly properties?: readonly CdxProperty[];
}

/** A party in data governance: an organization xor a person (`contact` in JSON, `individual` in XML). */
export type CdxParty = { readonly organization: CdxOrganization } | { readonly contact: CdxContact };

/** `componentData`: what a `data` component holds. */
export interface CdxComponentData {
  readonly type: 'dataset' | 'configuration' | 'source-code' | 'definition' | 'other';
  readonly name?: string;
  readonly contents?: { readonly url: string };
  readonly classification?: string;
  readonly description?: string;
  readonly governance?: { readonly owners: readonly CdxParty[] };
}

export interface CdxCryptoProperties {
  readonly assetType: 'related-crypto-material';
  readonly relatedCryptoMaterialProperties: { readonly type: 'credential' };
}

export type CdxComponentType = 'application' | 'library' | 'machine-learning-model' | 'data' | 'cryptographic-asset' | 'container';

export interface CdxComponent {
  readonly type: CdxComponentType;
  readonly 'bom-ref'?: string;
  readonly supplier?: CdxOrganization;
  readonly manufacturer?: CdxOrganization;
  readonly group?: string;
  readonly name: string;
  readonly version?: string;
  readonly description?: string;
  readonly scope?: 'required' | 'optional';
  readonly purl?: string;
  readonly externalReferences?: readonly CdxExternalReference[];
  readonly properties?: readonly CdxProperty[];
  readonly evidence?: { readonly occurrences: readonly CdxOccurrence[] };
  readonly modelCard?: CdxModelCard;
  readonly data?: readonly CdxComponentData[];
  readonly cryptoProperties?: CdxCryptoProperties;
}

/** `serviceData`: a data flow through a service. */
export interface CdxServiceData {
  readonly flow: 'inbound' | 'outbound' | 'bi-directional' | 'unknown';
  readonly classification: string;
  readonly name?: string;
}

export interface CdxService {
  readonly 'bom-ref': string;
  readonly provider?: CdxOrganization;
  readonly name: string;
  readonly description?: string;
  readonly endpoints?: readonly string[];
  readonly authenticated?: boolean;
  readonly 'x-trust-boundary'?: boolean;
  readonly trustZone?: string;
  readonly data?: readonly CdxServiceData[];
  readonly externalReferences?: readonly CdxExternalReference[];
  readonly properties?: readonly CdxProperty[];
  readonly services?: readonly CdxService[];
}

export interface CdxDependency {
  readonly ref: string;
  readonly dependsOn?: readonly string[];
}

export interface CdxComposition {
  readonly aggregate: 'complete' | 'incomplete' | 'unknown';
  readonly dependencies: readonly string[];
}

export interface CdxAnnotation {
  readonly 'bom-ref': string;
  readonly subjects: readonly string[];
  readonly annotator: { readonly component: CdxComponent };
  readonly timestamp: string;
  readonly text: string;
}

export interface CdxMetadata {
  readonly timestamp: string;
  readonly lifecycles: readonly { readonly phase: 'pre-build' | 'discovery' | 'operations' }[];
  readonly tools: { readonly components: readonly CdxComponent[] };
  readonly component: CdxComponent;
  readonly properties?: readonly CdxProperty[];
}

export interface CdxBom {
  readonly bomFormat: 'CycloneDX';
  readonly specVersion: CdxSpec;
  readonly serialNumber: string;
  readonly version: 1;
  readonly metadata: CdxMetadata;
  readonly components: readonly CdxComponent[];
  readonly services: readonly CdxService[];
  readonly dependencies: readonly CdxDependency[];
  readonly compositions: readonly CdxComposition[];
  readonly annotations: readonly CdxAnnotation[];
}
