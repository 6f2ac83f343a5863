/**
 * Quotation-mark checks: marks that are never closed, closing marks without an opening one,
 * marks of the wrong shape ("there cannot be“Said") and quotes closed with a different style.
 * Works paragraph by paragraph (a blank line ends a paragraph), in one linear pass.
 */
import type { Span } from './types';

export type MarkProblemKind =
  /** An opening mark whose quote is not closed before the paragraph ends (and does not continue into the next one). */
  | 'unclosed'
  /** A closing mark with no quote open. */
  | 'unopened'
  /** An opening-shaped mark used to close a quote, or a closing-shaped mark used to open one. */
  | 'wrong-shape'
  /** A quote opened in one style and closed in another (‘…' or “…"). */
  | 'mismatched';

export interface MarkProblem extends Span {
  kind: MarkProblemKind;
  message: string;
}

type Family = 'double' | 'single' | 'guillemet';

interface OpenMark {
  offset: number;
  mark: string;
  family: Family;
}

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
/** Characters after which a mark sits at the end of a word, so it closes rather than opens. */
const WORD_END = /[\p{L}\p{N}.,;:!?…)\]]/u;

function isWordChar(ch: string): boolean {
  return ch !== '' && LETTER_OR_DIGIT.test(ch);
}

function isBlankLine(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c !== 32 && c !== 9 && c !== 0xa0 && c !== 0xfeff && c !== 13) return false;
  }
  return true;
}

/** Paragraph spans: runs of lines separated by blank lines. */
function paragraphs(text: string): Span[] {
  const out: Span[] = [];
  let start = -1;
  let lineStart = 0;
  while (lineStart <= text.length) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd < 0) lineEnd = text.length;
    if (isBlankLine(text, lineStart, lineEnd)) {
      if (start >= 0) out.push({ start, end: lineStart });
      start = -1;
    } else if (start < 0) start = lineStart;
    lineStart = lineEnd + 1;
  }
  if (start >= 0) out.push({ start, end: text.length });
  return out;
}

function firstMarkOf(text: string, para: Span): string {
  let i = para.start;
  while (i < para.end && /\s/.test(text.charAt(i))) i++;
  return text.charAt(i);
}

/** Finds quotation-mark problems in `text`. Offsets are UTF-16, end exclusive; each problem covers one mark. */
export function findMarkProblems(text: string): MarkProblem[] {
  const problems: MarkProblem[] = [];
  const paras = paragraphs(text);
  paras.forEach((para, index) => {
    const open: OpenMark[] = [];
    const top = (family: Family): OpenMark | undefined => {
      for (let k = open.length - 1; k >= 0; k--) if (open[k].family === family) return open[k];
      return undefined;
    };
    const close = (family: Family): OpenMark | undefined => {
      for (let k = open.length - 1; k >= 0; k--) {
        if (open[k].family === family) return open.splice(k, open.length - k)[0];
      }
      return undefined;
    };
    const report = (offset: number, kind: MarkProblemKind, message: string): void => {
      problems.push({ start: offset, end: offset + 1, kind, message });
    };

    for (let i = para.start; i < para.end; i++) {
      const ch = text.charAt(i);
      const before = i > para.start ? text.charAt(i - 1) : '';
      const after = i + 1 < para.end ? text.charAt(i + 1) : '';
      switch (ch) {
        case '“':
          if (top('double') && WORD_END.test(before) && !isWordChar(after)) {
            close('double');
            report(i, 'wrong-shape', 'Closing quotation mark has the shape of an opening mark (“ instead of ”).');
          } else if (isWordChar(before)) {
            // Glued to the previous word: it closes a quote whose opening mark is missing.
            if (!close('double')) report(i, 'unopened', 'Closing quotation mark without an opening mark (and shaped like an opening mark: “ instead of ”).');
            else report(i, 'wrong-shape', 'Closing quotation mark has the shape of an opening mark (“ instead of ”).');
          } else if (top('double')?.mark === '„') close('double');
          else open.push({ offset: i, mark: ch, family: 'double' });
          break;
        case '„':
          open.push({ offset: i, mark: ch, family: 'double' });
          break;
        case '”':
          if (!close('double')) {
            if (!isWordChar(before) && isWordChar(after)) {
              report(i, 'wrong-shape', 'Opening quotation mark has the shape of a closing mark (” instead of “).');
              open.push({ offset: i, mark: ch, family: 'double' });
            } else report(i, 'unopened', 'Closing quotation mark without an opening mark.');
          }
          break;
        case '"': {
          const o = top('double');
          if (o && (o.mark !== '"' || !isWordChar(after) || WORD_END.test(before))) {
            close('double');
            if (o.mark !== '"') report(i, 'mismatched', `Quote opened with ${o.mark} is closed with a straight ".`);
          } else open.push({ offset: i, mark: ch, family: 'double' });
          break;
        }
        case '«':
          open.push({ offset: i, mark: ch, family: 'guillemet' });
          break;
        case '»':
          if (!close('guillemet')) report(i, 'unopened', 'Closing guillemet without an opening one.');
          break;
        case '‘':
          if (isWordChar(before)) break; // a mis-typed apostrophe
          open.push({ offset: i, mark: ch, family: 'single' });
          break;
        case '’':
        case "'": {
          // Inside a word it is an apostrophe; after a word it may close a single quote or end a plural possessive.
          if (isWordChar(before) && isWordChar(after)) break;
          const o = top('single');
          if (o && !isWordChar(after)) {
            close('single');
            if (ch === "'" && o.mark === '‘') report(i, 'mismatched', "Quote opened with ‘ is closed with a straight ' instead of ’.");
          } else if (ch === "'" && !isWordChar(before) && isWordChar(after) && top('double')) {
            open.push({ offset: i, mark: ch, family: 'single' });
          }
          break;
        }
      }
    }

    // A quote running over several paragraphs leaves its mark open and reopens it at the next paragraph.
    const next = paras[index + 1];
    const continues = next !== undefined && /[“„"«‘]/.test(firstMarkOf(text, next));
    for (const o of open) {
      if (o.family === 'single' && o.mark === "'") continue; // straight singles are too ambiguous to report
      if (continues && o === open[0]) continue;
      report(o.offset, 'unclosed', `Quotation mark ${o.mark} is not closed before the end of the paragraph.`);
    }
  });
  return problems.sort((a, b) => a.start - b.start);
}
