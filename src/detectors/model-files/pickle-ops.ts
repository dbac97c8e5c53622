/**
 * The pickle opcode table, protocols 0 to 5 (CPython Lib/pickletools.py `opcodes`, the reference
 * the scanner follows). Each opcode says how its argument is encoded and what it does to the
 * stack, so the scanner can walk a pickle without running it: it never imports, calls or builds
 * anything, it only tracks which strings sit where so `STACK_GLOBAL` can be resolved.
 */

/**
 * Argument encodings: fixed-width integers, length-prefixed payloads (`len1`/`len4` unsigned,
 * `slen4` signed, `len8`), newline-terminated text (`line`), two lines (`lines2`, GLOBAL/INST).
 */
export type OpArg = 'none' | 'u1' | 'u2' | 'u4' | 'f8' | 'u8' | 'len1' | 'len4' | 'slen4' | 'len8' | 'line' | 'lines2';

/**
 * What the scanner does: `plain` pops `pop` items (or down to the mark with `popMark`) and pushes
 * `push` unknown values; the others track values (strings, small ints, tuples, dicts, objects) or
 * need the argument (a global, a memo index). `tuple` and `newobj` use `pop`/`popMark` as arity.
 */
export type OpKind =
  | 'plain' | 'string' | 'int' | 'tuple' | 'empty-dict' | 'setitem' | 'setitems' | 'reduce' | 'newobj' | 'build' | 'obj'
  | 'global' | 'inst' | 'stack-global' | 'put' | 'get' | 'memoize' | 'mark' | 'pop' | 'dup' | 'ext' | 'proto' | 'stop' | 'frame';

export interface PickleOp {
  readonly name: string;
  readonly arg: OpArg;
  readonly kind: OpKind;
  readonly pop?: number;
  readonly popMark?: boolean;
  readonly push?: 0 | 1;
}

type Row = readonly [code: string | number, name: string, arg: OpArg, kind: OpKind, effect?: { pop?: number; popMark?: boolean; push?: 0 | 1 }];

const PUSH = { push: 1 } as const;
const MARK_TO_ONE = { popMark: true, push: 1 } as const;

const ROWS: readonly Row[] = [
  ['(', 'MARK', 'none', 'mark'],
  ['.', 'STOP', 'none', 'stop'],
  ['0', 'POP', 'none', 'pop'],
  ['1', 'POP_MARK', 'none', 'plain', { popMark: true }],
  ['2', 'DUP', 'none', 'dup'],
  ['F', 'FLOAT', 'line', 'plain', PUSH],
  ['I', 'INT', 'line', 'int'],
  ['J', 'BININT', 'u4', 'int'],
  ['K', 'BININT1', 'u1', 'int'],
  ['L', 'LONG', 'line', 'plain', PUSH],
  ['M', 'BININT2', 'u2', 'int'],
  ['N', 'NONE', 'none', 'plain', PUSH],
  ['P', 'PERSID', 'line', 'plain', PUSH],
  ['Q', 'BINPERSID', 'none', 'plain', { pop: 1, push: 1 }],
  ['R', 'REDUCE', 'none', 'reduce'],
  ['S', 'STRING', 'line', 'string'],
  ['T', 'BINSTRING', 'slen4', 'string'],
  ['U', 'SHORT_BINSTRING', 'len1', 'string'],
  ['V', 'UNICODE', 'line', 'string'],
  ['X', 'BINUNICODE', 'len4', 'string'],
  ['a', 'APPEND', 'none', 'plain', { pop: 1 }],
  ['b', 'BUILD', 'none', 'build'],
  ['c', 'GLOBAL', 'lines2', 'global'],
  ['d', 'DICT', 'none', 'plain', MARK_TO_ONE],
  ['}', 'EMPTY_DICT', 'none', 'empty-dict'],
  ['e', 'APPENDS', 'none', 'plain', { popMark: true }],
  ['g', 'GET', 'line', 'get'],
  ['h', 'BINGET', 'u1', 'get'],
  ['i', 'INST', 'lines2', 'inst'],
  ['j', 'LONG_BINGET', 'u4', 'get'],
  ['l', 'LIST', 'none', 'plain', MARK_TO_ONE],
  [']', 'EMPTY_LIST', 'none', 'plain', PUSH],
  ['o', 'OBJ', 'none', 'obj'],
  ['p', 'PUT', 'line', 'put'],
  ['q', 'BINPUT', 'u1', 'put'],
  ['r', 'LONG_BINPUT', 'u4', 'put'],
  ['s', 'SETITEM', 'none', 'setitem'],
  ['t', 'TUPLE', 'none', 'tuple', { popMark: true }],
  [')', 'EMPTY_TUPLE', 'none', 'tuple', { pop: 0 }],
  ['u', 'SETITEMS', 'none', 'setitems'],
  ['G', 'BINFLOAT', 'f8', 'plain', PUSH],
  ['B', 'BINBYTES', 'len4', 'plain', PUSH],
  ['C', 'SHORT_BINBYTES', 'len1', 'plain', PUSH],
  [0x80, 'PROTO', 'u1', 'proto'],
  [0x81, 'NEWOBJ', 'none', 'newobj', { pop: 2 }],
  [0x82, 'EXT1', 'u1', 'ext'],
  [0x83, 'EXT2', 'u2', 'ext'],
  [0x84, 'EXT4', 'u4', 'ext'],
  [0x85, 'TUPLE1', 'none', 'tuple', { pop: 1 }],
  [0x86, 'TUPLE2', 'none', 'tuple', { pop: 2 }],
  [0x87, 'TUPLE3', 'none', 'tuple', { pop: 3 }],
  [0x88, 'NEWTRUE', 'none', 'int'],
  [0x89, 'NEWFALSE', 'none', 'int'],
  [0x8a, 'LONG1', 'len1', 'int'],
  [0x8b, 'LONG4', 'slen4', 'plain', PUSH],
  [0x8c, 'SHORT_BINUNICODE', 'len1', 'string'],
  [0x8d, 'BINUNICODE8', 'len8', 'string'],
  [0x8e, 'BINBYTES8', 'len8', 'plain', PUSH],
  [0x8f, 'EMPTY_SET', 'none', 'plain', PUSH],
  [0x90, 'ADDITEMS', 'none', 'plain', { popMark: true }],
  [0x91, 'FROZENSET', 'none', 'plain', MARK_TO_ONE],
  [0x92, 'NEWOBJ_EX', 'none', 'newobj', { pop: 3 }],
  [0x93, 'STACK_GLOBAL', 'none', 'stack-global'],
  [0x94, 'MEMOIZE', 'none', 'memoize'],
  [0x95, 'FRAME', 'u8', 'frame'],
  [0x96, 'BYTEARRAY8', 'len8', 'plain', PUSH],
  [0x97, 'NEXT_BUFFER', 'none', 'plain', PUSH],
  [0x98, 'READONLY_BUFFER', 'none', 'plain', { pop: 1, push: 1 }],
];

/** Opcode byte → definition; `undefined` for bytes that are no opcode (the pickle is malformed). */
export const PICKLE_OPS: readonly (PickleOp | undefined)[] = (() => {
  const table: (PickleOp | undefined)[] = new Array<PickleOp | undefined>(256).fill(undefined);
  for (const [code, name, arg, kind, effect] of ROWS) {
    const byte = typeof code === 'number' ? code : code.charCodeAt(0);
    table[byte] = { name, arg, kind, ...effect };
  }
  return table;
})();

/** Highest protocol this table covers. */
export const MAX_PICKLE_PROTOCOL = 5;
