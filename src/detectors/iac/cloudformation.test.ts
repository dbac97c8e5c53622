import { describe, expect, it } from 'vitest';
import { parseJsonWithLines } from './json-lines.ts';
import { assetNamed, assetNames, detectFile, edgeNames, edgeProps, EMPTY } from './test-helpers.ts';
import { toAttribute } from './value.ts';

const yaml = (resources: string, extra = ''): string => `AWSTemplateFormatVersion: "2010-09-09"\n${extra}Resources:\n${resources}`;

describe('iac detector: CloudFormation', () => {
  it('reads short-form tags and long-form intrinsics alike', () => {
    const short = detectFile('a.yaml', yaml('  Agent:\n    Type: AWS::Bedrock::Agent\n    Properties:\n      AgentName: !Sub "${AWS::StackName}-bot"\n      AgentResourceRoleArn: !GetAtt Role.Arn\n  Role:\n    Type: AWS::IAM::Role\n'));
    const long = detectFile('a.json', JSON.stringify({
      AWSTemplateFormatVersion: '2010-09-09',
      Resources: { Agent: { Type: 'AWS::Bedrock::Agent', Properties: { AgentName: { 'Fn::Sub': '${AWS::StackName}-bot' }, AgentResourceRoleArn: { 'Fn::GetAtt': ['Role', 'Arn'] } } }, Role: { Type: 'AWS::IAM::Role' } },
    }));
    for (const r of [short, long]) expect(edgeNames(r)).toEqual(['agent:Agent RUNS_AS identity:Role']);
    expect(short.assets[0]).toMatchObject({ name: 'Agent', nativeId: 'Agent' });
  });

  it('resolves !Ref to a parameter default, and !Sub with its variables map', () => {
    const r = detectFile('t.yaml', yaml(
      '  Kb:\n    Type: AWS::Bedrock::KnowledgeBase\n    Properties:\n      Name: kb\n      KnowledgeBaseConfiguration:\n        VectorKnowledgeBaseConfiguration:\n          EmbeddingModelArn: !Sub\n            - "arn:aws:bedrock:${Region}::foundation-model/${Embed}"\n            - { Region: !Ref AWS::Region }\n  Ep:\n    Type: AWS::Bedrock::ApplicationInferenceProfile\n    Properties:\n      InferenceProfileName: profile\n      ModelSource:\n        CopyFrom: !Ref Model\n',
      'Parameters:\n  Model:\n    Type: String\n    Default: us.amazon.nova-micro-v1:0\n  Embed:\n    Type: String\n    Default: amazon.titan-embed-text-v1\n',
    ));
    expect(edgeNames(r)).toEqual(['endpoint:profile SERVES model:us.amazon.nova-micro-v1:0']);
    expect(assetNames(r)).toContain('model:amazon.titan-embed-text-v1');
  });

  it('renders a !Sub whose every placeholder is a parameter default; keeps pseudo parameters, attributes, escapes, variable maps', () => {
    const agent = (id: string, name: string): string => `  ${id}:\n    Type: AWS::Bedrock::Agent\n    Properties:\n      AgentName: ${name}\n`;
    const r = detectFile('t.yaml', yaml([
      agent('A', '!Sub pma-agent-${StackVersion}'),
      agent('B', '!Sub "${AWS::StackName}-${StackVersion}"'),
      agent('C', '!Sub "${Role.Arn}-x"'),
      agent('D', '!Sub "${!StackVersion}-x"'),
      agent('E', '!Sub ["${StackVersion}-x", { StackVersion: other }]'),
    ].join(''), 'Parameters:\n  StackVersion:\n    Type: String\n    Default: 1\n'));
    expect(assetNames(r)).toEqual(['agent:B', 'agent:C', 'agent:D', 'agent:E', 'agent:pma-agent-1']);
    expect(assetNamed(r, 'agent', 'pma-agent-1')?.attributes['valueFrom']).toEqual(['agent_name: StackVersion (parameter default, t.yaml:5)']);
  });

  it('attaches AWS::IAM::Policy and referenced ManagedPolicy documents to their roles', () => {
    const r = detectFile('iam.yaml', yaml([
      '  Nb:\n    Type: AWS::SageMaker::NotebookInstance\n    Properties:\n      NotebookInstanceName: lab\n      RoleArn: !GetAtt NbRole.Arn',
      '  NbRole:\n    Type: AWS::IAM::Role\n    Properties:\n      ManagedPolicyArns: [!Ref Shared]',
      '  Shared:\n    Type: AWS::IAM::ManagedPolicy\n    Properties:\n      PolicyDocument:\n        Statement:\n          - { Effect: Allow, Action: "sagemaker:InvokeEndpoint", Resource: "arn:aws:sagemaker:*:*:endpoint/*" }',
      '  Extra:\n    Type: AWS::IAM::Policy\n    Properties:\n      Roles: [!Ref NbRole]\n      PolicyDocument:\n        Statement:\n          - { Effect: Allow, Action: ["s3:PutObject"], Resource: "arn:aws:s3:::lab-output/*" }',
    ].join('\n') + '\n'));
    expect(edgeNames(r)).toEqual([
      'identity:NbRole CAN_INVOKE cloud-account:aws:*',
      'identity:NbRole CAN_WRITE data-source:lab-output',
      'system:lab RUNS_AS identity:NbRole',
    ]);
    expect(edgeProps(r, 'identity:NbRole CAN_INVOKE cloud-account:aws:*')).toMatchObject({ resources: ['arn:aws:sagemaker:*:*:endpoint/*'], policies: ['Shared'] });
  });

  it('reads Fn::Join of literals and Refs (CDK output) like the !Sub it stands for: models, their edges, prompts', () => {
    const arn = (...tail: unknown[]): unknown => ({ 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ...tail]] });
    const profile = arn(':bedrock:', { Ref: 'AWS::Region' }, ':', { Ref: 'AWS::AccountId' }, ':inference-profile/us.anthropic.claude-3-7-sonnet-20250219-v1:0');
    const r = detectFile('cdk.template.json', JSON.stringify({
      Resources: {
        Agent: { Type: 'AWS::Bedrock::Agent', Properties: { AgentName: 'claude37', AgentResourceRoleArn: { 'Fn::GetAtt': ['AgentRole', 'Arn'] }, FoundationModel: profile } },
        AgentRole: { Type: 'AWS::IAM::Role' },
        AgentPolicy: {
          Type: 'AWS::IAM::Policy',
          Properties: {
            Roles: [{ Ref: 'AgentRole' }],
            PolicyDocument: { Statement: [
              { Effect: 'Allow', Action: ['bedrock:InvokeModel*', 'bedrock:GetFoundationModel'], Resource: arn(':bedrock:*::foundation-model/anthropic.claude-3-7-sonnet-20250219-v1:0') },
              { Effect: 'Allow', Action: 'bedrock:InvokeModel*', Resource: profile },
            ] },
          },
        },
        Prompt: { Type: 'AWS::Bedrock::Prompt', Properties: { Name: 'chat', Variants: [{ Name: 'v1', ModelId: arn(':bedrock:', { Ref: 'AWS::Region' }, '::foundation-model/anthropic.claude-3-5-sonnet-20240620-v1:0') }] } },
        // Traps: a part that is not a literal or a Ref, and a literal that would read as a placeholder.
        Other: { Type: 'AWS::Bedrock::Agent', Properties: { AgentName: 'other', FoundationModel: { 'Fn::Join': ['/', [{ 'Fn::Select': [0, ['a']] }, 'amazon.nova-pro-v1:0']] } } },
        Odd: { Type: 'AWS::Bedrock::Agent', Properties: { AgentName: 'odd', FoundationModel: { 'Fn::Join': ['', ['arn:aws:bedrock:x::foundation-model/${x}', 'amazon.nova-pro-v1:0']] } } },
      },
    }));
    expect(edgeNames(r)).toEqual([
      'agent:claude37 RUNS_AS identity:AgentRole',
      'agent:claude37 USES_MODEL model:us.anthropic.claude-3-7-sonnet-20250219-v1:0',
      'identity:AgentRole CAN_INVOKE model:anthropic.claude-3-7-sonnet-20250219-v1:0',
      'identity:AgentRole CAN_INVOKE model:us.anthropic.claude-3-7-sonnet-20250219-v1:0',
      'identity:AgentRole CAN_READ model:anthropic.claude-3-7-sonnet-20250219-v1:0',
    ]);
    expect(assetNames(r).filter((n) => n.startsWith('model:'))).toEqual([
      'model:anthropic.claude-3-5-sonnet-20240620-v1:0', 'model:anthropic.claude-3-7-sonnet-20250219-v1:0', 'model:us.anthropic.claude-3-7-sonnet-20250219-v1:0',
    ]);
    expect(edgeProps(r, 'identity:AgentRole CAN_INVOKE model:us.anthropic.claude-3-7-sonnet-20250219-v1:0')).toMatchObject({
      resources: ['!Sub arn:${AWS::Partition}:bedrock:${AWS::Region}:${AWS::AccountId}:inference-profile/us.anthropic.claude-3-7-sonnet-20250219-v1:0'],
    });
    expect(assetNamed(r, 'agent', 'other')?.attributes['modelRefs']).toEqual(['!Join ["/",["!Select [0,[\\"a\\"]]","amazon.nova-pro-v1:0"]]']);
    expect(assetNamed(r, 'agent', 'odd')?.attributes['modelRefs']).toHaveLength(1);
    // The YAML short form reads the same.
    const y = detectFile('t.yaml', yaml('  Agent:\n    Type: AWS::Bedrock::Agent\n    Properties:\n      AgentName: y\n      FoundationModel: !Join ["", ["arn:", !Ref AWS::Partition, ":bedrock:", !Ref AWS::Region, "::foundation-model/amazon.nova-pro-v1:0"]]\n'));
    expect(edgeNames(y)).toEqual(['agent:y USES_MODEL model:amazon.nova-pro-v1:0']);
  });

  it('names inline action groups whose name is a template by the template, ${...} kept', () => {
    const r = detectFile('pma.yaml', yaml([
      '  Agent:\n    Type: AWS::Bedrock::Agent\n    Properties:\n      AgentName: !Sub pma-agent-${StackVersion}\n      ActionGroups:',
      '        - ActionGroupName: !Sub pma-actiongroup-${StackVersion}\n          ActionGroupExecutor:\n            Lambda: !GetAtt Allocate.Arn',
      '        - ActionGroupName: !Ref GroupName\n          ParentActionGroupSignature: AMAZON.UserInput',
      '        - ActionGroupName: !Sub "${AWS::StackName}-${GroupName}"',
      // Trap: a group without a name is no tool.
      '        - Description: unnamed',
    ].join('\n') + '\n', 'Parameters:\n  StackVersion:\n    Type: String\n  GroupName:\n    Type: String\n    Default: ask-user\n'));
    expect(edgeNames(r)).toEqual([
      'agent:Agent USES_TOOL tool:${AWS::StackName}-ask-user',
      'agent:Agent USES_TOOL tool:ask-user',
      'agent:Agent USES_TOOL tool:pma-actiongroup-${StackVersion}',
    ]);
    expect(assetNamed(r, 'tool', 'pma-actiongroup-${StackVersion}')).toMatchObject({ nativeId: 'Agent/pma-actiongroup-${StackVersion}', attributes: { executor: '!GetAtt Allocate.Arn' } });
    // A name read through a parameter default says so, as resource names do.
    expect(assetNamed(r, 'tool', 'ask-user')?.attributes).toEqual({ signature: 'AMAZON.UserInput', valueFrom: ['action_group_name: GroupName (parameter default, pma.yaml:7)'] });
    expect(assetNamed(r, 'tool', '${AWS::StackName}-ask-user')?.attributes).toEqual({ valueFrom: ['action_group_name: GroupName (parameter default, pma.yaml:7)'] });
  });

  it('reads AgentCore resources and SAM-style templates without a format version', () => {
    const r = detectFile('sam.yaml', 'Transform: AWS::Serverless-2016-10-31\nResources:\n  Runtime:\n    Type: AWS::BedrockAgentCore::Runtime\n    Properties:\n      AgentRuntimeName: helper\n      ProtocolConfiguration: MCP\n');
    expect(assetNamed(r, 'agent', 'helper')?.attributes).toEqual({ iacType: 'AWS::BedrockAgentCore::Runtime', protocol: 'MCP' });
  });

  it('is not fooled by YAML that is not a template', () => {
    expect(detectFile('values.yaml', 'Resources:\n  limits: "AWS::Bedrock quota"\nbedrock: true\n')).toEqual(EMPTY);
    expect(detectFile('package.json', '{"name": "x", "description": "AWS::Bedrock helper", "Resources": {}}')).toEqual(EMPTY);
    expect(detectFile('ci.yml', 'jobs:\n  deploy:\n    steps: [bedrock]\n')).toEqual(EMPTY);
  });

  it('reports invalid YAML with its line and keeps reading what it can', () => {
    const r = detectFile('bad.yaml', yaml('  Agent:\n    Type: AWS::Bedrock::Agent\n    Properties:\n      AgentName: [unclosed\n'));
    expect(r.diagnostics.map((d) => [d.code, d.location?.line])).toEqual([['parse-failed', 7]]);
    expect(assetNames(r)).toEqual(['agent:unclosed']);
  });
});

describe('JSON reader with lines', () => {
  it('keeps key lines and decodes escapes', () => {
    const v = parseJsonWithLines('{\n  "a": [1, 2.5e1, true, null],\n  "b\\u00e9": "x\\ny"\n}');
    expect(toAttribute(v)).toEqual({ a: [1, 25, true, null], 'bé': 'x\ny' });
    expect(v).toMatchObject({ kind: 'map', line: 1 });
    if (typeof v !== 'object' || v?.kind !== 'map') throw new Error('not a map');
    expect([...v.entries.values()].map((e) => [e.key, e.line])).toEqual([['a', 2], ['bé', 3]]);
  });

  it('rejects invalid JSON with the line of the problem', () => {
    expect(() => parseJsonWithLines('{\n  "a": 1,\n  b: 2\n}')).toThrow('expected a string key');
    expect(() => parseJsonWithLines('{"a": "unterminated}')).toThrow('unterminated string');
  });
});
