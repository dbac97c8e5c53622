/** The explicit registry of policies: adding a policy means adding it here (a meta-test checks). */
import { codingAgentAutonomy } from './coding-agent-autonomy.ts';
import { exposedAiKey } from './exposed-ai-key.ts';
import { mcpExcessiveAgency } from './mcp-excessive-agency.ts';
import { overPermissionedIdentity } from './over-permissioned-identity.ts';
import { shadowAi } from './shadow-ai.ts';
import type { Policy } from './types.ts';
import { unauthenticatedModelServer } from './unauthenticated-model-server.ts';
import { unownedAiAsset } from './unowned-ai-asset.ts';
import { unpinnedModelRevision } from './unpinned-model-revision.ts';
import { unsafeModelFormat } from './unsafe-model-format.ts';

/** Every registered policy, sorted by id. */
export const POLICIES: readonly Policy[] = [
  codingAgentAutonomy,
  exposedAiKey,
  mcpExcessiveAgency,
  overPermissionedIdentity,
  shadowAi,
  unauthenticatedModelServer,
  unownedAiAsset,
  unpinnedModelRevision,
  unsafeModelFormat,
];

/** The registered policy with this id, or undefined. */
export function policyById(id: string): Policy | undefined {
  return POLICIES.find((p) => p.id === id);
}
