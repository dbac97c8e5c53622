/**
 * The IaC detector's cheap gate, run on the raw text before any parsing: a Terraform file must
 * name an AI resource family (or call a module in a file that says `model`, or give a role a policy
 * from a data source another file may declare), a CloudFormation
 * template must be one and name Bedrock or SageMaker. Light on purpose: scan workers run it on
 * every file (`src/detectors/prefilters.ts`).
 */

const TERRAFORM_HINT = /bedrock|sagemaker|vertex_ai|google_notebooks|google_workbench|google_ml_engine|azurerm_cognitive|azurerm_ai_|azurerm_machine_learning|Microsoft\.CognitiveServices|Microsoft\.MachineLearningServices/i;
/** A module call (native or JSON syntax) in a file that says `model`: it may pass one as an input (`module-inputs.ts`). */
const MODULE_HINT = /\bmodule\s+"|"module"\s*:/;
/**
 * A policy read from a data source (`data.aws_iam_policy_document.x.json`, `data.aws_iam_policy.x.arn`),
 * which may sit in another file of the module (`data.tf`), in a file with an IAM role or a role
 * attachment. Needed although such a file names no AI service: a role is reported only from the file
 * that declares or attaches to it (`iam-collect.ts`), and the documents of `data.tf` are read through
 * `siblings` only when that file is parsed; the AI resource's own file (`main.tf`) never reports a
 * role of `iam.tf`. So a role whose AI grants or trust sit in `data.tf` (the aws-ia Bedrock agent and
 * SageMaker endpoint modules, `test/fixtures/iac-module-shapes`) needs its file parsed here. Files
 * with no role (bucket, key, queue policies) are not: nothing else reads a policy, so parsing them
 * would find nothing. A non-AI module's role files are still parsed and yield nothing.
 */
const POLICY_DATA_HINT = /\bdata\.aws_iam_policy(?:_document)?\./;
/** Text every role shape of `iam-collect.ts` contains: `aws_iam_role` (roles, `aws_iam_role_policy*`, references), `aws_iam_policy_attachment`. */
const ROLE_HINT = /aws_iam_role|aws_iam_policy_attachment/;
/** Bicep: an ARM resource type of an AI service, or a module call in a file that says `model` (its params may name models). */
const BICEP_HINT = /Microsoft\.(?:CognitiveServices|MachineLearningServices|Search)\b/i;
const BICEP_MODULE_HINT = /^[ \t]*module\s+\w+\s+'/m;
const CLOUDFORMATION_HINT = /bedrock|sagemaker/i;
/** An ARM template (its `$schema`, `arm.ts`) is read when it names the same Azure AI types as Bicep. */
const ARM_SCHEMA = /"\$schema"\s*:\s*"[^"\n]{0,200}DeploymentTemplate\.json/i;
const CLOUDFORMATION_SHAPE = /AWSTemplateFormatVersion|["']?Resources["']?\s*:/;

/** Terraform native or JSON syntax, by name; anything else the detector reads is Bicep (`.bicep`), an ARM template or CloudFormation. */
export function isTerraform(path: string): boolean {
  return path.endsWith('.tf') || path.endsWith('.tf.json');
}

/** A `$schema` naming a deployment template schema: the file may be an ARM template (`arm.ts` checks the parsed root). */
export function mayBeArmTemplate(content: string): boolean {
  return content.includes('"$schema"') && ARM_SCHEMA.test(content);
}

/** False when the detector would return null for this file without parsing it. */
export function mayFindIac(path: string, content: string): boolean {
  if (path.endsWith('.bicep')) return BICEP_HINT.test(content) || (BICEP_MODULE_HINT.test(content) && /model/i.test(content));
  if (isTerraform(path)) return TERRAFORM_HINT.test(content) || (POLICY_DATA_HINT.test(content) && ROLE_HINT.test(content)) || (MODULE_HINT.test(content) && /model/i.test(content));
  if (path.endsWith('.json') && mayBeArmTemplate(content) && BICEP_HINT.test(content)) return true;
  return content.includes('AWS::') && CLOUDFORMATION_SHAPE.test(content) && CLOUDFORMATION_HINT.test(content);
}
