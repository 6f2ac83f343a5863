/**
 * Quotations and their speakers: quoted spans from the mark scanner, attributed through the patterns of
 * news prose ("…," said X; X said: "…"; "…," X said; "…" he added; partial quotes inside a reporting
 * clause; paragraphs of quotes after an introduction; multi-paragraph quotes), plus reported speech.
 */
import type { Cast } from './cast';
import { afterDateline, clauseSubject, cueAt, properNameSubject, isClauseConjunction, isDeterminer, isNamedSubject, namedPhraseAfter, participleModifiedSubject, possessiveNounAttribution, shortQuotedSpanAfter, speakerAfter, speakerBefore, subjectOf } from './attribution';
import type { Attribution, CueMatch, PhraseSpan, QuoteCandidate } from './attribution';
import { findIndirectQuotes } from './indirect';
import { scanQuoteMarks } from './quoteMarks';
import type { MarkedQuote } from './quoteMarks';
import { TokenKind, indexAt, isWordToken, lowerAt, sentenceAt, tokenIndexFrom, tokenText } from './text';
import type { Doc } from './text';
import type { Quote, QuoteKind, Span, TextSpan } from './types';
import { SpeakerResolver } from './speakers';
import { isDoubleQuoteMark, isRegExpSpace, onlyRegExpSpaces } from './chars';
import { cueStartFlags } from './attribution';

// Regular expressions of the tests below, compiled once: a literal in a function is a new object at each call.
/** An -ing form: a participle ("saying"). */
const ING_FORM = /ing$/;
const RELATIVE_PRONOUN = /^(?:who|which|that)$/;
/** A double mark, a semicolon or a colon inside a speaker phrase. */
const QUOTE_MARK_OR_COLON = /^[“”"«»„;:]$/;
const INDEFINITE_ARTICLE = /^an?$/;
const REPORTS = /^report(?:s|ed)$/;
/** A lower-case past-tense form ("fumed"). */
const LOWER_CASE_PAST = /^\p{Ll}+ed$/u;
/** Words that may follow a speaker's verb of any kind ("fumed on Tuesday"). */
const AFTER_SPEAKER_VERB = /^(?:on|in|at|after|before|during|while|as|when|to|from|with|into|back|again|later|\p{Ll}+ly)$/u;
const UPPER_START = /^\p{Lu}/u;
const CLAUSE_END = /^[,.;!?]$/;
/** Adverbs between a subject and its verb ("also", "later", "has"). */
const SUBJECT_VERB_ADVERB = /^(?:also|later|has|have|had|then|again|once|\p{Ll}+ly)$/u;
const COORDINATOR = /^(?:and|but|,|also|then)$/;
const AND_OR_BUT = /^(?:and|but)$/;
const COORDINATOR_OR_TO = /^(?:and|but|also|then|to)$/;
/** What may follow an inverted speaker right before a quote: said Smith, "…". */
const INVERTED_SPEAKER_END = /^[,:“"«„]$/;
const LOWER_CASE_WORD = /^\p{Ll}+$/u;
const VERB_ENDING = /(?:ed|s)$/;
/** Words ending like a verb ("-ed", "-s") that take no object. */
const NOT_OBJECT_VERB = /^(?:is|was|has|as|us|this|its|his|hers|ours|theirs|yours|across|towards|always|perhaps|besides)$/;
const CLAUSE_CLOSER = /^[,.;!?(]$/;
/** A transcript speaker's label: "WALLACE: ". */
const TRANSCRIPT_LABEL = /^(\p{Lu}[\p{Lu}.'’-]*(?: \p{Lu}[\p{Lu}.'’-]*){0,3}):\s/u;
const SIGNATURE_DASH = /^\s*[―—–-]{1,2}\s*/;
const ONLY_SPACE_OR_STOPS = /^[\s.,]*$/;
const POSSESSIVE_DETERMINER = /^(?:its|his|her|their|our)$/;
const AUXILIARY_OR_ADVERB = /^(?:has|have|had|is|was|were|are|also|would|will|could|can|did|does|not|never|then|once|again|\p{Ll}+ly)$/u;
const MODAL = /^(?:would|will|could|can|did|does)$/;
const LOWER_START = /^\p{Ll}/u;
const FINITE_VERB_ENDING = /(?:s|ed|ew|ook|ang|old|ote|aid|ent|ave|ame|oke|ood|ought|ade|eld|ound)$/;
const LOWER_CASE_ING = /\p{Ll}ing$/u;
const DASH = /^[-–—]$/;
const ALL_CAPS_WORD = /^\p{Lu}{4,}$/u;
/** Adverbs between a quote and the verb after it: Putin "immediately" also demanded. */
const BRACKETING_ADVERB = /^(?:also|later|has|have|had|then|would)$/;
const ONLY_SENTENCE_ENDS = /^[.!?)\]]*$/;
const NAME_BEFORE_NICKNAME = /\p{Lu}[\p{L}.]*\s$/u;
const NAME_AFTER_NICKNAME = /^\s\p{Lu}/u;
const NICKNAME = /^\p{Lu}[\p{L}'’.-]*(?:\s\p{Lu}[\p{L}'’.-]*)?$/u;
const STAGE_DIRECTION = /^\([^()]+\)\.?$/;
const CAPITALISED_START = /^[\p{Lu}‘“'"]/u;
const PARAGRAPH_END_PUNCTUATION = /[.!?…:;,”"’»)]/;
const LINE_BREAK = /[\r\n]/;
const NEXT_SENTENCE_START = /^\s+\p{Lu}/u;
const WHITE_SPACE_RUNS = /\s+/g;

function cueSpan(doc: Doc, cue: CueMatch | null): TextSpan | null {
  if (!cue) return null;
  // A one-word cue reads its token's form: no copy of the text.
  const oneToken = cue.first === cue.last && cue.start === doc.tokenStart[cue.first] && cue.end === doc.tokenEnd[cue.first];
  return { start: cue.start, end: cue.end, text: oneToken ? tokenText(doc, cue.first) : doc.text.slice(cue.start, cue.end) };
}

/** End of the sentence containing `offset`. */
function sentenceEnd(doc: Doc, offset: number): number {
  const s = sentenceAt(doc, offset);
  return s < 0 ? offset : doc.sentences[s].end;
}

function sentenceBegin(doc: Doc, offset: number): number {
  const s = sentenceAt(doc, offset);
  return s < 0 ? offset : doc.sentences[s].start;
}

/** True when text[from, to) holds only white space, commas, semicolons and dashes: what may lead to a tail attribution. */
function onlyTailLead(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const code = text.charCodeAt(i);
    if (!isRegExpSpace(code) && code !== 44 && code !== 59 && code !== 0x2014 && code !== 0x2013 && code !== 45) return false; // , ; — – -
  }
  return true;
}
/** How many words of the sentence after a quote may precede its reporting verb ("the former chief of staff said"). */
const ATTRIBUTION_OPENING_WORDS = 12;
/** How far before a quote its reporting verb is looked for, in tokens. */
const MAX_HEAD_TOKENS = 60;

/** End of the line holding `offset` (lines never cross paragraphs). */
function lineEndAt(doc: Doc, offset: number): number {
  let lo = 0;
  let hi = doc.lines.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const l = doc.lines[mid];
    if (offset < l.start) hi = mid - 1;
    else if (offset > l.end) lo = mid + 1;
    else return l.end;
  }
  return offset;
}

/**
 * Where the text that may attribute a quote ends: the end of the quote's sentence, or of the next one when the
 * quote closes its sentence ("…?" Smith asked.) and that one is a bare attribution; never past a line break.
 */
function tailEnd(doc: Doc, q: MarkedQuote, closeEnd: number, paragraphEnd: number): number {
  if (q.close === null) return closeEnd;
  const lineEnd = Math.min(paragraphEnd, lineEndAt(doc, closeEnd));
  const own = sentenceEnd(doc, q.close);
  if (own > closeEnd) return Math.min(own, lineEnd);
  const nextSentence = sentenceAt(doc, Math.min(closeEnd + 1, lineEnd - 1));
  if (nextSentence < 0 || doc.sentences[nextSentence].start >= lineEnd) return closeEnd;
  const s = doc.sentences[nextSentence];
  const first = tokenIndexFrom(doc, s.start);
  // A question or exclamation ends its sentence inside the marks, so a longer sentence may still attribute it
  // when it opens with the reporting verb: "…?" Smith asked reporters during …
  const last = lastCodeOf(doc, q);
  const exclaimed = last === 63 || last === 33; // ? !
  let n = 0;
  const starts = doc.tokenStart;
  for (let i = first; i < doc.tokenCount && starts[i] < s.end && n <= (exclaimed ? ATTRIBUTION_OPENING_WORDS : 8); i++) {
    if (doc.tokenKind[i] !== TokenKind.Word) continue;
    n++;
    if (exclaimed && n <= ATTRIBUTION_OPENING_WORDS && cueAt(doc, i)?.speech) return Math.min(s.end, lineEnd);
  }
  return n <= 8 ? Math.min(s.end, lineEnd) : closeEnd;
}

/** The code unit of the last character of a span, or -1 when it is empty. */
function lastCodeOf(doc: Doc, span: Span): number {
  return span.end > span.start ? doc.text.charCodeAt(span.end - 1) : -1;
}

/** True when a word follows the closing mark before `limit` (the end of the text that may attribute the quote). */
function hasTail(doc: Doc, closeEnd: number, limit: number): boolean {
  const k = tokenIndexFrom(doc, closeEnd);
  return k < doc.tokenCount && doc.tokenStart[k] < limit && doc.tokenKind[k] === TokenKind.Word;
}

/** "…," said X / "…," X said / "…" he added / "…," according to X — right after the closing mark. */
function tailAttribution(doc: Doc, from: number, limit: number, openEnded: boolean): Attribution | null {
  const starts = doc.tokenStart;
  const kinds = doc.tokenKind;
  let k = tokenIndexFrom(doc, from);
  while (k < doc.tokenCount && starts[k] < limit && kinds[k] === TokenKind.Punct && onlyTailLead(doc.text, starts[k], doc.tokenEnd[k])) k++;
  if (k >= doc.tokenCount || starts[k] >= limit) return null;
  if (!onlyTailLead(doc.text, from, starts[k])) return null;
  const cue = cueAt(doc, k);
  if (cue && (cue.speech || cue.accordingTo) && !cue.addressee) {
    // "…,” saying the city embodied …": a participle has no subject after it.
    if (ING_FORM.test(cue.word) && !cue.accordingTo) return null;
    const speaker = speakerAfter(doc, cue.last + 1, limit);
    return speaker ? { speaker, cue } : null;
  }
  if (cue && cue.addressee) return null;
  // "there are still “some people” who feel …": a relative pronoun right after the quote describes the quoted words.
  if (RELATIVE_PRONOUN.test(lowerAt(doc, k))) return null;
  const headStart = k;
  for (let j = k + 1; j < doc.tokenCount && j < k + 30 && starts[j] < limit; j++) {
    if (kinds[j] === TokenKind.Punct && QUOTE_MARK_OR_COLON.test(tokenText(doc, j))) {
      // "…," Bill Eastland, wearing “Cruz” pins, said: a short quoted name inside the speaker phrase.
      const close = shortQuotedSpanAfter(doc, j);
      if (close < 0) return null;
      j = close;
      continue;
    }
    const c = cueAt(doc, j);
    if (!c || c.accordingTo) continue;
    // "one of the states suing …": a noun-like form after a determiner is a noun.
    if (c.nounLike && (isDeterminer(lowerAt(doc, j - 1)) || lowerAt(doc, j - 1) === 'of')) continue;
    let speaker = speakerBefore(doc, j - 1, starts[headStart]);
    // "…" a Donald Trump tweet attacking …: after an indefinite phrase, a noun-like form is a noun.
    if (c.nounLike && speaker && INDEFINITE_ARTICLE.test(lowerAt(doc, speaker.first))) continue;
    // "…," retired Air Force general Jane Roe said: modifiers before the name belong to the speaker phrase.
    if (speaker && speaker.first > headStart) {
      const whole = speakerAfter(doc, headStart, starts[j]);
      if (whole && whole.last === speaker.last) speaker = whole;
      // "…," an official at the embassy said: one prepositional link joins two phrases into the speaker.
      else if (whole && whole.last + 2 === speaker.first && LINKING_PREPOSITIONS.has(lowerAt(doc, whole.last + 1))) speaker = { ...whole, end: speaker.end, last: speaker.last };
    }
    // A view verb right after the quote needs a pronoun or a name: "the four “loopholes” he cited".
    if (speaker && speaker.first === headStart && (c.speech || isNamedSubject(doc, speaker))) return { speaker, cue: c };
    if (c.speech) return null;
  }
  return openEnded ? speakerWithAnyVerb(doc, headStart, limit) : null;
}

/**
 * The source that vouches for an attribution after it: "…," Smith said, according to CNN / "…," said Smith,
 * reports The Times. The quote is credited to that source, the way news attribution chains are read.
 */
function outerSource(doc: Doc, a: Attribution, limit: number): Attribution | null {
  const starts = doc.tokenStart;
  for (let k = Math.max(a.speaker.last, a.cue?.last ?? 0) + 1; k + 1 < doc.tokenCount && starts[k] < limit; k++) {
    const text = tokenText(doc, k);
    if (isDoubleQuoteMark(text)) return null;
    if (text !== ',') continue;
    const cue = cueAt(doc, k + 1);
    if (!cue || !(cue.accordingTo || REPORTS.test(cue.word))) continue;
    const source = speakerAfter(doc, cue.last + 1, limit);
    if (source && !source.pronoun) return { speaker: source, cue };
  }
  return null;
}

/**
 * "…," Toomey fumed on Tuesday: after a quote that ends in a comma, question or exclamation mark, a name or
 * pronoun followed by a past-tense verb is the speaker, whatever the verb.
 */
function speakerWithAnyVerb(doc: Doc, k: number, limit: number): Attribution | null {
  const starts = doc.tokenStart;
  const inverted = invertedSpeakerWithAnyVerb(doc, k, limit);
  if (inverted) return inverted;
  const speaker = SUBJECT_PRONOUNS.has(lowerAt(doc, k)) ? { start: starts[k], end: doc.tokenEnd[k], first: k, last: k, pronoun: true } : namedPhraseAfter(doc, k, limit);
  // "…," which led to …: a relative pronoun continues the reporter's sentence.
  if (!speaker || (speaker.pronoun && !SUBJECT_PRONOUNS.has(lowerAt(doc, speaker.first)))) return null;
  const verb = speaker.last + 1;
  if (!isWordToken(doc, verb) || starts[verb] >= limit || !LOWER_CASE_PAST.test(tokenText(doc, verb))) return null;
  const after = speaker.last + 2;
  if (after < doc.tokenCount && starts[after] < limit && doc.tokenKind[after] === TokenKind.Word && !AFTER_SPEAKER_VERB.test(lowerAt(doc, after))) return null;
  const cue: CueMatch = { start: starts[verb], end: doc.tokenEnd[verb], first: verb, last: verb, word: lowerAt(doc, verb), accordingTo: false, speech: true, addressee: false, nounLike: false };
  return { speaker, cue };
}

/**
 * "“This is fantastic!” beamed Jane Roe of Dayton, who …": a past-tense verb right after the quote, then a name
 * that closes the clause, is the speaker in inverted order, whatever the verb.
 */
function invertedSpeakerWithAnyVerb(doc: Doc, k: number, limit: number): Attribution | null {
  if (!isWordToken(doc, k) || !LOWER_CASE_PAST.test(tokenText(doc, k))) return null;
  const speaker = namedPhraseAfter(doc, k + 1, limit);
  if (!speaker || speaker.pronoun || !UPPER_START.test(tokenText(doc, speaker.first))) return null;
  const after = speaker.last + 1;
  if (after < doc.tokenCount && doc.tokenStart[after] < limit && !CLAUSE_END.test(tokenText(doc, after))) return null;
  const cue: CueMatch = { start: doc.tokenStart[k], end: doc.tokenEnd[k], first: k, last: k, word: lowerAt(doc, k), accordingTo: false, speech: true, addressee: false, nounLike: false };
  return { speaker, cue };
}

/**
 * The last cue with a subject in [floor, before), skipping words inside quotations:
 * X said: "…" / X said that the plan was a "mistake" / X admitted … but stressed that "…".
 */
function headAttribution(doc: Doc, floor: number, before: number, inQuote: (offset: number) => boolean): Attribution | null {
  const nearest = nearestHeadAttribution(doc, floor, before, inQuote, false);
  // "According to the Herald, the mayor said …": the source that opens the sentence vouches for all of it.
  if (nearest && !nearest.cue?.accordingTo) {
    const opening = openingAccordingTo(doc, floor, before);
    if (opening && opening.speaker.end <= nearest.speaker.start) return opening;
  }
  // A view verb inside a reported clause ("X said they want …", "X said Y called it “…”") yields to the speech
  // verb that reports it: the reporting speaker vouches for the quoted words.
  if (nearest?.cue && !nearest.cue.speech) {
    const reporting = nearestHeadAttribution(doc, floor, nearest.cue.start, inQuote, true);
    if (reporting?.cue && (isComplementSubject(doc, reporting.cue, nearest.speaker) || withinReportedClause(doc, reporting.cue, nearest.speaker))) return reporting;
  }
  return nearest;
}

/** "According to X," at the start of the sentence from `floor`, with X as speaker. */
function openingAccordingTo(doc: Doc, floor: number, before: number): Attribution | null {
  let k = tokenIndexFrom(doc, floor);
  if (k < doc.tokenCount && isClauseConjunction(lowerAt(doc, k))) k++;
  const cue = cueAt(doc, k);
  if (!cue?.accordingTo) return null;
  const speaker = speakerAfter(doc, cue.last + 1, before);
  return speaker && !speaker.pronoun ? { speaker, cue } : null;
}

/** Conjunctions that, after a comma, open a contrasting clause of the reporter's: "X said …, while he …". */
const CONTRAST_OPENERS = new Set(['while', 'whereas', 'although', 'though', 'but']);

/** True when `subject` lies in the clause that `cue` reports: no semicolon and no ", while" between them. */
function withinReportedClause(doc: Doc, cue: CueMatch, subject: PhraseSpan): boolean {
  if (subject.first <= cue.last) return false;
  // "In a statement announcing the pick, the union called …": a participle phrase closed by a comma reports nothing after it.
  const participle = ING_FORM.test(cue.word);
  for (let i = cue.last + 1; i < subject.first; i++) {
    const t = tokenText(doc, i);
    if (t === ';' || (t === ',' && (participle || CONTRAST_OPENERS.has(lowerAt(doc, i + 1))))) return false;
  }
  return true;
}

/** What a pronoun subject stands for inside its own sentence: "Smith, who …" or "Clinton says she …". */
function antecedentOf(doc: Doc, pronoun: PhraseSpan, floor: number, inQuote: (offset: number) => boolean): PhraseSpan | undefined {
  const word = lowerAt(doc, pronoun.first);
  if (word === 'who' || word === 'which') {
    let k = pronoun.first - 1;
    if (k >= 0 && tokenText(doc, k) === ',') k--;
    const head = k >= 0 ? speakerBefore(doc, k, floor) : null;
    return head && !head.pronoun ? head : undefined;
  }
  if (word !== 'he' && word !== 'she' && word !== 'they' && word !== 'it') return undefined;
  const earlier = nearestHeadAttribution(doc, floor, pronoun.start, inQuote, false);
  if (earlier) return !earlier.speaker.pronoun ? earlier.speaker : earlier.antecedent;
  // "Cruz has railed against what he calls …": the named subject that opens the clause.
  const opening = clauseSubject(doc, tokenIndexFrom(doc, floor), pronoun.start);
  return opening && !opening.pronoun ? opening : undefined;
}

/** True when `subject` opens the clause governed by `cue` ("said [that] they want"), or is a relative pronoun. */
function isComplementSubject(doc: Doc, cue: CueMatch, subject: PhraseSpan): boolean {
  const word = lowerAt(doc, subject.first);
  if (word === 'who' || word === 'which') return true;
  let k = cue.last + 1;
  // "told voters this week (that) she would …": the addressee and a time phrase come before the clause.
  if (cue.addressee && subject.first > k && subject.first - k <= MAX_ADDRESSEE_TOKENS) {
    for (let i = k; i < subject.first; i++) if (doc.tokenKind[i] === TokenKind.Punct || cueAt(doc, i)) return false;
    return true;
  }
  if (k < doc.tokenCount && lowerAt(doc, k) === 'that') k++;
  return subject.first === k;
}

/** Most tokens between a told-style cue and the subject of the clause it reports. */
const MAX_ADDRESSEE_TOKENS = 6;

/** The first token from `k` that is not an adverb between a subject and its verb ("also", "later", "has"). */
function skipAdverbs(doc: Doc, k: number): number {
  while (k < doc.tokenCount && SUBJECT_VERB_ADVERB.test(lowerAt(doc, k))) k++;
  return k;
}

/** Verbs whose object, not their subject, does what a following infinitive says: "urged Congress to reject …". */
const OBJECT_CONTROL_VERBS = new Set([
  'ask', 'asks', 'asked', 'urge', 'urges', 'urged', 'tell', 'tells', 'told', 'want', 'wants', 'wanted', 'expect', 'expects',
  'expected', 'force', 'forces', 'forced', 'allow', 'allows', 'allowed', 'call', 'calls', 'called', 'encourage', 'encourages',
  'encouraged', 'push', 'pushes', 'pushed', 'pressure', 'pressured', 'invite', 'invites', 'invited', 'persuade', 'persuaded',
  'prompt', 'prompted', 'get', 'gets', 'got', 'lead', 'leads', 'led', 'need', 'needs', 'needed', 'challenge', 'challenged',
  'dare', 'dared', 'order', 'ordered', 'require', 'required', 'help', 'helps', 'helped', 'let', 'lets', 'appeal', 'appealed',
]);
/** Words after which an -ing cue has no subject of its own: "despite admitting", "by saying". */
const PARTICIPLE_LEADS = new Set(['despite', 'after', 'before', 'while', 'by', 'when', 'without', 'since']);
const SUBJECT_PRONOUNS = new Set(['i', 'he', 'she', 'we', 'they']);

/** "I laughed and said": the subject pronoun of the verb just before a coordinated cue, within a few words. */
function nearbySubjectPronoun(doc: Doc, k: number, floor: number): PhraseSpan | null {
  const starts = doc.tokenStart;
  for (let i = k; i >= 0 && i > k - 6 && starts[i] >= floor; i--) {
    if (doc.tokenKind[i] === TokenKind.Punct) return null;
    if (SUBJECT_PRONOUNS.has(lowerAt(doc, i))) return { start: starts[i], end: doc.tokenEnd[i], first: i, last: i, pronoun: true };
    if (cueAt(doc, i)) return null;
  }
  return null;
}

/** Adverbs that may stand between a conjunction and the verb it coordinates: "but now said", "and later told". */
const COORDINATED_VERB_ADVERBS = new Set(['now', 'later', 'also', 'then', 'still', 'again', 'once', 'even', 'eventually', 'finally', 'subsequently']);

/**
 * The index of the word that coordinates the verb at `k` with an earlier one ("and", "but", ",", "also", "then"),
 * looking past one adverb after "and"/"but" ("but now said"); -1 when there is none.
 */
function coordinatingWordBefore(doc: Doc, k: number, floor: number): number {
  const starts = doc.tokenStart;
  const prev = k - 1;
  if (prev < 0 || prev >= doc.tokenCount || starts[prev] < floor) return -1;
  if (COORDINATOR.test(lowerAt(doc, prev))) return prev;
  const before = k - 2;
  return before >= 0 && starts[before] >= floor && COORDINATED_VERB_ADVERBS.has(lowerAt(doc, prev)) && AND_OR_BUT.test(lowerAt(doc, before)) ? before : -1;
}

function nearestHeadAttribution(doc: Doc, floor: number, before: number, inQuote: (offset: number) => boolean, speechOnly: boolean): Attribution | null {
  const starts = doc.tokenStart;
  const sentenceOf = doc.tokenSentence;
  const end = tokenIndexFrom(doc, before);
  const cueStarts = cueStartFlags(doc);
  for (let k = end - 1; k >= 0 && k >= end - MAX_HEAD_TOKENS && starts[k] >= floor; k--) {
    // Most tokens cannot start a cue: the cheap test first, the search of the quoted spans after it.
    if (cueStarts[k] !== 1 || inQuote(starts[k])) continue;
    const cue = cueAt(doc, k);
    if (!cue || cue.last >= end || (speechOnly && !cue.speech)) continue;
    if (cue.accordingTo) {
      const speaker = speakerAfter(doc, cue.last + 1, before);
      if (speaker) return { speaker, cue };
      continue;
    }
    // The token before the cue, or -1 at the start of the text.
    const prev = k - 1;
    // "Smith stated that … . Adding, “…”": a participle opening its sentence continues the sentence before.
    if (ING_FORM.test(cue.word) && (prev < 0 || sentenceOf[prev] !== sentenceOf[k])) {
      const earlier = previousSentenceSpeaker(doc, sentenceOf[k], inQuote);
      if (earlier) return { speaker: earlier, cue };
      continue;
    }
    const participle = ING_FORM.test(cue.word) && prev >= 0 && (tokenText(doc, prev) === ',' || PARTICIPLE_LEADS.has(lowerAt(doc, prev)));
    let subject = participle ? null : (subjectOf(doc, cue, floor) ?? participleModifiedSubject(doc, cue, floor));
    // "The town released a statement Wednesday saying …": an object before a participle does not speak; the clause subject does.
    if (subject && !subject.pronoun && ING_FORM.test(cue.word) && isObjectOfVerb(doc, subject, floor)) {
      const opening = afterDateline(doc, tokenIndexFrom(doc, floor), subject.first);
      subject = clauseSubject(doc, opening, starts[subject.first]) ?? properNameSubject(doc, opening, starts[subject.first]) ?? subject;
    }
    if (subject) return { speaker: subject, cue, antecedent: subject.pronoun ? antecedentOf(doc, subject, floor, inQuote) : undefined };
    // "Smith posted a series of tweets on Friday saying …": an -ing cue after a noun that is no speaker is the clause subject's.
    if (!participle && ING_FORM.test(cue.word) && prev >= 0 && starts[prev] >= floor && doc.tokenKind[prev] === TokenKind.Word && !PARTICIPLE_LEADS.has(lowerAt(doc, prev)) && !COORDINATOR_OR_TO.test(lowerAt(doc, prev))) {
      const opening = clauseSubject(doc, tokenIndexFrom(doc, floor), starts[prev]);
      if (opening && !inQuote(opening.start) && opening.last < k - 2) return { speaker: opening, cue };
    }
    // A verb sharing the subject of an earlier one: "X admitted … but stressed that …", "X said, adding that …".
    const joint = coordinatingWordBefore(doc, k, floor);
    if (joint >= 0) {
      const jointStart = starts[joint];
      const pronoun = AND_OR_BUT.test(lowerAt(doc, joint)) ? nearbySubjectPronoun(doc, joint - 1, floor) : null;
      if (pronoun) return { speaker: pronoun, cue };
      // "X said that Y rejected it, calling it …": a participle after a comma belongs to the reporting clause.
      if (participle && tokenText(doc, joint) === ',') {
        const opening = speakerAfter(doc, tokenIndexFrom(doc, floor), jointStart);
        const verb = opening ? cueAt(doc, skipAdverbs(doc, opening.last + 1)) : null;
        if (opening && verb?.speech && isNamedSubject(doc, opening)) return { speaker: opening, cue };
      }
      const earlier = nearestHeadAttribution(doc, floor, jointStart, inQuote, speechOnly);
      if (earlier) return { speaker: earlier.speaker, cue };
      // "Carson took the stage and called the system “rotten”": a coordinated cue shares the subject opening the clause.
      if (AND_OR_BUT.test(lowerAt(doc, joint))) {
        const subject = clauseSubject(doc, tokenIndexFrom(doc, floor), jointStart);
        if (subject) return { speaker: subject, cue };
      }
    }
    // "Trump took to Twitter to accuse the campaign of being “duped”": an infinitive cue shares the clause subject,
    // unless that subject's verb hands the infinitive to its object ("urged Congress to reject …").
    if (prev >= 0 && starts[prev] >= floor && lowerAt(doc, prev) === 'to') {
      const subject = clauseSubject(doc, tokenIndexFrom(doc, floor), starts[prev]);
      const verb = subject ? skipAdverbs(doc, subject.last + 1) : -1;
      if (subject && verb < doc.tokenCount && starts[verb] < starts[prev] && !inQuote(subject.start) && !OBJECT_CONTROL_VERBS.has(lowerAt(doc, verb))) return { speaker: subject, cue };
    }
    // Inverted order right before the quote: said Smith: "…" / added the minister, "…".
    if (cue.speech && !cue.addressee && !participle && !cue.nounLike) {
      const inverted = speakerAfter(doc, cue.last + 1, before);
      const next = inverted ? inverted.last + 1 : -1;
      if (inverted && (next >= doc.tokenCount || starts[next] >= before || INVERTED_SPEAKER_END.test(tokenText(doc, next)))) return { speaker: inverted, cue };
    }
    // "Dean, a former party chairman, poked at the rival, tweeting, …": the participle's subject opens the sentence.
    if (participle) {
      const start = afterDateline(doc, tokenIndexFrom(doc, floor), prev);
      const opening = speakerAfter(doc, start, starts[prev]);
      if (opening && isNamedSubject(doc, opening)) return { speaker: opening, cue };
      // "Speaking in Salem, New Hampshire, Trump went after Bush, calling him …": past leading adverbials.
      const subject = clauseSubject(doc, start, starts[prev]);
      if (subject) return { speaker: subject, cue };
    }
  }
  return null;
}

/** The named speaker reported by the sentence before sentence `s` in the same paragraph. */
function previousSentenceSpeaker(doc: Doc, s: number, inQuote: (offset: number) => boolean): PhraseSpan | null {
  const prev = doc.sentences[s - 1];
  if (!prev || prev.paragraph !== doc.sentences[s].paragraph) return null;
  const a = nearestHeadAttribution(doc, prev.start, prev.end, inQuote, false);
  return a && a.cue && !a.speaker.pronoun && isNamedSubject(doc, a.speaker) ? a.speaker : null;
}

/** True when a lower-case verb directly precedes `phrase`, making it that verb's object ("emailed supporters"). */
function isObjectOfVerb(doc: Doc, phrase: PhraseSpan, floor: number): boolean {
  const before = phrase.first - 1;
  if (!isWordToken(doc, before) || doc.tokenStart[before] < floor || !LOWER_CASE_WORD.test(tokenText(doc, before))) return false;
  const w = lowerAt(doc, before);
  // "put out a statement", "sent out an email": a verb with its particle.
  const verb = phrase.first - 2;
  if ((w === 'out' || w === 'up') && verb >= 0 && doc.tokenStart[verb] >= floor && LOWER_CASE_WORD.test(tokenText(doc, verb)) && !isDeterminer(lowerAt(doc, verb))) return true;
  return VERB_ENDING.test(w) && !isDeterminer(w) && !NOT_OBJECT_VERB.test(w);
}

/** A parenthetical attribution later in the quote's sentence: "…" to drive up the price, she said, … */
function sentenceFinalAttribution(doc: Doc, from: number, limit: number): Attribution | null {
  const starts = doc.tokenStart;
  const first = tokenIndexFrom(doc, from);
  for (let k = first; k < doc.tokenCount && k < first + 40 && starts[k] < limit; k++) {
    if (isDoubleQuoteMark(tokenText(doc, k))) return null;
    const cue = cueAt(doc, k);
    if (!cue || !cue.speech || cue.accordingTo) continue;
    const subject = subjectOf(doc, cue, from);
    const before = subject ? subject.first - 1 : k - 1;
    if (before < 0 || tokenText(doc, before) !== ',' || starts[before] < from) continue;
    if (subject) {
      if (closesClause(doc, cue.last + 1, limit)) return { speaker: subject, cue };
      continue;
    }
    // "…" if she loses, said Jane Roe, an analyst at …
    const inverted = cue.addressee ? null : speakerAfter(doc, k + 1, limit);
    if (inverted && closesClause(doc, inverted.last + 1, limit)) return { speaker: inverted, cue };
  }
  return null;
}

/** True when token `i` ends the clause of a parenthetical attribution: punctuation, `limit` or the end of the text. */
function closesClause(doc: Doc, i: number, limit: number): boolean {
  return i < 0 || i >= doc.tokenCount || doc.tokenStart[i] >= limit || CLAUSE_CLOSER.test(tokenText(doc, i));
}

/** A transcript line quoted whole: "WALLACE: Do you see those two as equivalent?" */
function transcriptLabel(doc: Doc, q: MarkedQuote): Attribution | null {
  const m = TRANSCRIPT_LABEL.exec(doc.text.slice(q.start, Math.min(q.end, q.start + 50)));
  if (!m || m[1].length < 2) return null;
  const first = tokenIndexFrom(doc, q.start);
  const last = tokenIndexFrom(doc, q.start + m[1].length) - 1;
  if (last < first) return null;
  return { speaker: { start: q.start, end: q.start + m[1].length, first, last, pronoun: false }, cue: null };
}

/** A quote that opens a sentence right after a reporting sentence: Smith called it a mistake. "It cannot work." */
function previousSentenceAttribution(doc: Doc, sentence: number, paragraph: number, inQuote: (offset: number) => boolean): Attribution | null {
  const prev = doc.sentences[sentence - 1];
  if (!prev || prev.paragraph !== paragraph) return null;
  const a = headAttribution(doc, prev.start, prev.end, inQuote);
  // "Cummings called him a master of the deal. “He showed …”": a view verb with a named subject introduces too.
  return a && (a.cue?.speech || (a.cue && !a.speaker.pronoun && isNamedSubject(doc, a.speaker))) ? a : null;
}

/**
 * "Sen. Ann Lee identified fatigue as the reason. “Voters are tired …”": the named subject opening the sentence
 * before a quotation that stands alone, whatever that sentence's verb.
 */
function previousSentenceSubject(doc: Doc, sentence: number, paragraph: number, inQuote: (offset: number) => boolean): Attribution | null {
  const prev = doc.sentences[sentence - 1];
  if (!prev || prev.paragraph !== paragraph || doc.paragraphs[paragraph].kind !== 'body') return null;
  const starts = doc.tokenStart;
  const start = afterDateline(doc, tokenIndexFrom(doc, prev.start), tokenIndexFrom(doc, prev.end));
  // The subject opening the sentence, or the one after a leading adverbial ("On Sunday, Sen. Ann Lee …").
  for (let k = start; k < doc.tokenCount && starts[k] < prev.end && k - start < MAX_HEAD_TOKENS; k++) {
    // A comma closing a quoted title sits inside its marks: On “Meet the Press,” Sen. Ann Lee …
    if ((k !== start && tokenText(doc, k - 1) !== ',' && !(isDoubleQuoteMark(tokenText(doc, k - 1)) && k >= 2 && tokenText(doc, k - 2) === ',')) || isDoubleQuoteMark(tokenText(doc, k))) continue;
    const w = lowerAt(doc, k);
    const subject = w === 'he' || w === 'she' ? { start: starts[k], end: doc.tokenEnd[k], first: k, last: k, pronoun: true } : properNameSubject(doc, k, prev.end);
    if (subject && !inQuote(subject.start)) return { speaker: subject, cue: null };
    if (k !== start) return null;
  }
  return null;
}

/** "…" ― Jane Doe: a quotation signed with a dash and a name. */
function dashAttribution(doc: Doc, from: number, limit: number): Attribution | null {
  // Most quotes have no dash after them: look for it before copying the text.
  let i = from;
  while (i < Math.min(limit, from + 6) && isRegExpSpace(doc.text.charCodeAt(i))) i++;
  if (i >= Math.min(limit, from + 6) || !'―—–-'.includes(doc.text.charAt(i))) return null;
  const m = SIGNATURE_DASH.exec(doc.text.slice(from, Math.min(limit, from + 6)));
  if (!m) return null;
  const speaker = speakerAfter(doc, tokenIndexFrom(doc, from + m[0].length), limit);
  if (!speaker || speaker.pronoun) return null;
  return ONLY_SPACE_OR_STOPS.test(doc.text.slice(speaker.end, limit)) ? { speaker, cue: null } : null;
}

/** True when the word just before offset `open` is a possessive determiner: "its “…”", "their “…”". */
function afterPossessive(doc: Doc, open: number): boolean {
  const k = tokenIndexFrom(doc, open) - 1;
  return k >= 0 && k < doc.tokenCount && POSSESSIVE_DETERMINER.test(lowerAt(doc, k));
}

/** The subject that opens the quote's sentence when its verb is not a known cue: Reid has gone after Trump as a "leech". */
function sentenceSubject(doc: Doc, sentenceStart: number, open: number, longQuote: boolean): Attribution | null {
  const starts = doc.tokenStart;
  let k = afterDateline(doc, tokenIndexFrom(doc, sentenceStart), tokenIndexFrom(doc, open));
  if (k < doc.tokenCount && isClauseConjunction(lowerAt(doc, k))) k++;
  // "On Monday, Smith groused …": past a short leading adverbial (for quotes long enough to be somebody's words).
  if (longQuote && k < doc.tokenCount && CAPITAL_ADVERBIAL_OPENERS.has(lowerAt(doc, k))) {
    let c = k;
    while (c < doc.tokenCount && starts[c] < open && tokenText(doc, c) !== ',' && c - k < 6) c++;
    if (c < doc.tokenCount && tokenText(doc, c) === ',') k = c + 1;
  }
  // Reading forwards runs into the verb ("Dr. Ann Lee pondered"): the named phrase stops before it.
  const subject = namedPhraseAfter(doc, k, open);
  if (!subject) return null;
  let v = subject.last + 1;
  let progressive = false;
  let modal = false;
  while (v < doc.tokenCount && AUXILIARY_OR_ADVERB.test(lowerAt(doc, v))) {
    if (BE_FORMS.has(lowerAt(doc, v))) progressive = true;
    if (longQuote && MODAL.test(lowerAt(doc, v))) modal = true;
    v++;
  }
  if (!isWordToken(doc, v) || starts[v] >= open) return null;
  const verb = tokenText(doc, v);
  if (!LOWER_START.test(verb)) return null;
  // "The court ordered the company to describe it as “…”": the object of such a verb says the words, not the subject.
  if (OBJECT_CONTROL_VERBS.has(lowerAt(doc, v))) return null;
  // "Smith is praising Jones as “…”": a progressive verb after "is"/"was" too; any base form after a modal.
  if (!modal && !FINITE_VERB_ENDING.test(verb) && !(progressive && LOWER_CASE_ING.test(verb))) return null;
  return { speaker: subject, cue: null };
}

/** Words that open a short adverbial before the subject: "On Monday,", "In Iowa,", "Later,". */
const CAPITAL_ADVERBIAL_OPENERS = new Set(['on', 'in', 'at', 'later', 'earlier', 'during', 'after', 'before', 'last', 'this', 'meanwhile', 'still', 'yet']);

const BE_FORMS = new Set(['is', 'was', 'were', 'are']);


/**
 * A quotation introduced by a colon takes the subject of the clause before it, whatever its verb:
 * Smith had this to say: "…" / The senator resisted: "…".
 */
function colonIntroduction(doc: Doc, open: number): Attribution | null {
  let i = open - 1;
  while (i > 0 && isRegExpSpace(doc.text.charCodeAt(i))) i--;
  if (doc.text.charCodeAt(i) !== 58) return null; // :
  const starts = doc.tokenStart;
  let k = afterDateline(doc, tokenIndexFrom(doc, sentenceBegin(doc, i)), tokenIndexFrom(doc, i));
  if (k < doc.tokenCount && isClauseConjunction(lowerAt(doc, k))) k++;
  // "In Iowa, Smith …": past a leading adverbial.
  if (k < doc.tokenCount && !speakerAfter(doc, k, i)) {
    let c = k;
    while (c < doc.tokenCount && starts[c] < i && tokenText(doc, c) !== ',' && c - k < 12) c++;
    if (c < doc.tokenCount && tokenText(doc, c) === ',') k = c + 1;
  }
  const subject = namedPhraseAfter(doc, k, i);
  return subject ? { speaker: subject, cue: null } : null;
}

/** Most tokens between a label's dash and its colon: "Pollsters agree - Jane Roe and John Doe: “…”". */
const MAX_DASH_LABEL_TOKENS = 10;

/**
 * A quotation signed before it, after a dash that ends a summary line: "Turnout fell in Iowa - Jane Roe: “…”".
 * The name between the dash and the colon speaks, not the subject of the summary.
 */
function dashLabelIntroduction(doc: Doc, open: number): Attribution | null {
  let i = open - 1;
  while (i > 0 && isRegExpSpace(doc.text.charCodeAt(i))) i--;
  if (doc.text.charCodeAt(i) !== 58) return null; // :
  const colon = tokenIndexFrom(doc, i);
  if (colon >= doc.tokenCount) return null;
  const sentenceOf = doc.tokenSentence;
  const sentence = sentenceOf[colon];
  for (let d = colon - 1; d > 0 && colon - d <= MAX_DASH_LABEL_TOKENS && sentenceOf[d] === sentence; d--) {
    if (!DASH.test(tokenText(doc, d))) continue;
    // A dash set off by spaces, not a hyphen inside a word.
    if (!isRegExpSpace(doc.text.charCodeAt(doc.tokenStart[d] - 1)) || !isRegExpSpace(doc.text.charCodeAt(doc.tokenEnd[d]))) return null;
    const label = namedPhraseAfter(doc, d + 1, i);
    return label && label.last === colon - 1 ? { speaker: label, cue: null } : null;
  }
  return null;
}

/** Words that label a headline without naming who speaks ("EXCLUSIVE: …", "Watch: …"). */
const HEADLINE_KICKERS = new Set(['exclusive', 'breaking', 'update', 'watch', 'video', 'opinion', 'editorial', 'analysis', 'review', 'wow', 'look', 'revealed', 'bombshell', 'live', 'photos', 'just']);
const MAX_LABEL_TOKENS = 4;

/**
 * "Senator Moss: Budget Plan ‘Dead on Arrival’": a headline that opens with a name and a colon gives the
 * quoted words after it to that name. All-caps words longer than an acronym are shouting, not names.
 */
function headlineLabel(doc: Doc, paragraphStart: number, open: number): Attribution | null {
  const first = tokenIndexFrom(doc, paragraphStart);
  let colon = first;
  while (colon < doc.tokenCount && colon - first <= MAX_LABEL_TOKENS && tokenText(doc, colon) !== ':') {
    const text = tokenText(doc, colon);
    if (doc.tokenKind[colon] === TokenKind.Punct && text !== '.') return null;
    if (HEADLINE_KICKERS.has(lowerAt(doc, colon)) || (ALL_CAPS_WORD.test(text))) return null;
    colon++;
  }
  if (colon === first || colon >= doc.tokenCount || tokenText(doc, colon) !== ':' || doc.tokenStart[colon] >= open) return null;
  if (!UPPER_START.test(tokenText(doc, first)) || isDeterminer(lowerAt(doc, first))) return null;
  const last = colon - 1;
  const speaker: PhraseSpan = { start: doc.tokenStart[first], end: doc.tokenEnd[last], first, last, pronoun: false };
  return { speaker, cue: null };
}

/** "Senator Moss: Budget Plan Will Fail": the opening headline's words after a name and a colon are that name's. */
function headlineReport(doc: Doc): QuoteCandidate | null {
  const para = doc.paragraphs[0];
  if (!para || !isHeadlineLike(doc, 0)) return null;
  const label = headlineLabel(doc, para.start, para.end);
  if (!label) return null;
  // The headline's words start after the label's colon.
  let start = doc.tokenEnd[label.speaker.last + 1];
  let end = para.end;
  while (start < end && /\s/.test(doc.text.charAt(start))) start++;
  while (end > start && /[\s.]/.test(doc.text.charAt(end - 1))) end--;
  return wordsUpTo(doc.text, start, end, 3) >= 3 ? { start, end, kind: 'indirect', attribution: label } : null;
}

/** Prepositions that join a speaker's role to its institution: "a spokesman at the embassy". */
const LINKING_PREPOSITIONS = new Set(['in', 'at', 'of', 'for', 'from', 'with']);

/** Subject before a short quote whose verb follows it: Putin "immediately" demanded … */
function bracketingAttribution(doc: Doc, q: MarkedQuote, limit: number): Attribution | null {
  const starts = doc.tokenStart;
  if (q.open === null || q.close === null) return null;
  let k = tokenIndexFrom(doc, q.after);
  while (k < doc.tokenCount && starts[k] < limit && BRACKETING_ADVERB.test(lowerAt(doc, k))) k++;
  const cue = k < doc.tokenCount && starts[k] < limit ? cueAt(doc, k) : null;
  if (!cue || cue.accordingTo) return null;
  const subject = speakerBefore(doc, tokenIndexFrom(doc, q.open) - 1, sentenceBegin(doc, q.open));
  return subject ? { speaker: subject, cue } : null;
}

/** The lower-case words a title may hold: "Meet the Press", "Women in Power". */
const TITLE_SMALL_WORDS = ['of', 'the', 'and', 'a', 'an', 'in', 'on', 'to', 'for', 'with', 'at'];
const TITLE_INTRO = /(?:['’]s|\bon|\btitled|\bentitled|\bdubbed|\bheadlined|\bnicknamed|\bshow|\bprogram|\bbook|\bfilm|\bsong|\bcolumn|\bop-ed|\bessay)[\s,]*$/i;

/** Short and in title case: "Meet the Press", "Women in Power" — a name rather than somebody's words. */
function isTitleCased(doc: Doc, q: Span): boolean {
  // A title opens with a capital and has at most six words: both tested before the quote is copied and split.
  const { text } = doc;
  if (!startsUpperCase(text, q.start) || spaceRunsUpTo(text, q.start, q.end, 6) >= 6) return false;
  // The words, without the punctuation closing the last one, in place: white space at either end makes an empty word.
  let end = q.end;
  while (end > q.start && isClosingPunctuation(text.charCodeAt(end - 1))) end--;
  let i = q.start;
  for (;;) {
    let wordEnd = i;
    while (wordEnd < end && !isRegExpSpace(text.charCodeAt(wordEnd))) wordEnd++;
    if (!isTitleWord(text, i, wordEnd)) return false;
    if (wordEnd >= end) return true;
    i = wordEnd;
    while (i < end && isRegExpSpace(text.charCodeAt(i))) i++;
  }
}

/** . , ! ? */
function isClosingPunctuation(code: number): boolean {
  return code === 46 || code === 44 || code === 33 || code === 63;
}

/** True when text[start, end) opens with a capital or a digit, or is one of the small words of titles. */
function isTitleWord(text: string, start: number, end: number): boolean {
  if (start >= end) return false;
  const code = text.charCodeAt(start);
  if (code < 0x80 ? (code >= 48 && code <= 57) || (code >= 65 && code <= 90) : UPPER_START.test(text.slice(start, Math.min(start + 2, end)))) return true;
  for (const w of TITLE_SMALL_WORDS) if (end - start === w.length && text.startsWith(w, start)) return true;
  return false;
}

/** True when the character at `offset` is an upper-case letter. */
function startsUpperCase(text: string, offset: number): boolean {
  const code = text.charCodeAt(offset);
  return code < 0x80 ? code >= 65 && code <= 90 : UPPER_START.test(text.slice(offset, offset + 2));
}

/** Number of runs of white space in text[start, end), counted up to `cap`. */
function spaceRunsUpTo(text: string, start: number, end: number, cap: number): number {
  let n = 0;
  let inSpace = false;
  for (let i = start; i < end && n < cap; i++) {
    const space = isRegExpSpace(text.charCodeAt(i));
    if (space && !inSpace) n++;
    inSpace = space;
  }
  return n;
}

/** A quoted title (a show, a book, a slogan) rather than somebody's words: short and in title case after "on", "titled" or a possessive. */
function isTitle(doc: Doc, q: MarkedQuote): boolean {
  if (!isTitleCased(doc, q)) return false;
  const open = q.open ?? q.start;
  const before = doc.text.slice(Math.max(0, open - 30), open);
  return TITLE_INTRO.test(before);
}

/** Number of words in text[start, end), counted up to `cap` (enough for the short-phrase tests here). */
function wordsUpTo(text: string, start: number, end: number, cap: number): number {
  let n = 0;
  let inWord = false;
  for (let i = start; i < end && n <= cap; i++) {
    const code = text.charCodeAt(i);
    const word = !isRegExpSpace(code);
    if (word && !inWord) n++;
    inWord = word;
  }
  return n;
}

/** Direct quote when it stands as a sentence of its own; partial when it is embedded in the reporter's sentence. */
function kindOf(doc: Doc, q: MarkedQuote): QuoteKind {
  const open = q.open ?? q.start;
  const sStart = sentenceBegin(doc, open);
  let i = open - 1;
  while (i >= sStart && isRegExpSpace(doc.text.charCodeAt(i))) i--;
  if (i < sStart) return 'direct';
  // After a colon or comma, words opening like a sentence: Smith said, “We …”
  const before = doc.text.charCodeAt(i);
  return (before === 58 || before === 44) && opensLikeSentence(doc.text.charCodeAt(q.start)) ? 'direct' : 'partial';
}

/** True for a code unit that may open a quoted sentence: a capital, a digit, …, (, or an opening mark (‘ ' " “). */
function opensLikeSentence(code: number): boolean {
  if (code < 0x80) return (code >= 65 && code <= 90) || (code >= 48 && code <= 57) || code === 40 || code === 39 || code === 34;
  return code === 0x2026 || code === 0x2018 || code === 0x201c || UPPER_START.test(String.fromCharCode(code));
}

function isSentenceInitial(doc: Doc, q: MarkedQuote, prevEnd: number): boolean {
  const open = q.open ?? q.start;
  const between = doc.text.slice(Math.max(prevEnd, sentenceBegin(doc, open)), open).trim();
  return between === '' || ONLY_SENTENCE_ENDS.test(between);
}

/** The speaker of the last sentence of a body paragraph when its cue is a speech verb, or a view verb with a named subject. */
function lastSentenceReport(doc: Doc, paragraphIndex: number, inQuote: (offset: number) => boolean): Attribution | null {
  const p = doc.paragraphs[paragraphIndex];
  if (!p || p.kind !== 'body') return null;
  const sStart = sentenceBegin(doc, p.end - 1);
  const a = headAttribution(doc, sStart, p.end, inQuote);
  if (!a || !a.cue || a.speaker.pronoun) return null;
  // Only the subject that opens the sentence: a name further in is more often an object than a speaker.
  const opening = clauseSubject(doc, tokenIndexFrom(doc, sStart), p.end);
  if (!opening || opening.start !== a.speaker.start) return null;
  return a.cue.speech || isNamedSubject(doc, a.speaker) ? a : null;
}

/** The speaker introduced at the end of a paragraph ("Smith said:", "The report reads:"). */
function introAttribution(doc: Doc, paragraphIndex: number, inQuote: (offset: number) => boolean): Attribution | null {
  const p = doc.paragraphs[paragraphIndex];
  if (!p || p.kind === 'boilerplate') return null;
  const last = doc.text.slice(p.start, p.end).trimEnd();
  if (!last.endsWith(':')) return null;
  const sStart = sentenceBegin(doc, p.end - 1);
  return headAttribution(doc, sStart, p.end, inQuote);
}

/** A nickname inside a name: Marcia "Cia" Price, Robert C. "Bobby" Scott. */
function isNickname(doc: Doc, q: MarkedQuote): boolean {
  if (q.open === null || q.close === null || q.close - q.open > 30) return false;
  // A space before the opening mark and after the closing one first: most quotes have no name around them.
  if (!isRegExpSpace(doc.text.charCodeAt(q.open - 1)) || !isRegExpSpace(doc.text.charCodeAt(q.after))) return false;
  const before = doc.text.slice(Math.max(0, q.open - 20), q.open);
  const after = doc.text.slice(q.after, q.after + 20);
  return NAME_BEFORE_NICKNAME.test(before) && NAME_AFTER_NICKNAME.test(after) && NICKNAME.test(doc.text.slice(q.start, q.end));
}

/** A transcript's stage direction quoted whole, "(CROSSTALK)" or "(Applause.)": nobody's words. */
function isStageDirection(doc: Doc, q: MarkedQuote): boolean {
  return q.end - q.start <= 40 && STAGE_DIRECTION.test(doc.text.slice(q.start, q.end));
}

/** Title-like first paragraph: a headline that the paragraph splitter kept as body because it ends with a period. */
function isHeadlineLike(doc: Doc, paragraphIndex: number): boolean {
  const p = doc.paragraphs[paragraphIndex];
  if (p.kind === 'headline') return true;
  if (paragraphIndex !== 0 || p.kind !== 'body') return false;
  // Split off at most 26 words: called once per quote, a whole split of a long first paragraph is quadratic.
  const words = doc.text.slice(p.start, p.end).split(/\s+/, 26);
  if (words.length > 25) return false;
  const capitalised = words.filter((w) => CAPITALISED_START.test(w)).length;
  return capitalised >= 0.6 * words.length;
}

/**
 * A one-line, headline-like paragraph between story paragraphs (a related-story teaser) that the paragraph
 * classifier kept as body because it holds quotation marks: its quotes are nobody's words in this story.
 */
function isTeaser(doc: Doc, paragraphIndex: number): boolean {
  const p = doc.paragraphs[paragraphIndex];
  if (p.kind !== 'body' || paragraphIndex === 0 || p.end - p.start > 160) return false;
  const next = doc.paragraphs[paragraphIndex + 1];
  if (!next || next.kind !== 'body') return false;
  // The closing character first: it rules out most paragraphs without copying them.
  if (PARAGRAPH_END_PUNCTUATION.test(doc.text.charAt(p.end - 1))) return false;
  const text = doc.text.slice(p.start, p.end);
  return !LINE_BREAK.test(text) && wordsUpTo(text, 0, text.length, 18) <= 18;
}

/**
 * Where the text that may attribute quote `i` must stop: the opening of the next quote in its paragraph, past a
 * short quoted name in the same sentence ("…," Ann Roe, wearing “Cruz” pins, said).
 */
function nextQuoteOpen(doc: Doc, marked: MarkedQuote[], i: number, paragraphEnd: number): number {
  const sentence = sentenceAt(doc, marked[i].after - 1);
  for (let j = i + 1; j < marked.length && j <= i + 2; j++) {
    const next = marked[j];
    if (next.paragraph !== marked[i].paragraph) return paragraphEnd;
    const open = next.open ?? next.start;
    const shortName = next.close !== null && sentenceAt(doc, next.after - 1) === sentence && wordsUpTo(doc.text, next.start, next.end, 3) <= 2 && UPPER_START.test(doc.text.charAt(next.start));
    if (!shortName) return open;
  }
  const last = marked[i + 3];
  return last && last.paragraph === marked[i].paragraph ? (last.open ?? last.start) : paragraphEnd;
}

/** True when `offset` lies inside one of the sorted, disjoint spans. */
function insideAny(spans: Span[]): (offset: number) => boolean {
  return (offset) => indexAt(spans, offset) >= 0;
}

function attribute(doc: Doc, marked: MarkedQuote[], nobodys: Set<number>, labels: Map<number, Attribution>): (Attribution | null)[] {
  const attributions: (Attribution | null)[] = [];
  const inQuote = insideAny(marked.map((q) => ({ start: q.open ?? q.start, end: q.after })));
  let prevParagraph = -1;
  let prevEnd = -1;
  let prevSentence = -1;
  let prevAttribution: Attribution | null = null;
  let headlineLike: boolean | undefined;
  let lastOfPreviousParagraph: Attribution | null = null;
  for (let i = 0; i < marked.length; i++) {
    const q = marked[i];
    const para = doc.paragraphs[q.paragraph];
    if (q.paragraph !== prevParagraph) {
      // The last speaker quoted in the paragraph just before, for a paragraph that opens with a new quote.
      lastOfPreviousParagraph = prevParagraph === q.paragraph - 1 ? prevAttribution : null;
      prevEnd = para.start;
      prevAttribution = null;
      prevSentence = -1;
    }
    const nextOpen = nextQuoteOpen(doc, marked, i, para.end);
    const open = q.open ?? q.start;
    const closeEnd = q.after;
    const sentence = sentenceAt(doc, open);
    const sentenceStart = sentence < 0 ? open : doc.sentences[sentence].start;
    const tailLimit = Math.min(nextOpen, tailEnd(doc, q, closeEnd, para.end));
    const words = wordsUpTo(doc.text, q.start, q.end, 3);
    const nickname = isNickname(doc, q);
    if (headlineLike === undefined) headlineLike = isHeadlineLike(doc, 0);
    const nobody = nickname || para.kind === 'aside' || isTeaser(doc, q.paragraph) || isTitle(doc, q) || isStageDirection(doc, q);
    const inHeadline = para.kind === 'headline' || (q.paragraph === 0 && headlineLike);
    // A short headline quote is attributed only through the same words in the story.
    const scare = nobody || (inHeadline && words <= 3);
    const label = inHeadline && !scare ? headlineLabel(doc, para.start, open) : null;
    if (label) labels.set(i, label);
    let a: Attribution | null = null;
    if (nobody) nobodys.add(i);
    if (!scare && !label) {
      // Words quoted inside a sentence that end it ("Japan branded it an “outlaw state.” Russia insisted …") leave
      // the words after the mark to the next sentence.
      const partial = kindOf(doc, q) === 'partial';
      const last = lastCodeOf(doc, q);
      const endsSentence = partial && last === 46 /* . */ && NEXT_SENTENCE_START.test(doc.text.slice(closeEnd, closeEnd + 3));
      const tail = endsSentence ? null : tailAttribution(doc, closeEnd, tailLimit, q.close !== null && (last === 44 || last === 63 || last === 33)); // , ? !
      a =
        (tail && (outerSource(doc, tail, tailLimit) ?? tail)) ??
        dashAttribution(doc, closeEnd, tailLimit) ??
        dashLabelIntroduction(doc, open) ??
        // "… what her group calls “care,” reported the Examiner": the attribution closing the sentence governs it all.
        (partial ? sentenceFinalAttribution(doc, closeEnd, tailLimit) : null) ??
        headAttribution(doc, sentenceStart, open, inQuote) ??
        possessiveNounAttribution(doc, open, sentenceStart) ??
        bracketingAttribution(doc, q, tailLimit) ??
        sentenceFinalAttribution(doc, closeEnd, tailLimit) ??
        colonIntroduction(doc, open);
      if (!a && prevAttribution && (sentence === prevSentence || isSentenceInitial(doc, q, prevEnd))) a = prevAttribution;
      // A transcript line's label names a new speaker even where the quotation marks run on from the line before.
      if (!a) {
        a = transcriptLabel(doc, q);
        // The speaker's label is not part of the words quoted.
        if (a) q.start = a.speaker.end + 1 + (doc.text.slice(a.speaker.end + 1, a.speaker.end + 2) === ' ' ? 1 : 0);
      }
      if (!a && q.continuationOf !== null) a = attributions[q.continuationOf];
      if (!a && isSentenceInitial(doc, q, prevEnd)) a = previousSentenceAttribution(doc, sentence, q.paragraph, inQuote);
      // A whole sentence of quotation with no attribution of its own, right after a sentence about someone.
      if (!a && isSentenceInitial(doc, q, prevEnd) && q.close !== null && kindOf(doc, q) === 'direct' && !hasTail(doc, closeEnd, tailLimit) && wordsUpTo(doc.text, q.start, q.end, 4) > 4) a = previousSentenceSubject(doc, sentence, q.paragraph, inQuote);
      // A quote followed by words of its own sentence has an attribution there that was not understood
      // ("…!" Murphy Tweeted), so it does not continue the previous paragraph's speaker.
      if (!a && onlyRegExpSpaces(doc.text, para.start, open)) {
        a = introAttribution(doc, q.paragraph - 1, inQuote) ?? (q.close !== null && !hasTail(doc, closeEnd, tailLimit) ? lastOfPreviousParagraph : null);
        // "Valastro praised the governor's record. ¶ “We need someone who …”": a paragraph of quotation right after
        // a paragraph without quotes that ends by reporting someone speaking.
        if (!a && q.close !== null && !hasTail(doc, closeEnd, tailLimit) && prevParagraph !== q.paragraph - 1) a = lastSentenceReport(doc, q.paragraph - 1, inQuote);
      }
      // A name in title case ("Larry King Now") after a plain verb is a title, and a few words after a possessive
      // ("sent its “star reporter”") the writer's label: neither is the subject's words.
      if (!a && para.kind === 'body' && open > sentenceStart && words >= 2 && !isTitleCased(doc, q) && !(words <= 3 && afterPossessive(doc, open))) a = sentenceSubject(doc, sentenceStart, open, wordsUpTo(doc.text, q.start, q.end, 4) > 4);
    }
    attributions.push(a);
    if (a) prevAttribution = a;
    prevEnd = closeEnd;
    prevParagraph = q.paragraph;
    prevSentence = sentenceAt(doc, Math.max(open, closeEnd - 1));
  }
  return attributions;
}

/**
 * Words quoted inside a reported clause ("Carson called the system “rotten to the core”") are the words of
 * that clause's speaker when nothing attributed them on their own. `reported` is sorted by position.
 */
function inheritReportedSpeakers(doc: Doc, marked: QuoteCandidate[], reported: QuoteCandidate[]): void {
  let r = 0;
  for (const c of [...marked].sort((x, y) => x.start - y.start)) {
    if (c.attribution || c.nobodys || isTitleCased(doc, c)) continue;
    while (r < reported.length && reported[r].end < c.end) r++;
    const host = reported[r];
    if (!host || host.start > c.start || !host.attribution) continue;
    c.attribution = host.attribution;
    if (c.kind === 'scare') c.kind = 'partial';
  }
}


/** Quoted words with their marks and edge punctuation stripped, in lower case: the form a repeated quote shares. */
function quotedWords(doc: Doc, c: QuoteCandidate): string {
  let start = c.start;
  let end = c.end;
  while (start < end && isEdgePunctuation(doc.text.charCodeAt(start))) start++;
  while (end > start && isEdgePunctuation(doc.text.charCodeAt(end - 1))) end--;
  return doc.text.slice(start, end).replace(WHITE_SPACE_RUNS, ' ').toLowerCase();
}

/** The punctuation stripped from the edges of quoted words (besides white space), as code units. */
const EDGE_MARK_CODES = new Set([...'“”"‘’\'«».,;:!?…—–-'].map((ch) => ch.charCodeAt(0)));

function isEdgePunctuation(code: number): boolean {
  return isRegExpSpace(code) || EDGE_MARK_CODES.has(code);
}

/** A folded character that `foldedCompare` cannot tell from the raw text: a letter beyond ASCII. */
const UNDECIDED = -1;

/** Quoted words without a speaker, grouped for comparison in place (see `sharedWords`). */
interface WaitingWords {
  all: Set<string>;
  /** By first character. */
  byFirst: Map<number, string[]>;
  /** By the hash of their folded characters (`foldedHash`): only words with the same hash can be equal. */
  byHash: Map<number, string[]>;
}

function addToBucket(buckets: Map<number, string[]>, key: number, words: string): void {
  const same = buckets.get(key);
  if (!same) buckets.set(key, [words]);
  else same.push(words);
}

/**
 * The one of the waiting words equal to `quotedWords(doc, c)`, or null: compared in place, character by character;
 * the words are built only for letters beyond ASCII.
 */
function sharedWords(doc: Doc, c: QuoteCandidate, waiting: WaitingWords): string | null {
  const { text } = doc;
  let start = c.start;
  let end = c.end;
  while (start < end && isEdgePunctuation(text.charCodeAt(start))) start++;
  while (end > start && isEdgePunctuation(text.charCodeAt(end - 1))) end--;
  // No words at all, or only marks: nothing to share.
  if (start === end) return null;
  const first = foldedAscii(text.charCodeAt(start));
  if (first !== UNDECIDED) {
    // All characters fold in place: only the words with the same hash need comparing.
    const hash = foldedHash(text, start, end);
    if (hash !== UNDECIDED) {
      for (const words of waiting.byHash.get(hash) ?? []) if (foldedCompare(text, start, end, words) === true) return words;
      return null;
    }
    let undecided = false;
    for (const words of waiting.byFirst.get(first) ?? []) {
      const equal = foldedCompare(text, start, end, words);
      if (equal === true) return words;
      if (equal === UNDECIDED) undecided = true;
    }
    if (!undecided) return null;
  }
  const words = quotedWords(doc, c);
  return waiting.all.has(words) ? words : null;
}

/**
 * A hash (FNV-1a, 31 bits) of text[start, end) as `quotedWords` folds it — lower case, white space runs as one
 * space — or UNDECIDED when a letter beyond ASCII is in it. Equal folded words have equal hashes.
 */
function foldedHash(text: string, start: number, end: number): number {
  let hash = 0x811c9dc5;
  for (let i = start; i < end; i++) {
    let code = text.charCodeAt(i);
    if (isRegExpSpace(code)) {
      while (i + 1 < end && isRegExpSpace(text.charCodeAt(i + 1))) i++;
      code = 32;
    } else {
      code = foldedAscii(code);
      if (code === UNDECIDED) return UNDECIDED;
    }
    hash = Math.imul(hash ^ code, 0x01000193);
  }
  return hash >>> 1;
}

/** The lower-case form of an ASCII character or caseless punctuation (the Latin-1 signs, General Punctuation), else UNDECIDED. */
function foldedAscii(code: number): number {
  if (code < 0x80) return code >= 65 && code <= 90 ? code + 32 : code;
  return (code >= 0xa0 && code <= 0xbf) || (code >= 0x2000 && code <= 0x206f) ? code : UNDECIDED;
}

/**
 * Whether text[start, end), its white space runs collapsed and lower-cased, is `words`: true, false, or UNDECIDED
 * when a letter beyond ASCII comes before any difference.
 */
function foldedCompare(text: string, start: number, end: number, words: string): boolean | typeof UNDECIDED {
  let j = 0;
  for (let i = start; i < end; i++, j++) {
    const code = text.charCodeAt(i);
    if (isRegExpSpace(code)) {
      while (i + 1 < end && isRegExpSpace(text.charCodeAt(i + 1))) i++;
      if (words.charCodeAt(j) !== 32) return false;
      continue;
    }
    const folded = foldedAscii(code);
    if (folded === UNDECIDED) return UNDECIDED;
    if (words.charCodeAt(j) !== folded) return false;
  }
  return j === words.length;
}

/** The last word of a speaker phrase, without its possessive: "Donald Trump's" and "Trump" are one speaker. */
function speakerKey(doc: Doc, a: Attribution): string {
  const w = lowerAt(doc, a.speaker.last);
  return w.endsWith("'s") ? w.slice(0, -2) : w;
}

/**
 * The same words quoted twice are one person's words: a headline or a later echo ("“Personal insult”") takes the
 * speaker the words were attributed to elsewhere, the one they were attributed to most often, when there is one.
 */
function shareRepeatedWords(doc: Doc, candidates: QuoteCandidate[]): void {
  // Only the words of a quote without a speaker can take one: find those first, and compare the words of an
  // attributed quote with them in place.
  const waiting: QuoteCandidate[] = [];
  const waitingWords: string[] = [];
  const unattributed: WaitingWords = { all: new Set(), byFirst: new Map(), byHash: new Map() };
  for (const c of candidates) {
    if (c.attribution || c.nobodys || c.kind === 'indirect') continue;
    const words = quotedWords(doc, c);
    waiting.push(c);
    waitingWords.push(words);
    if (unattributed.all.has(words)) continue;
    unattributed.all.add(words);
    addToBucket(unattributed.byFirst, words.charCodeAt(0), words);
    const hash = foldedHash(words, 0, words.length);
    if (hash !== UNDECIDED) addToBucket(unattributed.byHash, hash, words);
  }
  if (waiting.length === 0) return;
  const votes = new Map<string, Map<string, { attribution: Attribution; count: number }>>();
  for (const c of candidates) {
    if (!c.attribution || c.kind === 'indirect') continue;
    const words = sharedWords(doc, c, unattributed);
    if (!words) continue;
    let bySpeaker = votes.get(words);
    if (!bySpeaker) votes.set(words, (bySpeaker = new Map()));
    const key = speakerKey(doc, c.attribution);
    const vote = bySpeaker.get(key);
    if (vote) vote.count++;
    else bySpeaker.set(key, { attribution: c.attribution, count: 1 });
  }
  if (votes.size === 0) return;
  // The winner of each set of words, decided once: a long text repeats the same words many times over.
  const winners = new Map<string, Attribution | null>();
  for (let i = 0; i < waiting.length; i++) {
    const c = waiting[i];
    const words = waitingWords[i];
    let winner = winners.get(words);
    if (winner === undefined) {
      const bySpeaker = votes.get(words);
      winner = bySpeaker ? mostVoted(bySpeaker) : null;
      winners.set(words, winner);
    }
    if (!winner) continue;
    c.attribution = winner;
    if (c.kind === 'scare') c.kind = 'partial';
  }
}

/** The attribution with the most votes (the earliest of them counted first), or null when two share the most. */
function mostVoted(bySpeaker: Map<string, { attribution: Attribution; count: number }>): Attribution | null {
  let best: { attribution: Attribution; count: number } | null = null;
  let tied = false;
  for (const vote of bySpeaker.values()) {
    if (!best || vote.count > best.count) {
      best = vote;
      tied = false;
    } else if (vote.count === best.count) tied = true;
  }
  return best && !tied ? best.attribution : null;
}

/** True when the quote opens its body paragraph and no words of the reporter's follow it there. */
function isQuoteParagraph(doc: Doc, q: MarkedQuote): boolean {
  const para = doc.paragraphs[q.paragraph];
  if (para.kind !== 'body' || q.close === null || !onlyRegExpSpaces(doc.text, para.start, q.open ?? q.start)) return false;
  return kindOf(doc, q) === 'direct' && !hasTail(doc, q.after, para.end);
}

/**
 * A run of paragraphs that are nothing but quotation, with no attribution of their own, is one speaker's: the
 * speaker named right after the run ("“…” ¶ “…,” Smith said.") or, failing that, the one quoted just before it.
 */
function attributeQuoteParagraphRuns(doc: Doc, marked: MarkedQuote[], attributions: (Attribution | null)[], nobodys: Set<number>): void {
  // The last attribution met, and its quote's paragraph.
  let previous: Attribution | null = null;
  let previousParagraph = -1;
  for (let i = 0; i < marked.length; i++) {
    const q = marked[i];
    if (attributions[i]) {
      previous = attributions[i];
      previousParagraph = q.paragraph;
      continue;
    }
    if (nobodys.has(i) || !isQuoteParagraph(doc, q)) continue;
    // The quote paragraphs of the run, then the quote that closes it in the next paragraph.
    let j = i + 1;
    while (j < marked.length && !attributions[j] && marked[j].paragraph === marked[j - 1].paragraph + 1 && isQuoteParagraph(doc, marked[j])) j++;
    const closing = j < marked.length && marked[j].paragraph === marked[j - 1].paragraph + 1 && attributions[j] && onlyRegExpSpaces(doc.text, doc.paragraphs[marked[j].paragraph].start, marked[j].open ?? marked[j].start) ? attributions[j] : null;
    const before = previous && previousParagraph === q.paragraph - 1 ? previous : null;
    const a = closing ?? before;
    // The rest of a run without an attribution has none either: skipping it keeps the pass linear.
    if (a) for (let r = i; r < j; r++) if (!nobodys.has(r)) attributions[r] = a;
    i = j - 1;
  }
}

/** The attribution a quoted passage gives a quote inside it: "… what she called a “rant,” …" within the passage. */
function attributionInPassage(doc: Doc, n: MarkedQuote, host: MarkedQuote, inQuote: (offset: number) => boolean): Attribution | null {
  const open = n.open ?? n.start;
  const floor = Math.max(sentenceBegin(doc, open), host.start);
  const limit = Math.min(sentenceEnd(doc, open), host.end);
  const tail = tailAttribution(doc, n.after, limit, false);
  if (tail) return tail;
  const head = headAttribution(doc, floor, open, inQuote);
  return head && (head.cue?.speech || head.speaker.pronoun || isNamedSubject(doc, head.speaker)) ? head : null;
}

export function findQuotes(doc: Doc, cast: Cast): Quote[] {
  const { quotes: marked, nested } = scanQuoteMarks(doc);
  const nobodys = new Set<number>();
  const labels = new Map<number, Attribution>();
  const attributions = attribute(doc, marked, nobodys, labels);
  const out: Quote[] = [];
  // "…" and "…," Smith said: a quote joined to the next one in its sentence by a few words shares its speaker.
  for (let i = marked.length - 2; i >= 0; i--) {
    const q = marked[i];
    const next = marked[i + 1];
    if (attributions[i] || !attributions[i + 1] || q.close === null || next.open === null || next.paragraph !== q.paragraph) continue;
    if (sentenceAt(doc, q.close) !== sentenceAt(doc, next.open) || wordsUpTo(doc.text, q.after, next.open, 3) > 2) continue;
    attributions[i] = attributions[i + 1];
  }
  // A multi-paragraph quote is attributed as a whole, usually by the speaker named at its end.
  for (let i = marked.length - 1; i >= 0; i--) {
    const from = marked[i].continuationOf;
    if (from !== null && attributions[i] && !attributions[from] && !nobodys.has(from)) attributions[from] = attributions[i];
  }
  for (let i = 0; i < marked.length; i++) {
    if (marked[i].continuationOf !== null && !attributions[i] && !nobodys.has(i)) attributions[i] = attributions[marked[i].continuationOf as number];
  }
  attributeQuoteParagraphRuns(doc, marked, attributions, nobodys);
  const candidates: QuoteCandidate[] = [];
  for (let i = 0; i < marked.length; i++) {
    const q = marked[i];
    const a = attributions[i];
    const para = doc.paragraphs[q.paragraph];
    let kind: QuoteKind = kindOf(doc, q);
    if (!a && (para.kind !== 'body' || wordsUpTo(doc.text, q.start, q.end, 4) <= 4 || isTitle(doc, q))) kind = 'scare';
    candidates.push({ start: q.start, end: q.end, kind, attribution: a, nobodys: nobodys.has(i) });
  }
  // A quotation inside a quotation is the outer speaker's words too, unless the outer one is a passage running over
  // paragraphs (an excerpt of another paper), whose own sentences attribute the quotes inside it.
  let outer = 0;
  const inNested = insideAny(nested.map((n) => ({ start: n.open ?? n.start, end: n.after })));
  for (const n of nested) {
    while (outer < marked.length && marked[outer].end < n.end) outer++;
    const host = marked[outer];
    const inside = !!host && host.start <= n.start && n.end <= host.end;
    // A transcript's speaker label (no cue) speaks every word of its line, quotes inside included.
    const speaker = inside ? attributions[outer]?.speaker : undefined;
    const label = !!speaker && speaker.start >= (host.open ?? host.start) && speaker.end <= host.start;
    const passage = inside && attributions[outer] && !label && (host.continues || host.continuationOf !== null) ? attributionInPassage(doc, n, host, inNested) : null;
    const a = passage ?? (inside ? attributions[outer] : null);
    candidates.push({ start: n.start, end: n.end, kind: a ? 'partial' : 'scare', attribution: a });
  }
  const reported = findIndirectQuotes(doc, candidates);
  inheritReportedSpeakers(doc, candidates, reported);
  for (const c of reported) candidates.push(c);
  const labelled = headlineReport(doc);
  if (labelled) candidates.push(labelled);
  shareRepeatedWords(doc, candidates);
  // A headline's "Name:" speaks the quoted words after it unless the story quotes the same words from someone.
  for (const [i, label] of labels) {
    if (candidates[i].attribution) continue;
    candidates[i].attribution = label;
    candidates[i].kind = kindOf(doc, marked[i]);
  }
  candidates.sort((x, y) => x.start - y.start || x.end - y.end);
  const resolver = new SpeakerResolver(doc, cast);
  for (const c of candidates) {
    const a = c.attribution;
    out.push({
      start: c.start,
      end: c.end,
      text: doc.text.slice(c.start, c.end),
      kind: c.kind,
      speaker: a ? resolver.speaker(a.speaker, a.antecedent) : null,
      cue: a ? cueSpan(doc, a.cue) : null,
    });
  }
  return out;
}
