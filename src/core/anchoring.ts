/**
 * Anchoring spans of an article so they survive edits.
 *
 * VS Code and this engine count UTF-16 code units; the W3C Web Annotation selectors count Unicode
 * code points. A span is described by a TextQuoteSelector (the exact text with some context) and a
 * TextPositionSelector (code point offsets). Re-anchoring tries the position first, then the quote.
 */
import type { Span } from './types';

export interface TextQuoteSelector {
  type: 'TextQuoteSelector';
  exact: string;
  prefix?: string;
  suffix?: string;
}

export interface TextPositionSelector {
  type: 'TextPositionSelector';
  /** Code point offset, inclusive. */
  start: number;
  /** Code point offset, exclusive. */
  end: number;
}

export type Selector = TextQuoteSelector | TextPositionSelector;

/** How many code units of context the quote selector keeps on each side. */
export const CONTEXT_LENGTH = 32;

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

/**
 * Converts offsets between UTF-16 code units and code points for one text.
 * Built once in linear time; each conversion is a binary search over the astral characters.
 */
export class OffsetMap {
  /** UTF-16 offsets of the high surrogate of every astral character, ascending. */
  private readonly astral: number[] = [];
  readonly length16: number;
  readonly lengthCodePoints: number;

  constructor(text: string) {
    for (let i = 0; i < text.length; i++) {
      if (isHighSurrogate(text.charCodeAt(i)) && i + 1 < text.length && isLowSurrogate(text.charCodeAt(i + 1))) {
        this.astral.push(i);
        i++;
      }
    }
    this.length16 = text.length;
    this.lengthCodePoints = text.length - this.astral.length;
  }

  /** Code point offset of a UTF-16 offset. An offset inside a surrogate pair counts as the start of that character. */
  toCodePoint(offset16: number): number {
    const clamped = Math.max(0, Math.min(offset16, this.length16));
    // Number of astral characters starting before `clamped`.
    let lo = 0;
    let hi = this.astral.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.astral[mid] < clamped) lo = mid + 1;
      else hi = mid;
    }
    // A pair split by the offset (astral[lo - 1] === clamped - 1) maps to its own start, which is the same sum.
    return clamped - lo;
  }

  /** UTF-16 offset of a code point offset (clamped to the text). */
  toUtf16(codePoint: number): number {
    const clamped = Math.max(0, Math.min(codePoint, this.lengthCodePoints));
    // Find how many astral characters start before code point `clamped`: astral[k] sits at code point astral[k] - k.
    let lo = 0;
    let hi = this.astral.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.astral[mid] - mid < clamped) lo = mid + 1;
      else hi = mid;
    }
    return clamped + lo;
  }
}

/** The selectors that describe [start, end) of `text` (UTF-16 offsets in, code point positions out). */
export function describeSpan(text: string, span: Span, map: OffsetMap = new OffsetMap(text)): [TextQuoteSelector, TextPositionSelector] {
  let prefixStart = Math.max(0, span.start - CONTEXT_LENGTH);
  if (isLowSurrogate(text.charCodeAt(prefixStart)) && prefixStart > 0 && prefixStart < span.start) prefixStart++;
  let suffixEnd = Math.min(text.length, span.end + CONTEXT_LENGTH);
  if (isHighSurrogate(text.charCodeAt(suffixEnd - 1)) && suffixEnd > span.end && suffixEnd < text.length) suffixEnd--;
  return [
    { type: 'TextQuoteSelector', exact: text.slice(span.start, span.end), prefix: text.slice(prefixStart, span.start), suffix: text.slice(span.end, suffixEnd) },
    { type: 'TextPositionSelector', start: map.toCodePoint(span.start), end: map.toCodePoint(span.end) },
  ];
}

export type AnchorMethod =
  /** The stored position still holds the exact text. */
  | 'position'
  /** The exact text was found elsewhere; context and nearness chose among repeats. */
  | 'quote'
  /** The text between the stored prefix and suffix changed a little; the span now covers the edited text. */
  | 'context';

export interface Anchor extends Span {
  method: AnchorMethod;
}

export interface AnchorSelectors {
  quote?: TextQuoteSelector;
  position?: TextPositionSelector;
}

/**
 * Places a span described by selectors in the current text, or returns null (orphaned).
 * Order: the stored position if it still holds the exact text and its context; otherwise every
 * occurrence of the exact text, scored by how much of the prefix and suffix surround it, the nearest
 * to the old position winning ties (the stored position is one of the occurrences); then the same
 * with line endings normalised; then the edited text between an intact prefix and suffix.
 */
export function anchor(text: string, selectors: AnchorSelectors, map: OffsetMap = new OffsetMap(text)): Anchor | null {
  const { quote, position } = selectors;
  let hint = -1;
  if (position) {
    const start = map.toUtf16(position.start);
    const end = map.toUtf16(position.end);
    const inBounds = position.start <= position.end && position.end <= map.lengthCodePoints;
    if (!quote) return inBounds ? { start, end, method: 'position' } : null;
    hint = start;
    if (inBounds && text.slice(start, end) === quote.exact && contextScore(text, start, end, quote) === fullScore(text, start, end, quote)) {
      return { start, end, method: 'position' };
    }
  }
  if (!quote) return null;
  const found = findQuote(text, quote, hint);
  if (found) return found.start === hint && hint >= 0 ? { ...found, method: 'position' } : { ...found, method: 'quote' };
  if (/[\r\n]/.test(quote.exact + (quote.prefix ?? '') + (quote.suffix ?? ''))) {
    const normalized = normalizeLineEndings(text);
    const normalizedQuote: TextQuoteSelector = {
      type: 'TextQuoteSelector',
      exact: normalizeLineEndings(quote.exact).text,
      prefix: quote.prefix === undefined ? undefined : normalizeLineEndings(quote.prefix).text,
      suffix: quote.suffix === undefined ? undefined : normalizeLineEndings(quote.suffix).text,
    };
    const hit = findQuote(normalized.text, normalizedQuote, hint < 0 ? -1 : normalized.fromOriginal(hint));
    if (hit) return { start: normalized.toOriginal[hit.start], end: normalized.toOriginal[hit.end], method: 'quote' };
  }
  const between = findBetweenContext(text, quote, hint);
  return between ? { ...between, method: 'context' } : null;
}

/** Length of the common tail of `prefix` and the text before `start`, plus the common head of `suffix` and the text after `end`. */
function contextScore(text: string, start: number, end: number, quote: TextQuoteSelector): number {
  let score = 0;
  const prefix = quote.prefix ?? '';
  for (let i = 1; i <= prefix.length && start - i >= 0 && text.charCodeAt(start - i) === prefix.charCodeAt(prefix.length - i); i++) score++;
  const suffix = quote.suffix ?? '';
  for (let i = 0; i < suffix.length && end + i < text.length && text.charCodeAt(end + i) === suffix.charCodeAt(i); i++) score++;
  return score;
}

/** The best score a span at [start, end) can reach: context is cut short at the ends of the text. */
function fullScore(text: string, start: number, end: number, quote: TextQuoteSelector): number {
  return Math.min((quote.prefix ?? '').length, start) + Math.min((quote.suffix ?? '').length, text.length - end);
}

function findQuote(text: string, quote: TextQuoteSelector, hint: number): Span | null {
  const { exact } = quote;
  if (!exact) return null;
  let best: Span | null = null;
  let bestScore = -1;
  let bestDistance = Infinity;
  for (let at = text.indexOf(exact); at >= 0; at = text.indexOf(exact, at + 1)) {
    const end = at + exact.length;
    const score = contextScore(text, at, end, quote);
    const distance = hint < 0 ? at : Math.abs(at - hint);
    if (score > bestScore || (score === bestScore && distance < bestDistance)) {
      best = { start: at, end };
      bestScore = score;
      bestDistance = distance;
    }
  }
  return best;
}

/** Text with CRLF and lone CR turned into LF, with the way back to original offsets. */
function normalizeLineEndings(text: string): { text: string; toOriginal: number[]; fromOriginal(offset: number): number } {
  const toOriginal: number[] = [];
  let out = '';
  let chunkStart = 0;
  for (let i = 0; i < text.length; i++) {
    if (text.charCodeAt(i) !== 13) {
      toOriginal.push(i);
      continue;
    }
    out += text.slice(chunkStart, i) + '\n';
    toOriginal.push(i);
    if (text.charCodeAt(i + 1) === 10) i++;
    chunkStart = i + 1;
  }
  out += text.slice(chunkStart);
  toOriginal.push(text.length);
  return {
    text: out,
    toOriginal,
    fromOriginal(offset: number): number {
      let lo = 0;
      let hi = toOriginal.length - 1;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (toOriginal[mid] < offset) lo = mid + 1;
        else hi = mid;
      }
      return lo;
    },
  };
}

/** Context shorter than this is too common to pin down an edited span. */
const MIN_CONTEXT = 8;

/**
 * An edited span: the stored prefix and suffix still stand, and what lies between them still shares
 * at least half of the old text at its two ends (so a rewritten sentence is not mistaken for the old one).
 */
function findBetweenContext(text: string, quote: TextQuoteSelector, hint: number): Span | null {
  const prefix = quote.prefix ?? '';
  const suffix = quote.suffix ?? '';
  const { exact } = quote;
  if (prefix.length < MIN_CONTEXT || suffix.length < MIN_CONTEXT) return null;
  const maxLength = exact.length * 2 + CONTEXT_LENGTH;
  let best: Span | null = null;
  let bestDistance = Infinity;
  for (let at = text.indexOf(prefix); at >= 0; at = text.indexOf(prefix, at + 1)) {
    const start = at + prefix.length;
    const end = text.indexOf(suffix, start);
    if (end < 0) break;
    if (end - start > maxLength || end === start) continue;
    if (sharedEnds(exact, text.slice(start, end)) * 2 < exact.length) continue;
    const distance = hint < 0 ? start : Math.abs(start - hint);
    if (distance < bestDistance) {
      best = { start, end };
      bestDistance = distance;
    }
  }
  return best;
}

/** Length of the common head plus the common tail of two strings, never counting a character twice. */
function sharedEnds(a: string, b: string): number {
  const limit = Math.min(a.length, b.length);
  let head = 0;
  while (head < limit && a.charCodeAt(head) === b.charCodeAt(head)) head++;
  let tail = 0;
  while (tail < limit - head && a.charCodeAt(a.length - 1 - tail) === b.charCodeAt(b.length - 1 - tail)) tail++;
  return head + tail;
}
