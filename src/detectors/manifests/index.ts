/**
 * The dependency-manifest detector: AI packages declared in manifests become `sdk` assets.
 *
 * One parser per format reads every declared dependency (name, version spec as written, scope,
 * 1-based line); `emit.ts` keeps only catalog packages (`findAiPackage`) and folds the entries of one
 * package in one file into one asset: key `<ecosystem>:<normalized name>` (Maven `group:artifact`),
 * evidence technique `manifest`, confidence `declared`, the entry's line as snippet.
 *
 * Scopes (attribute `scopes`, an array so files merge by union):
 * - `runtime`  needed at run time (npm `dependencies`, `[project] dependencies`, `install_requires`,
 *              go `require`, Maven compile/runtime/provided, Gradle `implementation`/`api`,
 *              Cargo `[dependencies]`, Gemfile default group, `PackageReference`, requirements files)
 * - `dev`      development or tests only (npm `devDependencies`, Poetry/uv dev dependencies, Pipfile
 *              `[dev-packages]`, `tests_require`, Maven `test`, Gradle test configurations, Cargo
 *              `[dev-dependencies]`, Gemfile `development`/`test` groups, `requirements-dev.txt`)
 * - `peer`     npm `peerDependencies`
 * - `optional` npm `optionalDependencies`, Maven `<optional>`, Cargo/Poetry `optional = true`
 * - `optional:<extra>`  a Python extra (`[project.optional-dependencies]`, `extras_require`, Poetry extras)
 * - `group:<name>`      a named group (PEP 735, Poetry groups, PDM dev groups, Pipfile categories, Gemfile groups)
 * - `env:<name>`        a Hatch environment
 * - `build`    build time only (`[build-system] requires`, `setup_requires`, Cargo build-dependencies,
 *              Gradle `compileOnly`/`kapt`/`classpath`, Maven plugin dependencies, `PrivateAssets="all"`)
 * - `managed`  a version pin or BOM, not a use (Maven `dependencyManagement`/`import`, Gradle
 *              `platform()` and version catalogs, Cargo `[workspace.dependencies]`, `PackageVersion`)
 * - `indirect` go.mod `// indirect`
 *
 * Broken input (invalid JSON/TOML, garbage XML, an unterminated go.mod block) is one `parse-failed`
 * diagnostic with the line when known; whatever could still be read is kept. A project template
 * (cookiecutter, Copier, a CLI's scaffolds) is not valid as written where a `{{ name }}` placeholder
 * stands for a key (on the problem's line or just above it, or in the path): its diagnostic is
 * `info`, a template and not a broken manifest of the repository. Lockfiles, setup.py
 * and Gradle `libs.x` accessors are deliberately not read here. Conda environment files map onto
 * the `pypi` ecosystem (scope `conda` for conda packages).
 *
 * A pom.xml or Gradle build file that uses a Spring AI MCP server starter also yields the `starter`
 * part of that app's MCP server (`spring-mcp.ts`), joined with its other parts by the pipeline.
 */
import picomatch from 'picomatch';
import { parseFailed, ResultBuilder } from '../shared/build.ts';
import type { Detector, SourceFile } from '../types.ts';
import type { DetectionResult } from '../../model/index.ts';
import { emitSdkAssets } from './emit.ts';
import { parseCargoToml } from './cargo-toml.ts';
import { parseCondaEnvironment } from './conda-environment.ts';
import { parseGemfile } from './gemfile.ts';
import { parseGoMod } from './go-mod.ts';
import { parseGradle } from './gradle.ts';
import { parseGradleCatalog } from './gradle-catalog.ts';
import { parseMsbuild } from './msbuild.ts';
import { parsePackageJson } from './package-json.ts';
import { parsePipfile } from './pipfile.ts';
import { parsePomXml } from './pom-xml.ts';
import { parsePyprojectToml } from './pyproject-toml.ts';
import { parseRequirementsTxt } from './requirements-txt.ts';
import { parseSetupCfg } from './setup-cfg.ts';
import { emitSpringMcpStarter } from './spring-mcp.ts';
import type { ManifestParser } from './types.ts';

const ID = 'manifests';

/** Each format: the globs it owns (repo-relative, `dot: true`) and its parser. First match wins. */
const FORMATS: readonly { readonly patterns: readonly string[]; readonly parse: ManifestParser }[] = [
  { patterns: ['**/package.json'], parse: parsePackageJson },
  {
    patterns: ['**/requirements*.txt', '**/*[-_]requirements.txt', '**/requirements/*.txt', '**/requirements*.in', '**/requirements/*.in'],
    parse: parseRequirementsTxt,
  },
  { patterns: ['**/pyproject.toml'], parse: parsePyprojectToml },
  { patterns: ['**/Pipfile'], parse: parsePipfile },
  { patterns: ['**/environment.yml', '**/environment.yaml', '**/conda.yml', '**/conda.yaml'], parse: parseCondaEnvironment },
  { patterns: ['**/setup.cfg'], parse: parseSetupCfg },
  { patterns: ['**/go.mod'], parse: parseGoMod },
  { patterns: ['**/pom.xml'], parse: parsePomXml },
  { patterns: ['**/build.gradle', '**/build.gradle.kts'], parse: parseGradle },
  { patterns: ['**/*.versions.toml'], parse: parseGradleCatalog },
  { patterns: ['**/Cargo.toml'], parse: parseCargoToml },
  { patterns: ['**/Gemfile', '**/*.gemspec'], parse: parseGemfile },
  {
    patterns: ['**/*.csproj', '**/*.fsproj', '**/*.vbproj', '**/Directory.Packages.props', '**/Directory.Build.props', '**/packages.config'],
    parse: parseMsbuild,
  },
];

const MATCHERS = FORMATS.map((format) => ({ isMatch: picomatch([...format.patterns], { dot: true }), parse: format.parse }));

/** Finds AI SDKs declared in dependency manifests of every supported ecosystem. */
export const manifestsDetector: Detector = {
  id: ID,
  displayName: 'Dependency manifests',
  patterns: FORMATS.flatMap((format) => format.patterns),
  detect(file: SourceFile): DetectionResult | null {
    const format = MATCHERS.find((m) => m.isMatch(file.path));
    if (format === undefined) return null;
    const outcome = format.parse(file.content, file.path);
    const out = new ResultBuilder();
    emitSdkAssets(file, ID, outcome.entries, out);
    emitSpringMcpStarter(file, ID, outcome.entries, out);
    const lines = outcome.problems.length > 0 ? file.content.split('\n') : [];
    for (const problem of outcome.problems) {
      const diagnostic = parseFailed(file, ID, problem.message, problem.line);
      const template = isTemplate(file.path, file.content, lines, problem.line);
      out.diagnostic(template ? { ...diagnostic, level: 'info', message: `${diagnostic.message} (a template: {{ }} placeholders)` } : diagnostic);
    }
    return out.result();
  },
};

/** Jinja/cookiecutter `{{ x }}` or `{% x %}`, Go template `{{ .X }}`: bounded, one line each. */
const TEMPLATE_PLACEHOLDER = /\{\{[^{}\n]{1,200}\}\}|\{%[^%\n]{1,200}%\}/;

/** Lines before a problem's line a placeholder may be on (a `{% if %}` on the line above). */
const TEMPLATE_REACH = 1;

/**
 * A template where the problem is: a placeholder in the path (`{{cookiecutter.name}}/pyproject.toml`),
 * on the problem's line or just above it, or anywhere when the problem has no line. A placeholder
 * elsewhere (a script that runs a generator) does not excuse a broken manifest (a merge conflict).
 */
function isTemplate(path: string, content: string, lines: readonly string[], line: number | undefined): boolean {
  if (TEMPLATE_PLACEHOLDER.test(path)) return true;
  if (line === undefined) return TEMPLATE_PLACEHOLDER.test(content);
  return lines.slice(Math.max(0, line - 1 - TEMPLATE_REACH), line).some((l) => TEMPLATE_PLACEHOLDER.test(l));
}
