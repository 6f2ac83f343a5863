/**
 * Reported (indirect) speech: "X said (that) …", "…, X said.", "According to X, …", "X told reporters …",
 * "X believes/argues/claims …". The content is the clause the cue governs, up to the end of the sentence.
 */
import { afterDateline, clauseSubject, cueAt, cueStartFlags, isNamedSubject, skipAddressee, speakerAfter, subjectOf } from './attribution';
import { isRegExpSpace, onlyRegExpSpaces, startsUpperCase } from './chars';
import type { Attribution, CueMatch, PhraseSpan, QuoteCandidate } from './attribution';
import { TokenKind, lowerAt, tokenIndexFrom, tokenText } from './text';
import type { Doc, Sentence } from './text';
import type { Span } from './types';

const MIN_CONTENT_WORDS = 3;
const TIME_OR_MANNER_WORDS = new Set(['on', 'last', 'this', 'earlier', 'later', 'also', 'again', 'today', 'yesterday', 'tonight', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'week', 'month', 'year', 'night', 'morning', 'afternoon', 'evening']);
const MANNER_ADVERB = /^\p{Ll}+ly$/u;

/** A time word or an -ly adverb ("today", "publicly"): the suffix is tested before the expression. */
function isTimeOrManner(w: string): boolean {
  return TIME_OR_MANNER_WORDS.has(w) || (w.endsWith('ly') && MANNER_ADVERB.test(w));
}

/** Dashes and the punctuation trimmed off either end of reported content. */
function isContentEdge(code: number): boolean {
  return code === 44 || code === 58 || code === 59 || code === 0x2014 || code === 0x2013 || code === 45 || isRegExpSpace(code);
}

/** ".", "!" or "?": a sentence's last mark, trimmed off the end of reported content. */
function isSentenceEnd(code: number): boolean {
  return code === 46 || code === 33 || code === 63;
}

/** Sets the content of `r` to the text between `start` and `end`, less the punctuation and spaces at either end. */
function setContent(doc: Doc, r: Reported, start: number, end: number): void {
  const { text } = doc;
  while (start < end && isContentEdge(text.charCodeAt(start))) start++;
  while (end > start && (isContentEdge(text.charCodeAt(end - 1)) || isSentenceEnd(text.charCodeAt(end - 1)))) end--;
  r.start = start;
  r.end = end;
}

/** A reported clause: the content between `start` and `end` (trimmed), spoken by the attribution's speaker. */
function reported(doc: Doc, start: number, end: number, attribution: Attribution): Reported {
  const r: Reported = { start, end, kind: 'indirect', attribution };
  setContent(doc, r, start, end);
  return r;
}

/** Where reported words that open sentence `s` begin: after a dateline ("WASHINGTON — …"), which is no one's words. */
function contentStart(doc: Doc, s: Sentence, limit: number): number {
  const first = tokenIndexFrom(doc, s.start);
  const k = afterDateline(doc, first, tokenIndexFrom(doc, limit));
  return k > first && k < doc.tokenCount ? doc.tokenStart[k] : s.start;
}

/** Number of words in `span`, counted up to `enough`. */
function hasWords(doc: Doc, span: Span, enough: number): boolean {
  const starts = doc.tokenStart;
  const kinds = doc.tokenKind;
  let n = 0;
  const first = tokenIndexFrom(doc, span.start);
  for (let i = first; i < doc.tokenCount && starts[i] < span.end; i++) if (kinds[i] !== TokenKind.Punct && ++n >= enough) return true;
  return false;
}

/** Characters of `span` covered by `quotes[from]` and the quotes after it that start before `end` (sorted, barely overlapping). */
function covered(span: Span, quotes: Span[], from: number, end: number): number {
  let n = 0;
  for (let i = from; i < quotes.length && quotes[i].start < end; i++) n += Math.max(0, Math.min(span.end, quotes[i].end) - Math.max(span.start, quotes[i].start));
  return n;
}

/** A reported clause, built as the candidate it becomes: its span is the content, its attribution the speaker's. */
interface Reported extends QuoteCandidate {
  attribution: Attribution;
}

/** Words that open a new clause after a comma: a second reported clause starts there. */
const CLAUSE_OPENERS = new Set(['but', 'and', 'while', 'although', 'though', 'whereas', 'yet']);

/** Indices of the tokens that may start a cue, in order: the only tokens the search for reported speech visits. */
function cueStartTokens(doc: Doc): Int32Array {
  const flags = cueStartFlags(doc);
  const out = new Int32Array(flags.length);
  let n = 0;
  for (let k = 0; k < flags.length; k++) if (flags[k] === 1) out[n++] = k;
  return out.subarray(0, n);
}

/**
 * The reported clauses of one sentence with their speakers, left to right. A clause ends where a coordinated
 * clause with its own reporting verb begins ("X said …, but Y insisted …"); nested reports stay with the outer one.
 * `cueStarts[from]` is the sentence's first token that may start a cue. Fills `out`, a list the caller reuses
 * from sentence to sentence.
 */
function reportedIn(doc: Doc, s: Sentence, inQuote: (offset: number) => boolean, cueStarts: Int32Array, from: number, out: Reported[]): void {
  const starts = doc.tokenStart;
  truncate(out, 0);
  // Tokens up to `done` belong to a cue already read.
  let done = -1;
  for (let c = from; c < cueStarts.length && starts[cueStarts[c]] < s.end; c++) {
    const k = cueStarts[c];
    if (k <= done || inQuote(starts[k])) continue;
    const cue = cueAt(doc, k);
    if (!cue) continue;
    const r = isParticipleClause(doc, cue)
      ? participleAfterComma(doc, s, cue)
      : cue.accordingTo
        ? accordingTo(doc, s, cue)
        : (subjectVerb(doc, s, cue) ?? inverted(doc, s, k, cue));
    if (!r || !hasWords(doc, r, MIN_CONTENT_WORDS)) continue;
    const prev = out[out.length - 1];
    // "…, X said." reports the whole clause before it, including any view verbs inside it.
    if (prev && r.start <= out[0].start) {
      truncate(out, 0);
    } else if (prev) {
      const boundary =
        clauseBoundaryBefore(doc, r.attribution.speaker.first, prev.start) ??
        secondSpeakerStart(doc, r, prev) ??
        // "X said …, but stressed that …": a coordinated cue sharing the subject starts a report of its own.
        (r.attribution.cue && r.attribution.speaker.start < prev.start ? clauseBoundaryBefore(doc, r.attribution.cue.first, prev.start) : null);
      if (boundary === null) continue;
      setContent(doc, prev, prev.start, boundary);
    }
    out.push(r);
    done = Math.max(k, cue.last);
  }
  // Drop the clauses that the ones after them cut too short, in place.
  let kept = 0;
  for (const r of out) if (hasWords(doc, r, MIN_CONTENT_WORDS)) out[kept++] = r;
  truncate(out, kept);
}

/** Shortens `list` to `n` items, keeping its storage: setting `length` to 0 would drop it, and the next push allocate anew. */
function truncate<T>(list: T[], n: number): void {
  while (list.length > n) list.pop();
}

const NESTED_MIN_WORDS = 4;
const RELATIVE_WORDS = new Set(['which', 'that', 'who', 'what']);

/**
 * "X said the plan would raise taxes, which experts say is too little": a speaker with its own cue, several words
 * into an earlier report, starts a report of its own; right at its start ("said he believes …") it stays nested.
 */
function secondSpeakerStart(doc: Doc, r: Reported, prev: Reported): number | null {
  const { speaker } = r.attribution;
  if (!isNamedSubject(doc, speaker) || speaker.start <= prev.start) return null;
  if (!hasWords(doc, { start: prev.start, end: speaker.start }, NESTED_MIN_WORDS)) return null;
  // "…, which analysts say …": the relative word belongs to the second report.
  const before = speaker.first - 1;
  return before >= 0 && RELATIVE_WORDS.has(lowerAt(doc, before)) ? doc.tokenStart[before] : speaker.start;
}

/** Forms of "be" (and "keep") that make an -ing cue a finite verb: "is saying", "kept insisting". */
const PROGRESSIVE_AUXILIARIES = new Set(['is', 'was', 'are', 'were', 'been', 'be', 'am', "'s", 'keeps', 'kept']);

/** "a statement announcing the pick", "tweets early Friday saying": an -ing form without "is/was" reports nothing itself. */
function isParticipleClause(doc: Doc, cue: CueMatch): boolean {
  if (!cue.word.endsWith('ing')) return false;
  const prev = cue.first - 1;
  return prev < 0 || !PROGRESSIVE_AUXILIARIES.has(lowerAt(doc, prev));
}

/** Offset of ", but" / "; " right before token `k` (within the content that started at `floor`), or null. */
function clauseBoundaryBefore(doc: Doc, k: number, floor: number): number | null {
  let i = k - 1;
  if (i >= 0 && CLAUSE_OPENERS.has(lowerAt(doc, i))) i--;
  if (i < 0 || doc.tokenStart[i] < floor) return null;
  const text = tokenText(doc, i);
  if (text === ';' || (text === ',' && CLAUSE_OPENERS.has(lowerAt(doc, i + 1)))) return doc.tokenStart[i];
  return null;
}

function accordingTo(doc: Doc, s: Sentence, cue: CueMatch): Reported | null {
  const speaker = speakerAfter(doc, cue.last + 1, s.end);
  if (!speaker) return null;
  if (onlyRegExpSpaces(doc.text, Math.max(s.start, cue.start - 3), cue.start) && cue.start - s.start <= 3) {
    const starts = doc.tokenStart;
    const after = speaker.last + 1;
    for (let i = after; i < doc.tokenCount && i < after + 12 && starts[i] < s.end; i++) {
      if (tokenText(doc, i) === ',') return reported(doc, doc.tokenEnd[i], s.end, { speaker, cue });
    }
    return null;
  }
  return reported(doc, contentStart(doc, s, cue.start), cue.start, { speaker, cue });
}

/** True when only a short adverbial follows the cue to the end of the sentence: "…, she said on Tuesday." */
function endsClause(doc: Doc, s: Sentence, cue: CueMatch): boolean {
  const starts = doc.tokenStart;
  let n = 0;
  for (let i = cue.last + 1; i < doc.tokenCount && starts[i] < s.end; i++) {
    if (lowerAt(doc, i) === 'that' || ++n > 8) return false;
  }
  return true;
}

/** Words that open an adverbial after a cue: "said to reporters", "said with a smile", "said when asked". */
const ADVERBIAL_OPENERS = new Set(['to', 'of', 'as', 'with', 'while', 'when', 'according', 'in', 'at', 'for']);

/** Nothing, punctuation or an adverbial after the cue: "…, the mayor said on Monday." rather than "…, the mayor said the bridge …". */
function adverbialFollows(doc: Doc, s: Sentence, cue: CueMatch): boolean {
  const next = cue.last + 1;
  if (next >= doc.tokenCount || doc.tokenStart[next] >= s.end || doc.tokenKind[next] === TokenKind.Punct) return true;
  const w = lowerAt(doc, next);
  return isTimeOrManner(w) || OCCASION_PREPOSITIONS.has(w) || ADVERBIAL_OPENERS.has(w) || startsUpperCase(tokenText(doc, next));
}

function isAndOrBut(w: string): boolean {
  return w === 'and' || w === 'but';
}

/** "X generally supported Democrats … and said he …": a coordinated verb shares the subject that opens the sentence. */
function coordinatedSubject(doc: Doc, s: Sentence, cue: CueMatch): PhraseSpan | null {
  const prev = cue.first - 1;
  if (prev < 0 || doc.tokenStart[prev] < s.start || !isAndOrBut(lowerAt(doc, prev))) return null;
  const prevStart = doc.tokenStart[prev];
  const opening = speakerAfter(doc, tokenIndexFrom(doc, s.start), prevStart);
  return opening && isNamedSubject(doc, opening) ? opening : clauseSubject(doc, tokenIndexFrom(doc, s.start), prevStart);
}

/** Prepositions that open a place or occasion between a cue verb and its "that" ("said in Geneva that"). */
const OCCASION_PREPOSITIONS = new Set(['in', 'at', 'on', 'during', 'before', 'after', 'amid', 'following', 'from', 'via', 'outside', 'inside']);

/** Index of the token "that" closing a short prepositional phrase that starts at `k` ("in Geneva today that"), or null. */
function thatAfterAdverbial(doc: Doc, k: number, end: number): number | null {
  if (k >= doc.tokenCount || !OCCASION_PREPOSITIONS.has(lowerAt(doc, k))) return null;
  const starts = doc.tokenStart;
  for (let i = k + 1; i < doc.tokenCount && i <= k + 7 && starts[i] < end; i++) {
    const w = lowerAt(doc, i);
    if (w === 'that') return i;
    if (doc.tokenKind[i] === TokenKind.Punct || PRONOUN_OR_CLAUSE.test(w)) return null;
  }
  return null;
}
const PRONOUN_OR_CLAUSE = /^(?:he|she|they|we|i|it|you|who|which|whether|if|is|was|are|were|has|have|had|will|would)$/;

/** "Smith defended the plan on Monday, saying it would cut costs": the participle reports for the subject opening the sentence. */
function participleAfterComma(doc: Doc, s: Sentence, cue: CueMatch): Reported | null {
  const starts = doc.tokenStart;
  const prev = cue.first - 1;
  if (prev < 0 || tokenText(doc, prev) !== ',' || starts[prev] < s.start) return null;
  const opening = clauseSubject(doc, tokenIndexFrom(doc, s.start), starts[prev]);
  if (!opening || !isNamedSubject(doc, opening)) return null;
  let from = cue.last + 1;
  if (cue.addressee) from = skipAddressee(doc, from, s.end);
  if (from < doc.tokenCount && lowerAt(doc, from) === 'that') from++;
  if (from >= doc.tokenCount || starts[from] >= s.end) return null;
  return reported(doc, starts[from], s.end, { speaker: opening, cue });
}

/** Quotation marks that close a quote. */
const CLOSING_MARKS = new Set(['”', '"', '»']);

function subjectVerb(doc: Doc, s: Sentence, cue: CueMatch): Reported | null {
  const starts = doc.tokenStart;
  // A wire dateline ("HAMBURG, July 26 (Reuters) — ") is never the subject: the search stops after it.
  const opening = tokenIndexFrom(doc, s.start);
  const floor = starts[afterDateline(doc, opening, cue.first)] ?? s.start;
  const subject = subjectOf(doc, cue, floor) ?? coordinatedSubject(doc, s, cue);
  if (!subject) return null;
  const before = subject.first - 1;
  const beforeText = before >= 0 ? tokenText(doc, before) : '';
  // "…, X said." — the content precedes the speaker.
  if (before >= 0 && starts[before] >= s.start && (beforeText === ',' || CLOSING_MARKS.has(beforeText)) && cue.speech && endsClause(doc, s, cue) && (beforeText !== ',' || adverbialFollows(doc, s, cue))) {
    const lead = reported(doc, contentStart(doc, s, starts[before]), starts[before], { speaker: subject, cue });
    // What follows the cue is an adverbial ("…," she said at a rally), never the words reported; after a short
    // opening adverbial ("And yet, her aides say …") the words after the cue are the report.
    if (hasWords(doc, lead, MIN_CONTENT_WORDS)) return lead;
    if (beforeText !== ',') return null;
  }
  // "…?" Smith, a retired teacher, asked quietly. — the attribution of a quote that closed the sentence before.
  if (before >= 0 && starts[before] < s.start && CLOSING_MARKS.has(beforeText) && endsClause(doc, s, cue)) return null;
  let from = cue.last + 1;
  if (cue.addressee) from = skipAddressee(doc, from, s.end);
  // "said Wednesday that …", "said publicly that …": a time or manner adverb before "that" is not reported.
  let t = from;
  while (t < doc.tokenCount && t < from + 4 && isTimeOrManner(lowerAt(doc, t))) t++;
  if (t > from && t < doc.tokenCount && lowerAt(doc, t) === 'that') from = t;
  else {
    // "argued in Geneva today that …", "said at a news conference that …": the place or occasion is not reported.
    const that = thatAfterAdverbial(doc, from, s.end) ?? thatAfterAdverbial(doc, t, s.end);
    if (that !== null) from = that;
  }
  if (from < doc.tokenCount && lowerAt(doc, from) === 'that') from++;
  if (from >= doc.tokenCount || starts[from] >= s.end) return null;
  return reported(doc, starts[from], s.end, { speaker: subject, cue });
}

/** "…, said X." at the end of a sentence. */
function inverted(doc: Doc, s: Sentence, k: number, cue: CueMatch): Reported | null {
  const prev = k - 1;
  if (!cue.speech || cue.addressee || prev < 0 || tokenText(doc, prev) !== ',' || doc.tokenStart[prev] < s.start) return null;
  const speaker = speakerAfter(doc, k + 1, s.end);
  if (!speaker) return null;
  const prevStart = doc.tokenStart[prev];
  return reported(doc, contentStart(doc, s, prevStart), prevStart, { speaker, cue });
}

/**
 * Reported speech in the story paragraphs, skipping clauses that the direct quotes already cover.
 * `quotes` are the direct quotes found so far, sorted by position.
 */
export function findIndirectQuotes(doc: Doc, quotes: QuoteCandidate[]): QuoteCandidate[] {
  const out: QuoteCandidate[] = [];
  const sorted = [...quotes].sort((a, b) => a.start - b.start);
  let qi = 0;
  const inQuote = (offset: number): boolean => {
    while (qi > 0 && sorted[qi - 1].start > offset) qi--;
    while (qi < sorted.length && sorted[qi].end <= offset) qi++;
    return qi < sorted.length && sorted[qi].start <= offset && offset < sorted[qi].end;
  };
  const starts = doc.tokenStart;
  const cueStarts = cueStartTokens(doc);
  let c = 0;
  let near = 0;
  const reported: Reported[] = [];
  for (const s of doc.sentences) {
    while (c < cueStarts.length && starts[cueStarts[c]] < s.start) c++;
    if (c === cueStarts.length) break;
    if (starts[cueStarts[c]] >= s.end || doc.paragraphs[s.paragraph].kind !== 'body') continue;
    reportedIn(doc, s, inQuote, cueStarts, c, reported);
    if (reported.length === 0) continue;
    while (near < sorted.length && sorted[near].end <= s.start) near++;
    for (const r of reported) {
      const len = r.end - r.start;
      if (len <= 0 || covered(r, sorted, near, s.end) > 0.6 * len) continue;
      out.push(r);
    }
  }
  return out;
}
