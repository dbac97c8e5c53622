/**
 * The framework references a finding may carry, with a title per id. A meta-test checks that every
 * id a policy names is listed here, so a typo never reaches a report.
 *
 * Sources:
 * - NIST AI RMF 1.0 (NIST AI 100-1, January 2023), Core tables 1-4; titles shortened from the subcategory outcomes.
 * - OWASP Top 10 for LLM Applications 2025 (OWASP GenAI Security Project), LLM01-LLM10.
 * - MITRE ATLAS, `data/techniques.yaml` of github.com/mitre-atlas/atlas-data (technique names as published, 2026-05).
 */

/** The three families; an id is `<family>:<id inside the family>`. */
export const FRAMEWORK_FAMILIES = ['nist-ai-rmf', 'owasp-llm', 'mitre-atlas'] as const;
export type FrameworkFamily = (typeof FRAMEWORK_FAMILIES)[number];

/** Display names of the families. */
export const FAMILY_NAMES: Readonly<Record<FrameworkFamily, string>> = {
  'nist-ai-rmf': 'NIST AI RMF 1.0',
  'owasp-llm': 'OWASP Top 10 for LLM Applications 2025',
  'mitre-atlas': 'MITRE ATLAS',
};

const NIST: Readonly<Record<string, string>> = {
  'GOVERN-1.1': 'Legal and regulatory requirements involving AI are understood, managed and documented',
  'GOVERN-1.4': 'The risk management process and its outcomes are established through transparent policies and controls',
  'GOVERN-1.6': 'Mechanisms are in place to inventory AI systems, resourced by risk priority',
  'GOVERN-2.1': 'Roles, responsibilities and lines of communication for AI risks are documented and clear',
  'GOVERN-3.2': 'Roles and responsibilities for human-AI configurations and oversight are defined',
  'GOVERN-6.1': 'Policies and procedures address AI risks associated with third-party entities',
  'GOVERN-6.2': 'Contingency processes handle failures or incidents in high-risk third-party data or AI systems',
  'MAP-1.1': 'Intended purposes, context and settings of the AI system are understood and documented',
  'MAP-3.5': 'Processes for human oversight are defined, assessed and documented',
  'MAP-4.1': 'Approaches for mapping the risks of AI components, including third-party data and software, are followed',
  'MAP-4.2': 'Internal risk controls for components of the AI system, including third-party AI, are identified',
  'MEASURE-2.7': 'AI system security and resilience are evaluated and documented',
  'MEASURE-2.10': 'Privacy risk of the AI system is examined and documented',
  'MANAGE-1.3': 'Responses to high-priority AI risks are developed, planned and documented',
  'MANAGE-2.4': 'Mechanisms exist to supersede, disengage or deactivate AI systems behaving outside intended use',
  'MANAGE-3.1': 'AI risks and benefits from third-party resources are monitored and controlled',
  'MANAGE-3.2': 'Pre-trained models used for development are monitored as part of regular maintenance',
};

const OWASP: Readonly<Record<string, string>> = {
  LLM01: 'Prompt Injection',
  LLM02: 'Sensitive Information Disclosure',
  LLM03: 'Supply Chain',
  LLM04: 'Data and Model Poisoning',
  LLM05: 'Improper Output Handling',
  LLM06: 'Excessive Agency',
  LLM07: 'System Prompt Leakage',
  LLM08: 'Vector and Embedding Weaknesses',
  LLM09: 'Misinformation',
  LLM10: 'Unbounded Consumption',
};

const ATLAS: Readonly<Record<string, string>> = {
  'AML.T0010': 'AI Supply Chain Compromise',
  'AML.T0010.001': 'AI Supply Chain Compromise: AI Software',
  'AML.T0010.003': 'AI Supply Chain Compromise: Model',
  'AML.T0010.005': 'AI Supply Chain Compromise: AI Agent Tool',
  'AML.T0011': 'User Execution',
  'AML.T0011.000': 'User Execution: Unsafe AI Artifacts',
  'AML.T0012': 'Valid Accounts',
  'AML.T0024': 'Exfiltration via AI Inference API',
  'AML.T0029': 'Denial of AI Service',
  'AML.T0034': 'Cost Harvesting',
  'AML.T0036': 'Data from Information Repositories',
  'AML.T0040': 'AI Model Inference API Access',
  'AML.T0047': 'AI-Enabled Product or Service',
  'AML.T0049': 'Exploit Public-Facing Application',
  'AML.T0050': 'Command and Scripting Interpreter',
  'AML.T0053': 'AI Agent Tool Invocation',
  'AML.T0055': 'Unsecured Credentials',
  'AML.T0058': 'Publish Poisoned Models',
  'AML.T0083': 'Credentials from AI Agent Configuration',
  'AML.T0085': 'Data from AI Services',
  'AML.T0086': 'Exfiltration via AI Agent Tool Invocation',
};

function family(prefix: FrameworkFamily, table: Readonly<Record<string, string>>): [string, string][] {
  return Object.entries(table).map(([id, title]) => [`${prefix}:${id}`, title]);
}

/** Every known framework id (`nist-ai-rmf:GOVERN-1.6`, `owasp-llm:LLM06`, `mitre-atlas:AML.T0010`) → its title. */
export const FRAMEWORKS: ReadonlyMap<string, string> = new Map([
  ...family('nist-ai-rmf', NIST),
  ...family('owasp-llm', OWASP),
  ...family('mitre-atlas', ATLAS),
]);

/** The family of a framework id, or undefined when the prefix is unknown. */
export function frameworkFamily(id: string): FrameworkFamily | undefined {
  const prefix = id.slice(0, id.indexOf(':'));
  return (FRAMEWORK_FAMILIES as readonly string[]).includes(prefix) ? (prefix as FrameworkFamily) : undefined;
}

/** `owasp-llm:LLM06` → `LLM06 Excessive Agency`; unknown ids come back as written. */
export function frameworkLabel(id: string): string {
  const title = FRAMEWORKS.get(id);
  const short = id.slice(id.indexOf(':') + 1);
  return title === undefined ? id : `${short} ${title}`;
}
