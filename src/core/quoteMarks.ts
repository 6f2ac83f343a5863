/**
 * Quotation-mark pairing: finds the quoted spans of a document, tolerating the broken marks of real pages
 * (a missing opening mark, a closing mark of the wrong shape, straight and curly marks mixed), and reports
 * the problems it had to work around: the single source of the quotation-mark problems shown to the user.
 */
import { ForwardSearch, isSpace, parseDocument, sentenceAt } from './text';
import type { Doc } from './text';
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

const DOUBLE_MARKS = '“”"„«»‟';
/** Every character that may be a quotation mark. */
const MARK_CHARS = [...'“”"„«»‟‘’\'‚'];

const CLOSER_CHARS = /[”"»]/g;
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
const UPPER = /\p{Lu}/u;
/** Characters after which a mark starts something rather than ends it. */
const OPENING_CONTEXT = '([{—–-/‘“„«‹\'"';
/** Characters that may directly follow a closing mark. */
const AFTER_CLOSE = '.,;:!?)]}…—–-’\'”"»›*';
/** Contractions written with a leading apostrophe, which must not open a single-quoted span. */
const ELISION = /^(?:s|t|d|m|ll|re|ve|em|til|tis|twas|cause|n|nuff|\d\d?s?)(?![\p{L}\p{N}])/iu;

function charAtOrSpace(text: string, i: number, lo: number, hi: number): string {
  return i < lo || i >= hi ? ' ' : text.charAt(i);
}

function spaceLike(ch: string): boolean {
  return isSpace(ch.charCodeAt(0));
}

interface OpenDouble {
  at: number;
  mark: string;
  contentStart: number;
}

interface Role {
  role: 'open' | 'close';
  wrongShape: boolean;
}

/** Decides whether a double mark opens or closes a quote, from its shape and the characters around it. */
function doubleRole(mark: string, before: string, after: string, depth: number, closerAfter: (i: number) => boolean, at: number, top: OpenDouble | undefined, atParagraphStart: boolean): Role {
  const beforeOpen = spaceLike(before) || OPENING_CONTEXT.includes(before);
  const afterClose = spaceLike(after) || AFTER_CLOSE.includes(after);
  switch (mark) {
    case '„':
    case '«':
    case '‟':
      return { role: 'open', wrongShape: false };
    case '»':
      return { role: 'close', wrongShape: false };
    case '“':
      if (top?.mark === '„') return { role: 'close', wrongShape: false };
      if (!beforeOpen && afterClose) return { role: 'close', wrongShape: true };
      // "be“Said": a left mark glued to the end of a word and followed by a capital closes the quote.
      if (!beforeOpen && UPPER.test(after) && (depth > 0 || !closerAfter(at))) return { role: 'close', wrongShape: true };
      return { role: 'open', wrongShape: false };
    case '”':
      if (depth === 0 && atParagraphStart) return { role: 'open', wrongShape: true };
      if (depth === 0 && beforeOpen && !spaceLike(after) && closerAfter(at)) return { role: 'open', wrongShape: true };
      if (depth === 0 && beforeOpen && !spaceLike(after) && LETTER_OR_DIGIT.test(after)) return { role: 'open', wrongShape: true };
      return { role: 'close', wrongShape: false };
    default: // straight "
      if (beforeOpen && !spaceLike(after)) return { role: depth > 0 && afterClose ? 'close' : 'open', wrongShape: false };
      if (!beforeOpen && afterClose) return { role: 'close', wrongShape: false };
      return { role: depth > 0 ? 'close' : 'open', wrongShape: false };
  }
}

function markStyle(mark: string): string {
  if (mark === '"') return 'straight';
  return mark === '«' || mark === '»' ? 'guillemet' : 'curly';
}

function trimSpan(text: string, start: number, end: number): Span {
  while (start < end && spaceLike(text.charAt(start))) start++;
  while (end > start && spaceLike(text.charAt(end - 1))) end--;
  return { start, end };
}

/**
 * When the mark at `i` opens a line (only spaces before it since a line break) and the previous line ends a
 * sentence, the offset where that previous line's text ends; otherwise null. Looks back no further than `floor`.
 */
function sentenceEndBeforeLine(text: string, i: number, floor: number): number | null {
  let j = i - 1;
  while (j >= floor && (text.charAt(j) === ' ' || text.charAt(j) === '\t' || text.charAt(j) === '\u00a0')) j--;
  if (j < floor || (text.charAt(j) !== '\n' && text.charAt(j) !== '\r')) return null;
  while (j >= floor && spaceLike(text.charAt(j))) j--;
  return j >= floor && /[.!?…]/.test(text.charAt(j)) ? j + 1 : null;
}

/** True when the paragraph's first visible character is an opening double mark. */
function opensWithQuote(text: string, p: Span): boolean {
  const ch = text.charAt(p.start);
  return ch === '“' || ch === '"' || ch === '„' || ch === '«' || (ch === '”' && LETTER_OR_DIGIT.test(text.charAt(p.start + 1)));
}

/** Start of the sentence of `doc` containing `offset` (or `fallback`). */
function sentenceStart(doc: Doc, offset: number, fallback: number): number {
  const i = sentenceAt(doc, offset);
  return i < 0 ? fallback : doc.sentences[i].start;
}

/**
 * Pairs the quotation marks of every story paragraph. Quotes never cross a paragraph boundary: a quote
 * left open at the end of a paragraph whose successor opens with a quotation mark is returned as chained parts.
 * Boilerplate paragraphs are skipped.
 */
export function scanQuoteMarks(doc: Doc): QuoteMarkScan {
  const { text } = doc;
  const quotes: MarkedQuote[] = [];
  const nested: MarkedQuote[] = [];
  const problems: QuoteMarkProblem[] = [];
  let pendingContinuation: number | null = null;
  const marks = new ForwardSearch(text, MARK_CHARS);
  for (const p of doc.paragraphs) {
    if (p.kind === 'boilerplate') {
      pendingContinuation = null;
      continue;
    }
    // Whether a closing-shaped mark follows offset i in this paragraph; scans forward lazily, amortised linear.
    let nextCloser = -1;
    const closerAfter = (i: number): boolean => {
      if (nextCloser > i) return true;
      if (nextCloser === p.end) return false;
      CLOSER_CHARS.lastIndex = i + 1;
      const m = CLOSER_CHARS.exec(text);
      nextCloser = m && m.index < p.end ? m.index : p.end;
      return nextCloser < p.end;
    };
    const stack: OpenDouble[] = [];
    let singleOpen: number | null = null;
    const report = (start: number, end: number, kind: QuoteMarkProblemKind, message: string): void => {
      problems.push({ start, end, kind, message });
    };
    // Forgets the open single quote; a curly one left open is reported (a straight one is too often an apostrophe).
    const dropSingle = (): void => {
      if (singleOpen !== null && text.charAt(singleOpen) === '‘') report(singleOpen, singleOpen + 1, 'unclosed-at-paragraph-end', 'Opening single quotation mark (‘) without a closing mark (’).');
      singleOpen = null;
    };
    let lastQuoteEnd = -1;
    const firstOfParagraph = quotes.length;
    // A quote left open at the end of a line and continued by a line that opens with a quotation mark.
    let lineContinuation: number | null = null;
    const push = (open: number | null, close: number | null, start: number, end: number, single: boolean, after: number): void => {
      const span = trimSpan(text, start, end);
      if (span.end <= span.start) return;
      const continuationOf = lineContinuation ?? (pendingContinuation !== null && quotes.length === firstOfParagraph && open !== null && open <= p.start + 1 ? pendingContinuation : null);
      lineContinuation = null;
      quotes.push({ start: span.start, end: span.end, open, close, after, paragraph: p.index, single, continues: false, continuationOf });
    };
    for (let i = p.start; i < p.end; i++) {
      // Jump to the next character that can be a quotation mark.
      i = marks.find(i);
      if (i >= p.end) break;
      let ch = text.charAt(i);
      const before = charAtOrSpace(text, i - 1, p.start, p.end);
      // Two apostrophes stand for a double mark in ASCII-only archives: ''Yes,'' he said.
      const pairedApostrophes = ch === "'" && text.charAt(i + 1) === "'";
      if (pairedApostrophes) ch = '"';
      const after = charAtOrSpace(text, i + (pairedApostrophes ? 2 : 1), p.start, p.end);
      if (DOUBLE_MARKS.includes(ch)) {
        // Markup attribute values (name="…") are not quotations.
        if (ch === '"' && before === '=') {
          const close = text.indexOf('"', i + 1);
          if (close > 0 && close < p.end) i = close;
          continue;
        }
        // An inch mark: 12" screen.
        if (ch === '"' && stack.length === 0 && /\d/.test(before) && !LETTER_OR_DIGIT.test(after)) continue;
        const { role, wrongShape } = doubleRole(ch, before, after, stack.length, closerAfter, i, stack[stack.length - 1], i === p.start);
        if (wrongShape && role === 'open') report(i, i + 1, 'wrong-shape', `Opening quotation mark has the shape of a closing mark (${ch} instead of “).`);
        if (role === 'open' && stack.length === 1 && !pairedApostrophes) {
          const lineEnd = sentenceEndBeforeLine(text, i, stack[0].contentStart);
          if (lineEnd !== null) {
            // A line that opens with a quotation mark after a finished sentence starts a new quotation: the one
            // still open lost its closing mark (or runs on, as a multi-paragraph quote does).
            const opened = stack[0];
            push(opened.at, null, opened.contentStart, lineEnd, false, lineEnd);
            report(opened.at, opened.at + 1, 'unclosed-at-paragraph-end', 'Opening quotation mark without a closing mark: the next line starts a new quote before this one is closed.');
            if (quotes.length > firstOfParagraph) {
              quotes[quotes.length - 1].continues = true;
              lineContinuation = quotes.length - 1;
            }
            stack.length = 0;
            lastQuoteEnd = lineEnd;
          }
        }
        if (role === 'open') {
          if (stack.length === 0) dropSingle();
          stack.push({ at: i, mark: ch, contentStart: i + (pairedApostrophes ? 2 : 1) });
          if (pairedApostrophes) i++;
          continue;
        }
        const at = i;
        const markEnd = i + (pairedApostrophes ? 2 : 1);
        i = markEnd - 1;
        const opened = stack.pop();
        if (opened) {
          if (wrongShape) report(at, markEnd, 'wrong-shape', `Closing quotation mark has the shape of an opening mark (${ch} instead of ”).`);
          else if (markStyle(opened.mark) !== markStyle(ch)) {
            const openMark = text.slice(opened.at, opened.contentStart);
            const closeMark = text.slice(at, markEnd);
            report(at, markEnd, 'mixed-styles', `Quote opened with a ${markStyle(opened.mark)} mark (${openMark}) is closed with a ${markStyle(ch)} one (${closeMark}).`);
          }
          if (stack.length === 0) {
            push(opened.at, at, opened.contentStart, at, false, markEnd);
            lastQuoteEnd = markEnd;
            dropSingle();
          } else if (stack.length === 1) {
            const span = trimSpan(text, opened.contentStart, at);
            if (span.end > span.start) nested.push({ start: span.start, end: span.end, open: opened.at, close: at, after: markEnd, paragraph: p.index, single: false, continues: false, continuationOf: null });
          }
          continue;
        }
        // A closing mark with nothing open: the quote began at the start of the paragraph (or sentence).
        const start = lastQuoteEnd < 0 ? p.start : Math.max(lastQuoteEnd, sentenceStart(doc, at, p.start));
        report(at, markEnd, 'missing-opening-mark', wrongShape ? `Closing quotation mark without an opening mark (and shaped as an opening mark: ${ch} instead of ”).` : 'Closing quotation mark without an opening mark.');
        // In a paragraph that continues a passage quoted from paragraphs before, after a quote of its own, the mark
        // closes that passage: the words since the last quote are the passage's, not a quote missing its opening.
        if (pendingContinuation !== null && lastQuoteEnd >= 0) continue;
        push(null, at, start, at, false, markEnd);
        lastQuoteEnd = markEnd;
        continue;
      }
      if (ch === '‘' || ch === '’' || ch === "'" || ch === '‚') {
        const beforeOpen = spaceLike(before) || OPENING_CONTEXT.includes(before);
        if (singleOpen === null) {
          const opens = (ch === '‘' || ch === '‚' || (ch === "'" && !ELISION.test(text.slice(i + 1, i + 6)))) && beforeOpen && LETTER_OR_DIGIT.test(after);
          if (opens) singleOpen = i;
          continue;
        }
        const closes = (ch === '’' || ch === "'") && !spaceLike(before) && !LETTER_OR_DIGIT.test(after);
        if (!closes) continue;
        if (ch === "'" && text.charAt(singleOpen) === '‘') report(i, i + 1, 'mixed-styles', "Quote opened with a curly mark (‘) is closed with a straight one ('); use ’.");
        if (stack.length === 0) {
          push(singleOpen, i, singleOpen + 1, i, true, i + 1);
          lastQuoteEnd = i + 1;
        }
        singleOpen = null;
      }
    }
    dropSingle();
    if (stack.length > 0) {
      const opened = stack[0];
      // Pushed before the continuation is cleared: the middle paragraph of a quote running over three or more
      // paragraphs continues the one before it too.
      push(opened.at, null, opened.contentStart, p.end, false, p.end);
      pendingContinuation = null;
      const next = doc.paragraphs[p.index + 1];
      if (next && next.kind !== 'boilerplate' && opensWithQuote(text, next) && quotes.length > firstOfParagraph) {
        quotes[quotes.length - 1].continues = true;
        pendingContinuation = quotes.length - 1;
      } else {
        report(opened.at, opened.at + 1, 'unclosed-at-paragraph-end', 'Opening quotation mark without a closing mark: the quote is still open at the end of the paragraph.');
      }
    } else {
      pendingContinuation = null;
    }
  }
  return { quotes, nested, problems };
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
