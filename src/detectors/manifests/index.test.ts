import picomatch from 'picomatch';
import { describe, expect, it } from 'vitest';
import { cpuTimed } from '../../../test/helpers/cpu-time.ts';
import { assetId } from '../../model/index.ts';
import { manifestsDetector } from './index.ts';

const matches = picomatch([...manifestsDetector.patterns], { dot: true });

describe('manifestsDetector', () => {
  it('declares its id and the manifest globs it reads', () => {
    expect(manifestsDetector.id).toBe('manifests');
    expect(manifestsDetector.displayName).toBe('Dependency manifests');
    const yes = [
      'package.json',
      'packages/web/package.json',
      'requirements.txt',
      'svc/requirements-dev.txt',
      'svc/dev-requirements.txt',
      'svc/requirements/base.txt',
      'svc/requirements.in',
      'pyproject.toml',
      'Pipfile',
      'setup.cfg',
      'go.mod',
      'pom.xml',
      'build.gradle',
      'app/build.gradle.kts',
      'gradle/libs.versions.toml',
      'Cargo.toml',
      'Gemfile',
      'x.gemspec',
      'src/App/App.csproj',
      'Directory.Packages.props',
      'packages.config',
      '.devcontainer/package.json',
    ];
    const no = ['package-lock.json', 'go.sum', 'Cargo.lock', 'Gemfile.lock', 'poetry.lock', 'README.md', 'requirements.md', 'setup.py'];
    expect(yes.filter((p) => !matches(p))).toEqual([]);
    expect(no.filter((p) => matches(p))).toEqual([]);
  });

  it('returns null for files it does not own and for manifests without AI packages', () => {
    expect(manifestsDetector.detect({ scope: 's', path: 'src/index.ts', content: 'import OpenAI from "openai"' })).toBeNull();
    expect(manifestsDetector.detect({ scope: 's', path: 'package.json', content: '{"dependencies":{"express":"4"}}' })).toBeNull();
  });

  it('builds sdk assets with the documented key, name, provider and evidence', () => {
    const result = manifestsDetector.detect({ scope: 'github.com/acme/app', path: 'svc/requirements.txt', content: 'LangChain_OpenAI==0.3.18\n' });
    expect(result).toEqual({
      assets: [
        {
          id: assetId('sdk', 'github.com/acme/app', 'pypi:langchain-openai'),
          kind: 'sdk',
          name: 'langchain-openai',
          provider: 'langchain',
          attributes: { ecosystem: 'pypi', category: 'framework', declared: true, versions: ['==0.3.18'], scopes: ['runtime'] },
          evidence: [
            { path: 'svc/requirements.txt', line: 1, snippet: 'LangChain_OpenAI==0.3.18', technique: 'manifest', confidence: 'declared', detector: 'manifests' },
          ],
          tags: {},
        },
      ],
      relationships: [],
      diagnostics: [],
    });
  });

  it('keys Maven by group:artifact and NuGet case-insensitively', () => {
    const pom = manifestsDetector.detect({
      scope: 's',
      path: 'pom.xml',
      content: '<project><dependencies><dependency><groupId>com.openai</groupId><artifactId>openai-java</artifactId></dependency></dependencies></project>',
    });
    expect(pom?.assets[0]?.id).toBe(assetId('sdk', 's', 'maven:com.openai:openai-java'));
    const csproj = manifestsDetector.detect({ scope: 's', path: 'a.csproj', content: '<Project><ItemGroup><PackageReference Include="Azure.AI.OpenAI" /></ItemGroup></Project>' });
    expect(csproj?.assets[0]?.id).toBe(assetId('sdk', 's', 'nuget:azure.ai.openai'));
    expect(csproj?.assets[0]?.name).toBe('Azure.AI.OpenAI');
  });

  it('never stores URL credentials or key-shaped text, in snippets or versions', () => {
    const content = [
      'openai @ https://deploy:s3cr3t-pass@pypi.internal.example/openai-1.82.0-py3-none-any.whl',
      '-e git+https://oauth2:ghp_abcdefghijklmnopqrstuvwx0123@github.com/acme/anthropic.git#egg=anthropic',
      'langchain @ git+ssh://git@github.com/acme/langchain.git',
    ].join('\n');
    const result = manifestsDetector.detect({ scope: 's', path: 'requirements.txt', content });
    const text = JSON.stringify(result);
    expect(text).not.toContain('s3cr3t');
    expect(text).not.toContain('ghp_abcdefghij');
    expect(result?.assets.map((a) => a.attributes['versions'])).toEqual([
      ['git+https://…[redacted]@github.com/acme/anthropic.git#egg=anthropic'],
      ['@ git+ssh://git@github.com/acme/langchain.git'],
      ['@ https://…[redacted]@pypi.internal.example/openai-1.82.0-py3-none-any.whl'],
    ]);
  });

  it('tolerates a byte-order mark and CRLF line endings', () => {
    const cases: [string, string][] = [
      ['package.json', '\uFEFF{\r\n  "dependencies": {\r\n    "openai": "^5.1.1"\r\n  }\r\n}\r\n'],
      ['pyproject.toml', '\uFEFF[project]\r\nname = "x"\r\ndependencies = [\r\n  "openai>=1",\r\n]\r\n'],
      ['requirements.txt', 'flask\r\nopenai==1.82.1 \\\r\n    --hash=sha256:abcd\r\n'],
      ['go.mod', 'module x\r\n\r\nrequire (\r\n\tgithub.com/openai/openai-go v1.3.0\r\n)\r\n'],
    ];
    for (const [path, content] of cases) {
      const result = manifestsDetector.detect({ scope: 's', path, content });
      expect(result?.diagnostics, path).toEqual([]);
      const evidence = result?.assets[0]?.evidence[0];
      expect([evidence?.line, evidence?.snippet?.includes('openai')], path).toEqual([path === 'requirements.txt' ? 2 : path === 'pyproject.toml' ? 4 : path === 'go.mod' ? 4 : 3, true]);
    }
  });

  it('reports a project template that is not valid as written as info, a broken manifest as warn', () => {
    const template = [
      '[project]',
      'name = "{{ cookiecutter.package_name }}"',
      'dependencies = ["openai>=1.40"]',
      '',
      '[project.scripts]',
      '{{ cookiecutter.package_name }} = "{{ cookiecutter.package_name }}.main:run"',
      '',
    ].join('\n');
    const t = manifestsDetector.detect({ scope: 's', path: 'templates/{{cookiecutter.package_name}}/pyproject.toml', content: template });
    expect(t?.diagnostics.map((d) => [d.level, d.code, d.location?.line, d.message.endsWith('(a template: {{ }} placeholders)')])).toEqual([['info', 'parse-failed', 6, true]]);
    const broken = manifestsDetector.detect({ scope: 's', path: 'pyproject.toml', content: '[project]\ndependencies = ["openai>=1.40"\n' });
    expect(broken?.diagnostics.map((d) => [d.level, d.code])).toEqual([['warn', 'parse-failed']]);
  });

  it('a broken manifest stays a warning when its placeholder is far from the problem (a script that templates, a merge conflict)', () => {
    const content = [
      '{',
      '  "name": "web",',
      '  "scripts": { "new:component": "hygen component new --name {{ name }}" },',
      '  "license": "MIT",',
      '  "dependencies": {',
      '<<<<<<< HEAD',
      '    "openai": "^4.52.0"',
      '=======',
      '    "openai": "^4.60.0"',
      '>>>>>>> feature',
      '  }',
      '}',
    ].join('\n');
    const r = manifestsDetector.detect({ scope: 's', path: 'package.json', content });
    expect(r?.diagnostics.map((d) => d.level)).toEqual(['warn']);
    // A template's placeholder next to the problem, or in the path, is still a template.
    const jinja = '{\n  "dependencies": {\n    {% if cookiecutter.openai %}"openai": "^4",{% endif %}\n    "zod": "^3"\n  }\n}\n';
    expect(manifestsDetector.detect({ scope: 's', path: 'package.json', content: jinja })?.diagnostics.map((d) => d.level)).toEqual(['info']);
  });

  it('looks for template placeholders in bounded time on hostile input', () => {
    const content = `[project\n${'{{'.repeat(50_000)}${'x'.repeat(50_000)}`;
    const { value: result, ms } = cpuTimed(() => manifestsDetector.detect({ scope: 's', path: 'pyproject.toml', content }));
    expect(result?.diagnostics.map((d) => d.level)).toEqual(['warn']);
    expect(ms).toBeLessThan(2_000);
  });
});
