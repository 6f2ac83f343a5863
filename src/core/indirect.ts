/**
 * Reported (indirect) speech: "X said (that) …", "…, X said.", "According to X, …", "X told reporters …",
 * "X believes/argues/claims …". The content is the clause the cue governs, up to the end of the sentence.
 */
import { afterDateline, clauseSubject, cueAt, cueStartFlags, isNamedSubject, skipAddressee, speakerAfter, subjectOf } from './attribution';
import { isRegExpSpace } from './chars';
import type { Attribution, CueMatch, PhraseSpan, QuoteCandidate } from './attribution';
import { lowerAt, tokenIndexFrom } from './text';
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

function trimContent(doc: Doc, start: number, end: number): Span {
  const { text } = doc;
  while (start < end && isContentEdge(text.charCodeAt(start))) start++;
  while (end > start && (isContentEdge(text.charCodeAt(end - 1)) || isSentenceEnd(text.charCodeAt(end - 1)))) end--;
  return { start, end };
}

/** Where reported words that open sentence `s` begin: after a dateline ("WASHINGTON — …"), which is no one's words. */
function contentStart(doc: Doc, s: Sentence, limit: number): number {
  const first = tokenIndexFrom(doc, s.start);
  const k = afterDateline(doc, first, tokenIndexFrom(doc, limit));
  return k > first && k < doc.tokens.length ? doc.tokens[k].start : s.start;
}

/** Number of words in `span`, counted up to `enough`. */
function hasWords(doc: Doc, span: Span, enough: number): boolean {
  let n = 0;
  const first = tokenIndexFrom(doc, span.start);
  for (let i = first; i < doc.tokens.length && doc.tokens[i].start < span.end; i++) if (doc.tokens[i].kind !== 'punct' && ++n >= enough) return true;
  return false;
}

/** Characters of `span` covered by `quotes[from]` and the quotes after it that start before `end` (sorted, barely overlapping). */
function covered(span: Span, quotes: Span[], from: number, end: number): number {
  let n = 0;
  for (let i = from; i < quotes.length && quotes[i].start < end; i++) n += Math.max(0, Math.min(span.end, quotes[i].end) - Math.max(span.start, quotes[i].start));
  return n;
}

interface Reported {
  content: Span;
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
 * `cueStarts[from]` is the sentence's first token that may start a cue.
 */
function reportedIn(doc: Doc, s: Sentence, inQuote: (offset: number) => boolean, cueStarts: Int32Array, from: number): Reported[] {
  const { tokens } = doc;
  const out: Reported[] = [];
  // Tokens up to `done` belong to a cue already read.
  let done = -1;
  for (let c = from; c < cueStarts.length && tokens[cueStarts[c]].start < s.end; c++) {
    const k = cueStarts[c];
    if (k <= done || inQuote(tokens[k].start)) continue;
    const cue = cueAt(doc, k);
    if (!cue) continue;
    const r = isParticipleClause(doc, cue)
      ? participleAfterComma(doc, s, cue)
      : cue.accordingTo
        ? accordingTo(doc, s, cue)
        : (subjectVerb(doc, s, cue) ?? inverted(doc, s, k, cue));
    if (!r || !hasWords(doc, r.content, MIN_CONTENT_WORDS)) continue;
    const prev = out[out.length - 1];
    // "…, X said." reports the whole clause before it, including any view verbs inside it.
    if (prev && r.content.start <= out[0].content.start) {
      out.length = 0;
    } else if (prev) {
      const boundary =
        clauseBoundaryBefore(doc, r.attribution.speaker.first, prev.content.start) ??
        secondSpeakerStart(doc, r, prev) ??
        // "X said …, but stressed that …": a coordinated cue sharing the subject starts a report of its own.
        (r.attribution.cue && r.attribution.speaker.start < prev.content.start ? clauseBoundaryBefore(doc, r.attribution.cue.first, prev.content.start) : null);
      if (boundary === null) continue;
      prev.content = trimContent(doc, prev.content.start, boundary);
    }
    out.push(r);
    done = Math.max(k, cue.last);
  }
  // Drop the clauses that the ones after them cut too short, in place.
  let kept = 0;
  for (const r of out) if (hasWords(doc, r.content, MIN_CONTENT_WORDS)) out[kept++] = r;
  out.length = kept;
  return out;
}

const NESTED_MIN_WORDS = 4;

/**
 * "X said the plan would raise taxes, which experts say is too little": a speaker with its own cue, several words
 * into an earlier report, starts a report of its own; right at its start ("said he believes …") it stays nested.
 */
function secondSpeakerStart(doc: Doc, r: Reported, prev: Reported): number | null {
  const { speaker } = r.attribution;
  if (!isNamedSubject(doc, speaker) || speaker.start <= prev.content.start) return null;
  if (!hasWords(doc, { start: prev.content.start, end: speaker.start }, NESTED_MIN_WORDS)) return null;
  // "…, which analysts say …": the relative word belongs to the second report.
  const before = doc.tokens[speaker.first - 1];
  return /^(?:which|that|who|what)$/.test(lowerAt(doc, speaker.first - 1)) ? before.start : speaker.start;
}

/** "a statement announcing the pick", "tweets early Friday saying": an -ing form without "is/was" reports nothing itself. */
function isParticipleClause(doc: Doc, cue: CueMatch): boolean {
  if (!/ing$/.test(cue.word)) return false;
  const prev = doc.tokens[cue.first - 1];
  return !prev || !/^(?:is|was|are|were|been|be|am|'s|keeps|kept)$/.test(lowerAt(doc, cue.first - 1));
}

/** Offset of ", but" / "; " right before token `k` (within the content that started at `floor`), or null. */
function clauseBoundaryBefore(doc: Doc, k: number, floor: number): number | null {
  const { tokens } = doc;
  let i = k - 1;
  if (i >= 0 && CLAUSE_OPENERS.has(lowerAt(doc, i))) i--;
  if (i < 0 || tokens[i].start < floor) return null;
  const t = tokens[i];
  if (t.text === ';' || (t.text === ',' && CLAUSE_OPENERS.has(lowerAt(doc, i + 1)))) return t.start;
  return null;
}

function accordingTo(doc: Doc, s: Sentence, cue: CueMatch): Reported | null {
  const speaker = speakerAfter(doc, cue.last + 1, s.end);
  if (!speaker) return null;
  if (!/\S/.test(doc.text.slice(Math.max(s.start, cue.start - 3), cue.start)) && cue.start - s.start <= 3) {
    const { tokens } = doc;
    const after = speaker.last + 1;
    for (let i = after; i < tokens.length && i < after + 12 && tokens[i].start < s.end; i++) {
      if (tokens[i].text === ',') return { content: trimContent(doc, tokens[i].end, s.end), attribution: { speaker, cue } };
    }
    return null;
  }
  return { content: trimContent(doc, contentStart(doc, s, cue.start), cue.start), attribution: { speaker, cue } };
}

/** True when only a short adverbial follows the cue to the end of the sentence: "…, she said on Tuesday." */
function endsClause(doc: Doc, s: Sentence, cue: CueMatch): boolean {
  const { tokens } = doc;
  let n = 0;
  for (let i = cue.last + 1; i < tokens.length && tokens[i].start < s.end; i++) {
    if (lowerAt(doc, i) === 'that' || ++n > 8) return false;
  }
  return true;
}

/** Nothing, punctuation or an adverbial after the cue: "…, the mayor said on Monday." rather than "…, the mayor said the bridge …". */
function adverbialFollows(doc: Doc, s: Sentence, cue: CueMatch): boolean {
  const next = doc.tokens[cue.last + 1];
  if (!next || next.start >= s.end || next.kind === 'punct') return true;
  const w = lowerAt(doc, cue.last + 1);
  return isTimeOrManner(w) || OCCASION_PREPOSITIONS.has(w) || /^(?:to|of|as|with|while|when|according|in|at|for)$/.test(w) || /^\p{Lu}/u.test(next.text);
}

/** "X generally supported Democrats … and said he …": a coordinated verb shares the subject that opens the sentence. */
function coordinatedSubject(doc: Doc, s: Sentence, cue: CueMatch): PhraseSpan | null {
  const prev = doc.tokens[cue.first - 1];
  if (!prev || prev.start < s.start || !/^(?:and|but)$/.test(lowerAt(doc, cue.first - 1))) return null;
  const opening = speakerAfter(doc, tokenIndexFrom(doc, s.start), prev.start);
  return opening && isNamedSubject(doc, opening) ? opening : clauseSubject(doc, tokenIndexFrom(doc, s.start), prev.start);
}

/** Prepositions that open a place or occasion between a cue verb and its "that" ("said in Geneva that"). */
const OCCASION_PREPOSITIONS = new Set(['in', 'at', 'on', 'during', 'before', 'after', 'amid', 'following', 'from', 'via', 'outside', 'inside']);

/** Token index of a "that" closing a short prepositional phrase that starts at `k` ("in Geneva today that"), or null. */
function thatAfterAdverbial(doc: Doc, k: number, end: number): number | null {
  const { tokens } = doc;
  if (k >= tokens.length || !OCCASION_PREPOSITIONS.has(lowerAt(doc, k))) return null;
  for (let i = k + 1; i < tokens.length && i <= k + 7 && tokens[i].start < end; i++) {
    const w = lowerAt(doc, i);
    if (w === 'that') return i;
    if (tokens[i].kind === 'punct' || PRONOUN_OR_CLAUSE.test(w)) return null;
  }
  return null;
}
const PRONOUN_OR_CLAUSE = /^(?:he|she|they|we|i|it|you|who|which|whether|if|is|was|are|were|has|have|had|will|would)$/;

/** "Smith defended the plan on Monday, saying it would cut costs": the participle reports for the subject opening the sentence. */
function participleAfterComma(doc: Doc, s: Sentence, cue: CueMatch): Reported | null {
  const { tokens } = doc;
  const prev = tokens[cue.first - 1];
  if (!prev || prev.text !== ',' || prev.start < s.start) return null;
  const opening = clauseSubject(doc, tokenIndexFrom(doc, s.start), prev.start);
  if (!opening || !isNamedSubject(doc, opening)) return null;
  let from = cue.last + 1;
  if (cue.addressee) from = skipAddressee(doc, from, s.end);
  if (from < tokens.length && lowerAt(doc, from) === 'that') from++;
  if (from >= tokens.length || tokens[from].start >= s.end) return null;
  return { content: trimContent(doc, tokens[from].start, s.end), attribution: { speaker: opening, cue } };
}

/** Quotation marks that close a quote. */
const CLOSING_MARKS = new Set(['”', '"', '»']);

function subjectVerb(doc: Doc, s: Sentence, cue: CueMatch): Reported | null {
  const { tokens } = doc;
  const subject = subjectOf(doc, cue, s.start) ?? coordinatedSubject(doc, s, cue);
  if (!subject) return null;
  const beforeSubject = tokens[subject.first - 1];
  // "…, X said." — the content precedes the speaker.
  if (beforeSubject && beforeSubject.start >= s.start && (beforeSubject.text === ',' || CLOSING_MARKS.has(beforeSubject.text)) && cue.speech && endsClause(doc, s, cue) && (beforeSubject.text !== ',' || adverbialFollows(doc, s, cue))) {
    const lead = trimContent(doc, contentStart(doc, s, beforeSubject.start), beforeSubject.start);
    // What follows the cue is an adverbial ("…," she said at a rally), never the words reported; after a short
    // opening adverbial ("And yet, her aides say …") the words after the cue are the report.
    if (hasWords(doc, lead, MIN_CONTENT_WORDS)) return { content: lead, attribution: { speaker: subject, cue } };
    if (beforeSubject.text !== ',') return null;
  }
  // "…?" Smith, a retired teacher, asked quietly. — the attribution of a quote that closed the sentence before.
  const opener = tokens[subject.first - 1];
  if (opener && opener.start < s.start && CLOSING_MARKS.has(opener.text) && endsClause(doc, s, cue)) return null;
  let from = cue.last + 1;
  if (cue.addressee) from = skipAddressee(doc, from, s.end);
  // "said Wednesday that …", "said publicly that …": a time or manner adverb before "that" is not reported.
  let t = from;
  while (t < tokens.length && t < from + 4 && isTimeOrManner(lowerAt(doc, t))) t++;
  if (t > from && t < tokens.length && lowerAt(doc, t) === 'that') from = t;
  else {
    // "argued in Geneva today that …", "said at a news conference that …": the place or occasion is not reported.
    const that = thatAfterAdverbial(doc, from, s.end) ?? thatAfterAdverbial(doc, t, s.end);
    if (that !== null) from = that;
  }
  if (from < tokens.length && lowerAt(doc, from) === 'that') from++;
  if (from >= tokens.length || tokens[from].start >= s.end) return null;
  return { content: trimContent(doc, tokens[from].start, s.end), attribution: { speaker: subject, cue } };
}

/** "…, said X." at the end of a sentence. */
function inverted(doc: Doc, s: Sentence, k: number, cue: CueMatch): Reported | null {
  const prev = doc.tokens[k - 1];
  if (!cue.speech || cue.addressee || !prev || prev.text !== ',' || prev.start < s.start) return null;
  const speaker = speakerAfter(doc, k + 1, s.end);
  if (!speaker) return null;
  return { content: trimContent(doc, contentStart(doc, s, prev.start), prev.start), attribution: { speaker, cue } };
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
  const { tokens } = doc;
  const cueStarts = cueStartTokens(doc);
  let c = 0;
  let near = 0;
  for (const s of doc.sentences) {
    while (c < cueStarts.length && tokens[cueStarts[c]].start < s.start) c++;
    if (c === cueStarts.length) break;
    if (tokens[cueStarts[c]].start >= s.end || doc.paragraphs[s.paragraph].kind !== 'body') continue;
    const reported = reportedIn(doc, s, inQuote, cueStarts, c);
    if (reported.length === 0) continue;
    while (near < sorted.length && sorted[near].end <= s.start) near++;
    for (const r of reported) {
      const len = r.content.end - r.content.start;
      if (len <= 0 || covered(r.content, sorted, near, s.end) > 0.6 * len) continue;
      out.push({ start: r.content.start, end: r.content.end, kind: 'indirect', attribution: r.attribution });
    }
  }
  return out;
}
