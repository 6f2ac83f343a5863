/**
 * A token-level view of one sentence and the clause helpers demand detection needs: skipping quotation
 * marks and adverbs, clause boundaries, negation, subjects and objects as actors.
 */
import type { Cast } from './cast';
import { startsUpperCase } from './chars';
import { gazetteer } from './gazetteer';
import { type Doc, TokenKind } from './text';
import type { Span } from './types';
import {
  FIRST_PERSON,
  NEGATIONS,
  NOUN_DETERMINERS,
  OBJECT_PRONOUNS,
  QUESTION_WORDS,
  REPORTING_VERBS,
  SUBJECT_PRONOUNS,
} from './demand-lexicon';

const QUOTE_MARKS = new Set(['"', '“', '”', '‘', '’', "'", '«', '»', '„', '‹', '›', '`']);
// A free-standing hyphen is a dash in wire copy ("WASHINGTON (Reuters) - …").
const CLAUSE_PUNCT = new Set([',', ';', ':', '(', ')', '—', '–', '-']);
const SENTENCE_PUNCT = new Set(['.', '!', '?', ';', '…']);
const BE_FORMS = new Set(['is', 'are', 'was', 'were', 'be', 'been', 'being', "'s", "'re", 'am', "it's", "that's", 'get', 'got', 'gets', 'getting']);
/** Words that can stand between a subject and its verb (auxiliaries, adverbs, catenatives like "plans to"). */
const AUXILIARIES = new Set([
  'is', 'are', 'was', 'were', 'be', 'been', 'has', 'have', 'had', 'will', 'would', 'could', 'should', 'may', 'might',
  'can', 'did', 'does', 'do', 'also', 'again', 'now', 'still', 'then', 'further', 'once', 'already', 'just', 'even',
  'repeatedly', 'to', 'plans', 'planned', 'plan', 'continued', 'continues', 'began', 'begun', 'beginning', 'going', 'wants',
  'want', 'wanted', 'reportedly', 'publicly', 'privately', 'formally', 'explicitly', 'effectively', 'essentially',
  'always', 'never', 'often', 'sometimes', 'usually', 'both', 'all', 'jointly', 'together',
]);
const ARTICLES = new Set(['a', 'an', 'the', 'his', 'her', 'their', 'its', 'our', 'my', 'your', 'this', 'these', 'those']);
const CONJUNCTIONS = new Set(['and', 'but', 'so', 'because', 'while', 'although', 'though', 'since', 'as', 'or', 'yet']);

export function isQuoteMark(t: string): boolean {
  return QUOTE_MARKS.has(t);
}

/**
 * The tokens of one sentence, read from the document's token columns: token i of the view is token
 * `first + i` of the document. Reads outside the sentence give '' (words) or false (kinds).
 */
export class SentenceView {
  readonly start: number;
  readonly end: number;
  readonly isQuestion: boolean;
  private readonly folds: string[];
  private readonly forms: string[];
  private readonly formOf: Int32Array;
  private readonly kinds: Uint8Array;
  private readonly starts: Int32Array;
  private readonly ends: Int32Array;

  constructor(
    readonly doc: Doc,
    readonly index: number,
    /** Index in the document of the sentence's first token. */
    readonly first: number,
    /** Number of tokens in the sentence. */
    readonly length: number,
  ) {
    this.folds = doc.folds;
    this.forms = doc.forms;
    this.formOf = doc.formOf;
    this.kinds = doc.tokenKind;
    this.starts = doc.tokenStart;
    this.ends = doc.tokenEnd;
    const s = doc.sentences[index];
    this.start = s.start;
    this.end = s.end;
    let last = length - 1;
    while (last >= 0 && (isQuoteMark(this.word(last)) || this.word(last) === ')')) last--;
    this.isQuestion = last >= 0 && this.word(last) === '?';
  }

  private titleCaseCache: boolean | undefined;
  /** True when most words of the sentence are capitalised (a title-case headline). */
  get titleCase(): boolean {
    if (this.titleCaseCache === undefined) {
      let words = 0;
      let caps = 0;
      for (let i = 0; i < this.length; i++) {
        if (!this.isWord(i)) continue;
        words++;
        if (this.isCapitalised(i)) caps++;
      }
      this.titleCaseCache = words >= 3 && caps >= words * 0.7;
    }
    return this.titleCaseCache;
  }

  /** True when token i is a reporting verb used as a verb (not "United States", not "a note"). */
  reportingVerb(i: number): boolean {
    // "continued to call", "claimed to be": a verb taking an infinitive, not reporting speech.
    if (this.word(i + 1) === 'to' && this.isWord(i + 2) && !this.isCapitalised(i + 2)) return false;
    return REPORTING_VERBS.has(this.word(i)) && (!this.isCapitalised(i) || this.titleCase) && !this.nounContext(i);
  }

  /** Folded (lower-case, straight apostrophe) text of token i, or '' outside the sentence. */
  word(i: number): string {
    return i >= 0 && i < this.length ? this.folds[this.formOf[this.first + i]] : '';
  }

  /** Text of token i as written; i must be inside the sentence. */
  tokenText(i: number): string {
    return this.forms[this.formOf[this.first + i]];
  }

  /** Start offset of token i; i must be inside the sentence. */
  tokenStart(i: number): number {
    return this.starts[this.first + i];
  }

  /** End offset of token i; i must be inside the sentence. */
  tokenEnd(i: number): number {
    return this.ends[this.first + i];
  }

  isWord(i: number): boolean {
    return i >= 0 && i < this.length && this.kinds[this.first + i] === TokenKind.Word;
  }

  isNumber(i: number): boolean {
    return i >= 0 && i < this.length && this.kinds[this.first + i] === TokenKind.Number;
  }

  isCapitalised(i: number): boolean {
    if (!this.isWord(i)) return false;
    return startsUpperCase(this.tokenText(i));
  }

  /** Index of the first token at or after `from` whose word is `w`, or -1. */
  indexOfWord(w: string, from = 0): number {
    for (let i = Math.max(0, from); i < this.length; i++) if (this.word(i) === w) return i;
    return -1;
  }

  /** Index of the last token at or before `from` whose word is `w`, or -1. */
  lastIndexOfWord(w: string, from: number): number {
    for (let i = Math.min(from, this.length - 1); i >= 0; i--) if (this.word(i) === w) return i;
    return -1;
  }

  /** Next index at or after i that is not a quotation mark. */
  skipQuotesForward(i: number): number {
    while (i < this.length && isQuoteMark(this.word(i))) i++;
    return i;
  }

  /** Previous index at or before i that is not a quotation mark, an -ly adverb or an auxiliary-like word. */
  skipBackOverAdverbs(i: number, alsoAuxiliaries = false): number {
    while (i >= 0) {
      const w = this.word(i);
      if (isQuoteMark(w) || (w.length > 4 && w.endsWith('ly') && !SUBJECT_PRONOUNS.has(w)) || (alsoAuxiliaries && AUXILIARIES.has(w))) i--;
      else break;
    }
    return i;
  }

  /** True when a negation, refusal or "n't" form stands within three words before token i. */
  negatedBefore(i: number): boolean {
    let seen = 0;
    for (let j = i - 1; j >= 0 && seen < 3; j--) {
      const w = this.word(j);
      if (isQuoteMark(w)) continue;
      if (CLAUSE_PUNCT.has(w) || SENTENCE_PUNCT.has(w)) return false;
      if (NEGATIONS.has(w) || w.endsWith("n't")) return true;
      seen++;
    }
    return false;
  }

  /**
   * True when the form at i is a noun here ("the demand", "Trump's call", "taking calls"), not a verb.
   * Past forms are always verbs; -ing forms are nouns only after an article or possessive.
   */
  nounContext(i: number): boolean {
    const form = this.word(i);
    if ((form.endsWith('ed') && !form.endsWith('eed')) || form === 'told' || form === 'sought' || form === 'wrote' || form === 'said') return false;
    const p = this.skipBackOverAdverbs(i - 1);
    if (p < 0) return true;
    const w = this.word(p);
    if (form.endsWith('ing')) return ARTICLES.has(w) || (w.endsWith("'s") && !SUBJECT_PRONOUNS.has(w.slice(0, -2)));
    if (NOUN_DETERMINERS.has(w)) return true;
    if (w.endsWith('ing') && !AUXILIARIES.has(w) && this.isWord(p)) return true;
    // "his home state of Texas", "a call of duty": a bare form before "of" after a noun is a noun.
    if (this.word(i + 1) === 'of' && this.isWord(p) && !SUBJECT_PRONOUNS.has(w) && !AUXILIARIES.has(w) && w !== 'to') return true;
    return w.endsWith("'s") && !SUBJECT_PRONOUNS.has(w.slice(0, -2)) && w !== "it's" && w !== "that's" && w !== "there's";
  }

  /** True when token i is preceded (through adverbs) by a form of "be" or "get": a passive. */
  passiveBefore(i: number): boolean {
    const p = this.skipBackOverAdverbs(i - 1);
    return p >= 0 && BE_FORMS.has(this.word(p));
  }

  /**
   * Start of the clause that contains token i: after the last reporting verb, complementizer "that",
   * semicolon, colon or opening quotation mark before it. Commas are not boundaries here: appositions
   * ("Smith, the mayor, urged") keep the subject in the same clause.
   */
  clauseStart(i: number): number {
    for (let j = i - 1; j >= 0; j--) {
      const w = this.word(j);
      if (w === ';' || w === ':') return j + 1;
      if (w === 'that' && this.reportedThat(j)) return j + 1;
      if (j + 1 < i && this.word(j + 1) !== ',' && this.reportingVerb(j)) return j + 1;
    }
    return 0;
  }

  /** True when "that" at j opens the complement of a reporting verb a few words back ("argued in Geneva today that"). */
  reportedThat(j: number): boolean {
    for (let k = j - 1; k >= 0 && k >= j - 5; k--) {
      if (CLAUSE_PUNCT.has(this.word(k)) || SENTENCE_PUNCT.has(this.word(k))) return false;
      if (REPORTING_VERBS.has(this.word(k))) return true;
    }
    return false;
  }

  /** Start of the smallest clause around a modal at i: commas and conjunctions count as boundaries too. */
  innerClauseStart(i: number): number {
    for (let j = i - 1; j >= 0; j--) {
      const w = this.word(j);
      if (CLAUSE_PUNCT.has(w) || isQuoteMark(w) || CONJUNCTIONS.has(w) || w === 'that' || QUESTION_WORDS.has(w)) return j + 1;
      if (this.reportingVerb(j)) return j + 1;
    }
    return 0;
  }

  /** True when the clause starting at cs is a relative or interrogative clause ("the rules that firms must follow", "who should pay"). */
  relativeClause(cs: number): boolean {
    const b = cs - 1;
    if (b < 0) return false;
    const w = this.word(b);
    if (QUESTION_WORDS.has(w)) return true;
    if (w !== 'that') return false;
    const p = this.skipBackOverAdverbs(b - 1);
    if (p < 0) return false;
    const pw = this.word(p);
    // "said that", "so that", "clear that", ", that": a complement, not a relative clause.
    if (REPORTING_VERBS.has(pw) || CLAUSE_PUNCT.has(pw) || pw === 'so' || pw === 'is' || pw === 'was' || pw === 'but') return false;
    return this.isWord(p) && !/(?:ed|ing|ear|ain|ure|ent|ive|ant|ble|ous|ful)$/.test(pw);
  }

  span(from: number, to: number): Span | null {
    if (to <= from || from < 0 || to > this.length) return null;
    return { start: this.tokenStart(from), end: this.tokenEnd(to - 1) };
  }

  /** Trims quotation marks and clause punctuation from both ends of [from, to). */
  trimmed(from: number, to: number): [number, number] {
    while (from < to && (isQuoteMark(this.word(from)) || CLAUSE_PUNCT.has(this.word(from)))) from++;
    while (to > from && (isQuoteMark(this.word(to - 1)) || CLAUSE_PUNCT.has(this.word(to - 1)) || SENTENCE_PUNCT.has(this.word(to - 1)))) to--;
    return [from, to];
  }
}

/** Sentence views built on first use: most sentences of an article are never looked at closely. */
export class SentenceViews {
  /** Index of each sentence's first token; one past the last token at the end. */
  private readonly firstToken: Int32Array;
  private readonly cache: (SentenceView | undefined)[];

  constructor(readonly doc: Doc) {
    const n = doc.sentences.length;
    this.firstToken = new Int32Array(n + 1);
    this.cache = new Array(n);
    const sentenceOf = doc.tokenSentence;
    let t = 0;
    for (let s = 0; s < n; s++) {
      while (t < doc.tokenCount && sentenceOf[t] < s) t++;
      this.firstToken[s] = t;
    }
    this.firstToken[n] = doc.tokenCount;
  }

  get count(): number {
    return this.cache.length;
  }

  at(s: number): SentenceView {
    let view = this.cache[s];
    if (!view) {
      const first = this.firstToken[s];
      view = new SentenceView(this.doc, s, first, this.firstToken[s + 1] - first);
      this.cache[s] = view;
    }
    return view;
  }

  /** Index of the first token of sentence s; for s = count, the number of tokens. */
  firstTokenOf(s: number): number {
    return this.firstToken[s];
  }
}

export function isFirstPerson(w: string): boolean {
  return FIRST_PERSON.has(w);
}

/** The actor a token refers to: a listed mention, or a pronoun or role noun the cast can resolve. */
export function actorOfToken(cast: Cast, view: SentenceView, i: number): string | null {
  const start = view.tokenStart(i);
  const end = view.tokenEnd(i);
  const direct = cast.actorAt(start, end);
  if (direct) return direct;
  const w = view.word(i);
  if (SUBJECT_PRONOUNS.has(w) || OBJECT_PRONOUNS.has(w)) {
    if (w === 'it' || w === 'who' || isFirstPerson(w) || w === 'you') return null;
    return cast.resolve(start, end);
  }
  return null;
}

/**
 * The first actor referred to in [from, to), in reading order: a listed mention, a pronoun or a role
 * noun phrase ("the diplomat") the cast can resolve.
 */
/** Words after which a name still stands as a party ("the US and NATO", "the Kremlin to act"). */
const AFTER_PARTY = new Set([
  'to', 'and', 'or', 'of', 'for', 'from', 'in', 'on', 'at', 'by', 'with', 'that', 'which', 'who', 'not', 'never',
  'must', 'should', 'would', 'will', 'shall', 'can', 'could', 'may', 'might', 'has', 'have', 'had', 'is', 'are', 'was', 'were',
  'needs', 'need', 'itself', 'themselves', 'immediately', 'now', 'also',
]);

/**
 * A name between an article and a common noun modifies that noun ("the Bucharest summit", "a Geneva meeting"):
 * the place or body named is not the party a demand is addressed to.
 */
function isNounModifier(view: SentenceView, first: number, last: number): boolean {
  if (first === 0 || !ARTICLES.has(view.word(first - 1))) return false;
  const next = last + 1;
  return next < view.length && view.isWord(next) && !view.isCapitalised(next) && !AFTER_PARTY.has(view.word(next));
}

const actorTypes = new WeakMap<Cast, Map<string, string>>();

/** The type of actor `id` (the cast only grows, so a missing id refreshes the table). */
export function actorType(cast: Cast, id: string): string | undefined {
  let types = actorTypes.get(cast);
  if (!types || !types.has(id)) {
    types = new Map(cast.actors.map((a) => [a.id, a.type]));
    actorTypes.set(cast, types);
  }
  return types.get(id);
}

/**
 * The party a place only qualifies: a person within a few title words ("Vermont Sen. Bernie Sanders"), or
 * the body right after a possessive place ("Romania's Justice Ministry").
 */
function personAfterPlace(cast: Cast, view: SentenceView, from: number): string | null {
  const titles = gazetteer().titleWords;
  const possessive = from > 0 && /['’]s$/.test(view.tokenText(from - 1));
  for (let j = from; j < view.length && j < from + 5; j++) {
    const a = cast.actorAt(view.tokenStart(j), view.tokenEnd(j));
    if (a && (actorType(cast, a) === 'person' || (possessive && actorType(cast, a) === 'organization'))) return a;
    if (!view.isCapitalised(j) && view.word(j) !== '.') return null;
    if (!possessive && view.word(j) !== '.' && !titles.has(view.word(j).replace(/\.$/, ''))) return null;
  }
  return null;
}

/** The first party named in tokens [from, to) that a demand can be addressed to. */
export function addresseeIn(cast: Cast, view: SentenceView, from: number, to: number): string | null {
  return firstActorIn(cast, view, from, to, true);
}

export function firstActorIn(cast: Cast, view: SentenceView, from: number, to: number, skipNounModifiers = false): string | null {
  for (let i = Math.max(0, from); i < to && i < view.length; i++) {
    const a = cast.actorAt(view.tokenStart(i), view.tokenEnd(i));
    if (a) {
      let last = i;
      while (last + 1 < view.length && cast.actorAt(view.tokenStart(last + 1), view.tokenEnd(last + 1)) === a) last++;
      // "Vermont Sen. Bernie Sanders": a place before a title and a name only says where the person is from.
      const titled = actorType(cast, a) === 'location' ? personAfterPlace(cast, view, last + 1) : null;
      if (titled) return titled;
      if (!skipNounModifiers || !isNounModifier(view, i, last)) return a;
      i = last;
      continue;
    }
    const w = view.word(i);
    if (SUBJECT_PRONOUNS.has(w) || OBJECT_PRONOUNS.has(w)) {
      const r = actorOfToken(cast, view, i);
      if (r) return r;
    } else if ((w === 'the' || w === 'this') && view.isWord(i + 1) && !view.isCapitalised(i + 1)) {
      let e = i + 1;
      while (e + 1 < to && view.isWord(e + 1) && !view.isCapitalised(e + 1) && e - i < 3 && !REPORTING_VERBS.has(view.word(e + 1)) && !AUXILIARIES.has(view.word(e + 1))) e++;
      const r = cast.resolve(view.tokenStart(i), view.tokenEnd(e));
      if (r) return r;
    }
  }
  return null;
}

export { AUXILIARIES, BE_FORMS, CLAUSE_PUNCT, SENTENCE_PUNCT };
