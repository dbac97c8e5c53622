/**
 * HCL2 config-file parser (hclsyntax spec "Structural Elements"): a body is attributes
 * (`name = expr` ending at a newline) and blocks (`type "label"... { body }`, one-line blocks
 * allowed). On a syntax error the top-level blocks read before it are kept and the error
 * (message and line) is returned beside them, so one bad block does not hide a whole file.
 */
import type { Attribute, Block, BodyItem } from './hcl-ast.ts';
import { describe, ExprParser } from './hcl-expressions.ts';
import { HclSyntaxError, tokenize, type Token } from './hcl-lexer.ts';
import { parseTemplate } from './hcl-template.ts';

export interface HclFile {
  readonly body: readonly BodyItem[];
  readonly error?: HclSyntaxError;
}

/** Parses a whole `.tf` file; never throws. */
export function parseHcl(src: string): HclFile {
  let tokens: Token[];
  let lexError: HclSyntaxError | undefined;
  try {
    tokens = tokenize(src);
  } catch (error) {
    if (!(error instanceof HclSyntaxError)) throw error;
    lexError = error;
    // Keep what precedes the bad line: the complete blocks before it still count.
    tokens = safeTokenize(src, offsetOfLine(src, error.line));
  }
  const parser = new BodyParser(src, tokens);
  const { body, error } = parser.parseFile();
  const first = lexError ?? error;
  return first === undefined ? { body } : { body, error: first };
}

function safeTokenize(src: string, end: number): Token[] {
  try {
    return tokenize(src, 0, end);
  } catch {
    return [{ type: 'eof', value: '', start: 0, end: 0, line: 1 }];
  }
}

function offsetOfLine(src: string, line: number): number {
  let offset = 0;
  for (let n = 1; n < line; n++) {
    const next = src.indexOf('\n', offset);
    if (next === -1) return src.length;
    offset = next + 1;
  }
  return offset;
}

class BodyParser extends ExprParser {
  parseFile(): HclFile {
    const body: BodyItem[] = [];
    try {
      for (this.skipNewlines(); this.peek().type !== 'eof'; this.skipNewlines()) body.push(this.parseItem());
      return { body };
    } catch (error) {
      if (error instanceof HclSyntaxError) return { body, error };
      if (error instanceof RangeError) return { body, error: new HclSyntaxError('input too deeply nested to read', this.peek().line) };
      throw error;
    }
  }

  private parseItem(): BodyItem {
    const name = this.next();
    if (name.type !== 'ident') throw new HclSyntaxError(`expected an attribute or block name but found ${describe(name)}`, name.line);
    if (this.isPunct('=')) {
      this.next();
      const attribute: Attribute = { type: 'attribute', name: name.value, expr: this.parseExpr(), line: name.line };
      this.endOfItem();
      return attribute;
    }
    return this.parseBlock(name);
  }

  private parseBlock(name: Token): Block {
    const labels: string[] = [];
    for (let t = this.peek(); t.type === 'string' || t.type === 'ident'; t = this.peek()) {
      this.next();
      labels.push(t.type === 'ident' ? t.value : labelText(this.src, t));
    }
    this.expect('{');
    this.enter(name.line);
    const body: BodyItem[] = [];
    try {
      for (this.skipNewlines(); !this.isPunct('}'); this.skipNewlines()) {
        if (this.peek().type === 'eof') throw new HclSyntaxError(`block "${name.value}" opened on line ${name.line} is never closed`, this.peek().line);
        body.push(this.parseItem());
      }
    } finally {
      this.leave();
    }
    this.expect('}');
    this.endOfItem();
    return { type: 'block', blockType: name.value, labels, body, line: name.line };
  }

  /** An item ends at a newline, the end of the file, or the `}` closing a one-line block. */
  private endOfItem(): void {
    const t = this.peek();
    if (t.type === 'newline' || t.type === 'eof' || (t.type === 'punct' && t.value === '}')) return;
    throw new HclSyntaxError(`expected a newline after the item but found ${describe(t)}`, t.line);
  }
}

/** A block label is a plain quoted string; interpolations are not allowed there. */
function labelText(src: string, t: Token): string {
  const expr = parseTemplate(src, t, 0);
  if (expr.type !== 'template' || expr.parts.some((p) => typeof p !== 'string')) throw new HclSyntaxError('block labels cannot hold interpolations', t.line);
  return expr.parts.join('');
}
