/**
 * Project markers: the files that make a folder a project root (a manifest or build file). The
 * local connector records them on the repository asset (`attributes.projectFiles`) so systems can
 * be derived per project later, without the pipeline touching the disk.
 */

/** Exact file names that mark a project root, across the ecosystems the detectors read. */
const MARKER_NAMES: ReadonlySet<string> = new Set([
  'package.json',
  'pyproject.toml',
  'setup.py',
  'setup.cfg',
  'requirements.txt',
  'Pipfile',
  'environment.yml',
  'go.mod',
  'pom.xml',
  'build.gradle',
  'build.gradle.kts',
  'Gemfile',
  'Cargo.toml',
  'composer.json',
  'deno.json',
  'mix.exs',
]);

/** .NET projects are named after themselves. */
const MARKER_EXTENSIONS: readonly string[] = ['.csproj', '.fsproj', '.sln'];

/** True when `path` (POSIX, relative) is a project marker file. */
export function isProjectMarker(path: string): boolean {
  // The last segment by hand: posix.basename validates and scans for every listed file of a tree.
  const name = path.slice(path.lastIndexOf('/') + 1);
  return MARKER_NAMES.has(name) || MARKER_EXTENSIONS.some((ext) => name.endsWith(ext));
}

/** The project marker files among `paths`, sorted, at most `cap` of them (the rest are not needed to group). */
export function projectFiles(paths: readonly string[], cap = 5000): string[] {
  const found: string[] = [];
  for (const path of paths) if (isProjectMarker(path)) found.push(path);
  found.sort();
  return found.slice(0, cap);
}
