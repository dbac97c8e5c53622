/**
 * An opcode-level pickle scanner: walks protocols 0-5 on an abstract stack (pickle-machine.ts)
 * that tracks strings, globals and small literal values, so `STACK_GLOBAL` arguments are resolved
 * through pushes, `DUP`, memo `PUT`/`MEMOIZE` and `GET`. It lists every global the pickle imports
 * (`module.name`) and never unpickles, imports or calls anything. Arguments it cannot resolve (a
 * `GET` of an unset memo slot, an `EXT` registry code) become `?` globals, which the classifier
 * treats as dangerous (an evasion tell). Several pickles in a row (legacy PyTorch saves five) are
 * scanned while each next one starts with `PROTO`; joblib's inline array bytes are stepped over.
 */
import type { ByteSource } from '../types.ts';
import { LIMITS } from './catalog.ts';
import { Cursor, LimitReached, Malformed, Truncated } from './cursor.ts';
import { issueOf, type Issue } from './info.ts';
import { GlobalLog, Machine, readGlobal, readIndex, readInt, readString, skipArg, tupleOf } from './pickle-machine.ts';
import { PICKLE_OPS, type PickleOp } from './pickle-ops.ts';
import { JOBLIB_WRAPPER, OTHER, joblibArray, strOf, type Val } from './pickle-values.ts';

export interface PickleScan {
  /** Distinct globals in first-seen order; unresolved parts are `?`. */
  readonly globals: string[];
  /** Highest protocol announced by a PROTO opcode (0 when none: protocol 0/1). */
  protocol: number;
  /** Top-level pickles read to their STOP. */
  pickles: number;
  /** Opcodes seen. */
  ops: number;
  issue?: Issue;
}

interface Run {
  readonly c: Cursor;
  readonly out: PickleScan;
  readonly log: GlobalLog;
  /** Nesting of pickles embedded by joblib object arrays. */
  readonly depth: number;
}

function pushGlobal(m: Machine, run: Run, name: string): void {
  run.log.add(name);
  m.push({ k: 'global', v: name });
}

/** Joblib writes an array right after its wrapper's BUILD: raw bytes to skip, or a nested pickle to scan. */
function afterBuild(run: Run, target: Val): void {
  if (target.k !== 'obj' || target.cls !== JOBLIB_WRAPPER) return;
  const array = joblibArray(target.state);
  if (array.kind === 'pickle') {
    if (run.depth >= 4) throw new LimitReached('joblib object arrays nested deeper than 4');
    scanOne({ ...run, depth: run.depth + 1 });
    return;
  }
  if (array.padded) run.c.skip(run.c.u8());
  run.c.skip(array.bytes);
}

function construct(m: Machine, run: Run, op: PickleOp): void {
  const c = run.c;
  switch (op.kind) {
    case 'reduce': { const [fn, args] = m.pop(2) as [Val, Val]; m.push({ k: 'obj', cls: fn.k === 'global' ? fn.v : '?', args, state: OTHER }); return; }
    case 'newobj': { const [cls] = m.pop(op.pop ?? 2) as [Val]; m.push({ k: 'obj', cls: cls.k === 'global' ? cls.v : '?', args: OTHER, state: OTHER }); return; }
    case 'obj': { const [cls] = m.popMark(); m.push({ k: 'obj', cls: cls?.k === 'global' ? cls.v : '?', args: OTHER, state: OTHER }); return; }
    case 'inst': { const name = readGlobal(c); m.popMark(); run.log.add(name); m.push({ k: 'obj', cls: name, args: OTHER, state: OTHER }); return; }
    case 'build': {
      const [state] = m.pop(1) as [Val];
      const target = m.top();
      if (target.k === 'obj') target.state = state;
      afterBuild(run, target);
      return;
    }
    default: throw new Malformed(`unhandled opcode ${op.name}`);
  }
}

/** Executes one opcode on the abstract machine; true at STOP. */
function step(m: Machine, run: Run, op: PickleOp): boolean {
  const c = run.c;
  switch (op.kind) {
    case 'stop': return true;
    case 'proto': run.out.protocol = Math.max(run.out.protocol, c.u8()); return false;
    case 'frame': c.skip(8); return false;
    case 'mark': m.mark(); return false;
    case 'pop': if (m.stack.length > (m.marks.at(-1) ?? 0)) m.pop(1); else m.popMark(); return false;
    case 'dup': m.push(m.top()); return false;
    case 'string': m.push(readString(c, op)); return false;
    case 'int': m.push(readInt(c, op)); return false;
    case 'tuple': m.push(tupleOf(op.popMark ? m.popMark() : m.pop(op.pop ?? 0))); return false;
    case 'empty-dict': m.push({ k: 'dict', v: new Map() }); return false;
    case 'setitem': m.setItems(m.pop(2)); return false;
    case 'setitems': m.setItems(m.popMark()); return false;
    case 'global': pushGlobal(m, run, readGlobal(c)); return false;
    case 'stack-global': { const [mod, name] = m.pop(2); pushGlobal(m, run, `${strOf(mod)}.${strOf(name)}`); return false; }
    case 'ext': skipArg(c, op); pushGlobal(m, run, '?.?'); return false;
    case 'put': m.put(readIndex(c, op)); return false;
    case 'memoize': m.put(m.memo.size); return false;
    case 'get': m.push(m.memo.get(readIndex(c, op)) ?? OTHER); return false;
    case 'plain':
      skipArg(c, op);
      if (op.popMark) m.popMark();
      else if (op.pop) m.pop(op.pop);
      if (op.push) m.push(OTHER);
      return false;
    default: construct(m, run, op); return false;
  }
}

function scanOne(run: Run): void {
  const m = new Machine();
  for (let n = 0; ; n++) {
    if (n >= LIMITS.pickleOps) throw new LimitReached(`more than ${LIMITS.pickleOps} opcodes in one pickle`);
    run.out.ops++;
    const at = run.c.pos;
    const byte = run.c.u8();
    const op = PICKLE_OPS[byte];
    if (op === undefined) throw new Malformed(`byte 0x${byte.toString(16)} at offset ${at} is no opcode`);
    if (step(m, run, op)) return;
  }
}

/**
 * Scans the pickle(s) starting at `start`. Stops at the first pickle that does not end cleanly
 * (the issue says why) and after `LIMITS.picklesPerFile` pickles.
 */
export function scanPickles(src: ByteSource, start = 0, what = 'pickle'): PickleScan {
  const log = new GlobalLog();
  const out: PickleScan = { globals: log.names, protocol: 0, pickles: 0, ops: 0 };
  let pos = start;
  while (out.pickles < LIMITS.picklesPerFile) {
    const end = Math.min(src.size, pos + LIMITS.pickleBytes);
    const c = new Cursor(src, pos, end);
    try {
      scanOne({ c, out, log, depth: 0 });
    } catch (error) {
      out.issue = error instanceof Truncated && end < src.size
        ? { code: 'limit-reached', message: `${what}: only the first ${LIMITS.pickleBytes} bytes of a pickle were scanned` }
        : issueOf(what, error);
      return out;
    }
    out.pickles++;
    pos = c.pos;
    const next = src.read(pos, 2);
    if (next.length < 2 || next[0] !== 0x80 || (next[1] as number) > 5) return out;
  }
  return out;
}
