/**
 * Document structure: paragraphs, lines, sentences and word tokens with UTF-16 offsets.
 * Every later stage works on this structure so that offsets stay consistent.
 */
import type { Span } from './types';
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

export type TokenKind = 'word' | 'number' | 'punct';

export interface Token extends Span {
  text: string;
  kind: TokenKind;
  sentence: number;
}

export interface Doc {
  text: string;
  paragraphs: Paragraph[];
  lines: Line[];
  sentences: Sentence[];
  tokens: Token[];
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

export function isSpace(code: number): boolean {
  return code === 32 || code === 9 || code === 10 || code === 13 || code === 0xa0 || code === 0xfeff || code === 0x2028 || code === 0x2029 || (code >= 0x2000 && code <= 0x200b) || code === 0x3000 || code === 0x0b || code === 0x0c;
}

function splitLines(text: string, para: Span, paragraph: number, out: Line[]): void {
  const nl = /\r\n|\r|\n/g;
  nl.lastIndex = para.start;
  let start = para.start;
  for (;;) {
    const m = nl.exec(text);
    const end = m && m.index < para.end ? m.index : para.end;
    const span: Span = { start, end };
    const tmp: Span[] = [];
    pushTrimmed(text, span.start, span.end, tmp);
    for (const s of tmp) out.push({ ...s, paragraph, allCaps: isAllCaps(text.slice(s.start, s.end)) });
    if (!m || m.index >= para.end) break;
    start = m.index + m[0].length;
  }
}

function isAllCaps(s: string): boolean {
  let letters = 0;
  for (const ch of s) {
    if (LOWER.test(ch)) return false;
    if (LETTER.test(ch)) letters++;
  }
  return letters >= 2;
}

const WORD_COUNT = /[\p{L}\p{N}]+/gu;
function wordCount(s: string): number {
  return (s.match(WORD_COUNT) ?? []).length;
}

function normalizeForLexicon(s: string): string {
  return s.replace(/\s+/g, ' ').replace(/[.:!»›>]+$/u, '').trim().toLowerCase();
}

/** Classifies paragraphs: headline, body, aside (related-headline teasers) and boilerplate. */
function classifyParagraphs(text: string, spans: Span[]): Paragraph[] {
  const paragraphs: Paragraph[] = spans.map((s, index) => ({ ...s, index, kind: 'body' as ParagraphKind }));
  let tail = false;
  for (const p of paragraphs) {
    const raw = text.slice(p.start, p.end);
    const norm = normalizeForLexicon(raw);
    if (BOILERPLATE_TAIL_MARKERS.has(norm)) tail = true;
    if (tail || BOILERPLATE_LINES.has(norm)) {
      p.kind = 'boilerplate';
      continue;
    }
    if (/[\r\n]/.test(raw)) continue;
    const words = wordCount(raw);
    const lastChar = raw.charAt(raw.length - 1);
    const terminal = /[.!…"”’»)]/u.test(lastChar);
    if (p.index === 0 && words <= 30 && !terminal) {
      p.kind = 'headline';
    } else if (p.index > 0 && words > 0 && words <= 18 && (!terminal || lastChar === '?') && !/[“”"«»]/u.test(raw)) {
      p.kind = 'aside';
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
  while (i >= 0 && /[\p{L}.]/u.test(text.charAt(i))) i--;
  const word = text.slice(i + 1, dot);
  if (!word) return false;
  if (word.length === 1 && UPPER.test(word)) return true; // an initial: "George W. Bush"
  if (/^(?:\p{L}\.)+\p{L}$/u.test(word)) return true; // "U.S", "a.m"
  return ABBREVIATIONS.has(word.toLowerCase());
}

function splitSentences(text: string, line: Line, paragraph: number, out: Sentence[]): void {
  let start = line.start;
  for (let i = line.start; i < line.end; i++) {
    const ch = text.charAt(i);
    if (ch !== '.' && ch !== '!' && ch !== '?' && ch !== '…') continue;
    let j = i + 1;
    while (j < line.end && (text.charAt(j) === '.' || text.charAt(j) === '!' || text.charAt(j) === '?' || text.charAt(j) === '…')) j++;
    while (j < line.end && CLOSERS.has(text.charAt(j))) j++;
    if (j < line.end && !isSpace(text.charCodeAt(j))) continue;
    let k = j;
    while (k < line.end && isSpace(text.charCodeAt(k))) k++;
    if (k >= line.end) break;
    const next = text.charAt(k);
    const startsNew = UPPER.test(next) || OPENERS.has(next) || /\p{N}/u.test(next) || !LETTER.test(next);
    if (!startsNew) continue;
    if (ch === '.' && j === i + 1 && isAbbreviation(text, i) && !OPENERS.has(next)) continue;
    out.push({ start, end: j, index: out.length, paragraph });
    start = k;
    i = k - 1;
  }
  if (line.end > start) out.push({ start, end: line.end, index: out.length, paragraph });
}

/** A line break inside a paragraph ends a sentence unless the text clearly runs on (hard-wrapped prose). */
function runsOn(text: string, prev: Line, next: Line): boolean {
  const last = text.charAt(prev.end - 1);
  const first = text.charAt(next.start);
  return (LOWER.test(last) || last === ',' || last === ';') && (LOWER.test(first) || /\p{N}/u.test(first));
}

const TOKEN = /[\p{L}\p{M}\p{N}]+(?:[’'\-.&][\p{L}\p{M}\p{N}]+)*|[^\s\p{L}\p{M}\p{N}]/gu;

/** Tokenizes the whole text once and assigns each token to the sentence that contains its start. */
function tokenize(text: string, sentences: Sentence[]): Token[] {
  const out: Token[] = [];
  let si = 0;
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(text); m; m = TOKEN.exec(text)) {
    while (si < sentences.length && sentences[si].end <= m.index) si++;
    if (si >= sentences.length) break;
    if (m.index < sentences[si].start) continue;
    const t = m[0];
    const kind: TokenKind = /^\p{N}[\p{N}.,]*$/u.test(t) ? 'number' : /[\p{L}\p{N}]/u.test(t) ? 'word' : 'punct';
    const end = Math.min(m.index + t.length, sentences[si].end);
    out.push({ start: m.index, end, text: text.slice(m.index, end), kind, sentence: si });
  }
  return out;
}

export function parseDocument(text: string): Doc {
  const paragraphs = classifyParagraphs(text, splitParagraphs(text));
  const lines: Line[] = [];
  for (const p of paragraphs) splitLines(text, p, p.index, lines);
  const sentences: Sentence[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    // Merge hard-wrapped lines of one paragraph into one logical line before sentence splitting.
    let end = line.end;
    while (i + 1 < lines.length && lines[i + 1].paragraph === line.paragraph && runsOn(text, { ...line, end }, lines[i + 1])) {
      end = lines[++i].end;
    }
    splitSentences(text, { ...line, end }, line.paragraph, sentences);
  }
  const tokens = tokenize(text, sentences);
  return { text, paragraphs, lines, sentences, tokens };
}

/** Binary search: index of the sentence containing `offset`, or -1. */
export function sentenceAt(doc: Doc, offset: number): number {
  let lo = 0;
  let hi = doc.sentences.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = doc.sentences[mid];
    if (offset < s.start) hi = mid - 1;
    else if (offset >= s.end) lo = mid + 1;
    else return mid;
  }
  return -1;
}

/** Binary search: index of the paragraph containing `offset`, or -1. */
export function paragraphAt(doc: Doc, offset: number): number {
  let lo = 0;
  let hi = doc.paragraphs.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const p = doc.paragraphs[mid];
    if (offset < p.start) hi = mid - 1;
    else if (offset >= p.end) lo = mid + 1;
    else return mid;
  }
  return -1;
}

export function isStory(p: Paragraph): boolean {
  return p.kind === 'body' || p.kind === 'headline';
}
