/**
 * Attribution cues and speaker phrases, found syntactically around a cue verb: a pronoun, a proper-name
 * sequence with its titles, or a determiner noun phrase ("the diplomat", "a spokesman for the company").
 * Nothing here depends on entity recognition; the cast is asked for an actor only once a phrase is found.
 */
import cueData from './data/attribution-cues.json';
import { isDoubleQuoteMark, startsLowerCase, startsUpperCase } from './chars';
import { isWordToken, lowerAt, tokenIndexFrom, TokenKind, tokenText } from './text';
import type { Doc } from './text';
import type { QuoteKind, Span } from './types';

function forms(groups: Record<string, string[]>): Set<string> {
  const out = new Set<string>();
  for (const list of Object.values(groups)) for (const f of list) out.add(f);
  return out;
}

/** Verbs that report speech and may come before their subject ("…," said Smith). */
export const SPEECH_CUES: ReadonlySet<string> = forms(cueData.speechVerbs);
/** Verbs that attribute a view or claim only with the subject before them ("Smith believes …"). */
export const SUBJECT_FIRST_CUES: ReadonlySet<string> = forms(cueData.subjectFirstCues);
const SPEAKER_NOUNS: ReadonlySet<string> = new Set(cueData.speakerNouns);
/** Nouns for what someone said, whose possessor is the speaker: "Smith's claim that …", "his warning that …". */
const SPEECH_NOUNS: ReadonlySet<string> = new Set(cueData.speechNouns);
/** Present-tense cue forms that are never nouns. */
const VERB_ONLY = new Set(['say', 'says', 'tell', 'tells', 'told', 'said', 'wrote', 'write', 'writes', 'argue', 'argues', 'insist', 'insists', 'explain', 'explains', 'add', 'adds', 'ask', 'asks', 'believe', 'believes', 'think', 'thinks', 'thought', 'know', 'knows', 'knew', 'feel', 'feels', 'felt', 'want', 'wants', 'expect', 'expects', 'acknowledge', 'acknowledges', 'admit', 'admits', 'warn', 'warns', 'assert', 'asserts', 'declare', 'declares', 'announce', 'announces', 'recall', 'recalls', 'predict', 'predicts', 'concede', 'concedes', 'complain', 'complains', 'confirm', 'confirms', 'deny', 'denies', 'reveal', 'reveals', 'testify', 'testifies', 'contend', 'contends', 'maintain', 'maintains', 'allege', 'alleges', 'assure', 'assures', 'reiterate', 'reiterates', 'agree', 'agrees', 'proclaim', 'proclaims', 'suggest', 'suggests', 'indicate', 'indicates', 'urge', 'urges', 'describe', 'describes', 'emphasize', 'emphasizes', 'stress', 'stresses', 'continued', 'thinks', 'consider', 'considers', 'accuse', 'accuses', 'criticize', 'criticizes', 'blame', 'blames', 'found', 'saw', 'sees', 'implies', 'worries', 'conclude', 'concludes', 'observe', 'observes', 'recommend', 'recommends']);
/** Speech verbs that name the addressee right after them ("told reporters"), never the speaker. */
const ADDRESSEE_CUES = new Set(['tell', 'tells', 'told', 'telling', 'ask', 'asks', 'asked', 'asking', 'urge', 'urges', 'urged', 'assure', 'assures', 'assured', 'inform', 'informed', 'warn', 'warns', 'warned', 'remind', 'reminded']);

export const PRONOUNS = new Set(['he', 'she', 'they', 'i', 'we', 'it', 'you', 'who', 'which']);
const DETERMINERS = new Set([
  'the', 'a', 'an', 'another', 'one', 'his', 'her', 'their', 'its', 'our', 'my', 'your', 'these', 'those',
  'some', 'many', 'most', 'several', 'two', 'three', 'four', 'five', 'both', 'other', 'few', 'all', 'each', 'every', 'any',
]);
/** True for a determiner or possessive that opens a noun phrase ("the", "its", "their"). */
export function isDeterminer(word: string): boolean {
  return DETERMINERS.has(word);
}
/** Words between a subject and its cue verb that belong to neither. */
const ADVERBS = new Set([
  'also', 'later', 'previously', 'has', 'have', 'had', 'then', 'once', 'would', 'will', 'could', 'did', 'does', 'do', 'never',
  'first', 'further', 'again', 'still', 'simply', 'just', 'already', 'even', 'often', 'always', 'now', 'since', 'recently',
  'earlier', 'today', 'yesterday', 'tonight', 'last', 'week', 'month', 'year', 'night', 'morning', 'afternoon', 'evening',
  'not', 'may', 'might', 'can', 'should', 'must', 'shall', 'is', 'was', 'are', 'were', 'been', 'be', 'being', 'quickly',
  'privately', 'publicly', 'separately', 'reportedly', 'repeatedly', 'frequently', 'flatly', 'openly', 'himself', 'herself',
  'themselves', 'too', 'however', 'in', 'on', 'at', 'this', 'next', 'long',
]);
const TIME_WORDS = new Set([
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'january', 'february', 'march', 'april',
  'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december', 'today', 'yesterday', 'tonight', 'earlier',
  'later', 'last', 'this', 'week', 'month', 'year', 'night', 'morning', 'afternoon', 'evening', 'minutes', 'hours', 'days',
  'weeks', 'months', 'years', 'decades', 'moments',
]);
/** Month names double as first names (April, June), so only they may sit inside a name. */
const MONTHS = new Set(['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december']);
/** Words that can never be part of a speaker phrase. */
const STOP_WORDS = new Set([
  'and', 'but', 'or', 'nor', 'so', 'yet', 'that', 'which', 'whom', 'whose', 'what', 'when', 'where', 'while', 'whether',
  'if', 'because', 'as', 'after', 'before', 'since', 'although', 'though', 'than', 'then', 'in', 'on', 'at', 'to', 'from',
  'with', 'by', 'about', 'into', 'over', 'under', 'during', 'against', 'between', 'through', 'without', 'not', 'no', 'is',
  'was', 'are', 'were', 'be', 'been', 'being', 'has', 'have', 'had', 'do', 'does', 'did', 'will', 'would', 'could', 'should',
  'can', 'may', 'might', 'must', 'there', 'here', 'it', 'this', 'even', 'also', 'only', 'just', 'how', 'why', 'said',
  'says', 'says', 'told', 'asked', 'according', 'like', 'unlike', 'via', 'per', 'very', 'too', 'until', 'upon', 'toward',
  'towards', 'among', 'amid', 'despite', 'whom', 'both', 'either', 'neither', 'up', 'down', 'out', 'off',
]);
const NAME_PARTICLES = new Set(['de', 'van', 'von', 'der', 'del', 'della', 'da', 'di', 'du', 'la', 'le', 'al', 'bin', 'ibn', 'el', 'st']);
/** Sentence-initial capitalised words that are not names. */
const CAPITAL_STOP = new Set([...STOP_WORDS, 'but', 'and', 'in', 'on', 'at', 'when', 'if', 'as', 'after', 'asked', 'speaking', 'meanwhile', 'instead', 'still', 'yet', 'now', 'then', 'however', 'furthermore', 'moreover', 'regarding', 'for', 'of', 'following', 'including', 'given']);
const TITLE_ABBREVIATIONS = /^(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|Lt|Col|Capt|Sgt|Adm|Prof|Rev|Jr|Sr|St|Pres|Sec|Atty|Mt|Del|Cmdr|Supt|Insp|Amb|Hon|(?:\p{Lu}\.)*\p{Lu})$/u;

/** A title abbreviation or initials directly followed by their period: "Sen.", "G.K.". */
function isAbbreviationPeriod(doc: Doc, i: number): boolean {
  return i >= 1 && i < doc.tokenCount && tokenText(doc, i) === '.' && doc.tokenEnd[i - 1] === doc.tokenStart[i] && TITLE_ABBREVIATIONS.test(tokenText(doc, i - 1));
}

/** Longest speaker phrase considered, in tokens: keeps every lookup bounded on pathological text. */
const MAX_PHRASE_TOKENS = 14;

/** True when token `k` may start a cue: a cheap test before `cueAt`. */
export function mayStartCue(doc: Doc, k: number): boolean {
  return cueStartFlags(doc)[k] === 1;
}

/**
 * Per document: 1 for each token whose word may start a cue (`mayStartCue`), and the cue found at each such token
 * once asked for: the quote stage tests most tokens, and looks up many cues, several times.
 */
interface CueIndex {
  starts: Uint8Array;
  /** Per token: 0 before the lookup, -1 when no cue starts there, else 1 + the cue's index in `cues`. */
  found: Int32Array;
  cues: CueMatch[];
}

const cueIndexByDoc = new WeakMap<Doc, CueIndex>();

function cueIndexOf(doc: Doc): CueIndex {
  let index = cueIndexByDoc.get(doc);
  if (!index || index.starts.length !== doc.tokenCount) {
    // Whether a token may start a cue depends on its form only: decide once per form, then copy per token.
    const { folds, formOf } = doc;
    const formMayStart = new Uint8Array(folds.length);
    // Many forms (punctuation, "a", "of", "to") are shorter than any cue: their length rules them out.
    for (let f = 0; f < folds.length; f++) if (folds[f].length >= SHORTEST_CUE_START && CUE_STARTS.has(folds[f])) formMayStart[f] = 1;
    const starts = new Uint8Array(doc.tokenCount);
    for (let k = 0; k < starts.length; k++) starts[k] = formMayStart[formOf[k]];
    index = { starts, found: new Int32Array(starts.length), cues: [] };
    cueIndexByDoc.set(doc, index);
  }
  return index;
}

export function cueStartFlags(doc: Doc): Uint8Array {
  return cueIndexOf(doc).starts;
}

/** Every word `cueAt` may start with, for one lookup per token. */
const CUE_STARTS: ReadonlySet<string> = new Set([...SPEECH_CUES, ...SUBJECT_FIRST_CUES, 'according', 'pointed', 'points', 'point', 'put', 'puts', 'went', 'goes', 'shot', 'shoots', 'fired', 'fires', 'hit', 'hits']);
const SHORTEST_CUE_START = Math.min(...[...CUE_STARTS].map((w) => w.length));
/** Verbs that report a reply or a continuation with a particle: "he went on", "she shot back". */
const PARTICLE_CUES = new Map([['went', 'on'], ['goes', 'on'], ['shot', 'back'], ['shoots', 'back'], ['fired', 'back'], ['fires', 'back'], ['hit', 'back'], ['hits', 'back']]);

export interface PhraseSpan extends Span {
  /** First and last token index of the phrase. */
  first: number;
  last: number;
  pronoun: boolean;
}

/** A speaker phrase with the cue that links it to a quote. */
export interface Attribution {
  speaker: PhraseSpan;
  cue: CueMatch | null;
  /** For a pronoun speaker, the phrase in the same sentence it stands for ("Clinton says she …", "Smith, who …"). */
  antecedent?: PhraseSpan;
}

/** A quote before its speaker phrase is resolved to an actor. */
export interface QuoteCandidate extends Span {
  kind: QuoteKind;
  attribution: Attribution | null;
  /** A title, nickname, teaser or aside quote: nobody's words, so no other quote lends it a speaker. */
  nobodys?: boolean;
}

/** A cue match is shared by every caller that asks for the same token (`cueAt`): its fields are read-only. */
export interface CueMatch extends Readonly<Span> {
  readonly first: number;
  readonly last: number;
  readonly word: string;
  /** "according to": the speaker follows and the content is the rest of the clause. */
  readonly accordingTo: boolean;
  readonly speech: boolean;
  readonly addressee: boolean;
  /** The form is also a common noun ("reports", "claims", "state"), so its subject must be unmistakable. */
  readonly nounLike: boolean;
}

/** The cue starting at token `k`, if any. */
export function cueAt(doc: Doc, k: number): CueMatch | null {
  const index = cueIndexOf(doc);
  // The flag first: most tokens are ruled out without reading their token.
  if (index.starts[k] !== 1) return null;
  const found = index.found[k];
  if (found !== 0) return found > 0 ? index.cues[found - 1] : null;
  const cue = findCueAt(doc, k);
  index.found[k] = cue ? index.cues.push(cue) : -1;
  return cue;
}

function findCueAt(doc: Doc, k: number): CueMatch | null {
  if (!isWordToken(doc, k)) return null;
  const start = doc.tokenStart[k];
  const w = lowerAt(doc, k);
  // The next word, when it is in the same sentence; every two-word cue below ends at it.
  const nextInSentence = k + 1 < doc.tokenCount && doc.tokenSentence[k + 1] === doc.tokenSentence[k];
  const nw = nextInSentence ? lowerAt(doc, k + 1) : '';
  const nextEnd = nextInSentence ? doc.tokenEnd[k + 1] : -1;
  if (w === 'according' && nw === 'to') return { start, end: nextEnd, first: k, last: k + 1, word: 'according to', accordingTo: true, speech: true, addressee: false, nounLike: false };
  if ((w === 'pointed' || w === 'points' || w === 'point') && nw === 'out') return { start, end: nextEnd, first: k, last: k + 1, word: `${w} out`, accordingTo: false, speech: true, addressee: false, nounLike: false };
  // Only where the particle ends the verb phrase ("…," he went on, "…" / she shot back: "…"), not "went on to win".
  if (PARTICLE_CUES.get(w) === nw && particleEndsPhrase(doc, k + 2)) return { start, end: nextEnd, first: k, last: k + 1, word: `${w} ${nw}`, accordingTo: false, speech: true, addressee: false, nounLike: false };
  if ((w === 'put' || w === 'puts') && nw === 'it' && opensWithAs(doc, k)) return { start, end: nextEnd, first: k, last: k + 1, word: `${w} it`, accordingTo: false, speech: true, addressee: false, nounLike: false };
  const speech = SPEECH_CUES.has(w);
  if (!speech && !SUBJECT_FIRST_CUES.has(w)) return null;
  if (!startsLowerCase(tokenText(doc, k)) && !capitalisedCueAllowed(doc, k)) return null;
  return { start, end: doc.tokenEnd[k], first: k, last: k, word: w, accordingTo: false, speech, addressee: ADDRESSEE_CUES.has(w), nounLike: !w.endsWith('ed') && !w.endsWith('ing') && !VERB_ONLY.has(w) };
}

/**
 * True when token `k`, after a particle cue, closes its phrase: punctuation, a quote mark, the end of the sentence,
 * "with", or "about" ("as Smith went on about “…”": talking at length about what is quoted).
 */
function particleEndsPhrase(doc: Doc, k: number): boolean {
  if (k >= doc.tokenCount || doc.tokenSentence[k] !== doc.tokenSentence[k - 1] || (doc.tokenKind[k] === TokenKind.Punct && tokenText(doc, k) !== '-')) return true;
  const w = lowerAt(doc, k);
  return w === 'with' || w === 'about';
}

/** Most tokens between "as" and "put it" in "as the senator's spokesman, Jane Roe, recently put it". */
const MAX_AS_CLAUSE_TOKENS = 30;

/** True when the clause holding token `k` opens with "as": "as Smith put it", the idiom that attributes words. */
function opensWithAs(doc: Doc, k: number): boolean {
  const sentences = doc.tokenSentence;
  const sentence = sentences[k];
  for (let i = k - 1; i >= 0 && k - i <= MAX_AS_CLAUSE_TOKENS && sentences[i] === sentence; i--) {
    const text = tokenText(doc, i);
    if (isDoubleQuoteMark(text) || text === ';') return false;
    if (lowerAt(doc, i) !== 'as') continue;
    // "as" opens the clause: first in the sentence, or after punctuation.
    return i === 0 || sentences[i - 1] !== sentence || doc.tokenKind[i - 1] === TokenKind.Punct;
  }
  return false;
}

/** Prepositions of a time or manner phrase between a subject and its verb: "at the time", "in a statement". */
const ADVERBIAL_PREPOSITIONS = new Set(['at', 'in', 'on', 'during', 'over', 'after', 'for']);
/** Heads of such phrases: occasions and channels of speech, and times. */
const ADVERBIAL_HEADS = new Set([
  'time', 'moment', 'statement', 'interview', 'speech', 'conference', 'briefing', 'letter', 'email', 'tweet', 'post', 'release',
  'remarks', 'appearance', 'rally', 'debate', 'hearing', 'event', 'video', 'podcast', 'show', 'program', 'broadcast', 'call',
  'meeting', 'testimony', 'address', 'visit', 'stop', 'day', 'week', 'month', 'year', 'night', 'morning', 'afternoon',
  'evening', 'weekend', 'past',
]);

/** Prepositions that never open a clause, so a phrase after them cannot be a subject. */
const PREPOSITIONS = new Set(['through', 'into', 'onto', 'across', 'toward', 'towards', 'among', 'within', 'behind', 'near', 'from', 'about', 'against', 'between', 'without', 'despite']);
const BE_FORMS = new Set(['is', 'was', 'were', 'are', 'been', 'be', 'being']);

/** Adverbs between a form of "be" and a passive cue: "was not told", "is widely reported". */
const PASSIVE_ADVERBS = new Set(['not', 'also', 'never', 'already', 'widely', 'often', 'reportedly']);

/**
 * A passive cue ("was confirmed", "is being told by The Times"): its subject is not the speaker, the agent after
 * "by" is. Returns undefined when the cue is not passive, null when the passive names no agent.
 */
function passiveAgent(doc: Doc, cue: CueMatch, floor: number): PhraseSpan | null | undefined {
  if (cue.word.endsWith('ing')) return undefined;
  let k = cue.first - 1;
  while (k >= 0 && doc.tokenStart[k] >= floor && PASSIVE_ADVERBS.has(lowerAt(doc, k))) k--;
  if (k < 0 || doc.tokenStart[k] < floor || !BE_FORMS.has(lowerAt(doc, k))) return undefined;
  const by = cue.last + 1;
  if (by >= doc.tokenCount || lowerAt(doc, by) !== 'by' || doc.tokenSentence[by] !== doc.tokenSentence[cue.first]) return null;
  return speakerAfter(doc, cue.last + 2, Number.MAX_SAFE_INTEGER);
}

/** A pronoun, or a phrase whose last word is capitalised or a speaker noun ("the campaign", "Sen. Smith"). */
export function isNamedSubject(doc: Doc, phrase: PhraseSpan): boolean {
  if (phrase.pronoun) return lowerAt(doc, phrase.first) !== 'it';
  const head = tokenText(doc, phrase.last);
  return (startsUpperCase(head) && !endsWithPossessive(head)) || SPEAKER_NOUNS.has(lowerAt(doc, phrase.last));
}

/**
 * The subject of a cue verb at `cue.first`, not before `floor`. A cue that can also be a noun
 * ("Kim's mental state is", "late-night tweets") needs a name, a pronoun or a speaker noun right before it.
 */
export function subjectOf(doc: Doc, cue: CueMatch, floor: number): PhraseSpan | null {
  const passive = passiveAgent(doc, cue, floor);
  if (passive !== undefined) return passive;
  let subject = speakerBefore(doc, cue.first - 1, floor);
  if (!subject) return null;
  // "Trump at the time said", "Smith in a statement said": the phrase is a time or manner adverbial, the name before it the subject.
  if (!subject.pronoun && subject.first >= 2 && doc.tokenStart[subject.first - 2] >= floor && ADVERBIAL_PREPOSITIONS.has(lowerAt(doc, subject.first - 1)) && ADVERBIAL_HEADS.has(lowerAt(doc, subject.last))) {
    const named = speakerBefore(doc, subject.first - 2, floor);
    // "who has in the past described": auxiliaries may stand between the subject and the phrase.
    if (named && isNamedSubject(doc, named) && onlyAdverbsBetween(doc, named.last + 1, subject.first - 1)) subject = named;
  }
  // "Protesters marching through the streets chanted": a phrase after a preposition is its object, not the subject.
  const lead = subject.first - 1;
  if (!subject.pronoun && lead >= 0 && doc.tokenStart[lead] >= floor && PREPOSITIONS.has(lowerAt(doc, lead))) return null;
  if (!cue.nounLike || subject.pronoun) return subject;
  // "32% of Republican claims": a phrase after "of" is a modifier, not a subject.
  if (lead >= 0 && doc.tokenStart[lead] >= floor && lowerAt(doc, lead) === 'of') return null;
  const adjacent = subject.last === cue.first - 1 || ADJACENT_ADVERBS.has(lowerAt(doc, cue.first - 1));
  return adjacent && isNamedSubject(doc, subject) ? subject : null;
}

/** Adverbs that leave a noun-like cue adjacent to its subject: "Smith also claims". */
const ADJACENT_ADVERBS = new Set(['also', 'now', 'still', 'often', 'then', 'never', 'always']);

/** True when every token in [from, to) is an adverb or auxiliary that may stand between a subject and its verb. */
function onlyAdverbsBetween(doc: Doc, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (!ADVERBS.has(lowerAt(doc, i))) return false;
  return true;
}

/**
 * "Protesters marching through the streets chanted": the subject of a cue whose nearest phrase is the object of a
 * preposition after a participle is the phrase before that participle. For quotes only: `subjectOf` stays strict.
 */
const LOWER_PARTICIPLE = /^\p{Ll}+ing$/u;
export function participleModifiedSubject(doc: Doc, cue: CueMatch, floor: number): PhraseSpan | null {
  if (cue.nounLike) return null;
  const object = speakerBefore(doc, cue.first - 1, floor);
  if (!object || object.pronoun || object.first < 2 || !PREPOSITIONS.has(lowerAt(doc, object.first - 1))) return null;
  const k = object.first - 2;
  if (!isWordToken(doc, k) || doc.tokenStart[k] < floor || !LOWER_PARTICIPLE.test(tokenText(doc, k))) return null;
  const head = speakerBefore(doc, k - 1, floor);
  return head && head.last === k - 1 && !head.pronoun && isNamedSubject(doc, head) ? head : null;
}

const CAPITALISED_PAST = /^\p{Lu}\p{Ll}+ed$/u;

/** "Said Smith" after a closing mark or at a sentence start; not "the United States", not headline case. */
function capitalisedCueAllowed(doc: Doc, k: number): boolean {
  if (k === 0 || doc.tokenSentence[k - 1] !== doc.tokenSentence[k]) return true;
  const prev = tokenText(doc, k - 1);
  // "Murphy, the head of the fund, Tweeted on Friday": a past form after a comma, not followed by a name.
  if (prev === ',' && CAPITALISED_PAST.test(tokenText(doc, k)) && !(k + 1 < doc.tokenCount && startsUpperCase(tokenText(doc, k + 1)))) return true;
  return isDoubleQuoteMark(prev) || (prev === "'" && doc.text.charAt(doc.tokenStart[k - 1] - 1) === "'");
}

/** The slash inside a date-like number written without spaces: "9/11 widow Jane Roe", "24/7 hotline". */
function isDateSlash(doc: Doc, i: number): boolean {
  if (i < 1 || i + 1 >= doc.tokenCount || tokenText(doc, i) !== '/') return false;
  const kinds = doc.tokenKind;
  return kinds[i - 1] === TokenKind.Number && kinds[i + 1] === TokenKind.Number && doc.tokenEnd[i - 1] === doc.tokenStart[i] && doc.tokenEnd[i] === doc.tokenStart[i + 1];
}

/** A count closing a descriptive phrase after "of": "the mother of three", "a father of two". */
function isCountAfterOf(doc: Doc, first: number, last: number): boolean {
  const w = lowerAt(doc, last);
  return last - first >= 2 && lowerAt(doc, last - 1) === 'of' && (doc.tokenKind[last] === TokenKind.Number || COUNT_WORDS.has(w)) && isWordOrNumber(doc, last - 2);
}
const COUNT_WORDS = new Set(['two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten']);

/** True when token i exists and is a word or a number (not punctuation). */
function isWordOrNumber(doc: Doc, i: number): boolean {
  return i >= 0 && i < doc.tokenCount && doc.tokenKind[i] !== TokenKind.Punct;
}

function validHead(doc: Doc, first: number, last: number): boolean {
  if (!isWordOrNumber(doc, last)) return false;
  const w = lowerAt(doc, last);
  if (isCountAfterOf(doc, first, last)) return validHead(doc, first, last - 2);
  if (DETERMINERS.has(w)) return false;
  if (startsUpperCase(tokenText(doc, last))) return !TIME_WORDS.has(w) && !CAPITAL_STOP.has(w);
  if (STOP_WORDS.has(w) || DETERMINERS.has(w) || w === 'of' || w === 'for') return false;
  if (SPEAKER_NOUNS.has(w)) return true;
  // A lower-case head needs a determiner, a number or a capitalised word in front of it ("the diplomat",
  // "63 percent", "Trump's aide").
  for (let i = first; i < last; i++) {
    const text = tokenText(doc, i);
    if (DETERMINERS.has(lowerAt(doc, i)) || doc.tokenKind[i] === TokenKind.Number || startsUpperCase(text) || endsWithPossessive(text)) return !(w.endsWith('ing') || w.endsWith('ly'));
  }
  return false;
}

/** The sentence of no token: `inRangeBefore` and `inRangeAfter` are false for it. */
const NO_SENTENCE = -1;

/**
 * Whether token `i` may belong to a phrase read backwards: it exists, starts at or after `floor` and lies in
 * `sentence`. A plain function, not a closure per call: the speaker search runs for every quote and cue.
 */
function inRangeBefore(doc: Doc, floor: number, sentence: number, i: number): boolean {
  return i >= 0 && i < doc.tokenCount && doc.tokenStart[i] >= floor && doc.tokenSentence[i] === sentence;
}

/** Whether token `i` may belong to a phrase read forwards: it exists, ends by `ceiling` and lies in `sentence`. */
function inRangeAfter(doc: Doc, ceiling: number, sentence: number, i: number): boolean {
  return i >= 0 && i < doc.tokenCount && doc.tokenEnd[i] <= ceiling && doc.tokenSentence[i] === sentence;
}

/** True when token `i` exists and reads `text`. */
function isTokenText(doc: Doc, i: number, text: string): boolean {
  return i >= 0 && i < doc.tokenCount && tokenText(doc, i) === text;
}

/** True when token `i` exists, is a word or a number, and starts with a capital letter. */
function isCapitalised(doc: Doc, i: number): boolean {
  return isWordOrNumber(doc, i) && startsUpperCase(tokenText(doc, i));
}

/** Prepositions of a year or date between subject and verb: "who in 2010 said". */
const DATE_PREPOSITIONS = new Set(['in', 'since', 'on', 'by']);

/** True when word token `k` is an adverb or time word that may stand between a subject and its verb. */
function isAdverbBeforeVerb(doc: Doc, k: number): boolean {
  const w = lowerAt(doc, k);
  if (PRONOUNS.has(w)) return false;
  if (ADVERBS.has(w) || TIME_WORDS.has(w)) return true;
  const text = tokenText(doc, k);
  return text.endsWith('ly') && startsLowerCase(text);
}

/** True when `text` ends with a possessive "'s" (straight or curly apostrophe). */
function endsWithPossessive(text: string): boolean {
  return text.endsWith("'s") || text.endsWith('’s');
}

/**
 * The speaker phrase that ends at token `k` (inclusive), reading backwards, not before offset `floor`.
 * Skips adverbs and time expressions between the phrase and the verb, parentheticals ("(D-Va.)") and
 * appositives or relative clauses set off by commas ("Smith, the party's chairman, said").
 */
export function speakerBefore(doc: Doc, k: number, floor: number): PhraseSpan | null {
  const kinds = doc.tokenKind;
  const sentence = k >= 0 && k < doc.tokenCount ? doc.tokenSentence[k] : NO_SENTENCE;
  const adverbFloor = k - 6;
  // A year or date adverbial between subject and verb: "who in 2010 said".
  if (inRangeBefore(doc, floor, sentence, k - 1) && kinds[k] === TokenKind.Number && DATE_PREPOSITIONS.has(lowerAt(doc, k - 1))) k -= 2;
  while (k > adverbFloor && inRangeBefore(doc, floor, sentence, k) && kinds[k] !== TokenKind.Punct && isAdverbBeforeVerb(doc, k)) k--;
  if (!inRangeBefore(doc, floor, sentence, k)) return null;
  let text = tokenText(doc, k);
  if (text === ')') {
    let j = k - 1;
    while (inRangeBefore(doc, floor, sentence, j) && tokenText(doc, j) !== '(' && k - j < 12) j--;
    if (!inRangeBefore(doc, floor, sentence, j) || tokenText(doc, j) !== '(') return null;
    k = j - 1;
    if (!inRangeBefore(doc, floor, sentence, k)) return null;
    text = tokenText(doc, k);
  }
  if (text === ',') {
    const opening = openingSubject(doc, k, floor);
    if (opening) return opening;
    // Appositive or relative clause between two commas: take the phrase before it.
    let j = k - 1;
    while (inRangeBefore(doc, floor, sentence, j) && tokenText(doc, j) !== ',' && !isDoubleQuoteMark(tokenText(doc, j)) && k - j < 25) j--;
    if (inRangeBefore(doc, floor, sentence, j) && tokenText(doc, j) === ',' && k - j > 1) {
      const inner = lowerAt(doc, j + 1);
      const head = nounPhraseBefore(doc, j - 1, floor, sentence);
      if (head && (inner === 'who' || DETERMINERS.has(inner) || startsUpperCase(tokenText(doc, j + 1)) || SPEAKER_NOUNS.has(inner) || head.pronoun === false)) return head;
    }
    return null;
  }
  return nounPhraseBefore(doc, k, floor, sentence);
}

/** Most words inside a short quoted name or title: “Cruz”, “Make America Great Again”. */
const MAX_SHORT_QUOTE_TOKENS = 5;

/**
 * When token `close` is the closing mark of a short quoted span ("wearing “Cruz” pins"), the index of its
 * opening mark; otherwise -1.
 */
export function shortQuotedSpanBefore(doc: Doc, close: number): number {
  const { text } = doc;
  const starts = doc.tokenStart;
  const sentences = doc.tokenSentence;
  const c = text.charAt(starts[close]);
  if (c !== '”' && c !== '"') return -1;
  for (let i = close - 1; i >= 0 && close - i <= MAX_SHORT_QUOTE_TOKENS + 1 && sentences[i] === sentences[close]; i--) {
    const o = text.charAt(starts[i]);
    if (o === '“' || (o === '"' && c === '"')) return i < close - 1 ? i : -1;
    if (isDoubleQuoteMark(tokenText(doc, i))) return -1;
  }
  return -1;
}

/** The closing mark of a short quoted span opening at token `open`, or -1. */
export function shortQuotedSpanAfter(doc: Doc, open: number): number {
  const { text } = doc;
  const starts = doc.tokenStart;
  const sentences = doc.tokenSentence;
  const o = text.charAt(starts[open]);
  if (o !== '“' && o !== '"') return -1;
  for (let i = open + 1; i < doc.tokenCount && i - open <= MAX_SHORT_QUOTE_TOKENS + 1 && sentences[i] === sentences[open]; i++) {
    const c = text.charAt(starts[i]);
    if (c === '”' || (c === '"' && o === '"')) return i > open + 1 ? i : -1;
    if (isDoubleQuoteMark(tokenText(doc, i))) return -1;
  }
  return -1;
}

/** Most tokens between a clause-opening subject and its verb when appositives stand between them. */
const MAX_APPOSITIVE_TOKENS = 40;

/**
 * The name that opens the clause ending with the comma at `k`, when only appositives set off by commas
 * follow it: "Jane Roe, a teacher from Dayton, Ohio, said". Clause openers ("However", "In Paris") are not names.
 */
function openingSubject(doc: Doc, k: number, floor: number): PhraseSpan | null {
  const starts = doc.tokenStart;
  const sentences = doc.tokenSentence;
  const sentence = sentences[k];
  let f = k;
  while (f > 0 && k - f < MAX_APPOSITIVE_TOKENS && starts[f - 1] >= floor && sentences[f - 1] === sentence) {
    const mark = tokenText(doc, f - 1);
    if (isDoubleQuoteMark(mark) || mark === ';' || mark === ':') {
      // "Bill Eastland, wearing “Cruz” pins, said": a short quoted name inside the appositive.
      const open = shortQuotedSpanBefore(doc, f - 1);
      if (open < 0 || starts[open] < floor) break;
      f = open;
      continue;
    }
    f--;
  }
  if (k - f >= MAX_APPOSITIVE_TOKENS) return null;
  const opening = speakerAfter(doc, f, starts[k]);
  if (!opening || opening.pronoun || opening.last >= k - 1 || tokenText(doc, opening.last + 1) !== ',') return null;
  if (!startsUpperCase(tokenText(doc, opening.last))) return null;
  for (let i = opening.last + 2; i < k; i++) if (SPEECH_CUES.has(lowerAt(doc, i)) && !DETERMINERS.has(lowerAt(doc, i - 1)) && lowerAt(doc, i - 1) !== 'of') return null;
  return opening;
}

function nounPhraseBefore(doc: Doc, k: number, floor: number, sentence: number): PhraseSpan | null {
  if (!inRangeBefore(doc, floor, sentence, k)) return null;
  const starts = doc.tokenStart;
  const ends = doc.tokenEnd;
  const kinds = doc.tokenKind;
  if (kinds[k] === TokenKind.Punct) return tokenText(doc, k) === ')' ? speakerBefore(doc, k, floor) : null;
  const lw = lowerAt(doc, k);
  if (PRONOUNS.has(lw)) return { start: starts[k], end: ends[k], first: k, last: k, pronoun: true };
  let i = k;
  let first = k;
  let lowerCount = 0;
  let extended = false;
  while (inRangeBefore(doc, floor, sentence, i) && k - i < MAX_PHRASE_TOKENS) {
    const w = lowerAt(doc, i);
    if (kinds[i] === TokenKind.Punct) {
      // The period of a title or an initial ("Sen.", "G.K.") and the hyphen of a compound belong to the name.
      if (isAbbreviationPeriod(doc, i) || (tokenText(doc, i) === '-' && i >= 1 && ends[i - 1] === starts[i])) {
        i--;
        continue;
      }
      break;
    }
    if (DETERMINERS.has(w)) {
      first = i;
      // "a spokesman for the campaign": one "of"/"for" link to a preceding noun (token i - 2 in range, so the link exists).
      if (!extended && inRangeBefore(doc, floor, sentence, i - 2) && (lowerAt(doc, i - 1) === 'of' || lowerAt(doc, i - 1) === 'for') && kinds[i - 2] !== TokenKind.Punct && !STOP_WORDS.has(lowerAt(doc, i - 2))) {
        extended = true;
        i -= 2;
        continue;
      }
      break;
    }
    if (startsUpperCase(tokenText(doc, i))) {
      if (CAPITAL_STOP.has(w) || (TIME_WORDS.has(w) && (i === k || !MONTHS.has(w)))) break;
      first = i;
      i--;
      continue;
    }
    if (NAME_PARTICLES.has(w) && i < k && startsUpperCase(tokenText(doc, i + 1))) {
      i--;
      continue;
    }
    if (STOP_WORDS.has(w) || PRONOUNS.has(w) || SPEECH_CUES.has(w) || SUBJECT_FIRST_CUES.has(w) || kinds[i] === TokenKind.Number && i === k) break;
    if ((w === 'of' || w === 'for') && !extended && i < k) {
      extended = true;
      i--;
      continue;
    }
    const participle = w.endsWith('ing') || w.endsWith('ed');
    if ((participle || w.endsWith('ly')) && !SPEAKER_NOUNS.has(w)) {
      // A participle modifier right after a determiner belongs to the phrase: "the gambling tycoon", "the retired judge".
      if (!(i < k && participle && inRangeBefore(doc, floor, sentence, i - 1) && DETERMINERS.has(lowerAt(doc, i - 1)))) break;
    }
    if (++lowerCount > 5) break;
    first = i;
    i--;
  }
  // Do not start on a dangling "of"/"for".
  while (first < k && isOfOrFor(lowerAt(doc, first))) first++;
  if (!validHead(doc, first, k)) return null;
  return { start: starts[first], end: ends[k], first, last: k, pronoun: false };
}

function isOfOrFor(w: string): boolean {
  return w === 'of' || w === 'for';
}

/** Most lower-case modifiers allowed before a name in a speaker phrase: "longtime party strategist Jane Roe". */
const MAX_NAME_MODIFIERS = 4;

/** True when tokens from `k` are a few lower-case modifiers followed by a capitalised word: "former aide Ann Lee". */
function modifiersBeforeName(doc: Doc, k: number, ceiling: number, sentence: number): boolean {
  for (let i = k; inRangeAfter(doc, ceiling, sentence, i) && i - k <= MAX_NAME_MODIFIERS; i++) {
    if (doc.tokenKind[i] !== TokenKind.Word) return false;
    const w = lowerAt(doc, i);
    if (startsUpperCase(tokenText(doc, i))) return i > k && !CAPITAL_STOP.has(w) && !TIME_WORDS.has(w);
    if (STOP_WORDS.has(w) || PRONOUNS.has(w) || TIME_WORDS.has(w) || SPEECH_CUES.has(w) || SUBJECT_FIRST_CUES.has(w) || w.endsWith('ly') || w.endsWith('ing')) return false;
  }
  return false;
}

/** The speaker phrase starting at token `k`, reading forwards ("said Sergei Riabkov, …"), ending before `ceiling`. */
export function speakerAfter(doc: Doc, k: number, ceiling: number): PhraseSpan | null {
  if (k < 0 || k >= doc.tokenCount || doc.tokenStart[k] >= ceiling) return null;
  const starts = doc.tokenStart;
  const ends = doc.tokenEnd;
  const kinds = doc.tokenKind;
  const sentence = doc.tokenSentence[k];
  const fw = lowerAt(doc, k);
  if (PRONOUNS.has(fw) && fw !== 'who' && fw !== 'it') return { start: starts[k], end: ends[k], first: k, last: k, pronoun: true };
  // A speaker phrase opens with a capital, a determiner, a speaker noun ("officials") or a few modifiers before a
  // name ("former party chairman John Doe"), never with a verb form.
  if (startsLowerCase(tokenText(doc, k)) && !DETERMINERS.has(fw) && !SPEAKER_NOUNS.has(fw) && !modifiersBeforeName(doc, k, ceiling, sentence)) return null;
  let i = k;
  let last = -1;
  let lowerCount = 0;
  let extended = false;
  while (inRangeAfter(doc, ceiling, sentence, i) && i - k < MAX_PHRASE_TOKENS) {
    const w = lowerAt(doc, i);
    if (kinds[i] === TokenKind.Punct) {
      if (last >= 0 && ((isAbbreviationPeriod(doc, i) && isCapitalised(doc, i + 1)) || (tokenText(doc, i) === '-' && i >= 1 && ends[i - 1] === starts[i]) || isDateSlash(doc, i))) {
        i++;
        continue;
      }
      break;
    }
    if (DETERMINERS.has(w) && !(last >= 0 && isAbbreviationPeriod(doc, i + 1))) {
      if (last >= 0) break;
      i++;
      continue;
    }
    if (startsUpperCase(tokenText(doc, i))) {
      if (CAPITAL_STOP.has(w) || TIME_WORDS.has(w)) break;
      last = i++;
      continue;
    }
    if (NAME_PARTICLES.has(w) && last >= 0 && isCapitalised(doc, i + 1)) {
      i++;
      continue;
    }
    if ((w === 'of' || w === 'for') && last >= 0 && !extended) {
      extended = true;
      i++;
      continue;
    }
    if (STOP_WORDS.has(w) || PRONOUNS.has(w) || SPEECH_CUES.has(w) || TIME_WORDS.has(w) || w.endsWith('ly')) break;
    if (++lowerCount > 5) break;
    last = i++;
  }
  if (last < 0) return null;
  // Trailing "of"/"for" without its object is not part of the phrase.
  while (last > k && isOfOrFor(lowerAt(doc, last))) last--;
  if (!validHead(doc, k, last)) return null;
  return { start: starts[k], end: ends[last], first: k, last, pronoun: false };
}

/** Quotation marks that open a quote. */
const OPENING_MARKS = new Set(['“', '"', '«', '„']);

/** The token index just past a told-style addressee ("told reporters", "told CNN on Sunday"), for content spans. */
export function skipAddressee(doc: Doc, k: number, ceiling: number): number {
  const starts = doc.tokenStart;
  const sentences = doc.tokenSentence;
  const sentence = k >= 0 && k < doc.tokenCount ? sentences[k] : NO_SENTENCE;
  for (let i = k; i < doc.tokenCount && i < k + 20 && starts[i] < ceiling && sentences[i] === sentence; i++) {
    const w = lowerAt(doc, i);
    const text = tokenText(doc, i);
    if (w === 'that' || text === ':' || OPENING_MARKS.has(text)) return w === 'that' || text === ':' ? i + 1 : i;
  }
  const np = speakerAfter(doc, k, ceiling);
  return np ? np.last + 1 : k;
}

const CLAUSE_CONJUNCTIONS = new Set(['but', 'and', 'so', 'yet', 'then', 'still']);
/** Longest stretch of a clause searched for its subject, in tokens. */
const MAX_CLAUSE_TOKENS = 60;

/** "But", "and", "so": a word that joins a clause to the one before without being part of its subject. */
export function isClauseConjunction(word: string): boolean {
  return CLAUSE_CONJUNCTIONS.has(word);
}

/** Most tokens of a dateline: "WASHINGTON, Aug. 24 (UPI) —". */
const MAX_DATELINE_TOKENS = 12;

/** The token after a dateline that opens the sentence at token `k` ("WASHINGTON —", "Paris (AFP) –"), or `k`. */
export function afterDateline(doc: Doc, k: number, limit: number): number {
  for (let i = k; i < doc.tokenCount && i < limit && i - k < MAX_DATELINE_TOKENS; i++) {
    const text = tokenText(doc, i);
    // A spaced hyphen stands for the dash in wire copy: "WASHINGTON (Reuters) - …".
    if (text === '—' || text === '–' || text === '--' || (text === '-' && i > k && doc.tokenStart[i] > doc.tokenEnd[i - 1])) return i > k ? i + 1 : k;
    if (doc.tokenKind[i] === TokenKind.Word && !startsUpperCase(text)) return k;
  }
  return k;
}

/**
 * The subject of the first comma-separated stretch from token `k` (before offset `limit`) that opens with a
 * named phrase directly followed by a lower-case word, its verb: skips leading adverbials and place names.
 */
export function clauseSubject(doc: Doc, k: number, limit: number): PhraseSpan | null {
  k = afterDateline(doc, k, tokenIndexFrom(doc, limit));
  const starts = doc.tokenStart;
  let chunk = k;
  for (let c = k; c < doc.tokenCount && starts[c] < limit && c - k < MAX_CLAUSE_TOKENS; c++) {
    const comma = tokenText(doc, c) === ',';
    if (c !== chunk && !comma) continue;
    if (comma) chunk = c + 1;
    const phrase = namedPhraseAfter(doc, chunk, limit);
    if (!phrase) continue;
    const verb = afterParenthetical(doc, phrase.last + 1);
    if (isWordToken(doc, verb) && startsLowerCase(tokenText(doc, verb)) && !CLAUSE_CONJUNCTIONS.has(lowerAt(doc, verb))) return phrase;
  }
  return null;
}

/** Most tokens inside a parenthetical after a name: "(R-Iowa)", "(D-N.Y.)", "(pictured)". */
const MAX_PARENTHETICAL_TOKENS = 8;

/** The token after a parenthetical opening at `k` ("Sen. Jane Roe (D-Ore.) said"), or `k` when none opens there. */
function afterParenthetical(doc: Doc, k: number): number {
  if (!isTokenText(doc, k, '(')) return k;
  const sentences = doc.tokenSentence;
  for (let i = k + 1; i < doc.tokenCount && i - k <= MAX_PARENTHETICAL_TOKENS && sentences[i] === sentences[k]; i++) {
    const text = tokenText(doc, i);
    if (text === ')') return i + 1;
    if (text === '(') return k;
  }
  return k;
}

/** A lower-case word that looks like a finite verb after its subject: "said", "identified", "took", "has", "was". */
const FINITE_VERB = /^(?:\p{Ll}+(?:s|ed|ew|ook|ang|old|ote|aid|ent|ave|ame|oke|ood|ought|ade|eld|ound|ept|uck|an|on|ot|it|id)|had|would|will|could)$/u;

/** An adverb between a named subject and its verb: "Ann Lee later said", "Ann Lee publicly said". */
const ADVERB_BEFORE_VERB = /^(?:also|later|then|once|again|still|\p{Ll}+ly)$/u;

/** Most tokens of an appositive between a name and its verb: "Sen. Ann Lee, who lost the primary to Jones, said". */
const MAX_SUBJECT_APPOSITIVE_TOKENS = 30;

/**
 * A proper name starting at token `k` that is the subject of the verb after it: "Sen. Ann Lee (Vt.) identified",
 * "Ann Lee, who lost the primary, identified". Reads capitalised words only, so it never runs into the verb.
 */
export function properNameSubject(doc: Doc, k: number, limit: number): PhraseSpan | null {
  if (k < 0 || k >= doc.tokenCount || doc.tokenStart[k] >= limit || !isCapitalised(doc, k) || CAPITAL_STOP.has(lowerAt(doc, k)) || TIME_WORDS.has(lowerAt(doc, k))) return null;
  const starts = doc.tokenStart;
  const ends = doc.tokenEnd;
  const sentences = doc.tokenSentence;
  let last = k;
  for (let i = k + 1; i < doc.tokenCount && starts[i] < limit && i - k < MAX_PHRASE_TOKENS && sentences[i] === sentences[k]; i++) {
    if (isAbbreviationPeriod(doc, i) || (tokenText(doc, i) === '-' && ends[i - 1] === starts[i])) continue;
    if (isCapitalised(doc, i) && !CAPITAL_STOP.has(lowerAt(doc, i)) && !TIME_WORDS.has(lowerAt(doc, i))) last = i;
    // A name particle ("Ruth de Vries") or two names joined by "and" ("Trump and Ryan issued").
    else if (!((NAME_PARTICLES.has(lowerAt(doc, i)) || lowerAt(doc, i) === 'and') && isCapitalised(doc, i + 1))) break;
  }
  if (endsWithPossessive(tokenText(doc, last))) return null;
  let v = afterParenthetical(doc, last + 1);
  if (isTokenText(doc, v, ',')) {
    let c = v + 1;
    while (c < doc.tokenCount && c - v <= MAX_SUBJECT_APPOSITIVE_TOKENS && starts[c] < limit && tokenText(doc, c) !== ',' && !isDoubleQuoteMark(tokenText(doc, c))) c++;
    if (!isTokenText(doc, c, ',')) return null;
    v = c + 1;
  }
  while (v < doc.tokenCount && v - last < 4 && ADVERB_BEFORE_VERB.test(lowerAt(doc, v))) v++;
  if (!isWordToken(doc, v) || starts[v] >= limit || !FINITE_VERB.test(tokenText(doc, v))) return null;
  return { start: starts[k], end: ends[last], first: k, last, pronoun: false };
}

/**
 * A named speaker phrase starting at token `k` (a pronoun, a capitalised head or a speaker noun). Reading
 * forwards runs into the verb ("Smith resisted"), so the phrase is shortened until its head is a name.
 */
export function namedPhraseAfter(doc: Doc, k: number, limit: number): PhraseSpan | null {
  let ceiling = limit;
  for (let tries = 0; tries < 3; tries++) {
    const phrase = speakerAfter(doc, k, ceiling);
    if (!phrase) return null;
    if (isNamedSubject(doc, phrase)) return phrase;
    ceiling = doc.tokenStart[phrase.last];
  }
  return null;
}

/** "its prediction" is usually a document's, not a speaker's, so only personal possessives count. */
const POSSESSIVE_PRONOUNS = new Set(['his', 'her', 'their']);
/** Most tokens between a speech noun and the quote it introduces: "Smith's claim that there have been “…”". */
const MAX_NOUN_TO_QUOTE_TOKENS = 14;
/** Most lower-case modifiers between a possessor and its speech noun: "Smith's repeated public warnings". */
const MAX_NOUN_MODIFIERS = 2;

/**
 * "Trump's claim that there were “thousands of shootings”", "contrary to his promise to “…”": a speech noun
 * shortly before the quote, with no cue verb between them, gives the quote to the noun's possessor.
 */
export function possessiveNounAttribution(doc: Doc, open: number, floor: number): Attribution | null {
  const starts = doc.tokenStart;
  const end = tokenIndexFrom(doc, open);
  for (let k = end - 1; k > 0 && end - k <= MAX_NOUN_TO_QUOTE_TOKENS && starts[k] >= floor; k--) {
    const text = tokenText(doc, k);
    if (isDoubleQuoteMark(text) || text === ';') return null;
    // A speech noun may share its form with a cue verb ("claim", "warning"); without a possessor it is the verb.
    const owner = SPEECH_NOUNS.has(lowerAt(doc, k)) && introducesContent(doc, k, end) ? possessorOf(doc, k, floor) : null;
    if (owner) return owner;
    if (cueAt(doc, k)) return null;
  }
  return null;
}

/**
 * True when the speech noun at `k` introduces the quote at token `quote` as its content ("claim that …",
 * "promise to …", "warning: …"), not as a verdict on it ("his statement was “true”").
 */
function introducesContent(doc: Doc, k: number, quote: number): boolean {
  if (k + 1 === quote) return true;
  const next = lowerAt(doc, k + 1);
  return next === 'that' || next === 'to' || next === 'about' || next === 'of' || next === ':' || next === ',';
}

/** The possessor of the speech noun at `k` as a speaker, with the noun as cue: "Smith's claim", "his warning". */
function possessorOf(doc: Doc, k: number, floor: number): Attribution | null {
  const starts = doc.tokenStart;
  const ends = doc.tokenEnd;
  let p = k - 1;
  for (let n = 0; n < MAX_NOUN_MODIFIERS && p > 0 && doc.tokenKind[p] === TokenKind.Word && startsLowerCase(tokenText(doc, p)) && !POSSESSIVE_PRONOUNS.has(lowerAt(doc, p)) && !STOP_WORDS.has(lowerAt(doc, p)) && !DETERMINERS.has(lowerAt(doc, p)) && !lowerAt(doc, p).endsWith("'s"); n++) p--;
  if (p < 0 || starts[p] < floor) return null;
  const cue: CueMatch = { start: starts[k], end: ends[k], first: k, last: k, word: lowerAt(doc, k), accordingTo: false, speech: true, addressee: false, nounLike: true };
  if (POSSESSIVE_PRONOUNS.has(lowerAt(doc, p))) return { speaker: { start: starts[p], end: ends[p], first: p, last: p, pronoun: true }, cue };
  if (!endsWithPossessive(tokenText(doc, p))) return null;
  const owner = nounPhraseBefore(doc, p, floor, doc.tokenSentence[p]);
  return owner && !owner.pronoun ? { speaker: owner, cue } : null;
}
