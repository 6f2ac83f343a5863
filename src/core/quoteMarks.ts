/**
 * Quotation-mark pairing: finds the quoted spans of a document, tolerating the broken marks of real pages
 * (a missing opening mark, a closing mark of the wrong shape, straight and curly marks mixed), and reports
 * the problems it had to work around: the single source of the quotation-mark problems shown to the user.
 */
import { isAsciiDigit } from './chars';
import { isSpace, parseDocument, sentenceAt } from './text';
import type { Doc, Paragraph } from './text';
import type { Span } from './types';

export interface MarkedQuote extends Span {
  /** Offset of the opening mark, or null when the opening mark is missing. */
  open: number | null;
  /** Offset of the closing mark, or null when the quote is still open at the end of its paragraph. */
  close: number | null;
  /** Offset just past the closing mark (past the content when there is none). */
  after: number;
  paragraph: number;
  /** Delimited by single marks (‘…’) outside any double-quoted text. */
  single: boolean;
  /** Left open at the end of its paragraph and continued by the next paragraph's opening mark. */
  continues: boolean;
  /** Index (in the returned list) of the part this one continues, for multi-paragraph quotes. */
  continuationOf: number | null;
}

export type QuoteMarkProblemKind =
  /** A closing mark with no quote open. */
  | 'missing-opening-mark'
  /** An opening-shaped mark used to close a quote, or a closing-shaped mark used to open one. */
  | 'wrong-shape'
  /** A quote opened in one style and closed in another (“…" or ‘…'). */
  | 'mixed-styles'
  /** An opening mark whose quote is not closed before its paragraph (or line) ends and is not continued. */
  | 'unclosed-at-paragraph-end';

export interface QuoteMarkProblem extends Span {
  kind: QuoteMarkProblemKind;
  message: string;
}

export interface QuoteMarkScan {
  quotes: MarkedQuote[];
  /** Double-quoted passages inside another quotation ("He called it “fake”," she said). */
  nested: MarkedQuote[];
  problems: QuoteMarkProblem[];
}

const CLOSER_CHARS = /[”"»]/g;
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
const UPPER = /\p{Lu}/u;
/** Characters after which a mark starts something rather than ends it. */
const OPENING_CONTEXT = '([{—–-/‘“„«‹\'"';
/** Characters that may directly follow a closing mark. */
const AFTER_CLOSE = '.,;:!?)]}…—–-’\'”"»›*';
/** Contractions written with a leading apostrophe, which must not open a single-quoted span. */
const ELISION = /^(?:s|t|d|m|ll|re|ve|em|til|tis|twas|cause|n|nuff|\d\d?s?)(?![\p{L}\p{N}])/iu;

const SPACE = 32;
const STRAIGHT_DOUBLE = 34; // "
const APOSTROPHE = 39; // '
const LEFT_DOUBLE = 0x201c; // “
const RIGHT_DOUBLE = 0x201d; // ”
const LOW_DOUBLE = 0x201e; // „
const REVERSED_DOUBLE = 0x201f; // ‟
const LEFT_GUILLEMET = 0xab; // «
const RIGHT_GUILLEMET = 0xbb; // »
const LEFT_SINGLE = 0x2018; // ‘
const RIGHT_SINGLE = 0x2019; // ’
const LOW_SINGLE = 0x201a; // ‚

/** True for every character that may be a quotation mark: “ ” " „ « » ‟ ‘ ’ ' ‚ */
function isMark(code: number): boolean {
  if (code < 0x2018) return code === STRAIGHT_DOUBLE || code === APOSTROPHE || code === LEFT_GUILLEMET || code === RIGHT_GUILLEMET;
  return code <= REVERSED_DOUBLE && code !== 0x201b; // ‛ is no mark
}

function isDoubleMark(code: number): boolean {
  return code === LEFT_DOUBLE || code === RIGHT_DOUBLE || code === STRAIGHT_DOUBLE || code === LOW_DOUBLE || code === LEFT_GUILLEMET || code === RIGHT_GUILLEMET || code === REVERSED_DOUBLE;
}

/** True when the code unit is one of the characters of `chars`. */
function isOneOf(chars: string, code: number): boolean {
  for (let i = 0; i < chars.length; i++) if (chars.charCodeAt(i) === code) return true;
  return false;
}

/** Unicode classes of the code units beyond ASCII, learned the first time each is seen: 0 when not yet. */
const unicodeClasses = new Uint8Array(0x10000);
const CLASS_KNOWN = 1;
const CLASS_LETTER_OR_DIGIT = 2;
const CLASS_UPPER = 4;

function unicodeClass(code: number): number {
  let c = unicodeClasses[code];
  if (c === 0) {
    const ch = String.fromCharCode(code);
    c = CLASS_KNOWN | (LETTER_OR_DIGIT.test(ch) ? CLASS_LETTER_OR_DIGIT : 0) | (UPPER.test(ch) ? CLASS_UPPER : 0);
    unicodeClasses[code] = c;
  }
  return c;
}

function isLetterOrDigit(code: number): boolean {
  if (code < 0x80) return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
  return (unicodeClass(code) & CLASS_LETTER_OR_DIGIT) !== 0;
}

function isUpper(code: number): boolean {
  if (code < 0x80) return code >= 65 && code <= 90;
  return (unicodeClass(code) & CLASS_UPPER) !== 0;
}

/** The code unit at `i`, or a space outside [lo, hi). */
function codeAtOrSpace(text: string, i: number, lo: number, hi: number): number {
  return i < lo || i >= hi ? SPACE : text.charCodeAt(i);
}

interface OpenDouble {
  at: number;
  /** The mark's code unit (a straight double mark for two apostrophes). */
  mark: number;
  contentStart: number;
}

interface Role {
  role: 'open' | 'close';
  wrongShape: boolean;
}

const OPENS: Role = { role: 'open', wrongShape: false };
const OPENS_WRONG_SHAPE: Role = { role: 'open', wrongShape: true };
const CLOSES: Role = { role: 'close', wrongShape: false };
const CLOSES_WRONG_SHAPE: Role = { role: 'close', wrongShape: true };

/** Decides whether a double mark opens or closes a quote, from its shape and the characters around it. */
function doubleRole(scan: MarkScanner, mark: number, before: number, after: number, depth: number, at: number, top: OpenDouble | undefined, atParagraphStart: boolean): Role {
  const beforeOpen = isSpace(before) || isOneOf(OPENING_CONTEXT, before);
  const afterClose = isSpace(after) || isOneOf(AFTER_CLOSE, after);
  switch (mark) {
    case LOW_DOUBLE:
    case LEFT_GUILLEMET:
    case REVERSED_DOUBLE:
      return OPENS;
    case RIGHT_GUILLEMET:
      return CLOSES;
    case LEFT_DOUBLE:
      if (top?.mark === LOW_DOUBLE) return CLOSES;
      if (!beforeOpen && afterClose) return CLOSES_WRONG_SHAPE;
      // "be“Said": a left mark glued to the end of a word and followed by a capital closes the quote.
      if (!beforeOpen && isUpper(after) && (depth > 0 || !scan.closerAfter(at))) return CLOSES_WRONG_SHAPE;
      return OPENS;
    case RIGHT_DOUBLE:
      if (depth === 0 && atParagraphStart) return OPENS_WRONG_SHAPE;
      if (depth === 0 && beforeOpen && !isSpace(after) && scan.closerAfter(at)) return OPENS_WRONG_SHAPE;
      if (depth === 0 && beforeOpen && !isSpace(after) && isLetterOrDigit(after)) return OPENS_WRONG_SHAPE;
      return CLOSES;
    default: // straight "
      if (beforeOpen && !isSpace(after)) return depth > 0 && afterClose ? CLOSES : OPENS;
      if (!beforeOpen && afterClose) return CLOSES;
      return depth > 0 ? CLOSES : OPENS;
  }
}

function markStyle(mark: number): string {
  if (mark === STRAIGHT_DOUBLE) return 'straight';
  return mark === LEFT_GUILLEMET || mark === RIGHT_GUILLEMET ? 'guillemet' : 'curly';
}

/**
 * When the mark at `i` opens a line (only spaces before it since a line break) and the previous line ends a
 * sentence, the offset where that previous line's text ends; otherwise null. Looks back no further than `floor`.
 */
function sentenceEndBeforeLine(text: string, i: number, floor: number): number | null {
  let j = i - 1;
  while (j >= floor && (text.charCodeAt(j) === 32 || text.charCodeAt(j) === 9 || text.charCodeAt(j) === 0xa0)) j--;
  if (j < floor || (text.charCodeAt(j) !== 10 && text.charCodeAt(j) !== 13)) return null;
  while (j >= floor && isSpace(text.charCodeAt(j))) j--;
  if (j < floor) return null;
  const code = text.charCodeAt(j);
  return code === 46 || code === 33 || code === 63 || code === 0x2026 ? j + 1 : null; // . ! ? …
}

/** True when the paragraph's first visible character is an opening double mark. */
function opensWithQuote(text: string, p: Span): boolean {
  const code = text.charCodeAt(p.start);
  return code === LEFT_DOUBLE || code === STRAIGHT_DOUBLE || code === LOW_DOUBLE || code === LEFT_GUILLEMET || (code === RIGHT_DOUBLE && isLetterOrDigit(text.charCodeAt(p.start + 1)));
}

/** Start of the sentence of `doc` containing `offset` (or `fallback`). */
function sentenceStart(doc: Doc, offset: number, fallback: number): number {
  const i = sentenceAt(doc, offset);
  return i < 0 ? fallback : doc.sentences[i].start;
}

/** The state of pairing the marks of a document, paragraph by paragraph (see `scanQuoteMarks`). */
class MarkScanner {
  readonly text: string;
  readonly quotes: MarkedQuote[] = [];
  readonly nested: MarkedQuote[] = [];
  readonly problems: QuoteMarkProblem[] = [];
  pendingContinuation: number | null = null;
  // The paragraph being scanned and its state.
  private p: Paragraph;
  /** The next closing-shaped mark after the last offset asked about (see `closerAfter`), -1 before any. */
  private nextCloser = -1;
  /** The open double quotes, innermost last, in `stack[0, depth)`: the objects are reused from quote to quote. */
  private readonly stack: OpenDouble[] = [];
  private singleOpen: number | null = null;
  private lastQuoteEnd = -1;
  private firstOfParagraph = 0;
  /** A quote left open at the end of a line and continued by a line that opens with a quotation mark. */
  private lineContinuation: number | null = null;

  constructor(private readonly doc: Doc) {
    this.text = doc.text;
    this.p = doc.paragraphs[0];
  }

  /** Whether a closing-shaped mark follows offset i in this paragraph; scans forward lazily, amortised linear. */
  closerAfter(i: number): boolean {
    const end = this.p.end;
    if (this.nextCloser > i) return true;
    if (this.nextCloser === end) return false;
    CLOSER_CHARS.lastIndex = i + 1;
    const m = CLOSER_CHARS.exec(this.text);
    this.nextCloser = m && m.index < end ? m.index : end;
    return this.nextCloser < end;
  }

  private report(start: number, end: number, kind: QuoteMarkProblemKind, message: string): void {
    this.problems.push({ start, end, kind, message });
  }

  /** Forgets the open single quote; a curly one left open is reported (a straight one is too often an apostrophe). */
  private dropSingle(): void {
    const singleOpen = this.singleOpen;
    if (singleOpen !== null && this.text.charCodeAt(singleOpen) === LEFT_SINGLE) this.report(singleOpen, singleOpen + 1, 'unclosed-at-paragraph-end', 'Opening single quotation mark (‘) without a closing mark (’).');
    this.singleOpen = null;
  }

  private push(open: number | null, close: number | null, contentStart: number, contentEnd: number, single: boolean, after: number): void {
    const { text, quotes, p } = this;
    let start = contentStart;
    let end = contentEnd;
    while (start < end && isSpace(text.charCodeAt(start))) start++;
    while (end > start && isSpace(text.charCodeAt(end - 1))) end--;
    if (end <= start) return;
    const continuationOf = this.lineContinuation ?? (this.pendingContinuation !== null && quotes.length === this.firstOfParagraph && open !== null && open <= p.start + 1 ? this.pendingContinuation : null);
    this.lineContinuation = null;
    quotes.push({ start, end, open, close, after, paragraph: p.index, single, continues: false, continuationOf });
  }

  /** Pairs the marks of story paragraph `p`. */
  scanParagraph(p: Paragraph): void {
    const { text, doc, quotes, stack } = this;
    this.p = p;
    this.nextCloser = -1;
    let depth = 0;
    this.singleOpen = null;
    this.lastQuoteEnd = -1;
    this.firstOfParagraph = quotes.length;
    this.lineContinuation = null;
    for (let i = p.start; i < p.end; i++) {
      // Jump to the next character that can be a quotation mark.
      while (i < p.end && !isMark(text.charCodeAt(i))) i++;
      if (i >= p.end) break;
      let ch = text.charCodeAt(i);
      const before = codeAtOrSpace(text, i - 1, p.start, p.end);
      // Two apostrophes stand for a double mark in ASCII-only archives: ''Yes,'' he said.
      const pairedApostrophes = ch === APOSTROPHE && text.charCodeAt(i + 1) === APOSTROPHE;
      if (pairedApostrophes) ch = STRAIGHT_DOUBLE;
      const after = codeAtOrSpace(text, i + (pairedApostrophes ? 2 : 1), p.start, p.end);
      if (isDoubleMark(ch)) {
        // Markup attribute values (name="…") are not quotations.
        if (ch === STRAIGHT_DOUBLE && before === 61 /* = */) {
          const close = text.indexOf('"', i + 1);
          if (close > 0 && close < p.end) i = close;
          continue;
        }
        // An inch mark: 12" screen.
        if (ch === STRAIGHT_DOUBLE && depth === 0 && isAsciiDigit(before) && !isLetterOrDigit(after)) continue;
        const { role, wrongShape } = doubleRole(this, ch, before, after, depth, i, depth > 0 ? stack[depth - 1] : undefined, i === p.start);
        if (wrongShape && role === 'open') this.report(i, i + 1, 'wrong-shape', `Opening quotation mark has the shape of a closing mark (${String.fromCharCode(ch)} instead of “).`);
        if (role === 'open' && depth === 1 && !pairedApostrophes) {
          const lineEnd = sentenceEndBeforeLine(text, i, stack[0].contentStart);
          if (lineEnd !== null) {
            // A line that opens with a quotation mark after a finished sentence starts a new quotation: the one
            // still open lost its closing mark (or runs on, as a multi-paragraph quote does).
            const opened = stack[0];
            this.push(opened.at, null, opened.contentStart, lineEnd, false, lineEnd);
            this.report(opened.at, opened.at + 1, 'unclosed-at-paragraph-end', 'Opening quotation mark without a closing mark: the next line starts a new quote before this one is closed.');
            if (quotes.length > this.firstOfParagraph) {
              quotes[quotes.length - 1].continues = true;
              this.lineContinuation = quotes.length - 1;
            }
            depth = 0;
            this.lastQuoteEnd = lineEnd;
          }
        }
        if (role === 'open') {
          if (depth === 0) this.dropSingle();
          const contentStart = i + (pairedApostrophes ? 2 : 1);
          const open = stack[depth];
          if (open) {
            open.at = i;
            open.mark = ch;
            open.contentStart = contentStart;
          } else stack.push({ at: i, mark: ch, contentStart });
          depth++;
          if (pairedApostrophes) i++;
          continue;
        }
        const at = i;
        const markEnd = i + (pairedApostrophes ? 2 : 1);
        i = markEnd - 1;
        const opened = depth > 0 ? stack[--depth] : undefined;
        if (opened) {
          if (wrongShape) this.report(at, markEnd, 'wrong-shape', `Closing quotation mark has the shape of an opening mark (${String.fromCharCode(ch)} instead of ”).`);
          else if (markStyle(opened.mark) !== markStyle(ch)) {
            const openMark = text.slice(opened.at, opened.contentStart);
            const closeMark = text.slice(at, markEnd);
            this.report(at, markEnd, 'mixed-styles', `Quote opened with a ${markStyle(opened.mark)} mark (${openMark}) is closed with a ${markStyle(ch)} one (${closeMark}).`);
          }
          if (depth === 0) {
            this.push(opened.at, at, opened.contentStart, at, false, markEnd);
            this.lastQuoteEnd = markEnd;
            this.dropSingle();
          } else if (depth === 1) {
            let start = opened.contentStart;
            let end = at;
            while (start < end && isSpace(text.charCodeAt(start))) start++;
            while (end > start && isSpace(text.charCodeAt(end - 1))) end--;
            if (end > start) this.nested.push({ start, end, open: opened.at, close: at, after: markEnd, paragraph: p.index, single: false, continues: false, continuationOf: null });
          }
          continue;
        }
        // A closing mark with nothing open: the quote began at the start of the paragraph (or sentence).
        const start = this.lastQuoteEnd < 0 ? p.start : Math.max(this.lastQuoteEnd, sentenceStart(doc, at, p.start));
        this.report(at, markEnd, 'missing-opening-mark', wrongShape ? `Closing quotation mark without an opening mark (and shaped as an opening mark: ${String.fromCharCode(ch)} instead of ”).` : 'Closing quotation mark without an opening mark.');
        // In a paragraph that continues a passage quoted from paragraphs before, after a quote of its own, the mark
        // closes that passage: the words since the last quote are the passage's, not a quote missing its opening.
        if (this.pendingContinuation !== null && this.lastQuoteEnd >= 0) continue;
        this.push(null, at, start, at, false, markEnd);
        this.lastQuoteEnd = markEnd;
        continue;
      }
      if (ch === LEFT_SINGLE || ch === RIGHT_SINGLE || ch === APOSTROPHE || ch === LOW_SINGLE) {
        const singleOpen = this.singleOpen;
        if (singleOpen === null) {
          // The cheap tests on the neighbours first: the contraction test copies the text after the mark.
          const opens = (isSpace(before) || isOneOf(OPENING_CONTEXT, before)) && isLetterOrDigit(after) && (ch === LEFT_SINGLE || ch === LOW_SINGLE || (ch === APOSTROPHE && !ELISION.test(text.slice(i + 1, i + 6))));
          if (opens) this.singleOpen = i;
          continue;
        }
        const closes = (ch === RIGHT_SINGLE || ch === APOSTROPHE) && !isSpace(before) && !isLetterOrDigit(after);
        if (!closes) continue;
        if (ch === APOSTROPHE && text.charCodeAt(singleOpen) === LEFT_SINGLE) this.report(i, i + 1, 'mixed-styles', "Quote opened with a curly mark (‘) is closed with a straight one ('); use ’.");
        if (depth === 0) {
          this.push(singleOpen, i, singleOpen + 1, i, true, i + 1);
          this.lastQuoteEnd = i + 1;
        }
        this.singleOpen = null;
      }
    }
    this.dropSingle();
    if (depth > 0) {
      const opened = stack[0];
      // Pushed before the continuation is cleared: the middle paragraph of a quote running over three or more
      // paragraphs continues the one before it too.
      this.push(opened.at, null, opened.contentStart, p.end, false, p.end);
      this.pendingContinuation = null;
      const next = doc.paragraphs[p.index + 1];
      if (next && next.kind !== 'boilerplate' && opensWithQuote(text, next) && quotes.length > this.firstOfParagraph) {
        quotes[quotes.length - 1].continues = true;
        this.pendingContinuation = quotes.length - 1;
      } else {
        this.report(opened.at, opened.at + 1, 'unclosed-at-paragraph-end', 'Opening quotation mark without a closing mark: the quote is still open at the end of the paragraph.');
      }
    } else {
      this.pendingContinuation = null;
    }
  }
}

/**
 * Pairs the quotation marks of every story paragraph. Quotes never cross a paragraph boundary: a quote
 * left open at the end of a paragraph whose successor opens with a quotation mark is returned as chained parts.
 * Boilerplate paragraphs are skipped.
 */
export function scanQuoteMarks(doc: Doc): QuoteMarkScan {
  const scan = new MarkScanner(doc);
  for (const p of doc.paragraphs) {
    if (p.kind === 'boilerplate') scan.pendingContinuation = null;
    else scan.scanParagraph(p);
  }
  return { quotes: scan.quotes, nested: scan.nested, problems: scan.problems };
}

/**
 * Quotation-mark problems of a text, in text order: the ones the engine worked around when it paired the marks
 * (unbalanced marks, marks of the wrong shape or of mixed styles, quotes left open).
 */
export function findQuoteMarkProblems(text: string): QuoteMarkProblem[] {
  return quoteMarkProblemsOf(parseDocument(text));
}

/** `findQuoteMarkProblems` for an already parsed document. */
export function quoteMarkProblemsOf(doc: Doc): QuoteMarkProblem[] {
  return scanQuoteMarks(doc).problems.sort((a, b) => a.start - b.start);
}
