/**
 * Document structure: paragraphs, lines, sentences and word tokens with UTF-16 offsets.
 * Every later stage works on this structure so that offsets stay consistent.
 */
import type { Span } from './types';
import { isAsciiDigit } from './chars';
import { ABBREVIATIONS, BOILERPLATE_LINES, BOILERPLATE_TAIL_MARKERS } from './lexicon';

export type ParagraphKind =
  /** The first non-empty paragraph when it looks like a title. */
  | 'headline'
  /** Running story text. */
  | 'body'
  /** A one-line, headline-like paragraph between story paragraphs (related-story links, section teasers). */
  | 'aside'
  /** Page furniture that is not the story ("You may also like", ads, share buttons). */
  | 'boilerplate';

export interface Paragraph extends Span {
  index: number;
  kind: ParagraphKind;
}

export interface Line extends Span {
  paragraph: number;
  /** True when the line has at least two letters and no lower-case letter (CoNLL-style headlines, wire slugs). */
  allCaps: boolean;
}

export interface Sentence extends Span {
  index: number;
  paragraph: number;
}

export type TokenKindName = 'word' | 'number' | 'punct';

/** A token's kind as stored in `Doc.tokenKind`. */
export const enum TokenKind {
  Word = 0,
  Number = 1,
  Punct = 2,
}

const KIND_NAMES: readonly TokenKindName[] = ['word', 'number', 'punct'];

export interface Doc {
  text: string;
  paragraphs: Paragraph[];
  lines: Line[];
  sentences: Sentence[];
  /** The distinct token texts ("forms") of the document, each once. */
  forms: string[];
  /** Index in `forms` of each token's text: lets later stages compute facts about a word once per form. */
  formOf: Int32Array;
  /** Lower-case form of each form, curly apostrophes straightened ("Don’t" → "don't"); see `lowerAt`. */
  folds: string[];
  /**
   * The tokens, column-wise (one typed array per field instead of one object per token: a long text has
   * hundreds of thousands of tokens). Token i spans `tokenStart[i]`–`tokenEnd[i]` in sentence
   * `tokenSentence[i]`, is of kind `tokenKind[i]` and reads `forms[formOf[i]]` (see `tokenText`).
   */
  tokenCount: number;
  tokenStart: Int32Array;
  tokenEnd: Int32Array;
  tokenSentence: Int32Array;
  tokenKind: Uint8Array;
  /** For each run of `BUCKET_SIZE` characters, the first token starting in it or later (see `tokenIndexFrom`). */
  tokenBuckets: Int32Array;
}

/** Token i's text (`i` must be a token index: callers check bounds). */
export function tokenText(doc: Doc, i: number): string {
  return doc.forms[doc.formOf[i]];
}

/** Token i's lower-case form (curly apostrophes straightened), or '' past either end. */
export function lowerAt(doc: Doc, i: number): string {
  return i >= 0 && i < doc.tokenCount ? doc.folds[doc.formOf[i]] : '';
}

/** Token i's kind by name ('word', 'number', 'punct'), for messages and tests. */
export function tokenKindName(doc: Doc, i: number): TokenKindName {
  return KIND_NAMES[doc.tokenKind[i]];
}

/** True when token i exists and is a word. */
export function isWordToken(doc: Doc, i: number): boolean {
  return i >= 0 && i < doc.tokenCount && doc.tokenKind[i] === TokenKind.Word;
}


const LETTER = /\p{L}/u;
const LOWER = /\p{Ll}/u;
const UPPER = /\p{Lu}/u;

/** Splits text into paragraphs at blank lines (a line holding only white space counts as blank). */
function splitParagraphs(text: string): Span[] {
  const out: Span[] = [];
  const blank = /(?:\r\n|\r|\n)[ \t\u00a0\uFEFF]*(?:\r\n|\r|\n)(?:[ \t\u00a0\uFEFF]*(?:\r\n|\r|\n))*/g;
  let last = 0;
  for (let m = blank.exec(text); m; m = blank.exec(text)) {
    pushTrimmed(text, last, m.index, out);
    last = m.index + m[0].length;
  }
  pushTrimmed(text, last, text.length, out);
  return out;
}

function pushTrimmed(text: string, start: number, end: number, out: Span[]): void {
  while (start < end && isSpace(text.charCodeAt(start))) start++;
  while (end > start && isSpace(text.charCodeAt(end - 1))) end--;
  if (end > start) out.push({ start, end });
}

/** `s` with runs of white space collapsed to one space and trimmed; `s` itself when that changes nothing. */
export function collapseSpaces(s: string): string {
  return hasOnlySingleInnerSpaces(s) ? s : s.replace(/\s+/g, ' ').trim();
}

/** No white space but single ASCII spaces between other characters. */
function hasOnlySingleInnerSpaces(s: string): boolean {
  let previous = 32;
  for (let i = 0; i < s.length; i++) {
    const code = s.charCodeAt(i);
    if (code === 32 ? previous === 32 : code >= 0x80 || (code >= 9 && code <= 13)) return false;
    previous = code;
  }
  return previous !== 32;
}

export function isSpace(code: number): boolean {
  return code === 32 || code === 9 || code === 10 || code === 13 || code === 0xa0 || code === 0xfeff || code === 0x2028 || code === 0x2029 || (code >= 0x2000 && code <= 0x200b) || code === 0x3000 || code === 0x0b || code === 0x0c;
}

/** Splits a paragraph at its line breaks ("\r\n", "\r" or "\n"); `lineBreaks` searches the text for them. */
function splitLines(text: string, lineBreaks: ForwardSearch, para: Span, paragraph: number, out: Line[]): void {
  let start = para.start;
  for (;;) {
    const at = lineBreaks.find(start);
    if (at >= para.end) {
      pushTrimmedLine(text, start, para.end, paragraph, out);
      return;
    }
    pushTrimmedLine(text, start, at, paragraph, out);
    start = at + (text.charCodeAt(at) === 13 && text.charCodeAt(at + 1) === 10 ? 2 : 1);
  }
}

function pushTrimmedLine(text: string, start: number, end: number, paragraph: number, out: Line[]): void {
  while (start < end && isSpace(text.charCodeAt(start))) start++;
  while (end > start && isSpace(text.charCodeAt(end - 1))) end--;
  if (end > start) out.push({ start, end, paragraph, allCaps: isAllCaps(text, start, end) });
}

/** No lower-case letter in text[start, end) and at least two letters. */
function isAllCaps(text: string, start: number, end: number): boolean {
  let letters = 0;
  for (let i = start; i < end; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) {
      if (code >= 97 && code <= 122) return false;
      if (code >= 65 && code <= 90) letters++;
      continue;
    }
    // Outside ASCII: test the whole code point (a surrogate pair is one letter).
    const ch = String.fromCodePoint(text.codePointAt(i) as number);
    if (ch.length === 2) i++;
    if (LOWER.test(ch)) return false;
    if (LETTER.test(ch)) letters++;
  }
  return letters >= 2;
}

const LETTER_OR_DIGIT_AT = /[\p{L}\p{N}]/uy;

/** The number of words (runs of letters and digits) in text[start, end), counting no further than `limit + 1`. */
function wordCountUpTo(text: string, start: number, end: number, limit: number): number {
  let n = 0;
  let inWord = false;
  for (let i = start; i < end; ) {
    const code = text.charCodeAt(i);
    let wordChar: boolean;
    if (code < 0x80) {
      wordChar = isAsciiLetter(code) || isAsciiDigit(code);
      i++;
    } else {
      LETTER_OR_DIGIT_AT.lastIndex = i;
      wordChar = LETTER_OR_DIGIT_AT.test(text);
      i += codePointLength(text, i);
    }
    if (wordChar && !inWord && ++n > limit) return n;
    inWord = wordChar;
  }
  return n;
}

function normalizeForLexicon(s: string): string {
  return s.replace(/\s+/g, ' ').replace(/[.:!»›>]+$/u, '').trim().toLowerCase();
}

const LONGEST_FURNITURE = Math.max(0, ...[...BOILERPLATE_LINES, ...BOILERPLATE_TAIL_MARKERS].map((line) => line.length));

/**
 * True when `s` may be a page-furniture line: its normalised form keeps every ASCII letter and digit,
 * so a paragraph with more of them than the longest listed line cannot be one.
 */
function mayBeFurniture(text: string, start: number, end: number): boolean {
  let alnum = 0;
  for (let i = start; i < end; i++) {
    const code = text.charCodeAt(i) | 0x20;
    if ((code >= 97 && code <= 122) || (code >= 48 && code <= 57)) {
      if (++alnum > LONGEST_FURNITURE) return false;
    }
  }
  return true;
}

/** . ! … " ” ’ » ) : a paragraph ending with one of them reads as a sentence, not a title. */
function isTerminalMark(code: number): boolean {
  return code === 46 || code === 33 || code === 0x2026 || code === 34 || code === 0x201d || code === 0x2019 || code === 0xbb || code === 41;
}

/** text[start, end) holds a quotation mark: “ ” " « ». */
function hasQuotationMark(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const code = text.charCodeAt(i);
    if (code === 0x201c || code === 0x201d || code === 34 || code === 0xab || code === 0xbb) return true;
  }
  return false;
}

/** Classifies paragraphs: headline, body, aside (related-headline teasers) and boilerplate. */
function classifyParagraphs(text: string, spans: Span[]): Paragraph[] {
  const paragraphs: Paragraph[] = spans.map((s, index) => ({ start: s.start, end: s.end, index, kind: 'body' as ParagraphKind }));
  let tail = false;
  const lineBreaks = new ForwardSearch(text, LINE_BREAKS);
  for (const p of paragraphs) {
    const { start, end } = p;
    const norm = mayBeFurniture(text, start, end) ? normalizeForLexicon(text.slice(start, end)) : null;
    if (norm !== null && BOILERPLATE_TAIL_MARKERS.has(norm)) tail = true;
    if (tail || (norm !== null && BOILERPLATE_LINES.has(norm))) {
      p.kind = 'boilerplate';
      continue;
    }
    if (lineBreaks.find(start) < end) continue;
    const last = text.charCodeAt(end - 1);
    const terminal = isTerminalMark(last);
    if (p.index === 0) {
      if (!terminal && wordCountUpTo(text, start, end, 30) <= 30) p.kind = 'headline';
    } else if ((!terminal || last === 63) && !hasQuotationMark(text, start, end)) {
      const words = wordCountUpTo(text, start, end, 18);
      if (words > 0 && words <= 18) p.kind = 'aside';
    }
  }
  // An aside is only an aside when story text surrounds it; the last paragraph of a story can be short too.
  const lastBody = paragraphs.reduce((acc, p) => (p.kind === 'body' ? p.index : acc), -1);
  for (const p of paragraphs) if (p.kind === 'aside' && p.index > lastBody) p.kind = 'boilerplate';
  return paragraphs;
}

const CLOSERS = new Set(['"', '”', '’', "'", '»', ')', ']', '›']);
const OPENERS = new Set(['"', '“', '‘', "'", '«', '(', '[', '„', '‹']);

/** True when a period at `dot` ends an abbreviation or an initial rather than a sentence. */
function isAbbreviation(text: string, dot: number): boolean {
  let i = dot - 1;
  while (i >= 0 && isLetterOrPeriod(text, i)) i--;
  const word = text.slice(i + 1, dot);
  if (!word) return false;
  if (word.length === 1 && UPPER.test(word)) return true; // an initial: "George W. Bush"
  if (word.length >= 3 && word.charCodeAt(1) === 46 && /^(?:\p{L}\.)+\p{L}$/u.test(word)) return true; // "U.S", "a.m"
  return ABBREVIATIONS.has(word.toLowerCase());
}

const LETTER_OR_PERIOD = /[\p{L}.]/u;

/** The UTF-16 unit at `i` is a letter or a period (half of a surrogate pair is neither). */
function isLetterOrPeriod(text: string, i: number): boolean {
  const code = text.charCodeAt(i);
  if (code < 0x80) return code === 46 || isAsciiLetter(code);
  return LETTER_OR_PERIOD.test(text.charAt(i));
}

/**
 * Finds the next occurrence of any of a few characters with `indexOf`, for searches that mostly move forward:
 * the position found for each character is kept until the search passes it, so each part of the text is read once.
 */
export class ForwardSearch {
  private readonly next: Int32Array;
  private from = 0;

  constructor(
    private readonly text: string,
    private readonly chars: readonly string[],
  ) {
    this.next = new Int32Array(chars.length).fill(-1);
  }

  /** The first position at or after `from` holding one of the characters, or the text's length. */
  find(from: number): number {
    if (from < this.from) this.next.fill(-1);
    this.from = from;
    let first = this.text.length;
    for (let c = 0; c < this.chars.length; c++) {
      let at = this.next[c];
      if (at < from) {
        at = this.text.indexOf(this.chars[c], from);
        if (at < 0) at = this.text.length;
        this.next[c] = at;
      }
      if (at < first) first = at;
    }
    return first;
  }
}

const SENTENCE_END_MARKS = ['.', '!', '?', '…'];
const LINE_BREAKS = ['\n', '\r'];

function isSentenceEndMark(code: number): boolean {
  return code === 46 || code === 33 || code === 63 || code === 0x2026; // . ! ? …
}

function splitSentences(text: string, endMarks: ForwardSearch, lineStart: number, lineEnd: number, paragraph: number, out: Sentence[]): void {
  let start = lineStart;
  for (let i = endMarks.find(lineStart); i < lineEnd; i = endMarks.find(i + 1)) {
    const ch = text.charAt(i);
    let j = i + 1;
    while (j < lineEnd && isSentenceEndMark(text.charCodeAt(j))) j++;
    while (j < lineEnd && CLOSERS.has(text.charAt(j))) j++;
    if (j < lineEnd && !isSpace(text.charCodeAt(j))) continue;
    let k = j;
    while (k < lineEnd && isSpace(text.charCodeAt(k))) k++;
    if (k >= lineEnd) break;
    const next = text.charAt(k);
    if (!startsSentence(next)) continue;
    if (ch === '.' && j === i + 1 && isAbbreviation(text, i) && !OPENERS.has(next)) continue;
    out.push({ start, end: j, index: out.length, paragraph });
    start = k;
    i = k - 1;
  }
  if (lineEnd > start) out.push({ start, end: lineEnd, index: out.length, paragraph });
}

/** A sentence may start with `ch`: anything but a lower-case letter (or a letter of no case). */
function startsSentence(ch: string): boolean {
  const code = ch.charCodeAt(0);
  if (code < 0x80) return !(code >= 97 && code <= 122);
  return UPPER.test(ch) || OPENERS.has(ch) || /\p{N}/u.test(ch) || !LETTER.test(ch);
}

/** A line break inside a paragraph ends a sentence unless the text clearly runs on (hard-wrapped prose). */
function runsOn(text: string, prevEnd: number, nextStart: number): boolean {
  const last = text.charAt(prevEnd - 1);
  const first = text.charAt(nextStart);
  return (LOWER.test(last) || last === ',' || last === ';') && (LOWER.test(first) || /\p{N}/u.test(first));
}

const WORD_CHAR_AT = /[\p{L}\p{M}\p{N}]/uy;
const SPACE_AT = /\s/uy;

function isAsciiLetter(code: number): boolean {
  const lower = code | 0x20;
  return lower >= 97 && lower <= 122;
}

/** A letter, mark or digit starts at `i`. */
function isWordCharAt(text: string, i: number): boolean {
  const code = text.charCodeAt(i);
  if (code < 0x80) return isAsciiLetter(code) || isAsciiDigit(code);
  WORD_CHAR_AT.lastIndex = i;
  return WORD_CHAR_AT.test(text);
}

function isWhiteSpaceAt(text: string, i: number): boolean {
  const code = text.charCodeAt(i);
  if (code < 0x80) return code === 32 || (code >= 9 && code <= 13);
  SPACE_AT.lastIndex = i;
  return SPACE_AT.test(text);
}

/** UTF-16 length of the code point at `i`. */
function codePointLength(text: string, i: number): number {
  const code = text.charCodeAt(i);
  if (code < 0xd800 || code > 0xdbff) return 1;
  const next = text.charCodeAt(i + 1);
  return next >= 0xdc00 && next <= 0xdfff ? 2 : 1;
}

/** Apostrophes, hyphens, periods and ampersands join word parts: "O’Brien", "Ki-moon", "U.S", "AT&T". */
function isWordJoiner(code: number): boolean {
  return code === 0x2019 || code === 39 || code === 45 || code === 46 || code === 38;
}

const ASCII_OTHER = 0;
const ASCII_SPACE = 1;
const ASCII_WORD = 2;
/** Class of each ASCII character for the tokenizer: white space, letter or digit, or other. */
const ASCII_CLASS = new Int8Array(128).map((_, code) => (code === 32 || (code >= 9 && code <= 13) ? ASCII_SPACE : isAsciiLetter(code) || isAsciiDigit(code) ? ASCII_WORD : ASCII_OTHER));

/** End of the word starting at `i`: letters, marks and digits, with single joiners between them. */
function wordEnd(text: string, i: number): number {
  let j = i;
  for (;;) {
    for (;;) {
      if (j >= text.length) break;
      const code = text.charCodeAt(j);
      if (code < 0x80) {
        if (ASCII_CLASS[code] !== ASCII_WORD) break;
        j++;
      } else if (isWordCharAt(text, j)) j += codePointLength(text, j);
      else break;
    }
    if (j + 1 < text.length && isWordJoiner(text.charCodeAt(j)) && isWordCharAt(text, j + 1)) j++;
    else return j;
  }
}

/** A word token is a 'number' when it is digits with inner periods and commas; other tokens are 'punct'. */
function wordKind(text: string, start: number, end: number): TokenKind {
  const first = text.charCodeAt(start);
  if (isAsciiLetter(first)) return TokenKind.Word;
  if (first >= 0x80 || !isAsciiNumber(text, start, end)) return wordKindByClass(text.slice(start, end));
  return TokenKind.Number;
}

function isAsciiNumber(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const code = text.charCodeAt(i);
    if (!(isAsciiDigit(code) || code === 46 || code === 44)) return false;
  }
  return true;
}

function wordKindByClass(t: string): TokenKind {
  return /^\p{N}[\p{N}.,]*$/u.test(t) ? TokenKind.Number : /[\p{L}\p{N}]/u.test(t) ? TokenKind.Word : TokenKind.Punct;
}

/** Lower-case form of a token text with curly apostrophes straightened ("Don’t" → "don't"). */
export function foldToken(text: string): string {
  const w = text.toLowerCase();
  return w.includes('’') ? w.replace(/’/g, "'") : w;
}

/**
 * The distinct token texts of one document ("forms"), each stored once with its lower-case fold.
 * A token's form is found by hashing its characters where they stand in the text, so the text is sliced
 * only the first time a form occurs: a long text repeats a few thousand forms over and over.
 */
class FormTable {
  readonly forms: string[] = [];
  readonly folds: string[] = [];
  /** Token kind of each form read as a whole word, once classified. */
  readonly wordKinds: (TokenKind | undefined)[] = [];
  private readonly hashes: number[] = [];
  /** Open-addressing hash table: form index + 1, or 0 for an empty slot. */
  private slots = new Int32Array(1024);

  /** Index of the form text[start, end), added when new. */
  intern(text: string, start: number, end: number): number {
    let hash = 0x811c9dc5;
    for (let i = start; i < end; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
    const mask = this.slots.length - 1;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const entry = this.slots[slot];
      if (entry === 0) break;
      const id = entry - 1;
      if (this.hashes[id] === hash && sameText(this.forms[id], text, start, end)) return id;
    }
    const id = this.forms.length;
    const form = text.slice(start, end);
    this.forms.push(form);
    this.folds.push(foldToken(form));
    this.wordKinds.push(undefined);
    this.hashes.push(hash);
    if (this.forms.length * 2 > this.slots.length) this.grow();
    else this.place(id, hash);
    return id;
  }

  private place(id: number, hash: number): void {
    const mask = this.slots.length - 1;
    let slot = hash & mask;
    while (this.slots[slot] !== 0) slot = (slot + 1) & mask;
    this.slots[slot] = id + 1;
  }

  private grow(): void {
    this.slots = new Int32Array(this.slots.length * 2);
    for (let id = 0; id < this.forms.length; id++) this.place(id, this.hashes[id]);
  }
}

function sameText(form: string, text: string, start: number, end: number): boolean {
  if (form.length !== end - start) return false;
  for (let k = 0; k < form.length; k++) if (form.charCodeAt(k) !== text.charCodeAt(start + k)) return false;
  return true;
}

interface Tokens {
  forms: string[];
  folds: string[];
  formOf: Int32Array;
  tokenCount: number;
  tokenStart: Int32Array;
  tokenEnd: Int32Array;
  tokenSentence: Int32Array;
  tokenKind: Uint8Array;
}

/** Growable columns of token fields, trimmed to the token count at the end. */
class TokenColumns {
  count = 0;
  start: Int32Array;
  end: Int32Array;
  sentence: Int32Array;
  kind: Uint8Array;
  formOf: Int32Array;

  constructor(capacity: number) {
    this.start = new Int32Array(capacity);
    this.end = new Int32Array(capacity);
    this.sentence = new Int32Array(capacity);
    this.kind = new Uint8Array(capacity);
    this.formOf = new Int32Array(capacity);
  }

  push(start: number, end: number, sentence: number, kind: TokenKind, form: number): void {
    if (this.count === this.start.length) this.grow();
    const i = this.count++;
    this.start[i] = start;
    this.end[i] = end;
    this.sentence[i] = sentence;
    this.kind[i] = kind;
    this.formOf[i] = form;
  }

  private grow(): void {
    const size = this.start.length * 2;
    this.start = filledFrom(new Int32Array(size), this.start);
    this.end = filledFrom(new Int32Array(size), this.end);
    this.sentence = filledFrom(new Int32Array(size), this.sentence);
    this.kind = filledFrom(new Uint8Array(size), this.kind);
    this.formOf = filledFrom(new Int32Array(size), this.formOf);
  }
}

/** `target` with `source` copied into its start. */
function filledFrom<T extends Int32Array | Uint8Array>(target: T, source: T): T {
  target.set(source);
  return target;
}

/**
 * Tokenizes the whole text once and assigns each token to the sentence that contains its start.
 * A token is a word (see `wordEnd`) or any other single character that is not white space.
 * Equal token texts share one string (see `FormTable`), and each distinct text is lower-cased once.
 */
function tokenize(text: string, sentences: Sentence[]): Tokens {
  const table = new FormTable();
  // News text averages about five characters per token; the columns grow when a text has more.
  const columns = new TokenColumns(Math.max(16, Math.ceil(text.length / 4)));
  let si = 0;
  let i = 0;
  const length = text.length;
  while (i < length) {
    const code = text.charCodeAt(i);
    // ASCII characters are classified by table; the rest by their Unicode properties.
    const ascii = code < 0x80 ? ASCII_CLASS[code] : -1;
    if (ascii === ASCII_SPACE || (ascii < 0 && isWhiteSpaceAt(text, i))) {
      i += ascii < 0 ? codePointLength(text, i) : 1;
      continue;
    }
    const isWord = ascii === ASCII_WORD || (ascii < 0 && isWordCharAt(text, i));
    const fullEnd = isWord ? wordEnd(text, i) : i + (ascii < 0 ? codePointLength(text, i) : 1);
    const start = i;
    i = fullEnd;
    while (si < sentences.length && sentences[si].end <= start) si++;
    if (si >= sentences.length) break;
    if (start < sentences[si].start) continue;
    const end = Math.min(fullEnd, sentences[si].end);
    const id = table.intern(text, start, end);
    let kind = TokenKind.Punct;
    if (isWord) {
      // A word cut short by its sentence's end is classified by the whole word.
      if (end !== fullEnd) kind = wordKind(text, start, fullEnd);
      else kind = table.wordKinds[id] ??= wordKind(text, start, fullEnd);
    }
    columns.push(start, end, si, kind, id);
  }
  const n = columns.count;
  const tokenStart = columns.start.slice(0, n);
  const tokenEnd = columns.end.slice(0, n);
  const tokenSentence = columns.sentence.slice(0, n);
  const tokenKind = columns.kind.slice(0, n);
  const formOf = columns.formOf.slice(0, n);
  return { forms: table.forms, folds: table.folds, formOf, tokenCount: n, tokenStart, tokenEnd, tokenSentence, tokenKind };
}

export function parseDocument(text: string): Doc {
  const paragraphs = classifyParagraphs(text, splitParagraphs(text));
  const lines: Line[] = [];
  const lineBreaks = new ForwardSearch(text, LINE_BREAKS);
  for (const p of paragraphs) splitLines(text, lineBreaks, p, p.index, lines);
  const sentences: Sentence[] = [];
  const endMarks = new ForwardSearch(text, SENTENCE_END_MARKS);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    // Merge hard-wrapped lines of one paragraph into one logical line before sentence splitting.
    let end = line.end;
    while (i + 1 < lines.length && lines[i + 1].paragraph === line.paragraph && runsOn(text, end, lines[i + 1].start)) {
      end = lines[++i].end;
    }
    splitSentences(text, endMarks, line.start, end, line.paragraph, sentences);
  }
  const tokens = tokenize(text, sentences);
  return { text, paragraphs, lines, sentences, ...tokens, tokenBuckets: tokenBucketsOf(text.length, tokens.tokenStart) };
}

/** Characters per bucket of the token index: a lookup scans the few tokens starting within one bucket. */
const BUCKET_SIZE = 16;

/** For each bucket of characters, the first token starting in it or later. */
function tokenBucketsOf(textLength: number, starts: Int32Array): Int32Array {
  const firstInBucket = new Int32Array(Math.floor(textLength / BUCKET_SIZE) + 1);
  let t = 0;
  for (let b = 0; b < firstInBucket.length; b++) {
    while (t < starts.length && starts[t] < b * BUCKET_SIZE) t++;
    firstInBucket[b] = t;
  }
  return firstInBucket;
}

/** Index of the first token starting at or after `offset`. */
export function tokenIndexFrom(doc: Doc, offset: number): number {
  const starts = doc.tokenStart;
  const firstInBucket = doc.tokenBuckets;
  // Every token before the offset's bucket starts before the offset; the scan covers the rest.
  let i = offset > 0 ? firstInBucket[Math.min(Math.floor(offset / BUCKET_SIZE), firstInBucket.length - 1)] : 0;
  while (i < doc.tokenCount && starts[i] < offset) i++;
  return i;
}

/** Index of the token holding `offset`, or -1 when the offset falls between tokens. */
export function tokenIndexAt(doc: Doc, offset: number): number {
  const i = tokenIndexFrom(doc, offset + 1) - 1;
  return i >= 0 && offset < doc.tokenEnd[i] ? i : -1;
}

/** Binary search over spans sorted and not overlapping: index of the span containing `offset`, or -1. */
export function indexAt(spans: readonly Span[], offset: number): number {
  let lo = 0;
  let hi = spans.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = spans[mid];
    if (offset < s.start) hi = mid - 1;
    else if (offset >= s.end) lo = mid + 1;
    else return mid;
  }
  return -1;
}

/** Index of the sentence containing `offset`, or -1. */
export function sentenceAt(doc: Doc, offset: number): number {
  return indexAt(doc.sentences, offset);
}

/** Index of the paragraph containing `offset`, or -1. */
export function paragraphAt(doc: Doc, offset: number): number {
  return indexAt(doc.paragraphs, offset);
}

export function isStory(p: Paragraph): boolean {
  return p.kind === 'body' || p.kind === 'headline';
}
