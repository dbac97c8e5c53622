import { describe, expect, it } from 'vitest';
import { cpuTimed } from '../../../test/helpers/cpu-time.ts';
import { hideLaunchValues, LaunchQuoter, redactArgs, safeUrl, storedLaunch } from './mcp-redact.ts';

// Key-shaped values are built from pieces at test time, never written whole in the repo.
const OPENAI = ['sk', 'proj', 'A1b2C3d4E5f6G7h8I9j0K1l2'].join('-');

describe('redactArgs', () => {
  it('hides values after secret flags, keeps flag names and ordinary values', () => {
    expect(redactArgs('npx', ['-y', 'pkg', '--api-key', 'abc123', '--github-token=xyz', '--port', '8080', '--tokenizer', 'bpe']).args).toEqual([
      '-y', 'pkg', '--api-key', '[redacted]', '--github-token=[redacted]', '--port', '8080', '--tokenizer', 'bpe',
    ]);
  });

  it('keeps env names from docker -e and NAME=value, never secret values', () => {
    const r = redactArgs('docker', ['run', '-e', 'GITHUB_TOKEN', '-e', 'SLACK_TOKEN=xoxb-value', '--env=NAMED_ONLY', '--env=DB_PASSWORD=pw', 'img']);
    expect(r.args).toEqual(['run', '-e', 'GITHUB_TOKEN', '-e', 'SLACK_TOKEN=[redacted]', '--env=NAMED_ONLY', '--env=DB_PASSWORD=[redacted]', 'img']);
    expect(r.envNames).toEqual(['GITHUB_TOKEN', 'SLACK_TOKEN', 'NAMED_ONLY', 'DB_PASSWORD']);
    expect(redactArgs('env', ['API_KEY=value', 'node', 'server.js'])).toEqual({ args: ['API_KEY=[redacted]', 'node', 'server.js'], envNames: ['API_KEY'], headerNames: [] });
  });

  it('keeps a docker env value only when the name is no secret\'s and the value reads like a setting', () => {
    const args = [
      'run', '-e', 'GITHUB_TOOLSETS=repos,issues', '-e', 'LOG_LEVEL=debug', '-e', 'PORT=8080', '-e', 'API_BASE=https://u:p@api.example.com/v1?x=1',
      '-e', 'GH_PAT=abc', '-e', 'SESSION_ID=s1', '-e', `OPTIONS=${OPENAI}`, '-e', 'NONCE=9fQ2xL7vK4pZ', '-e', 'SALT=4f9d8c7b6a5e4d3c2b1a0f9e', '-e', 'NOTE=my-secret-here', 'img',
    ];
    expect(redactArgs('docker', args).args).toEqual([
      'run', '-e', 'GITHUB_TOOLSETS=repos,issues', '-e', 'LOG_LEVEL=debug', '-e', 'PORT=8080', '-e', 'API_BASE=https://api.example.com/v1',
      // A key under a harmless name keeps its prefix, so the secret-in-args check still sees a secret.
      '-e', 'GH_PAT=[redacted]', '-e', 'SESSION_ID=[redacted]', '-e', 'OPTIONS=sk-proj-…[redacted]', '-e', 'NONCE=[redacted]', '-e', 'SALT=[redacted]', '-e', 'NOTE=[redacted]', 'img',
    ]);
    expect(redactArgs('uvx', ['mcp-server-x', 'READ_ONLY=true', 'TOKEN=abc']).args).toEqual(['mcp-server-x', 'READ_ONLY=true', 'TOKEN=[redacted]']);
    // Short passwords and signatures under names that do not say so: kept only when plainly a setting.
    const quiet = ['DB_PW=hunter22', 'SLACK_SIGNING=8f3a2b1c', 'JWT=eyJhbGciOi', 'ADMIN=Passw0rd', 'SEED=Summer2024', 'MODE=read-only', 'LEVEL=INFO'];
    expect(redactArgs('docker', ['run', ...quiet.flatMap((q) => ['-e', q]), '--env=DB_PW=hunter22x', 'img']).args).toEqual([
      'run', '-e', 'DB_PW=[redacted]', '-e', 'SLACK_SIGNING=[redacted]', '-e', 'JWT=[redacted]', '-e', 'ADMIN=[redacted]', '-e', 'SEED=[redacted]',
      '-e', 'MODE=read-only', '-e', 'LEVEL=INFO', '--env=DB_PW=[redacted]', 'img',
    ]);
    // A long value is never kept, not even cut short.
    expect(redactArgs('docker', ['run', '-e', `CONFIG=${'ab-'.repeat(120)}`, 'img']).args).toEqual(['run', '-e', 'CONFIG=[redacted]', 'img']);
  });

  it('keeps header names from --header, never their values', () => {
    const r = redactArgs('npx', ['mcp-remote', 'https://x.dev/sse', '--header', 'Authorization: Bearer abc', '--header=X-Key:zzz']);
    expect(r.args).toEqual(['mcp-remote', 'https://x.dev/sse', '--header', 'Authorization: [redacted]', '--header=X-Key: [redacted]']);
    expect(r.headerNames).toEqual(['Authorization', 'X-Key']);
  });

  it('keeps `<expr>`, what code detectors write for a value read at run time, even after a secret flag or -e', () => {
    expect(redactArgs('docker', ['run', '-e', '<expr>', '--api-key', '<expr>', 'img']).args).toEqual(['run', '-e', '<expr>', '--api-key', '<expr>', 'img']);
  });

  it('cleans URLs and key-shaped strings anywhere', () => {
    expect(redactArgs('npx', ['mcp-remote', 'https://u:p@x.dev/mcp?token=abc#frag', `--url=https://x.dev/?k=${OPENAI}`, OPENAI, 'Bearer abcdef']).args).toEqual([
      'mcp-remote', 'https://x.dev/mcp', '--url=https://x.dev/', 'sk-proj-…[redacted]', 'Bearer [redacted]',
    ]);
  });
});

describe('safeUrl', () => {
  it('drops user info, query and fragment, and token-like path segments', () => {
    expect(safeUrl('https://user:pw@mcp.example.com/v1/mcp?api_key=x#y')).toBe('https://mcp.example.com/v1/mcp');
    expect(safeUrl('https://actions.zapier.com/mcp/a1B2c3D4e5F6g7H8i9J0k1L2/sse')).toBe('https://actions.zapier.com/mcp/[redacted]/sse');
    expect(safeUrl('https://mcp.example.com/s/9f8e7d6c5b4a39281706aa/mcp')).toBe('https://mcp.example.com/s/[redacted]/mcp');
    expect(safeUrl('https://example.com/servers/my-long-readable-server-name/mcp')).toBe('https://example.com/servers/my-long-readable-server-name/mcp');
    expect(safeUrl('http://localhost:3000')).toBe('http://localhost:3000/');
  });
});

describe('storedLaunch', () => {
  it('stores command, args, URL and names as configured servers and client connections both keep them, and what it hid', () => {
    const launch = storedLaunch({ command: 'docker', args: ['run', '-e', 'API_TOKEN=t0k3nValue', '-e', 'MODE=fast', 'acme/mcp:1.0'], envNames: ['EXTRA'], headerNames: [] });
    expect(launch).toEqual({
      command: 'docker', args: ['run', '-e', 'API_TOKEN=[redacted]', '-e', 'MODE=fast', 'acme/mcp:1.0'], url: undefined, envNames: ['API_TOKEN', 'EXTRA', 'MODE'], headerNames: [],
      pkg: { name: 'acme/mcp', version: '1.0', ecosystem: 'oci', index: 5 }, hidden: new Map([['API_TOKEN=t0k3nValue', 'API_TOKEN=[redacted]']]),
    });
    // The package is read from the redacted args: a secret where a package would sit is no package.
    expect(storedLaunch({ command: 'npx', args: ['--api-key', 'hunter2hunter2'] }).pkg).toBeUndefined();
    expect(storedLaunch({ url: 'https://u:p@mcp.example.com/mcp?k=v' })).toMatchObject({ url: 'https://mcp.example.com/mcp', hidden: new Map([['https://u:p@mcp.example.com/mcp?k=v', 'https://mcp.example.com/mcp']]) });
  });

  it('redacts a whole command line written as the command as its args would be, spaces kept', () => {
    expect(storedLaunch({ command: 'npx -y @acme/server  --api-key hunter2hunter2 -e DB_PASS=hunter3' })).toMatchObject({
      command: 'npx -y @acme/server  --api-key [redacted] -e DB_PASS=[redacted]', envNames: ['DB_PASS'],
      hidden: new Map([['npx -y @acme/server  --api-key hunter2hunter2 -e DB_PASS=hunter3', 'npx -y @acme/server  --api-key [redacted] -e DB_PASS=[redacted]']]),
    });
    expect(storedLaunch({ command: 'C:\\Program Files\\nodejs\\node.exe', args: ['server.js'] }).command).toBe('C:\\Program Files\\nodejs\\node.exe');
  });
});

describe('hideLaunchValues', () => {
  it('replaces each hidden value in a quoted line, longer ones first', () => {
    const hidden = new Map([['abc', '[redacted]'], ['TOKEN=abcdef', 'TOKEN=[redacted]']]);
    expect(hideLaunchValues('  run("-e", "TOKEN=abcdef", "--key", "abc")', hidden)).toBe('run("-e", "TOKEN=[redacted]", "--key", "[redacted]")');
  });

  it('quotes nothing when a piece of a hidden value is still on the line (concatenated, escaped)', () => {
    const hidden = new Map([["'hunter2hunter2'", "'[redacted]'"], ['https://kb.acme.io/mcp?token=abc123', 'https://kb.acme.io/mcp']]);
    expect(hideLaunchValues("h({ Authorization: 'Bearer ' + 'hunter2' + 'hunter2' })", hidden)).toBeUndefined();
    expect(hideLaunchValues("h({ DB_PASS: 'hun\\'ter2hunter2' })", new Map([["'hun'ter2hunter2'", "'[redacted]'"]]))).toBeUndefined();
    expect(hideLaunchValues("new URL('/mcp?token=abc123', 'https://kb.acme.io')", hidden)).toBeUndefined();
    // What the stored forms keep, and the values written whole, are quoted as before.
    expect(hideLaunchValues("f('https://kb.acme.io/mcp?token=abc123', { X: 'hunter2hunter2' })", hidden)).toBe("f('https://kb.acme.io/mcp', { X: '[redacted]' })");
    const quoter = new LaunchQuoter();
    quoter.add(hidden);
    expect(quoter.quote("x = 'hunter2' + 'hunter2'")).toBeUndefined();
    expect(quoter.quote("new URL('https://kb.acme.io/mcp')")).toBe("new URL('https://kb.acme.io/mcp')");
  });

  it('stays bounded on hostile input: a long line is cut before the work, too many values quote nothing', () => {
    expect(hideLaunchValues(`x${'a'.repeat(200_000)}`, new Map([['a', 'b']]))).toHaveLength(1000);
    const quoter = new LaunchQuoter();
    quoter.add(new Map([['secret1', '[redacted]']]));
    expect(quoter.quote('  f("secret1")')).toBe('f("[redacted]")');
    for (let i = 0; i < 1000; i++) quoter.add(new Map([[`secret${i}`, '[redacted]']]));
    expect(quoter.quote('f("secret1")')).toBeUndefined();
    // The pieces of a long value are looked up, not searched for in its stored form one by one.
    const long = new LaunchQuoter();
    long.add(new Map([[Array.from({ length: 25_000 }, (_, i) => i.toString(36)).join('-'), 'x'.repeat(100_000)]]));
    const { value, ms } = cpuTimed(() => long.quote('f("abc")'));
    expect(value).toBe('f("abc")');
    expect(ms).toBeLessThan(500);
  });
});
