/**
 * Fails any test that opens a connection to a non-loopback address: tests run offline,
 * and only loopback fakes stand in for the outside world (DESIGN.md §5).
 */
import net from 'node:net';

const LOOPBACK = /^(?:127\.\d+\.\d+\.\d+|::1|localhost|::ffff:127\.\d+\.\d+\.\d+)$/;
const originalConnect = net.Socket.prototype.connect;

function hostOf(args: unknown[]): string | undefined {
  const [first] = args;
  if (typeof first === 'object' && first !== null) {
    const opts = first as { host?: string; path?: string };
    if (opts.path !== undefined) return 'localhost';
    return opts.host ?? 'localhost';
  }
  if (typeof first === 'number') return typeof args[1] === 'string' ? args[1] : 'localhost';
  if (typeof first === 'string') return 'localhost';
  return undefined;
}

net.Socket.prototype.connect = function guardedConnect(this: net.Socket, ...args: unknown[]) {
  const host = hostOf(args);
  if (host !== undefined && !LOOPBACK.test(host)) {
    throw new Error(`network guard: test tried to reach ${host}; tests may only talk to loopback fakes`);
  }
  return (originalConnect as (...a: unknown[]) => net.Socket).apply(this, args);
} as typeof net.Socket.prototype.connect;
