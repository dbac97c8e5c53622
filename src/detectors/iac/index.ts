/**
 * The infrastructure-as-code detector: AI resources declared in Terraform (`.tf` native syntax
 * through a real HCL2 tokenizer/parser, `.tf.json`), CloudFormation (YAML with intrinsic tags,
 * JSON), Bicep (`.bicep`, own tokenizer/parser) and ARM templates (JSON) become assets with `iac` evidence at the resource header / logical id: Bedrock agents,
 * action groups, knowledge bases and their vector stores and S3 data sources, AgentCore runtimes
 * and gateways, SageMaker endpoints/models/notebooks, Vertex AI endpoints/indexes/agent engines,
 * Azure OpenAI accounts and deployments, AI Foundry, Azure ML; the roles they run as, and what
 * those roles' policies let them read, write, invoke or administer. See README.md.
 *
 * A cheap text pre-check dismisses files that name no AI service before anything is parsed.
 * Broken input is a `parse-failed` diagnostic with its line; what was read before it still counts.
 */
import { parseFailed } from '../shared/build.ts';
import type { Detector, SourceFile } from '../types.ts';
import type { DetectionResult } from '../../model/index.ts';
import { readArm } from './arm.ts';
import { withArmTypes } from './azapi.ts';
import { readBicep } from './bicep.ts';
import { readCloudFormation } from './cloudformation.ts';
import { rulesFor } from './catalog.ts';
import { emitDocument } from './emit.ts';
import { expandInstances } from './instances.ts';
import { isTerraform, mayBeArmTemplate, mayFindIac } from './precheck.ts';
import { DETECTOR_ID, Sink } from './sink.ts';
import type { IacDocument } from './document.ts';
import { readTerraformHcl, readTerraformJson, withModuleConstants, withModuleData, type ReadOutcome } from './terraform.ts';

/** Resources whose `count` / `for_each` instances become assets of their own: AI resources and module calls. */
const EXPANDED = (type: string): boolean => type === 'module' || rulesFor(type).length > 0;

function read(file: SourceFile): (ReadOutcome & { readonly more?: readonly IacDocument[] }) | null {
  const { path, content } = file;
  if (!mayFindIac(path, content)) return null;
  if (path.endsWith('.bicep')) return readBicep(path, content, file.siblings);
  if (isTerraform(path)) {
    const outcome = path.endsWith('.tf') ? readTerraformHcl(path, content) : readTerraformJson(path, content);
    const module = withModuleConstants(withModuleData(outcome.doc, path, file.siblings), path, file.siblings);
    return { ...outcome, doc: expandInstances(withArmTypes(module), EXPANDED) };
  }
  if (path.endsWith('.json') && mayBeArmTemplate(content)) {
    const arm = readArm(path, content, file.siblings);
    // A compiled Bicep file beside its source is that source's to report; a file with no template root may be CloudFormation.
    if (arm === 'compiled') return null;
    if (arm !== undefined) return arm;
  }
  return readCloudFormation(path, content);
}

/** Finds AI resources, their identities and permissions in Terraform, CloudFormation, Bicep and ARM templates. */
export const iacDetector: Detector = {
  id: DETECTOR_ID,
  displayName: 'Infrastructure as code (Terraform, CloudFormation, Bicep, ARM templates)',
  patterns: ['**/*.tf', '**/*.tf.json', '**/*.bicep', '**/*.yaml', '**/*.yml', '**/*.json', '**/*.template'],
  detect(file: SourceFile): DetectionResult | null {
    const outcome = read(file);
    if (outcome === null) return null;
    const sink = new Sink(file);
    emitDocument(outcome.doc, sink);
    for (const doc of outcome.more ?? []) emitDocument(doc, sink);
    for (const p of outcome.problems) sink.diagnostics.push(parseFailed(file, DETECTOR_ID, p.message, p.line));
    return sink.result();
  },
};
