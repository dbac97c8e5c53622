/**
 * A light, non-validating XML reader for pom.xml and MSBuild files: elements, attributes, text,
 * lines. Comments, processing instructions and DOCTYPE are skipped; CDATA counts as text (so
 * markup inside it is never read as elements). Namespace prefixes are dropped from names. The first
 * structural error is reported and scanning goes on leniently, so what could be read is kept.
 */
import { lineLocator } from './lines.ts';
import type { ParseProblem } from './types.ts';

/** One element. `text` is its own text (children's excluded), entities decoded, untrimmed. */
export interface XmlElement {
  readonly name: string;
  readonly attrs: Readonly<Record<string, string>>;
  readonly children: XmlElement[];
  readonly parent: XmlElement | undefined;
  /** 1-based line of the start tag. */
  readonly line: number;
  text: string;
}

/** The document element (undefined when there is none) and the first problem met. */
export interface XmlScan {
  readonly root: XmlElement | undefined;
  readonly problem: ParseProblem | undefined;
}

const START_TAG = /<([A-Za-z_][\w.:-]*)((?:\s+[^\s=/>]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>/y;
const END_TAG = /<\/\s*([A-Za-z_][\w.:-]*)\s*>/y;
const ATTR = /([^\s=/>]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;
/** Markup that is not content: [opener, closer, counts as text]. */
const SPECIAL: readonly (readonly [string, string, boolean])[] = [
  ['<![CDATA[', ']]>', true],
  ['<!--', '-->', false],
  ['<?', '?>', false],
  ['<!', '>', false],
];

/** Scans an XML document; never throws. */
export function scanXml(content: string): XmlScan {
  return new Scanner(content).run();
}

class Scanner {
  private readonly stack: XmlElement[] = [];
  private readonly lineAt: (offset: number) => number;
  private root: XmlElement | undefined;
  private problem: ParseProblem | undefined;
  private readonly content: string;

  constructor(content: string) {
    this.content = content;
    this.lineAt = lineLocator(content);
  }

  run(): XmlScan {
    const { content } = this;
    let i = 0;
    while (i < content.length) {
      const lt = content.indexOf('<', i);
      this.addText(decode(content.slice(i, lt === -1 ? undefined : lt)));
      if (lt === -1) break;
      i = this.special(lt) ?? (content.startsWith('</', lt) ? this.endTag(lt) : this.startTag(lt));
      if (i === -1) return { root: this.root, problem: this.problem };
    }
    if (this.stack.length > 0) this.fail(`<${this.stack[0]?.name ?? ''}> is not closed`, content.length);
    if (this.root === undefined) this.fail('no root element', 0);
    return { root: this.root, problem: this.problem };
  }

  /** Skips a comment/PI/DOCTYPE or reads CDATA; -1 stops the scan (unterminated), undefined = not special. */
  private special(lt: number): number | undefined {
    const kind = SPECIAL.find(([open]) => this.content.startsWith(open, lt));
    if (kind === undefined) return undefined;
    const [open, close, isText] = kind;
    const end = this.content.indexOf(close, lt + open.length);
    if (end === -1) {
      this.fail(`unterminated ${open}`, lt);
      return -1;
    }
    if (isText) this.addText(this.content.slice(lt + open.length, end));
    return end + close.length;
  }

  private endTag(lt: number): number {
    END_TAG.lastIndex = lt;
    const match = END_TAG.exec(this.content);
    const depth = match?.[1] === undefined ? -1 : this.stack.map((e) => e.name).lastIndexOf(localName(match[1]));
    if (!match || depth === -1) {
      this.fail(`unexpected closing tag ${match?.[0] ?? '</'}`, lt);
    } else {
      if (depth !== this.stack.length - 1) this.fail(`<${this.stack.at(-1)?.name ?? ''}> is not closed`, lt);
      this.stack.length = depth;
    }
    return match ? END_TAG.lastIndex : lt + 2;
  }

  private startTag(lt: number): number {
    START_TAG.lastIndex = lt;
    const tag = START_TAG.exec(this.content);
    if (!tag?.[1]) {
      this.fail('malformed tag', lt);
      return lt + 1;
    }
    const parent = this.stack.at(-1);
    const attrs = attributes(tag[2] ?? '');
    const element: XmlElement = { name: localName(tag[1]), attrs, children: [], parent, line: this.lineAt(lt), text: '' };
    if (parent) parent.children.push(element);
    else if (this.root === undefined) this.root = element;
    else this.fail('more than one root element', lt);
    if (tag[3] !== '/') this.stack.push(element);
    return START_TAG.lastIndex;
  }

  private addText(text: string): void {
    const top = this.stack.at(-1);
    if (top) top.text += text;
    else if (text.trim() !== '' && this.root === undefined) this.fail('text outside the root element', 0);
  }

  private fail(message: string, offset: number): void {
    this.problem ??= { message: `invalid XML: ${message}`, line: this.lineAt(offset) };
  }
}

/** Every descendant element with the given local name, in document order. */
export function descendants(element: XmlElement | undefined, name: string): XmlElement[] {
  const out: XmlElement[] = [];
  const walk = (e: XmlElement): void => {
    for (const c of e.children) {
      if (c.name === name) out.push(c);
      walk(c);
    }
  };
  if (element) walk(element);
  return out;
}

/** The first direct child with the given name. */
export function child(element: XmlElement, name: string): XmlElement | undefined {
  return element.children.find((c) => c.name === name);
}

/** Trimmed text of the first direct child with the given name; undefined when absent or empty. */
export function childText(element: XmlElement, name: string): string | undefined {
  const text = child(element, name)?.text.trim();
  return text === undefined || text === '' ? undefined : text;
}

function localName(name: string): string {
  return name.slice(name.indexOf(':') + 1);
}

function attributes(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const match of text.matchAll(ATTR)) if (match[1]) out[localName(match[1])] = decode(match[2] ?? match[3] ?? '');
  return out;
}

const NAMED: Readonly<Record<string, string>> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

function decode(text: string): string {
  return text.replace(/&(lt|gt|amp|quot|apos|#\d+|#x[0-9a-fA-F]+);/g, (_, entity: string) => {
    if (!entity.startsWith('#')) return NAMED[entity] ?? '';
    const code = entity.startsWith('#x') ? Number.parseInt(entity.slice(2), 16) : Number(entity.slice(1));
    return code <= 0x10ffff ? String.fromCodePoint(code) : '';
  });
}
