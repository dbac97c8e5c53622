/**
 * The abstract stack machine of the pickle scanner and the readers for opcode arguments. The stack
 * holds `Val`s (see pickle-values.ts); MARKs are kept as stack heights, as CPython's metastack does.
 * Every structural violation (underflow, a missing MARK) is `Malformed`; every cap is `LimitReached`.
 */
import { LIMITS } from './catalog.ts';
import { LimitReached, Malformed, latin1, utf8, type Cursor } from './cursor.ts';
import type { PickleOp } from './pickle-ops.ts';
import { MAX_TRACKED, OTHER, longOf, type Val } from './pickle-values.ts';

const MAX_CAPTURE = 1024;
export const MAX_LINE = 64 * 1024;

/** Globals seen across the pickles of one file, distinct, first-seen order, capped. */
export class GlobalLog {
  readonly names: string[] = [];
  private readonly seen = new Set<string>();

  add(name: string): void {
    if (this.seen.has(name) || this.names.length >= LIMITS.globals) return;
    this.seen.add(name);
    this.names.push(name);
  }
}

export class Machine {
  readonly stack: Val[] = [];
  readonly marks: number[] = [];
  readonly memo = new Map<number, Val>();

  private floor(): number {
    return this.marks.length > 0 ? (this.marks[this.marks.length - 1] as number) : 0;
  }

  mark(): void {
    if (this.marks.length >= LIMITS.pickleStack) throw new LimitReached(`more than ${LIMITS.pickleStack} open MARKs`);
    this.marks.push(this.stack.length);
  }

  pop(n: number): Val[] {
    if (this.stack.length - this.floor() < n) throw new Malformed('stack underflow');
    return this.stack.splice(this.stack.length - n, n);
  }

  popMark(): Val[] {
    const mark = this.marks.pop();
    if (mark === undefined) throw new Malformed('no MARK to pop to');
    return this.stack.splice(mark);
  }

  push(v: Val): void {
    if (this.stack.length >= LIMITS.pickleStack) throw new LimitReached(`stack deeper than ${LIMITS.pickleStack}`);
    this.stack.push(v);
  }

  top(): Val {
    if (this.stack.length <= this.floor()) throw new Malformed('memo/dup/build on an empty stack');
    return this.stack[this.stack.length - 1] as Val;
  }

  put(index: number): void {
    if (this.memo.size >= LIMITS.pickleMemo && !this.memo.has(index)) throw new LimitReached(`more than ${LIMITS.pickleMemo} memo entries`);
    this.memo.set(index, this.top());
  }

  /** SETITEM(S) into the dict on top; keys that are not strings, and entries past the cap, are dropped. */
  setItems(items: readonly Val[]): void {
    const target = this.top();
    if (target.k !== 'dict') return;
    for (let i = 0; i + 1 < items.length; i += 2) {
      const key = items[i];
      if (key?.k === 'str' && target.v.size < MAX_TRACKED) target.v.set(key.v, items[i + 1] as Val);
    }
  }
}

/** A tuple value (small ones only). */
export function tupleOf(items: readonly Val[]): Val {
  return items.length <= MAX_TRACKED ? { k: 'tuple', v: items } : OTHER;
}

function readLen(c: Cursor, arg: PickleOp['arg']): number {
  if (arg === 'len1') return c.u8();
  if (arg === 'len4') return c.u32();
  if (arg === 'len8') return c.u64();
  const n = c.i32();
  if (n < 0) throw new Malformed('negative length');
  return n;
}

/** Decodes a protocol-0 `S` argument (a quoted Python literal) or `V` (raw-unicode-escape). */
function lineString(raw: string, quoted: boolean): string {
  if (!quoted) return raw.replace(/\\u([0-9a-fA-F]{4})|\\U([0-9a-fA-F]{8})/g, (_m, a: string | undefined, b: string | undefined) => String.fromCodePoint(parseInt(a ?? b ?? '0', 16)));
  const q = raw[0];
  return (q === "'" || q === '"') && raw.endsWith(q) && raw.length >= 2 ? raw.slice(1, -1) : raw;
}

/** A string opcode's value; strings longer than anything a module name needs are not kept. */
export function readString(c: Cursor, op: PickleOp): Val {
  if (op.arg === 'line') return { k: 'str', v: lineString(utf8(c.line(MAX_LINE)), op.name === 'STRING') };
  const n = readLen(c, op.arg);
  if (n > MAX_CAPTURE) {
    c.skip(n);
    return OTHER;
  }
  const bytes = c.bytes(n);
  return { k: 'str', v: op.name.includes('UNICODE') ? utf8(bytes) : latin1(bytes) };
}

/** An int opcode's value (NEWTRUE/NEWFALSE count as 1/0, as Python's bool is an int). */
export function readInt(c: Cursor, op: PickleOp): Val {
  switch (op.name) {
    case 'BININT1': return { k: 'int', v: c.u8() };
    case 'BININT2': return { k: 'int', v: c.u16() };
    case 'BININT': return { k: 'int', v: c.i32() };
    case 'NEWTRUE': return { k: 'int', v: 1 };
    case 'NEWFALSE': return { k: 'int', v: 0 };
    case 'LONG1': return longOf(c.bytes(c.u8()));
    default: {
      const n = Number(latin1(c.line(MAX_LINE)).trim());
      return Number.isSafeInteger(n) ? { k: 'int', v: n } : OTHER;
    }
  }
}

/** Moves past an argument whose value is not needed. */
export function skipArg(c: Cursor, op: PickleOp): void {
  switch (op.arg) {
    case 'none': return;
    case 'u1': c.skip(1); return;
    case 'u2': c.skip(2); return;
    case 'u4': c.skip(4); return;
    case 'f8': case 'u8': c.skip(8); return;
    case 'line': c.line(MAX_LINE); return;
    case 'lines2': c.line(MAX_LINE); c.line(MAX_LINE); return;
    default: c.skip(readLen(c, op.arg));
  }
}

/** A memo index argument (PUT/GET family). */
export function readIndex(c: Cursor, op: PickleOp): number {
  if (op.arg === 'u1') return c.u8();
  if (op.arg === 'u4') return c.u32();
  const n = Number(latin1(c.line(MAX_LINE)).trim());
  if (!Number.isSafeInteger(n)) throw new Malformed(`bad memo index in ${op.name}`);
  return n;
}

/** A GLOBAL/INST argument: `module\nname\n`. */
export function readGlobal(c: Cursor): string {
  const mod = utf8(c.line(MAX_LINE)).trim();
  const name = utf8(c.line(MAX_LINE)).trim();
  return `${mod}.${name}`;
}
