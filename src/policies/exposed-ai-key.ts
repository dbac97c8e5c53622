/**
 * exposed-ai-key: AI provider keys written into files (the secrets detector's `secret` assets).
 *
 * The finding names where the key is (file, line, notebook cell) and what it is (provider, key type,
 * fingerprint, env name), never the value: evidence is copied without its snippet, so not even the
 * redacted line travels into SARIF or the store. Placeholders (`sk-XXXX`, `your-key-here`) never
 * become secret assets, so they never reach this policy.
 */
import type { Evidence, Finding, Severity } from '../model/index.ts';
import { makeFinding, pickEvidence, str, strings } from './helpers.ts';
import type { Policy, PolicyContext } from './types.ts';

/** Key types that administer an organisation (create keys, read usage, manage members). */
const ADMIN_KEY_TYPES: readonly string[] = ['admin', 'organization'];

function locationOnly(e: Evidence): Evidence {
  return {
    ...(e.path === undefined ? {} : { path: e.path }),
    ...(e.line === undefined ? {} : { line: e.line }),
    ...(e.cell === undefined ? {} : { cell: e.cell }),
    ...(e.url === undefined ? {} : { url: e.url }),
    technique: e.technique,
    confidence: e.confidence,
    detector: e.detector,
  };
}

export const exposedAiKey: Policy = {
  id: 'exposed-ai-key',
  version: '1.0.0',
  severity: 'high',
  severityNote: 'critical for admin and organisation keys',
  title: 'AI provider API key written in a file',
  rationale:
    'A key in a repository, config or notebook is readable by everyone with the files, their forks, backups and CI logs. Stolen AI keys are resold for free inference (your bill), and admin keys open your organisation\'s data and settings.',
  remediation:
    'Revoke and rotate the key at the provider now (removing it from the file does not un-leak it), then load it from the environment or a secret manager; clear notebook outputs before committing.',
  frameworks: ['nist-ai-rmf:MEASURE-2.7', 'owasp-llm:LLM02', 'owasp-llm:LLM10', 'mitre-atlas:AML.T0055', 'mitre-atlas:AML.T0034'],
  evaluate(ctx: PolicyContext): Finding[] {
    const out: Finding[] = [];
    for (const secret of ctx.inventory.assets) {
      if (secret.kind !== 'secret') continue;
      const provider = str(secret.attributes, 'provider') ?? secret.provider ?? secret.name;
      const keyType = str(secret.attributes, 'keyType');
      const fingerprint = str(secret.attributes, 'fingerprint');
      const envNames = strings(secret.attributes, 'envNames');
      const inOutput = secret.attributes['notebookOutput'] === true;
      const severity: Severity = keyType !== undefined && ADMIN_KEY_TYPES.includes(keyType) ? 'critical' : 'high';
      const evidence = pickEvidence([secret.evidence.map(locationOnly)], 20);
      const places = new Set(evidence.map((e) => e.path ?? e.url ?? '')).size;
      const facts = [
        keyType === undefined ? undefined : `key type ${keyType}`,
        fingerprint === undefined ? undefined : `fingerprint ${fingerprint}`,
        envNames.length > 0 ? `assigned to ${envNames.join(', ')}` : undefined,
        inOutput ? 'printed in a notebook output' : undefined,
      ].filter((x): x is string => x !== undefined);
      out.push(
        makeFinding(exposedAiKey, ctx, {
          asset: secret,
          title: `${provider} API key exposed in ${places === 1 ? 'a file' : `${places} files`}`,
          detail: `A ${provider} key is written in plain text${facts.length > 0 ? ` (${facts.join('; ')})` : ''}. The value is not stored by aimap.`,
          evidence,
          severity,
        }),
      );
    }
    return out;
  },
};
