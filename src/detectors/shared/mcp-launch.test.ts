import { describe, expect, it } from 'vitest';
import { cpuTimed } from '../../../test/helpers/cpu-time.ts';
import { launchedPackage, launchName, splitVersion } from './mcp-launch.ts';

const pkg = (line: string) => {
  const [command, ...args] = line.split(' ');
  const p = launchedPackage(command as string, args);
  return p === undefined ? undefined : [p.name, p.ecosystem, p.version ?? null];
};

describe('launchedPackage', () => {
  it('names the package each launcher runs, with its registry and version as written', () => {
    expect(pkg('npx -y @modelcontextprotocol/server-filesystem /')).toEqual(['@modelcontextprotocol/server-filesystem', 'npm', null]);
    expect(pkg('npx.cmd -y @upstash/context7-mcp@latest')).toEqual(['@upstash/context7-mcp', 'npm', 'latest']);
    expect(pkg('npm exec -y -- mcp-pkg@1.2.3')).toEqual(['mcp-pkg', 'npm', '1.2.3']);
    expect(pkg('bunx mcp-b')).toEqual(['mcp-b', 'npm', null]);
    expect(pkg('pnpm dlx @s/p@2')).toEqual(['@s/p', 'npm', '2']);
    expect(pkg('uvx mcp-server-git')).toEqual(['mcp-server-git', 'pypi', null]);
    expect(pkg('uvx --from git+https://x.dev/r mcp-x==0.3')).toEqual(['mcp-x', 'pypi', '==0.3']);
    expect(pkg('uv tool run mcp-y')).toEqual(['mcp-y', 'pypi', null]);
    expect(pkg('pipx run --spec mcp-z mcp-z')).toEqual(['mcp-z', 'pypi', null]);
    expect(pkg('docker run -i --rm -e TOKEN -v /a:/b mcp/filesystem:1.0 /b')).toEqual(['mcp/filesystem', 'oci', '1.0']);
    expect(pkg('podman run --rm ghcr.io/o/i@sha256:abc')).toEqual(['ghcr.io/o/i', 'oci', 'sha256:abc']);
    expect(pkg('deno run -A npm:@s/mcp@1')).toEqual(['@s/mcp', 'npm', '1']);
    expect(pkg('deno run -A jsr:@s/mcp')).toEqual(['@s/mcp', 'jsr', null]);
  });

  it('is undefined for runners and scripts (`deno run x.ts`, `python server.py`, `node build/index.js`)', () => {
    expect(pkg('deno run --allow-net server.ts')).toBeUndefined();
    expect(pkg('python server.py')).toBeUndefined();
    expect(pkg('node build/index.js')).toBeUndefined();
    expect(pkg('npx')).toBeUndefined();
  });

  it('launchName still looks through launched runners and names scripts', () => {
    expect(launchName('npx', ['-y', 'tsx', 'src/tools.ts'])).toBe('tools.ts');
    expect(launchName('deno', ['run', 'server.ts'])).toBe('server.ts');
    expect(launchName('java', ['-Dspring.main.banner-mode=off', '-jar', 'weather/target/mcp-weather-server-0.0.1-SNAPSHOT.jar'])).toBe('mcp-weather-server.jar');
    expect(launchName('java', ['-jar', 'build/libs/tools-server-2.1.jar'])).toBe('tools-server.jar');
    expect(launchName('java', ['-jar', 'app/server-v2.jar'])).toBe('server-v2.jar');
    const hostile = `${'-1'.repeat(100_000)}.ja`;
    const { value, ms } = cpuTimed(() => launchName('java', ['-jar', hostile]));
    expect(value).toBe(hostile);
    expect(ms).toBeLessThan(1000);
    expect(launchName('deno', ['run', 'npm:@s/mcp@1'])).toBe('@s/mcp');
    // A workspace bin run through the package manager is named by the bin, not `pnpm`.
    expect(launchName('pnpm', ['exec', 'sentry-mcp', '--access-token=x'])).toBe('sentry-mcp');
    expect(launchName('pnpm', ['--filter', 'api', 'exec', 'tools-server'])).toBe('tools-server');
    expect(launchName('yarn', ['exec', 'notes-mcp'])).toBe('notes-mcp');
    expect(pkg('pnpm exec sentry-mcp')).toBeUndefined();
  });
});

describe('splitVersion', () => {
  it('splits npm, PEP 508 and image specs', () => {
    expect(splitVersion('pkg')).toEqual({ name: 'pkg' });
    expect(splitVersion('@s/p@^1')).toEqual({ name: '@s/p', version: '^1' });
    expect(splitVersion('p[extra]>=2')).toEqual({ name: 'p', version: '>=2' });
    expect(splitVersion('localhost:5000/img')).toEqual({ name: 'localhost:5000/img' });
    expect(splitVersion('localhost:5000/img:tag')).toEqual({ name: 'localhost:5000/img', version: 'tag' });
    expect(splitVersion('pkg@')).toEqual({ name: 'pkg' });
  });
});
