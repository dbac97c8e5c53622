/**
 * AzAPI (`azapi_resource`): one Terraform type for every Azure resource, the ARM type written in its
 * `type` attribute (`"Microsoft.CognitiveServices/accounts@2025-06-01"`) and the ARM properties in
 * `body`. A resource whose `type` is a literal ARM type the catalog knows is re-typed
 * `azapi_resource:<ARM type>` (API version dropped, catalog casing), so catalog rows read it like
 * any other resource; its address stays `azapi_resource.<name>`.
 */
import { rulesFor } from './catalog.ts';
import { literalString, type IacDocument, type IacResource } from './document.ts';
import { getFirst } from './value.ts';

export const AZAPI_PREFIX = 'azapi_resource:';

/** The catalog type an `azapi_resource` stands for, or undefined (not literal, or not an AI type). */
function armType(doc: IacDocument, r: IacResource): string | undefined {
  if (r.type !== 'azapi_resource') return undefined;
  const written = literalString(doc, getFirst(r.body, 'type')?.value);
  const arm = written === undefined ? undefined : /^([A-Za-z][\w.]*\/[\w/]+?)(?:@[\w.-]+)?$/.exec(written.trim().slice(0, 200))?.[1];
  if (arm === undefined) return undefined;
  // ARM types are case-insensitive: `microsoft.cognitiveservices/accounts` is the same type.
  return AZAPI_TYPES.find((t) => t.toLowerCase() === arm.toLowerCase());
}

/** ARM types of the catalog's `azapi_resource:` rows. */
const AZAPI_TYPES: readonly string[] = [
  'Microsoft.CognitiveServices/accounts', 'Microsoft.CognitiveServices/accounts/deployments', 'Microsoft.MachineLearningServices/workspaces', 'Microsoft.MachineLearningServices/workspaces/onlineEndpoints',
].filter((t) => rulesFor(AZAPI_PREFIX + t).length > 0);

/** The document with each AI `azapi_resource` re-typed by its ARM type; the same document when there is none. */
export function withArmTypes(doc: IacDocument): IacDocument {
  let changed = false;
  const resources = doc.resources.map((r) => {
    const arm = armType(doc, r);
    if (arm === undefined) return r;
    changed = true;
    return { ...r, type: AZAPI_PREFIX + arm };
  });
  return changed ? { ...doc, resources, byAddress: new Map(resources.map((r) => [r.address, r])) } : doc;
}
