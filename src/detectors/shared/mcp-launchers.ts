/**
 * How MCP servers are launched, as data: package launchers (`npx -y <pkg>`, `uvx <pkg>`,
 * `docker run <image>`) and interpreters/runners (`python server.py`, `uv run x.py`). Shared by
 * every detector that reads a server's command line (Python client connections, MCP client config
 * files); `mcp-launch.ts` walks them.
 */

/** Registry a launched package comes from (`oci` = a container image). */
export type LaunchEcosystem = 'npm' | 'pypi' | 'oci' | 'jsr';

/**
 * Launchers whose first non-flag argument (after `sub`) is the package they run. `prefixes`: the
 * launcher only applies when that argument starts with one of them (`deno run npm:pkg`), and the
 * prefix picks the ecosystem; other arguments fall through to the runner rows below.
 */
export interface McpLauncher {
  readonly command: string;
  readonly sub?: readonly string[];
  readonly valueFlags: readonly string[];
  readonly ecosystem: LaunchEcosystem;
  readonly prefixes?: Readonly<Record<string, LaunchEcosystem>>;
  readonly source: string;
}

const DOCKER_VALUE_FLAGS = ['-e', '--env', '--env-file', '-v', '--volume', '--mount', '--name', '-p', '--publish', '--network', '-w', '--workdir', '--entrypoint', '-u', '--user', '--platform', '-l', '--label', '--add-host', '--cpus', '-m', '--memory', '--pull', '--device', '--cap-add', '--cap-drop', '--security-opt', '-h', '--hostname'];

export const MCP_LAUNCHERS: readonly McpLauncher[] = [
  { command: 'npx', valueFlags: ['-p', '--package', '-c', '--call'], ecosystem: 'npm', source: 'docs.npmjs.com/cli/commands/npx' },
  { command: 'npm', sub: ['exec'], valueFlags: ['-p', '--package', '-c', '--call', '-w', '--workspace'], ecosystem: 'npm', source: 'docs.npmjs.com/cli/commands/npm-exec' },
  { command: 'pnpx', valueFlags: [], ecosystem: 'npm', source: 'pnpm.io/cli/dlx (pnpx alias)' },
  { command: 'bunx', valueFlags: [], ecosystem: 'npm', source: 'bun.sh/docs/cli/bunx' },
  { command: 'pnpm', sub: ['dlx'], valueFlags: [], ecosystem: 'npm', source: 'pnpm.io/cli/dlx' },
  { command: 'yarn', sub: ['dlx'], valueFlags: ['-p', '--package'], ecosystem: 'npm', source: 'yarnpkg.com/cli/dlx' },
  { command: 'bun', sub: ['x'], valueFlags: [], ecosystem: 'npm', source: 'bun.sh/docs/cli/bunx (bun x)' },
  { command: 'uvx', valueFlags: ['--from', '--with', '--python', '-p', '--index-url'], ecosystem: 'pypi', source: 'docs.astral.sh/uv/guides/tools' },
  { command: 'uv', sub: ['tool', 'run'], valueFlags: ['--from', '--with', '--python', '-p'], ecosystem: 'pypi', source: 'docs.astral.sh/uv/reference/cli/#uv-tool-run' },
  { command: 'pipx', sub: ['run'], valueFlags: ['--spec'], ecosystem: 'pypi', source: 'pipx.pypa.io (pipx run)' },
  { command: 'docker', sub: ['run'], valueFlags: DOCKER_VALUE_FLAGS, ecosystem: 'oci', source: 'docs.docker.com/reference/cli/docker/container/run' },
  { command: 'podman', sub: ['run'], valueFlags: DOCKER_VALUE_FLAGS, ecosystem: 'oci', source: 'docs.podman.io podman-run' },
  {
    command: 'deno',
    sub: ['run'],
    valueFlags: ['-c', '--config', '--import-map', '--env-file', '--location'],
    ecosystem: 'npm',
    prefixes: { 'npm:': 'npm', 'jsr:': 'jsr' },
    source: 'docs.deno.com/runtime/fundamentals/node (npm: and jsr: specifiers)',
  },
];

/**
 * Interpreters and project runners whose first argument that is not a flag (after `sub`, which may
 * follow global flags: `uv --directory d run x.py`) is the script, module or command they start.
 * `targetFlags` take the target as their value (`python -m pkg`, `java -jar x.jar`); `codeFlags`
 * take inline code (`python -c "..."`): no name can be read, and the code is not stored.
 */
export interface McpRunner {
  readonly commands: readonly string[];
  readonly sub?: readonly string[];
  readonly valueFlags: readonly string[];
  readonly targetFlags?: readonly string[];
  readonly codeFlags?: readonly string[];
  readonly source: string;
}

export const MCP_RUNNERS: readonly McpRunner[] = [
  { commands: ['python', 'python3', 'py', 'pypy', 'pypy3'], valueFlags: ['-W', '-X'], targetFlags: ['-m'], codeFlags: ['-c'], source: 'docs.python.org/3/using/cmdline.html' },
  { commands: ['node', 'nodejs'], valueFlags: ['-r', '--require', '--import', '--loader', '--experimental-loader', '--env-file', '-C', '--conditions'], codeFlags: ['-e', '--eval', '-p', '--print'], source: 'nodejs.org/api/cli.html' },
  { commands: ['deno'], sub: ['run'], valueFlags: ['-c', '--config', '--import-map', '--env-file', '--location'], source: 'docs.deno.com/runtime/reference/cli/run' },
  { commands: ['bun'], sub: ['run'], valueFlags: ['--cwd', '--env-file', '-r', '--preload'], source: 'bun.sh/docs/cli/run' },
  { commands: ['bun'], valueFlags: ['--cwd', '--env-file', '-r', '--preload'], codeFlags: ['-e', '--eval'], source: 'bun.sh/docs/cli/run (bun <file>)' },
  { commands: ['tsx', 'ts-node', 'ts-node-esm'], valueFlags: ['--tsconfig', '-r', '--require', '--import'], codeFlags: ['-e', '--eval'], source: 'tsx / ts-node CLI docs' },
  { commands: ['uv'], sub: ['run'], valueFlags: ['--directory', '--project', '--with', '--with-editable', '--with-requirements', '--from', '--python', '-p', '--env-file', '--package', '--extra', '--group', '--index', '--index-url', '--config-file', '--cache-dir'], targetFlags: ['-m', '--module'], source: 'docs.astral.sh/uv/reference/cli/#uv-run' },
  { commands: ['poetry', 'pipenv', 'pdm', 'hatch', 'rye'], sub: ['run'], valueFlags: ['-C', '--directory', '-P', '--project', '-e', '--env'], source: 'poetry/pipenv/pdm/hatch/rye `run` CLI docs' },
  { commands: ['conda', 'mamba', 'micromamba'], sub: ['run'], valueFlags: ['-n', '--name', '-p', '--prefix', '--cwd'], source: 'docs.conda.io conda run' },
  { commands: ['java'], valueFlags: ['-cp', '-classpath', '--class-path'], targetFlags: ['-jar'], source: 'java launcher docs' },
  { commands: ['dotnet'], sub: ['run'], valueFlags: ['-c', '--configuration', '-f', '--framework'], targetFlags: ['--project'], source: 'learn.microsoft.com dotnet run' },
  { commands: ['go'], sub: ['run'], valueFlags: ['-C', '-tags', '-mod'], source: 'pkg.go.dev/cmd/go (go run)' },
  { commands: ['pnpm', 'yarn'], sub: ['exec'], valueFlags: ['-C', '--dir', '--filter', '-F'], source: 'pnpm.io/cli/exec; yarnpkg.com/cli/exec (a workspace bin, never fetched)' },
  { commands: ['sh', 'bash', 'zsh'], valueFlags: [], codeFlags: ['-c'], source: 'POSIX sh -c' },
  { commands: ['fastmcp', 'mcp'], sub: ['run'], valueFlags: ['--transport', '-t', '--host', '--port', '--path', '--log-level', '--with', '--python', '--project'], source: 'gofastmcp.com CLI `fastmcp run`; mcp python-sdk `mcp run`' },
];

/** Folders that say nothing about a script (`build/index.js`), and entry-file stems that need their folder. */
export const LAYOUT_FOLDERS: readonly string[] = ['src', 'lib', 'dist', 'build', 'out', 'bin', 'scripts', 'app', 'server', 'cmd'];
export const GENERIC_ENTRY_STEMS: readonly string[] = ['index', 'main', '__main__', 'server', 'app', 'cli', 'run', 'start', 'mod'];
