import { describe, expect, it } from 'vitest';
import { cpuTimed } from '../../test/helpers/cpu-time.ts';
import { hostOf, isLocalHost, isLoopbackHost, isNobodysHost } from './hosts.ts';

/** Each host with what the three predicates say: [loopback, local, nobody's]. */
const TABLE: ReadonlyArray<readonly [string, boolean, boolean, boolean]> = [
  // Loopback: this machine.
  ['localhost', true, true, false],
  ['LOCALHOST.', true, true, false],
  ['ollama.localhost', true, true, false],
  ['127.0.0.1', true, true, false],
  ['127.0.1.1', true, true, false],
  ['::1', true, true, false],
  ['[::1]', true, true, false],
  ['0.0.0.0', true, true, false],
  // Private networks: local, not loopback.
  ['10.0.0.5', false, true, false],
  ['172.16.0.1', false, true, false],
  ['172.31.255.1', false, true, false],
  ['192.168.1.5', false, true, false],
  ['169.254.169.254', false, true, false],
  ['[fd12:3456::1]', false, true, false],
  ['fe80::1', false, true, false],
  ['mcp-server', false, true, false],
  ['printer.local', false, true, false],
  ['host.docker.internal', false, true, false],
  ['nas.home.arpa', false, true, false],
  // Remote, and names that only look local.
  ['api.openai.com', false, false, false],
  ['localhost.attacker.com', false, false, false],
  ['127.attacker.com', false, false, false],
  ['10.attacker.com', false, false, false],
  ['172.32.0.1', false, false, false],
  ['fc::1', false, false, false],
  ['2606:4700::1', false, false, false],
  ['local.example.io', false, false, false],
  ['testing.com', false, false, false],
  ['contest.io', false, false, false],
  ['api.test.com', false, false, false],
  // Nobody's: reserved names (RFC 2606, RFC 6761).
  ['example.com', false, false, true],
  ['mcp.example.org', false, false, true],
  ['foo.example', false, false, true],
  ['cli.invalid', false, false, true],
  ['api.test', false, false, true],
  ['a.b.test', false, false, true],
  // Bare reserved top-level names: nobody's, and (one label) local as well.
  ['example', false, true, true],
  ['test', false, true, true],
  ['invalid', false, true, true],
  // Documentation addresses (RFC 5737, RFC 3849) and 1.2.3.4.
  ['192.0.2.10', false, false, true],
  ['198.51.100.7', false, false, true],
  ['203.0.113.200', false, false, true],
  ['[2001:db8::1]', false, false, true],
  ['1.2.3.4', false, false, true],
  ['192.0.20.1', false, false, false],
  // Made-up test domains.
  ['test.com', false, false, true],
  ['test-endpoint.com', false, false, true],
  ['fake-host.io', false, false, true],
  ['mock.net', false, false, true],
  ['dummy_api.org', false, false, true],
];

describe('host predicates', () => {
  it.each(TABLE)('%s: loopback %s, local %s, nobody\'s %s', (host, loopback, local, nobodys) => {
    expect([isLoopbackHost(host), isLocalHost(host), isNobodysHost(host)]).toEqual([loopback, local, nobodys]);
  });

  it('answers a hostile name in linear time', () => {
    const long = `${'a'.repeat(200_000)}.${'b-'.repeat(100_000)}x`;
    const { value, ms } = cpuTimed(() => [isLoopbackHost(long), isLocalHost(long), isNobodysHost(long), isNobodysHost('a'.repeat(300_000))]);
    expect(value).toEqual([false, false, false, false]);
    expect(ms).toBeLessThan(2000);
  });
});

describe('hostOf: the host a client connects to', () => {
  it('reads a URL as URL parsers do, so every user of it agrees', () => {
    expect(hostOf('http://127.1:8080/mcp')).toBe('127.0.0.1');
    expect(hostOf('https://user:p@ss@Api.Example.COM:443/v1')).toBe('api.example.com');
    expect(hostOf('http://[::1]:3000/sse')).toBe('[::1]');
    expect(hostOf('wss://mcp.acme.dev/ws')).toBe('mcp.acme.dev');
    expect([hostOf('not a url'), hostOf(undefined), hostOf('file:///tmp/x'), hostOf('http://exa mple.com/')]).toEqual([undefined, undefined, undefined, undefined]);
    // A template variable parses as a name of one label: kept as written (lower-cased).
    expect(hostOf('http://${HOST}:8080/mcp')).toBe('${host}');
    expect(isLocalHost(hostOf('http://127.1:8080/mcp') ?? '')).toBe(true);
  });
});
