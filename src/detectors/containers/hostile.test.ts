/**
 * Malicious and broken input: every case finishes quickly, never throws, never executes anything,
 * and yields a diagnostic. Big inputs are built at test time.
 */
import { describe, expect, it } from 'vitest';
import { cpuTimed } from '../../../test/helpers/cpu-time.ts';
import { containersDetector, MAX_PARSE_CHARS } from './index.ts';
import { MAX_DOCUMENTS } from './yaml-tree.ts';

const run = (path: string, content: string) => {
  const { value: result, ms } = cpuTimed(() => containersDetector.detect({ scope: 't', path, content }));
  return { result, ms };
};
const messages = (r: ReturnType<typeof run>): string[] => r.result?.diagnostics.map((d) => `${d.code} ${d.location?.line ?? '-'}: ${d.message}`) ?? [];

describe('hostile input', () => {
  it('hostile: billion-laughs alias bomb stops at the node budget', () => {
    const levels = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (let i = 1; i < 9; i++) {
      const prev = String.fromCharCode(96 + i);
      const name = String.fromCharCode(97 + i);
      levels.push(`${name}: &${name} [${Array(9).fill(`*${prev}`).join(',')}]`);
    }
    const r = run('docker-compose.yml', `x-bomb:\n${levels.map((l) => `  ${l}`).join('\n')}\nservices:\n  llm:\n    image: ollama/ollama\n    command: *i\n`);
    expect(r.ms).toBeLessThan(2000);
    expect(messages(r)).toEqual(['parse-failed 1: YAML aliases expand to more nodes than the text holds (alias bomb?); document skipped']);
  });

  it('hostile: YAML nested 10,000 levels deep (flow and block) is refused before parsing', () => {
    const flow = run('docker-compose.yml', `services:\n  llm:\n    image: ollama/ollama\n    labels: ${'['.repeat(10_000)}${']'.repeat(10_000)}\n`);
    const block = run('k8s/deep.yaml', `apiVersion: v1\nkind: Pod\nmetadata: {name: ollama}\nspec:\n  x:\n    ${'- '.repeat(10_000)}ollama/ollama\n`);
    const unterminated = run('deploy/k8s.yaml', `apiVersion: v1\nkind: Pod\nspec: ${'['.repeat(20_000)}\n`);
    for (const r of [flow, block, unterminated]) expect(r.ms).toBeLessThan(500);
    expect([flow.result?.assets.map((a) => a.name), messages(flow)]).toEqual([['ollama'], ['parse-failed 4: YAML nested deeper than 64 levels; not parsed, read line by line for images only']]);
    expect([block.result?.assets, messages(block)]).toEqual([[], ['parse-failed 6: YAML nested deeper than 64 levels; not parsed, read line by line for images only']]);
    expect(messages(unterminated)).toEqual(['parse-failed 3: YAML nested deeper than 64 levels; not read']);
  });

  it('hostile: an alias bomb in a compose file that names nothing of ours is still refused', () => {
    const lines = ['services: {}', 'a0: &a0 ["x","x","x","x","x","x","x","x","x","x"]'];
    for (let i = 1; i < 12; i++) lines.push(`a${i}: &a${i} [${Array(10).fill(`*a${i - 1}`).join(',')}]`);
    const r = run('docker-compose.yml', lines.join('\n'));
    expect(r.ms).toBeLessThan(2000);
    expect(messages(r)).toEqual(['parse-failed 1: YAML aliases expand to more nodes than the text holds (alias bomb?); document skipped']);
  });

  it('hostile: deep but parseable nesting is cut at the depth limit', () => {
    let yaml = 'services:\n  llm:\n    image: ollama/ollama\n    x-deep:\n';
    for (let i = 0; i < 200; i++) yaml += `${' '.repeat(6 + i * 2)}k${i}:\n`;
    const r = run('docker-compose.yml', yaml);
    expect(r.result?.assets.map((a) => a.name)).toEqual(['ollama']);
    expect(messages(r)).toEqual(['parse-failed 67: YAML nested deeper than 64 levels; deeper content skipped']);
  });

  it('hostile: a ~1.2 MB compose file is read line by line for images, with a diagnostic', () => {
    const services = Array.from({ length: 12_000 }, (_, i) => `  svc${i}:\n    image: nginx:1.27\n    environment: {A: "${'x'.repeat(40)}"}\n`);
    services.splice(6000, 0, '  llm:\n    image: ollama/ollama:0.3.14\n');
    const content = `services:\n${services.join('')}`;
    expect(content.length).toBeGreaterThan(1_000_000);
    const r = run('docker-compose.yml', content);
    expect(r.ms).toBeLessThan(2000);
    expect(r.result?.assets.map((a) => [a.name, a.evidence[0]?.line])).toEqual([['ollama', 18_003]]);
    expect(messages(r)).toEqual([`parse-failed -: YAML of ${content.length} characters is over the ${MAX_PARSE_CHARS}-character parse limit; read line by line for images only`]);
  });

  it('hostile: tabs and invalid indentation are diagnostics with a line', () => {
    expect(messages(run('docker-compose.yml', 'services:\n\tollama:\n\t\timage: ollama/ollama\n'))).toEqual(['parse-failed 2: invalid YAML: Tabs are not allowed as indentation']);
    expect(messages(run('compose.yaml', 'services:\n  ollama:\n    image: ollama/ollama\n   ports: [1]\n'))).toEqual(['parse-failed 4: invalid YAML: All mapping items must start at the same column']);
  });

  it('hostile: a Dockerfile with a 1 MB line keeps reading the rest', () => {
    const r = run('Dockerfile', `FROM ollama/ollama:0.3.14\nRUN echo ${'A'.repeat(1_000_000)}\nRUN ollama pull llama3.1:8b\n`);
    expect(r.ms).toBeLessThan(1000);
    expect(r.result?.assets.map((a) => a.name)).toEqual(['ollama', 'llama3.1:8b']);
    expect(messages(r)).toEqual(['parse-failed 2: line longer than 65536 characters; instruction skipped']);
  });

  it('hostile: quadratic traps (a 60 KB line of spaces, a 5,000-line continuation, an ARG doubling chain)', () => {
    const spaces = run('Dockerfile', `FROM ollama/ollama\nRUN ${' '.repeat(60_000)}\\\n${'  --flag \\\n'.repeat(5000)}  end\nENV MODEL_ID=${' '.repeat(60_000)}x\n`);
    expect(spaces.ms).toBeLessThan(1000);
    const args = Array.from({ length: 60 }, (_, i) => `ARG A${i + 1}=$A${i}$A${i}`);
    const chain = run('Dockerfile', `ARG A0=ollama\n${args.join('\n')}\nFROM ollama/ollama:$A60\n`);
    expect(chain.ms).toBeLessThan(1000);
    expect(chain.result?.assets.map((a) => [a.name, a.attributes.tag])).toEqual([['ollama', undefined]]);
    const tmpl = run('chart/templates/x.yaml', `image: ${' '.repeat(3000)}x\n`.repeat(200) + 'image: ollama/ollama\n');
    expect(tmpl.ms).toBeLessThan(1000);
  });

  it(`hostile: a Kubernetes list of 10,000 documents stops at ${MAX_DOCUMENTS}`, () => {
    const doc = (i: number): string => `apiVersion: v1\nkind: Pod\nmetadata: {name: p${i}}\nspec:\n  containers: [{name: c, image: "ollama/ollama"}]\n`;
    const r = run('k8s/bundle.yaml', Array.from({ length: 10_000 }, (_, i) => doc(i)).join('---\n'));
    expect(r.ms).toBeLessThan(5000);
    expect(r.result?.assets.length).toBe(MAX_DOCUMENTS);
    expect(messages(r)).toEqual([`parse-failed ${MAX_DOCUMENTS * 6}: more than ${MAX_DOCUMENTS} YAML documents; only the first ${MAX_DOCUMENTS} were read`]);
  });

  it('hostile: binary garbage named docker-compose.yml or Dockerfile', () => {
    let seed = 7;
    const bytes = Array.from({ length: 4096 }, () => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed % 256;
    });
    const garbage = `services:\n  x:\n    image: ollama/ollama\n${new TextDecoder().decode(new Uint8Array(bytes))}`;
    expect(messages(run('docker-compose.yml', garbage))).toEqual(['parse-failed -: binary content in a container file; not read']);
    expect(messages(run('Dockerfile', `FROM ollama/ollama\u0000\u0001`))).toEqual(['parse-failed -: binary content in a container file; not read']);
    expect(run('random/data.yaml', garbage).result).toBeNull();
  });

  it('hostile: alias cycles, unknown aliases, huge keys and odd scalars never throw', () => {
    for (const content of [
      'services:\n  a: &a\n    image: ollama/ollama\n    self: *a\n',
      'services:\n  a:\n    image: ollama/ollama\n    <<: *missing\n',
      `services:\n  ? [${'x,'.repeat(5000)}]\n  : {image: ollama/ollama}\n`,
      'services:\n  a:\n    image: !!binary aGVsbG8=\n    ports: [!!float 1e309, ~, .inf]\n    environment: [MODEL_ID=!!js/function "x"]\n',
      'services: !!map\n  a: {image: [ollama/ollama], command: {x: 1}, environment: 42, ports: 11434}\n',
    ]) {
      const r = run('docker-compose.yml', content);
      expect(r.ms).toBeLessThan(1000);
      expect(() => JSON.stringify(r.result)).not.toThrow();
    }
  });
});
