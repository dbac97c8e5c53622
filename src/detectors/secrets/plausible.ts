/**
 * Is a format-valid token a real key or a placeholder? Cheap checks on the part after the prefix:
 * Shannon entropy, character classes, placeholder words, runs of one character, ascending runs
 * (`123456`, `abcdef`) and identifier-like bodies (`requiredCharacteristicTypes...`). Random keys
 * pass all of them with overwhelming probability; examples and documentation values do not.
 */
import { PLACEHOLDER_WORDS, type KeyRule } from './catalog.ts';

/** Shannon entropy of a string in bits per character. */
export function shannonEntropy(text: string): number {
  if (text.length === 0) return 0;
  const counts = new Map<string, number>();
  for (const ch of text) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  let bits = 0;
  for (const n of counts.values()) {
    const p = n / text.length;
    bits -= p * Math.log2(p);
  }
  return bits;
}

/** Number of character classes (upper, lower, digit) present. */
export function characterClasses(text: string): number {
  return Number(/[A-Z]/.test(text)) + Number(/[a-z]/.test(text)) + Number(/[0-9]/.test(text));
}

/** True when some character repeats `n` times in a row (`xxxxxx`, `000000`). */
export function hasRun(text: string, n: number): boolean {
  let run = 1;
  for (let i = 1; i < text.length; i++) {
    run = text.charCodeAt(i) === text.charCodeAt(i - 1) ? run + 1 : 1;
    if (run >= n) return true;
  }
  return false;
}

/** True when `n` consecutive characters ascend by one (`123456`, `abcdef`, `ABCDEF`). */
export function hasAscending(text: string, n: number): boolean {
  let run = 1;
  for (let i = 1; i < text.length; i++) {
    run = text.charCodeAt(i) === text.charCodeAt(i - 1) + 1 ? run + 1 : 1;
    if (run >= n) return true;
  }
  return false;
}

/**
 * True when the body reads like words (camelCase, snake_case): the average length of its
 * letter/digit segments is long (5.5 or more). Random base62 averages about two characters per segment.
 */
export function looksLikeWords(text: string): boolean {
  const segments = text.match(/[A-Z]?[a-z]+|[A-Z]+(?![a-z])|[0-9]+/g);
  if (!segments || segments.length === 0) return true;
  const letters = segments.reduce((sum, s) => sum + s.length, 0);
  return letters / segments.length >= 5.5;
}

const HEX_BODY = /^[0-9a-f_-]+$/;

/** Why a token of the rule's shape is not taken as a key, or undefined when it is plausible. */
export function implausible(rule: KeyRule, token: string): string | undefined {
  const body = token.slice(rule.prefix.length);
  const lower = body.toLowerCase();
  const word = PLACEHOLDER_WORDS.find((w) => lower.includes(w));
  if (word !== undefined) return `placeholder word "${word}"`;
  if (hasRun(body, 6)) return 'repeated character';
  if (hasAscending(body, 6)) return 'sequential characters';
  if (characterClasses(body) < rule.minClasses) return 'too few character classes';
  if (shannonEntropy(body) < rule.minEntropy) return 'low entropy';
  // Hex bodies are exempt: digit runs of random hex are long, and hex never spells identifiers.
  if (!HEX_BODY.test(body) && looksLikeWords(body.replace(/T3BlbkFJ/g, ''))) return 'reads like an identifier';
  return undefined;
}
