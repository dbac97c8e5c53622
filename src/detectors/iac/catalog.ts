/**
 * Which IaC resource types are AI assets and how to read them. One row covers the same resource
 * across Terraform (hashicorp/aws, awscc, google, azurerm) and CloudFormation: attribute paths are
 * written in snake_case and matched case- and underscore-insensitively, so `agent_resource_role_arn`
 * also reads CloudFormation's `AgentResourceRoleArn`. Sources: provider docs named per row;
 * research/anchors-mission.md §2(h).
 */
import type { AssetKind, RelationshipType } from '../../model/index.ts';

/** Special readers for structure a path list cannot express (see `readers.ts`). */
export type ReaderId = 'kb-storage' | 'data-source-location' | 'inline-action-groups' | 'inline-knowledge-bases' | 'sagemaker-endpoint' | 'azure-identity';

/** A relationship between `self` (this resource's asset) and what a path references. */
export interface LinkRule {
  readonly rel: RelationshipType;
  readonly from: string;
  readonly to: string;
}

export interface ResourceRule {
  readonly types: readonly string[];
  /** Asset kind emitted; absent for link-only resources (an association, a prompt's model). */
  readonly kind?: AssetKind;
  readonly provider: string;
  /** Paths naming the asset (first literal wins); else the Terraform address / logical id. */
  readonly name?: readonly string[];
  /** A fixed asset name (a product, for vector stores); the resource's own name goes in attributes. */
  readonly fixedName?: string;
  /** Key the asset by its name (public model ids), not by its address. */
  readonly keyByName?: boolean;
  /** Only when the path's literal value is one of these (Azure cognitive account `kind`). */
  readonly when?: { readonly path: string; readonly values: readonly string[] };
  /** Paths holding the role / service account the resource runs as → `RUNS_AS`. */
  readonly roles?: readonly string[];
  /** Paths holding model ids or ARNs → `model` assets, linked by `modelEdge` when given. */
  readonly models?: readonly string[];
  readonly modelEdge?: 'USES_MODEL' | 'SERVES';
  /** Attribute name → paths whose values (as written) are copied. */
  readonly attributes?: Readonly<Record<string, readonly string[]>>;
  /** Constant attributes. */
  readonly fixed?: Readonly<Record<string, string>>;
  readonly links?: readonly LinkRule[];
  readonly readers?: readonly ReaderId[];
  readonly source: string;
}

const TF_AWS = 'registry.terraform.io/providers/hashicorp/aws (website/docs/r/';
const CFN = 'docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-';
const AWSCC = 'registry.terraform.io/providers/hashicorp/awscc (generated from CloudFormation)';

export const RESOURCE_RULES: readonly ResourceRule[] = [
  // Amazon Bedrock agents and knowledge bases
  {
    types: ['aws_bedrockagent_agent', 'awscc_bedrock_agent', 'AWS::Bedrock::Agent'], kind: 'agent', provider: 'aws-bedrock', name: ['agent_name'],
    roles: ['agent_resource_role_arn'], models: ['foundation_model'], modelEdge: 'USES_MODEL',
    attributes: { guardrails: ['guardrail_configuration.guardrail_identifier'], collaboration: ['agent_collaboration'], idleSessionTtl: ['idle_session_ttl_in_seconds'] },
    readers: ['inline-action-groups', 'inline-knowledge-bases'], source: `${TF_AWS}bedrockagent_agent); ${CFN}bedrock-agent; ${AWSCC}`,
  },
  {
    types: ['aws_bedrockagent_agent_action_group'], kind: 'tool', provider: 'aws-bedrock', name: ['action_group_name'],
    attributes: { executor: ['action_group_executor.lambda', 'action_group_executor.custom_control'], signature: ['parent_action_group_signature'], state: ['action_group_state'] },
    links: [{ rel: 'USES_TOOL', from: 'agent_id', to: 'self' }], source: `${TF_AWS}bedrockagent_agent_action_group)`,
  },
  {
    types: ['aws_bedrockagent_agent_alias', 'awscc_bedrock_agent_alias', 'AWS::Bedrock::AgentAlias'], kind: 'endpoint', provider: 'aws-bedrock', name: ['agent_alias_name'],
    attributes: { agent: ['agent_id'] }, source: `${TF_AWS}bedrockagent_agent_alias); ${CFN}bedrock-agentalias`,
  },
  {
    // A flow alias is what callers invoke (bedrock:InvokeFlow takes the alias), like an agent alias.
    types: ['awscc_bedrock_flow_alias', 'AWS::Bedrock::FlowAlias'], kind: 'endpoint', provider: 'aws-bedrock', name: ['name'],
    attributes: { flow: ['flow_arn'] }, source: `${AWSCC}; ${CFN}bedrock-flowalias`,
  },
  { types: ['aws_bedrockagent_agent_knowledge_base_association'], provider: 'aws-bedrock', links: [{ rel: 'READS_FROM', from: 'agent_id', to: 'knowledge_base_id' }], source: `${TF_AWS}bedrockagent_agent_knowledge_base_association)` },
  { types: ['aws_bedrockagent_agent_collaborator'], provider: 'aws-bedrock', links: [{ rel: 'CALLS', from: 'agent_id', to: 'agent_descriptor.alias_arn' }], source: `${TF_AWS}bedrockagent_agent_collaborator)` },
  {
    types: ['aws_bedrockagent_knowledge_base', 'awscc_bedrock_knowledge_base', 'AWS::Bedrock::KnowledgeBase'], kind: 'vector-store', provider: 'aws-bedrock',
    roles: ['role_arn'], models: ['knowledge_base_configuration.vector_knowledge_base_configuration.embedding_model_arn', 'knowledge_base_configuration.managed_knowledge_base_configuration.embedding_model_arn'],
    attributes: { knowledgeBase: ['name'], knowledgeBaseType: ['knowledge_base_configuration.type'] },
    readers: ['kb-storage'], source: `${TF_AWS}bedrockagent_knowledge_base); ${CFN}bedrock-knowledgebase`,
  },
  {
    types: ['aws_bedrockagent_data_source', 'awscc_bedrock_data_source', 'AWS::Bedrock::DataSource'], kind: 'data-source', provider: 'aws-bedrock', name: ['name'],
    links: [{ rel: 'INDEXES', from: 'knowledge_base_id', to: 'self' }], readers: ['data-source-location'], source: `${TF_AWS}bedrockagent_data_source); ${CFN}bedrock-datasource`,
  },
  { types: ['aws_bedrockagent_flow', 'awscc_bedrock_flow', 'AWS::Bedrock::Flow'], kind: 'system', provider: 'aws-bedrock', name: ['name'], roles: ['execution_role_arn'], fixed: { resourceType: 'bedrock-flow' }, source: `${TF_AWS}bedrockagent_flow); ${CFN}bedrock-flow` },
  { types: ['aws_bedrockagent_prompt', 'awscc_bedrock_prompt', 'AWS::Bedrock::Prompt'], provider: 'aws-bedrock', models: ['variant.model_id', 'variants.model_id'], source: `${TF_AWS}bedrockagent_prompt); ${CFN}bedrock-prompt` },
  // Amazon Bedrock models
  {
    types: ['aws_bedrock_custom_model'], kind: 'model', provider: 'aws-bedrock', name: ['custom_model_name'], roles: ['role_arn'], models: ['base_model_identifier'],
    attributes: { baseModel: ['base_model_identifier'], customizationType: ['customization_type'] }, links: [{ rel: 'READS_FROM', from: 'self', to: 'training_data_config.s3_uri' }],
    source: `${TF_AWS}bedrock_custom_model)`,
  },
  { types: ['aws_bedrock_provisioned_model_throughput'], kind: 'endpoint', provider: 'aws-bedrock', name: ['provisioned_model_name'], models: ['model_arn'], modelEdge: 'SERVES', source: `${TF_AWS}bedrock_provisioned_model_throughput)` },
  {
    types: ['aws_bedrock_inference_profile', 'awscc_bedrock_application_inference_profile', 'AWS::Bedrock::ApplicationInferenceProfile'], kind: 'endpoint', provider: 'aws-bedrock',
    name: ['name', 'inference_profile_name'], models: ['model_source.copy_from'], modelEdge: 'SERVES', source: `${TF_AWS}bedrock_inference_profile); ${CFN}bedrock-applicationinferenceprofile`,
  },
  { types: ['aws_bedrock_foundation_model'], kind: 'model', provider: 'aws-bedrock', name: ['model_id'], keyByName: true, source: `${TF_AWS.replace('/r/', '/d/')}bedrock_foundation_model)` },
  // Amazon Bedrock AgentCore
  {
    types: ['aws_bedrockagentcore_agent_runtime', 'awscc_bedrockagentcore_runtime', 'AWS::BedrockAgentCore::Runtime'], kind: 'agent', provider: 'aws-bedrock-agentcore',
    name: ['name', 'agent_runtime_name'], roles: ['role_arn'],
    attributes: { container: ['artifact.container_configuration.container_uri', 'agent_runtime_artifact.container_configuration.container_uri'], protocol: ['protocol_configuration.server_protocol', 'protocol_configuration'], networkMode: ['network_configuration.network_mode'] },
    source: `${TF_AWS}bedrockagentcore_agent_runtime); ${CFN}bedrockagentcore-runtime`,
  },
  { types: ['aws_bedrockagentcore_agent_runtime_endpoint', 'AWS::BedrockAgentCore::RuntimeEndpoint'], kind: 'endpoint', provider: 'aws-bedrock-agentcore', name: ['name'], attributes: { runtime: ['agent_runtime_id'] }, source: `${TF_AWS}bedrockagentcore_agent_runtime_endpoint)` },
  {
    types: ['aws_bedrockagentcore_gateway', 'AWS::BedrockAgentCore::Gateway'], kind: 'mcp-server', provider: 'aws-bedrock-agentcore', name: ['name'], roles: ['role_arn'],
    fixed: { role: 'hosted' }, attributes: { protocol: ['protocol_type'], authorizer: ['authorizer_type'] }, source: `${TF_AWS}bedrockagentcore_gateway)`,
  },
  {
    types: ['aws_bedrockagentcore_gateway_target', 'AWS::BedrockAgentCore::GatewayTarget'], kind: 'tool', provider: 'aws-bedrock-agentcore', name: ['name'],
    attributes: { lambda: ['target_configuration.mcp.lambda.lambda_arn'] }, links: [{ rel: 'PROVIDES', from: 'gateway_identifier', to: 'self' }], source: `${TF_AWS}bedrockagentcore_gateway_target)`,
  },
  { types: ['aws_bedrockagentcore_memory', 'AWS::BedrockAgentCore::Memory'], kind: 'data-source', provider: 'aws-bedrock-agentcore', name: ['name'], roles: ['memory_execution_role_arn'], fixed: { resourceType: 'agentcore-memory' }, source: `${TF_AWS}bedrockagentcore_memory)` },
  {
    types: ['aws_bedrockagentcore_browser', 'aws_bedrockagentcore_code_interpreter', 'AWS::BedrockAgentCore::BrowserCustom', 'AWS::BedrockAgentCore::CodeInterpreterCustom'], kind: 'tool',
    provider: 'aws-bedrock-agentcore', name: ['name'], roles: ['execution_role_arn'], source: `${TF_AWS}bedrockagentcore_browser, bedrockagentcore_code_interpreter)`,
  },
  // Amazon SageMaker
  {
    types: ['aws_sagemaker_endpoint', 'awscc_sagemaker_endpoint', 'AWS::SageMaker::Endpoint'], kind: 'endpoint', provider: 'aws-sagemaker', name: ['name', 'endpoint_name'],
    attributes: { endpointConfig: ['endpoint_config_name'] }, readers: ['sagemaker-endpoint'], source: `${TF_AWS}sagemaker_endpoint); ${CFN}sagemaker-endpoint; Cisco deployment_detector.py`,
  },
  {
    types: ['aws_sagemaker_model', 'awscc_sagemaker_model', 'AWS::SageMaker::Model'], kind: 'model', provider: 'aws-sagemaker', name: ['name', 'model_name'], roles: ['execution_role_arn'],
    attributes: {
      images: ['primary_container.image', 'container.image', 'containers.image'], modelData: ['primary_container.model_data_url', 'container.model_data_url', 'containers.model_data_url'],
      modelPackage: ['primary_container.model_package_name', 'container.model_package_name'], hfModelId: ['primary_container.environment.HF_MODEL_ID', 'container.environment.HF_MODEL_ID', 'containers.environment.HF_MODEL_ID'],
    },
    models: ['primary_container.environment.HF_MODEL_ID', 'container.environment.HF_MODEL_ID', 'containers.environment.HF_MODEL_ID'],
    links: [{ rel: 'READS_FROM', from: 'self', to: 'primary_container.model_data_url' }, { rel: 'READS_FROM', from: 'self', to: 'container.model_data_url' }],
    source: `${TF_AWS}sagemaker_model); ${CFN}sagemaker-model; Cisco deployment_detector.py`,
  },
  {
    types: ['aws_sagemaker_notebook_instance', 'AWS::SageMaker::NotebookInstance'], kind: 'system', provider: 'aws-sagemaker', name: ['name', 'notebook_instance_name'], roles: ['role_arn'],
    fixed: { resourceType: 'sagemaker-notebook' }, attributes: { instanceType: ['instance_type'], directInternetAccess: ['direct_internet_access'], rootAccess: ['root_access'] },
    source: `${TF_AWS}sagemaker_notebook_instance); ${CFN}sagemaker-notebookinstance; Cisco deployment_detector.py`,
  },
  {
    types: ['aws_sagemaker_domain', 'AWS::SageMaker::Domain'], kind: 'system', provider: 'aws-sagemaker', name: ['domain_name'], roles: ['default_user_settings.execution_role'],
    fixed: { resourceType: 'sagemaker-domain' }, attributes: { authMode: ['auth_mode'], networkAccess: ['app_network_access_type'] }, source: `${TF_AWS}sagemaker_domain); ${CFN}sagemaker-domain`,
  },
  { types: ['aws_sagemaker_pipeline', 'AWS::SageMaker::Pipeline'], kind: 'system', provider: 'aws-sagemaker', name: ['pipeline_name'], roles: ['role_arn'], fixed: { resourceType: 'sagemaker-pipeline' }, source: `${TF_AWS}sagemaker_pipeline)` },
  { types: ['aws_sagemaker_feature_group', 'AWS::SageMaker::FeatureGroup'], kind: 'data-source', provider: 'aws-sagemaker', name: ['feature_group_name'], roles: ['role_arn'], fixed: { resourceType: 'sagemaker-feature-group' }, source: `${TF_AWS}sagemaker_feature_group)` },
  // Google Vertex AI
  { types: ['google_vertex_ai_endpoint'], kind: 'endpoint', provider: 'google-vertex-ai', name: ['display_name', 'name'], source: 'registry.terraform.io/providers/hashicorp/google google_vertex_ai_endpoint; Cisco deployment_detector.py' },
  {
    types: ['google_vertex_ai_endpoint_with_model_garden_deployment'], kind: 'endpoint', provider: 'google-vertex-ai', name: ['endpoint_config.endpoint_display_name'],
    models: ['publisher_model_name', 'hugging_face_model_id'], modelEdge: 'SERVES', source: 'hashicorp/google google_vertex_ai_endpoint_with_model_garden_deployment',
  },
  { types: ['google_vertex_ai_index'], kind: 'vector-store', provider: 'google-vertex-ai', fixedName: 'vertex-ai-vector-search', attributes: { collections: ['display_name'] }, source: 'hashicorp/google google_vertex_ai_index' },
  { types: ['google_vertex_ai_index_endpoint'], kind: 'endpoint', provider: 'google-vertex-ai', name: ['display_name'], source: 'hashicorp/google google_vertex_ai_index_endpoint' },
  {
    types: ['google_vertex_ai_featurestore', 'google_vertex_ai_feature_online_store', 'google_vertex_ai_feature_group', 'google_vertex_ai_dataset'], kind: 'data-source', provider: 'google-vertex-ai',
    name: ['display_name', 'name'], source: 'hashicorp/google google_vertex_ai_{featurestore,feature_online_store,feature_group,dataset}; Google "Terraform support for Vertex AI"',
  },
  {
    types: ['google_vertex_ai_reasoning_engine'], kind: 'agent', provider: 'google-vertex-ai', name: ['display_name'], roles: ['spec.service_account'],
    attributes: { framework: ['spec.agent_framework'] }, source: 'hashicorp/google google_vertex_ai_reasoning_engine (Vertex AI Agent Engine)',
  },
  { types: ['google_notebooks_instance', 'google_workbench_instance'], kind: 'system', provider: 'google-vertex-ai', name: ['name'], roles: ['service_account', 'gce_setup.service_accounts.email'], fixed: { resourceType: 'vertex-notebook' }, source: 'hashicorp/google google_notebooks_instance, google_workbench_instance; Cisco deployment_detector.py' },
  { types: ['google_ml_engine_model'], kind: 'model', provider: 'google-vertex-ai', name: ['name'], source: 'hashicorp/google google_ml_engine_model; Cisco deployment_detector.py' },
  // Azure OpenAI / AI Foundry / Machine Learning
  ...['OpenAI', 'AIServices'].map((k): ResourceRule => ({
    types: ['azurerm_cognitive_account'], kind: 'endpoint', provider: k === 'OpenAI' ? 'azure-openai' : 'azure-ai-services', name: ['name'], when: { path: 'kind', values: [k] },
    attributes: { accountKind: ['kind'], customSubdomain: ['custom_subdomain_name'], localAuthEnabled: ['local_auth_enabled'], publicNetworkAccessEnabled: ['public_network_access_enabled'], sku: ['sku_name'] },
    readers: ['azure-identity'], source: 'registry.terraform.io/providers/hashicorp/azurerm azurerm_cognitive_account; Cisco deployment_detector.py (kind filter)',
  })),
  {
    types: ['azurerm_cognitive_deployment'], kind: 'endpoint', provider: 'azure-openai', name: ['name'], models: ['model.name'], modelEdge: 'SERVES',
    attributes: { modelVersion: ['model.version'], modelFormat: ['model.format'], account: ['cognitive_account_id'], sku: ['sku.name', 'scale.type'] }, source: 'hashicorp/azurerm azurerm_cognitive_deployment',
  },
  // The same two, and Azure ML workspaces, as ARM resources: AzAPI (`azapi.ts`: ARM properties under `body`, the parent in `parent_id`) and Bicep
  // (`bicep.ts`: the ARM object itself, the parent in `parent`, set for nested children too).
  ...([['azapi_resource:', 'body.', 'parent_id', 'azapi_resource'], ['', '', 'parent', 'Bicep']] as const).flatMap(([prefix, at, parent, form]): ResourceRule[] => [
    ...['OpenAI', 'AIServices'].map((k): ResourceRule => ({
      types: [`${prefix}Microsoft.CognitiveServices/accounts`], kind: 'endpoint', provider: k === 'OpenAI' ? 'azure-openai' : 'azure-ai-services', name: ['name'], when: { path: `${at}kind`, values: [k] },
      attributes: { accountKind: [`${at}kind`], customSubdomain: [`${at}properties.custom_sub_domain_name`], disableLocalAuth: [`${at}properties.disable_local_auth`], publicNetworkAccess: [`${at}properties.public_network_access`], sku: [`${at}sku.name`] },
      readers: ['azure-identity'], source: `learn.microsoft.com/azure/templates/microsoft.cognitiveservices/accounts (ARM schema, ${form})`,
    })),
    {
      types: [`${prefix}Microsoft.CognitiveServices/accounts/deployments`], kind: 'endpoint', provider: 'azure-openai', name: ['name'], models: [`${at}properties.model.name`], modelEdge: 'SERVES',
      attributes: { modelVersion: [`${at}properties.model.version`], modelFormat: [`${at}properties.model.format`], account: [parent], sku: [`${at}sku.name`] },
      source: `learn.microsoft.com/azure/templates/microsoft.cognitiveservices/accounts/deployments (ARM schema, ${form})`,
    },
    // Azure ML workspaces: `kind` Hub / Project are AI Foundry hubs and projects (azurerm_ai_foundry, _project); any other kind
    // (Default, FeatureStore, none written) is a Machine Learning workspace. Rules are tried in order: the kinds first.
    ...['Hub', 'Project'].map((k): ResourceRule => ({
      types: [`${prefix}Microsoft.MachineLearningServices/workspaces`], kind: 'system', provider: 'azure-ai-foundry', name: ['name'], when: { path: `${at}kind`, values: [k] },
      readers: ['azure-identity'], source: `learn.microsoft.com/azure/templates/microsoft.machinelearningservices/workspaces (ARM schema, kind ${k}, ${form})`,
    })),
    {
      types: [`${prefix}Microsoft.MachineLearningServices/workspaces`], kind: 'system', provider: 'azure-machine-learning', name: ['name'], readers: ['azure-identity'],
      source: `learn.microsoft.com/azure/templates/microsoft.machinelearningservices/workspaces (ARM schema, ${form})`,
    },
    {
      types: [`${prefix}Microsoft.MachineLearningServices/workspaces/onlineEndpoints`], kind: 'endpoint', provider: 'azure-machine-learning', name: ['name'], attributes: { workspace: [parent] },
      readers: ['azure-identity'], source: `learn.microsoft.com/azure/templates/microsoft.machinelearningservices/workspaces/onlineendpoints (ARM schema, ${form})`,
    },
  ]),
  { types: ['azurerm_ai_services'], kind: 'endpoint', provider: 'azure-ai-services', name: ['name'], attributes: { localAuthEnabled: ['local_authentication_enabled'], publicNetworkAccess: ['public_network_access'] }, readers: ['azure-identity'], source: 'hashicorp/azurerm azurerm_ai_services' },
  { types: ['azurerm_ai_foundry', 'azurerm_ai_foundry_project'], kind: 'system', provider: 'azure-ai-foundry', name: ['name'], readers: ['azure-identity'], source: 'hashicorp/azurerm azurerm_ai_foundry, azurerm_ai_foundry_project' },
  { types: ['azurerm_machine_learning_workspace', 'azurerm_machine_learning_compute_instance'], kind: 'system', provider: 'azure-machine-learning', name: ['name'], readers: ['azure-identity'], source: 'hashicorp/azurerm azurerm_machine_learning_*; Cisco deployment_detector.py' },
  { types: ['azurerm_machine_learning_inference_cluster', 'azurerm_machine_learning_online_endpoint'], kind: 'endpoint', provider: 'azure-machine-learning', name: ['name'], readers: ['azure-identity'], source: 'hashicorp/azurerm azurerm_machine_learning_inference_cluster; online_endpoint per Cisco deployment_detector.py (unverified)' },
];

const BY_TYPE = new Map<string, ResourceRule[]>();
for (const rule of RESOURCE_RULES) for (const t of rule.types) BY_TYPE.set(t, [...(BY_TYPE.get(t) ?? []), rule]);

/** ARM types of the catalog, by lower case (ARM types are case-insensitive). */
const ARM_TYPES = new Map(RESOURCE_RULES.flatMap((r) => r.types).filter((t) => t.startsWith('Microsoft.')).map((t) => [t.toLowerCase(), t]));

/**
 * The ARM type a Bicep or ARM template resource declares, API version dropped: a nested child's type
 * is relative to its parent's (`deployments@...` under `Microsoft.CognitiveServices/accounts`)
 * unless written in full. Catalog casing when the catalog knows it.
 */
export function armType(written: string, parent: string | undefined): string {
  const bare = written.trim().replace(/@[^@]*$/, '').slice(0, 300);
  const full = parent !== undefined && !/^[A-Za-z][\w-]*\.[\w.-]*\//.test(bare) ? `${parent}/${bare}` : bare;
  return ARM_TYPES.get(full.toLowerCase()) ?? full;
}

/** Rules for a resource type (several when a `when` filter picks one). */
export function rulesFor(type: string): readonly ResourceRule[] {
  return BY_TYPE.get(type) ?? [];
}

/**
 * Vector store product per Bedrock knowledge-base storage type, with the paths (inside `config`)
 * naming the collection/index and where it lives. Source: Bedrock `StorageConfiguration` API
 * reference; terraform-provider-aws bedrockagent_knowledge_base docs.
 */
export const KB_STORAGE: readonly { readonly type: string; readonly product: string; readonly config: string; readonly collection?: string; readonly location: string }[] = [
  { type: 'OPENSEARCH_SERVERLESS', product: 'opensearch-serverless', config: 'opensearch_serverless_configuration', collection: 'vector_index_name', location: 'collection_arn' },
  { type: 'OPENSEARCH_MANAGED_CLUSTER', product: 'opensearch', config: 'opensearch_managed_cluster_configuration', collection: 'vector_index_name', location: 'domain_arn' },
  { type: 'PINECONE', product: 'pinecone', config: 'pinecone_configuration', collection: 'namespace', location: 'connection_string' },
  { type: 'RDS', product: 'pgvector', config: 'rds_configuration', collection: 'table_name', location: 'resource_arn' },
  { type: 'REDIS_ENTERPRISE_CLOUD', product: 'redis', config: 'redis_enterprise_cloud_configuration', collection: 'vector_index_name', location: 'endpoint' },
  { type: 'MONGO_DB_ATLAS', product: 'mongodb-atlas', config: 'mongo_db_atlas_configuration', collection: 'collection_name', location: 'endpoint' },
  { type: 'NEPTUNE_ANALYTICS', product: 'neptune-analytics', config: 'neptune_analytics_configuration', location: 'graph_arn' },
  { type: 'S3_VECTORS', product: 's3-vectors', config: 's3_vectors_configuration', collection: 'index_name', location: 'index_arn' },
];

/** Vector store product of a knowledge base without vector storage (by `knowledge_base_configuration.type`). */
export const KB_TYPES: Readonly<Record<string, string>> = { KENDRA: 'kendra', SQL: 'redshift' };
