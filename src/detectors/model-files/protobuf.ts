/**
 * A minimal protobuf wire-format walker (protobuf.dev encoding guide): varints, tags and
 * length-delimited fields, skipping what is not wanted by length without reading it. Varints longer
 * than 10 bytes, groups, field number 0 and lengths past the message end are `Malformed`; the number
 * of fields walked per file is capped.
 */
import { LIMITS } from './catalog.ts';
import { LimitReached, Malformed, type Cursor } from './cursor.ts';

export interface Field {
  readonly num: number;
  readonly wire: number;
  /** Varint value (wire 0) or payload length (wire 2). */
  readonly value: number;
  /** Payload start for wire 2. */
  readonly start: number;
}

export const VARINT = 0;
export const LEN = 2;

/** Walks fields; shares one field budget across nested messages of a file. */
export class ProtoReader {
  private fields = 0;
  readonly c: Cursor;

  constructor(c: Cursor) {
    this.c = c;
  }

  varint(): number {
    let value = 0;
    let scale = 1;
    for (let i = 0; i < 10; i++) {
      const b = this.c.u8();
      value += (b & 0x7f) * scale;
      if ((b & 0x80) === 0) return value;
      scale *= 128;
    }
    throw new Malformed(`varint longer than 10 bytes at offset ${this.c.pos - 10}`);
  }

  /** Reads the next field header (and its varint or length) before `end`; null at `end`. */
  next(end: number): Field | null {
    if (this.c.pos >= end) return null;
    if (++this.fields > LIMITS.protoFields) throw new LimitReached(`more than ${LIMITS.protoFields} protobuf fields`);
    const tag = this.varint();
    const num = Math.floor(tag / 8);
    const wire = tag % 8;
    if (num === 0) throw new Malformed(`field number 0 at offset ${this.c.pos}`);
    switch (wire) {
      case VARINT: return { num, wire, value: this.varint(), start: this.c.pos };
      case 1: this.c.skip(8); return { num, wire, value: 0, start: this.c.pos };
      case 5: this.c.skip(4); return { num, wire, value: 0, start: this.c.pos };
      case LEN: {
        const len = this.varint();
        if (len > end - this.c.pos) throw new Malformed(`field ${num} of ${len} bytes runs past its message at offset ${this.c.pos}`);
        return { num, wire, value: len, start: this.c.pos };
      }
      default: throw new Malformed(`wire type ${wire} at offset ${this.c.pos}`);
    }
  }

  /** Moves past a length-delimited field's payload. */
  skip(f: Field): void {
    if (f.wire === LEN) this.c.pos = f.start + f.value;
  }

  /** A length-delimited payload as text, cut to `max` bytes. */
  text(f: Field, max: number): string {
    const n = Math.min(f.value, max);
    const out = new TextDecoder().decode(this.c.bytes(n));
    this.c.pos = f.start + f.value;
    return out;
  }
}
