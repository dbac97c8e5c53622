import { describe, expect, it } from 'vitest';
import { fakeKey } from '../../test/helpers/fake-keys.ts';
import { tempTree } from '../../test/helpers/temp-tree.ts';
import { runScan } from '../pipeline/run-scan.ts';
import { asset, context, ev, inventory, NOW } from './__fixtures__/build.ts';
import { evaluatePolicies } from './evaluate.ts';
import { exposedAiKey } from './exposed-ai-key.ts';

describe('exposed-ai-key', () => {
  it('reports a key with its location and facts, never a snippet', () => {
    const key = asset('secret', 'anthropic', { provider: 'anthropic', keyType: 'api', fingerprint: 'a1b2c3d4e5f6', prefix: 'sk-ant-api03-', envNames: ['ANTHROPIC_API_KEY'] }, {
      evidence: [ev('.env', 3, 'ANTHROPIC_API_KEY=sk-ant-api03-…[redacted]'), ev('app/main.py', 9, 'key = "sk-ant-api03-…[redacted]"', 'call-site')],
    });
    const [f, ...rest] = exposedAiKey.evaluate(context(inventory([key])));
    expect(rest).toEqual([]);
    expect(f?.severity).toBe('high');
    expect(f?.title).toBe('anthropic API key exposed in 2 files');
    expect(f?.detail).toContain('fingerprint a1b2c3d4e5f6');
    expect(f?.evidence.map((e) => [e.path, e.line, e.snippet])).toEqual([
      ['.env', 3, undefined],
      ['app/main.py', 9, undefined],
    ]);
  });

  it('rates admin keys critical', () => {
    const admin = asset('secret', 'openai', { provider: 'openai', keyType: 'admin' });
    expect(exposedAiKey.evaluate(context(inventory([admin])))[0]?.severity).toBe('critical');
  });

  it('on a real scan: reports a format-valid key, not a placeholder, and never the value', async () => {
    const real = fakeKey('openai:project', 7);
    const root = tempTree({
      '.env': `OPENAI_API_KEY=${real}\n`,
      'example/.env': 'OPENAI_API_KEY=sk-XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX\nANTHROPIC_API_KEY=sk-your-key-here\n',
      'app/llm.py': 'from openai import OpenAI\nclient = OpenAI(api_key="sk-XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX")\n',
    });
    const inv = await runScan({ paths: [root] }, { now: () => new Date(NOW), scanId: 'keys' });
    const { findings } = evaluatePolicies(inv, {}, NOW);
    const keys = findings.filter((f) => f.policyId === 'exposed-ai-key');
    expect(keys).toHaveLength(1);
    expect(keys[0]?.evidence.map((e) => `${e.path}:${e.line}`)).toEqual(['.env:1']);
    const text = JSON.stringify(findings);
    expect(text).not.toContain(real);
    expect(text).not.toContain(real.slice(12, 40));
  });

  it('on a real scan: a placeholder alone gives no finding', async () => {
    const root = tempTree({ '.env': 'OPENAI_API_KEY=sk-XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX\n' });
    const inv = await runScan({ paths: [root] });
    expect(evaluatePolicies(inv, {}, NOW).findings.filter((f) => f.policyId === 'exposed-ai-key')).toEqual([]);
  });
});
