/**
 * Demands: who asks, requires or urges whom to do, stop, give or refrain from what.
 *
 * Three kinds of evidence, checked clause by clause:
 * - directive cues with their frames ("urged Congress to act", "called for a ceasefire", "demanded that …");
 * - deontic statements attributed to a speaker ("X said Y must …", "“You should resign,” she told him",
 *   "it is mandatory that …"), never the reporter's own voice;
 * - ultimatums and headline forms ("X to Y: do Z", "X: ‘Be …’").
 * Assertions, refusals, self-commitments and questions are not demands.
 */
import type { Cast } from './cast';
import type { Doc } from './text';
import type { Demand, Quote, Span, TextSpan } from './types';
import { Attributor, type Attribution, type Party, partyIn } from './demand-attribution';
import { withPronounFallback } from './demand-referents';
import {
  actorOfToken,
  actorType,
  AUXILIARIES,
  BE_FORMS,
  CLAUSE_PUNCT,
  addresseeIn,
  firstActorIn,
  isFirstPerson,
  isQuoteMark,
  SentenceView,
  SentenceViews,
  SENTENCE_PUNCT,
} from './demand-clause';
import {
  ADDRESSED_REPORTING_VERBS,
  CUES_BY_FIRST_WORD,
  type Cue,
  DEONTIC_MODALS,
  IMPERATIVE_VERBS,
  MANDATIVE_ADJECTIVES,
  NEGATIONS,
  NON_COMPLEMENT_HEADS,
  NOUN_DETERMINERS,
  OBJECT_PRONOUNS,
  QUESTION_WORDS,
  REPORTING_VERBS,
  AUTHORING_VERBS,
  DOCUMENT_NOUNS,
  REQUEST_NOUNS,
  SUBJECT_PRONOUNS,
  SUPPORT_NOUNS,
  BASE_VERBS,
} from './demand-lexicon';

/** A demand found in one sentence, in token indices of that sentence. */
interface Finding {
  cueFrom: number;
  cueTo: number;
  contentFrom: number;
  /** End of the content when it is not the rest of the clause (token index, exclusive). */
  contentTo?: number;
  holder: Party;
  addressee: string | null;
}

const OBJECT_WINDOW = 16;
/** Longest opening prepositional phrase set aside before a subject, in tokens up to its comma ("In a letter to the International Monetary Fund,"). */
const MAX_OPENING_PHRASE = 10;
const OBJECT_STOPS = new Set(['.', ';', ':', '?', '!', 'that', 'about', 'because', 'after', 'before', 'when', 'while', 'if', 'whether', 'why', 'how', 'what', 'where', 'who', 'which', 'he', 'she', 'they', 'we', 'i', 'but']);
const PRESSURE_VERBS = new Set(['put', 'puts', 'putting', 'exert', 'exerts', 'exerted', 'exerting', 'applied', 'apply', 'applying', 'mount', 'mounting', 'increase', 'increased', 'increasing', 'ramp', 'ramped', 'ramping', 'stepped', 'step', 'piling', 'piled']);
const ARTICLE_LIKE = new Set(['the', 'a', 'an', 'and', 'or', 'accepted', 'rejected', 'to', 'by', 'of']);
const FUTURE_OR_POSSIBLE = new Set(['will', 'would', 'might', 'may', 'could', 'can', 'to', 'going', 'had', "'d"]);
const ADVERB_LIKE = new Set(['now', 'also', 'still', 'just', 'really', 'then', 'soon', 'probably', 'likely', 'certainly', 'not']);
const FINITE_AUXILIARIES = new Set(['has', 'have', 'had', 'is', 'are', 'was', 'were', 'will', 'would', 'can', 'could', 'does', 'did']);
/** An object never opens with these: "faces pressure from ISIS …" is no "pressure X to". */
const OBJECT_OPENING_STOPS = new Set(['from', 'with', 'by', 'at', 'in', 'of', 'on', 'over', 'after', 'before', 'during', 'since', 'as', 'than']);
const GIVE_FORMS = new Set(['give', 'gives', 'gave', 'given', 'giving', 'set', 'sets', 'setting']);
const DURATIONS = new Set(['hours', 'hour', 'days', 'day', 'weeks', 'week', 'months', 'month']);
const NOT_VERBS = new Set(['but', 'and', 'or', 'nor', 'yet', 'so', 'because', 'than', 'as', 'if', 'when', 'while', 'of', 'in', 'on', 'at', 'for', 'from', 'with', 'by']);
/** Verbs that with "to" state an obligation: "needs to", "has to", "got to". */
const NEED_TO_VERBS = new Set(['need', 'needs', 'has', 'have', 'got', 'gotta']);
/** After "I'd", "we'd": "I'd like you to …". */
const PREFERENCE_VERBS = new Set(['like', 'love', 'prefer']);
const PLURAL_PRONOUNS = new Set(['i', 'we', 'you', 'they', 'these', 'those']);
/** A word that can belong to a short subject noun phrase: letters, apostrophes and hyphens only. */
const NOUN_PHRASE_WORD = /^[\p{L}'-]+$/u;
const GERUND_CONTEXT = new Set(['of', 'in', 'on', 'for', 'about', 'at', 'without', 'most', 'more', 'less', 'very', 'so', 'too', 'increasingly']);
const MODAL_WORDS = new Set(['to', 'must', 'should', 'will', 'would', 'can', 'could', 'may', 'might', "'ll", "'d", 'not']);
const EPISTEMIC_ADVERBS = new Set(['probably', 'likely', 'perhaps', 'maybe', 'surely', 'certainly']);
/** Imperatives a headline addresses to its readers ("Look at …", "Watch: …"), not demands of a party. */
const READER_IMPERATIVES = new Set(['look', 'watch', 'see', 'read', 'meet', 'check', 'please', 'listen', 'think', 'remember']);
const DISCOURSE_PARTICIPLES = new Set(['noted', 'said', 'stressed', 'emphasized', 'emphasised', 'remembered', 'pointed', 'mentioned', 'added', 'recalled', 'acknowledged', 'admitted', 'understood', 'clear']);
const COGNITION_VERBS = new Set(['know', 'understand', 'see', 'hear', 'feel', 'remember', 'realize', 'realise', 'appreciate', 'recognize', 'think', 'believe']);
const COORDINATORS = new Set(['and', 'but', 'then', 'or']);
const SUBORDINATORS = new Set(['when', 'after', 'because', 'while', 'since', 'before', 'as', 'once', 'until', 'although', 'though']);
const INTRODUCTORY_PREPOSITIONS = new Set(['in', 'on', 'at', 'after', 'before', 'during', 'since', 'from', 'with', 'for', 'last', 'earlier', 'later', 'meanwhile']);
/** Words that open a relative clause or an apposition after a subject and a comma. */
const APPOSITION_OPENERS = new Set(['who', 'whose', 'which', 'a', 'an', 'the', 'his', 'her', 'its', 'their', 'like', 'including']);
const RELATIVE_PRONOUNS = new Set(['who', "who's", 'which', 'that']);
const PARTICLES = new Set(['in', 'up', 'out', 'off', 'back', 'down', 'over', 'away', 'around']);
const NP_STOPS = new Set(['to', 'that', 'for', 'on', 'with', 'by', 'from', 'at', 'in', 'and', 'or', 'but', 'as', 'about', 'if', 'whether', 'because', 'when', 'while', 'so', 'of', 'he', 'she', 'they', 'we', 'i', 'you', 'there', 'anonymity', 'is', 'was', 'are', 'were', 'be', 'will', 'would']);

export function findDemands(doc: Doc, castOfDoc: Cast, quotes: Quote[]): Demand[] {
  const cast = withPronounFallback(castOfDoc, doc.text, quotes);
  const views = new SentenceViews(doc);
  const attributor = new Attributor(cast, views, quotes);
  // By paragraph index: whether it is part of the story (body or headline).
  const story: boolean[] = [];
  for (const p of doc.paragraphs) if (p.kind === 'body' || p.kind === 'headline') story[p.index] = true;
  const firstParagraph = doc.paragraphs.length ? doc.paragraphs[0].index : -1;
  const out: Demand[] = [];
  for (let s = 0; s < views.count; s++) {
    const paragraph = doc.sentences[s].paragraph;
    if (story[paragraph] !== true && paragraph !== firstParagraph) continue;
    if (!hasTrigger(doc, views.firstTokenOf(s), views.firstTokenOf(s + 1))) continue;
    const view = views.at(s);
    const finder = new SentenceDemands(view, views, cast, attributor, paragraph === firstParagraph);
    const found = finder.find();
    if (!found) continue;
    const content = view.trimmed(found.contentFrom, found.contentTo ?? contentEnd(view, found.contentFrom));
    if (!onlyCopula(view, content)) out.push(toDemand(doc, view, found, content));
  }
  return out;
}

/**
 * "…where we want it to be", "…what they need it to be": the complement of "be" was moved out of the clause,
 * so nothing is asked for, whatever the verb.
 */
function onlyCopula(view: SentenceView, [from, to]: [number, number]): boolean {
  if (from >= to || view.word(from) !== 'be') return false;
  const next = view.word(from + 1);
  return from + 1 >= to || next === ',' || SENTENCE_PUNCT.has(next) || (isQuoteMark(next) && closingMark(view, from + 1));
}

/** Words a trailing attribution's subject may take before its verb: after a comma, and after a closing quotation mark. */
const MAX_TAIL_SUBJECT = 4;
const MAX_TAIL_SUBJECT_AFTER_QUOTE = 8;
/** Words that open a described subject after a quotation ("…,” the party's deputy leader said). */
const TAIL_SUBJECT_OPENERS = new Set(['the', 'a', 'an', 'his', 'her', 'their', 'its', 'our', 'this', 'that', 'these', 'those']);

/** Words without which a sentence cannot hold a demand: a quick filter before any clause analysis. */
const TRIGGERS: ReadonlySet<string> = new Set([
  ...CUES_BY_FIRST_WORD.keys(),
  ...DEONTIC_MODALS,
  ...MANDATIVE_ADJECTIVES,
  ...ADDRESSED_REPORTING_VERBS,
  'gotta', 'threaten', 'threatens', 'threatened', 'threatening', ':',
  'give', 'gives', 'gave', 'given', 'giving', 'set', 'sets', 'setting',
]);

/** "has"/"have"/"got" only count before "to" ("has to leave"). */
const HAVE_LIKE = new Set(['has', 'have', 'got', 'Has', 'Have', 'Got']);

function hasTrigger(doc: Doc, from: number, to: number): boolean {
  const { forms, folds, formOf } = doc;
  // Each test below first reads the folded form, which every token text meeting it folds to: the folded forms
  // are a few thousand shared strings, cheaper to look up than every token's own text.
  for (let t = from; t < to; t++) {
    const form = formOf[t];
    const folded = folds[form];
    if (TRIGGERS.has(folded)) {
      const text = forms[form];
      if (TRIGGERS.has(text)) return true;
      const c = text.charCodeAt(0);
      // Only capitalised words and typographic apostrophes need folding before the lookup.
      if ((c >= 65 && c <= 90) || text.includes('’')) return true;
    }
    if ((folded === 'has' || folded === 'have' || folded === 'got') && HAVE_LIKE.has(forms[form]) && t + 1 < to && forms[formOf[t + 1]] === 'to') return true;
    // "'d", "’d" or "'D" at the end ("we'd", "You’d"), tested by character code: this runs for every token.
    const f = folded.length;
    if (f >= 2 && folded.charCodeAt(f - 1) === 100 && folded.charCodeAt(f - 2) === 39) {
      const text = forms[form];
      const n = text.length;
      const last = text.charCodeAt(n - 1);
      if (n >= 2 && (last === 100 ? text.charCodeAt(n - 2) === 39 || text.charCodeAt(n - 2) === 0x2019 : last === 68 && text.charCodeAt(n - 2) === 39)) return true;
    }
  }
  return false;
}

/** The demand a finding describes; `[cf, ct]` is its content, trimmed, in sentence token indices. */
function toDemand(doc: Doc, view: SentenceView, f: Finding, [cf, ct]: [number, number]): Demand {
  const cueSpan = view.span(f.cueFrom, f.cueTo);
  const contentSpan = view.span(cf, ct);
  return {
    start: view.start,
    end: view.end,
    text: doc.text.slice(view.start, view.end),
    holder: f.holder.actor,
    ...(f.holder.text ? { holder_text: f.holder.text } : {}),
    addressee: f.addressee,
    cue: cueSpan ? textSpan(doc, cueSpan) : null,
    content: contentSpan ? textSpan(doc, contentSpan) : null,
  };
}

/**
 * Where the content of a demand ends: at a semicolon, or before a trailing attribution
 * ("…,” he said", "…, said Smith", "…, the envoy said").
 */
function contentEnd(view: SentenceView, from: number): number {
  for (let j = from; j < view.length; j++) {
    const w = view.word(j);
    if (w === ';') return j;
    if (w !== ',' && !(isQuoteMark(w) && closingMark(view, j))) continue;
    let k = j + 1;
    while (k < view.length && isQuoteMark(view.word(k))) k++;
    // A reporting verb within the next few words, with nothing but its subject in between: after a closing
    // quotation mark the subject may be a long description ("…,” Mexican senior economist Aisha Ulaberg said).
    const opensSubject = view.isCapitalised(k) || TAIL_SUBJECT_OPENERS.has(view.word(k));
    const reach = (k > j + 1 || isQuoteMark(w)) && opensSubject ? MAX_TAIL_SUBJECT_AFTER_QUOTE : MAX_TAIL_SUBJECT;
    for (let m = k; m < Math.min(view.length, k + reach); m++) {
      if (view.reportingVerb(m)) return j;
      if (!view.isWord(m) || CUES_BY_FIRST_WORD.has(view.word(m)) || DEONTIC_MODALS.has(view.word(m))) break;
    }
  }
  return view.length;
}

/** A quotation mark that closes: it follows the quoted text without a space. */
function closingMark(view: SentenceView, j: number): boolean {
  const start = view.tokenStart(j);
  return start > 0 && !/\s/.test(view.doc.text.charAt(start - 1));
}

function textSpan(doc: Doc, s: Span): TextSpan {
  return { start: s.start, end: s.end, text: doc.text.slice(s.start, s.end) };
}

class SentenceDemands {
  constructor(
    private readonly v: SentenceView,
    private readonly views: SentenceViews,
    private readonly cast: Cast,
    private readonly attributor: Attributor,
    private readonly headline: boolean,
  ) {}

  /** Folded text of token i of the sentence, or '' outside it. */
  private word(i: number): string {
    return this.v.word(i);
  }

  /** True when one of the tokens [from, to) is the word `w`. */
  private hasWordIn(w: string, from: number, to: number): boolean {
    for (let j = from; j < to; j++) if (this.word(j) === w) return true;
    return false;
  }

  /** True when one of the tokens [from, to) is a first-person pronoun. */
  private hasFirstPersonIn(from: number, to: number): boolean {
    for (let j = from; j < to; j++) if (isFirstPerson(this.word(j))) return true;
    return false;
  }

  find(): Finding | null {
    if (this.v.isQuestion) return null;
    const found = this.headlineForm() ?? this.directiveCue() ?? this.ultimatum() ?? this.deontic();
    // "Paul Ryan: Decision needs more scrutiny": what follows a headline's named prefix is that person's demand,
    // unless a name of its own opens it ("Limbaugh: Clinton asking moderator to …").
    const colon = this.headline && found ? this.v.indexOfWord(':') : -1;
    if (found && colon > 0 && colon < found.cueFrom && this.allActorTokens(0, colon) && !this.allActorTokens(colon + 1, found.cueFrom)) {
      const named = this.headlineColon(found.cueFrom);
      if (named) found.holder = named;
    }
    return found;
  }

  // ---- directive cues -------------------------------------------------------------------------

  private directiveCue(): Finding | null {
    for (let i = 0; i < this.v.length; i++) {
      const entries = CUES_BY_FIRST_WORD.get(this.word(i));
      let found: Finding | null = null;
      if (entries) {
        for (const { words, cue } of entries) {
          if (!this.wordsAt(i, words)) continue;
          found = this.tryCue(i, cue);
          if (found) break;
        }
      } else if (PREFERENCE_VERBS.has(this.word(i + 1)) && this.word(i).endsWith("'d")) {
        found = this.tryCue(i + 1, { lemma: 'would like', length: 1, frames: new Set(['objTo']), nounLike: false, noun: false, needsActorSubject: false });
        if (found) found.cueFrom = i;
      }
      if (found) return found;
    }
    return null;
  }

  /** True when the tokens from i on are `words`. */
  private wordsAt(i: number, words: readonly string[]): boolean {
    for (let k = 0; k < words.length; k++) if (this.word(i + k) !== words[k]) return false;
    return true;
  }

  private tryCue(i: number, cue: Cue): Finding | null {
    const v = this.v;
    const after = i + cue.length;
    const titleVerb = v.titleCase && v.isCapitalised(i) && i > 0;
    // Mid-sentence capitals make the word part of a name ("the Associated Press", "Call of Duty").
    if (v.isCapitalised(i) && i > v.skipQuotesForward(0) && !v.titleCase && !this.afterColon(i)) return null;
    // "can ask", "might urge": a possibility, not a demand made.
    if (['can', 'could', 'may', 'might'].includes(this.word(v.skipBackOverAdverbs(i - 1)))) return null;
    if (cue.nounLike && !titleVerb && (v.nounContext(i) || !this.verbEvidence(i))) return this.nounCue(i, cue);
    if (cue.noun) return this.nounCue(i, cue);
    if (v.negatedBefore(i) || this.inConditional(i)) return null;
    const gerund = this.word(i).endsWith('ing');
    // A gerund after a preposition or as a subject describes an activity, not a demand
    // ("consists of seeking compromises", "demanding equal pay makes …"); so does an adjective ("most pressing").
    if (gerund && GERUND_CONTEXT.has(v.word(v.skipBackOverAdverbs(i - 1)))) return null;
    if (gerund && !titleVerb && v.skipQuotesForward(v.clauseStart(i)) === i) return null;
    // "… that demanding equal pay makes …", "shouting loudly and demanding more": a gerund, not a finite verb.
    if (gerund && ['that', 'and', 'or'].includes(this.word(i - 1)) && !v.passiveBefore(i - 1)) return null;
    if (this.word(i - 1) === 'to' && this.negatedGoverningVerb(i - 1)) return null; // "never called a donor to ask for money"
    const pastParticiple = /(?:ed|ght|ld)$/.test(this.word(i));
    const passive = v.passiveBefore(i) && pastParticiple;
    // A reduced passive: "Clinton, pressed by the moderator to release …".
    if (pastParticiple && this.word(after) === 'by' && (cue.frames.has('objTo') || cue.frames.has('to'))) {
      for (let j = after + 2; j < Math.min(v.length, after + 10); j++) {
        if (CLAUSE_PUNCT.has(this.word(j)) || SENTENCE_PUNCT.has(this.word(j))) break;
        if (this.word(j) === 'to' && this.infinitiveAt(j + 1, false)) return this.passiveFinding(i, after, j + 1, after);
      }
    }
    for (const frame of cue.frames) {
      let match: { contentFrom: number; objFrom: number; objTo: number } | null = null;
      switch (frame) {
        case 'objTo':
          if (!passive) match = this.objectThenTo(after, cue.lemma === 'call');
          // "I want you to know …" addresses the audience; it asks nothing of it.
          if (match && cue.lemma.startsWith('w') && COGNITION_VERBS.has(this.word(v.skipQuotesForward(match.contentFrom)))) match = null;
          // "called the US to responsibility" needs a party as object; "pushed the mound to …" is physical.
          if (match && (cue.lemma === 'call' || cue.lemma === 'push') && !this.partyObject(match.objFrom, match.objTo, cue.lemma === 'push')) match = null;
          break;
        case 'to':
          if (passive && this.word(after) === 'to' && this.infinitiveAt(after + 1, false)) match = { contentFrom: after + 1, objFrom: -1, objTo: -1 };
          break;
        case 'that':
          if (this.word(after) === 'that' && after + 1 < v.length - 1) match = { contentFrom: after + 1, objFrom: -1, objTo: -1 };
          break;
        case 'thatDeontic':
          match = this.thatDeontic(after);
          break;
        case 'for':
          match = this.forPhrase(after, cue.lemma === 'press' || cue.lemma === 'ask');
          break;
        case 'onObj':
          // "is called on to resign" demands; "is called on it" (challenged) does not.
          if (!passive || this.word(after + 1) === 'to') match = this.onObject(after);
          break;
        case 'toObjTo':
          if (this.word(after) === 'to') {
            const m = this.objectThenTo(after + 1, false) ?? this.forPhrase(after + 1, true);
            if (m) match = { ...m, objFrom: after + 1 };
          }
          break;
        case 'np':
          if (!passive) match = this.nounPhrase(after);
          break;
        case 'npFrom':
          match = this.nounPhraseFrom(after);
          break;
        case 'requestNoun':
          match = this.requestNoun(after);
          break;
        case 'objImperative':
          match = this.objectThenImperative(after);
          break;
        case 'on':
          if (this.word(after) === 'on' && v.isWord(after + 1) && !NON_COMPLEMENT_HEADS.has(this.word(after + 1))) match = { contentFrom: after + 1, objFrom: -1, objTo: -1 };
          break;
      }
      if (!match) continue;
      if (passive) return this.passiveFinding(i, after, match.contentFrom);
      const holder = this.cueSubject(i);
      if (cue.needsActorSubject && !holder.actorSubject) return null;
      return {
        cueFrom: i,
        cueTo: after,
        contentFrom: match.contentFrom,
        holder,
        addressee: match.objFrom >= 0 ? addresseeIn(this.cast, v, match.objFrom, match.objTo) : this.fromParty(match.contentFrom),
      };
    }
    return null;
  }

  /**
   * Positive evidence that a form that can also be a noun ("call", "demands") is a verb here: a subject
   * pronoun, auxiliary, "to", relative pronoun, name, actor or plural noun right before it.
   */
  private verbEvidence(i: number): boolean {
    const v = this.v;
    const form = this.word(i);
    if ((form.endsWith('ed') && !form.endsWith('eed')) || form.endsWith('ing')) return true;
    const p = v.skipBackOverAdverbs(i - 1);
    if (p < 0) return false;
    const w = this.word(p);
    if (SUBJECT_PRONOUNS.has(w) || AUXILIARIES.has(w) || RELATIVE_PRONOUNS.has(w) || isFirstPerson(w) || w === 'you') return true;
    if (MODAL_WORDS.has(w) || w.endsWith("n't")) return true;
    if (v.isCapitalised(p) && p > 0) return true;
    if (this.cast.actorAt(v.tokenStart(p), v.tokenEnd(p))) return true;
    return w.length > 3 && w.endsWith('s') && !w.endsWith('ss') && !w.endsWith("'s") && v.isWord(p) && !form.endsWith('s');
  }

  private afterColon(i: number): boolean {
    const p = this.v.skipBackOverAdverbs(i - 1);
    return p >= 0 && (this.word(p) === ':' || this.word(p) === '—');
  }

  /** True when the verb governing an infinitive at `to` is negated ("never called a donor to ask"). */
  private negatedGoverningVerb(to: number): boolean {
    for (let j = to - 1; j >= 0 && j >= to - 8; j--) {
      const w = this.word(j);
      if (CLAUSE_PUNCT.has(w) || SENTENCE_PUNCT.has(w)) return false;
      if (NEGATIONS.has(w) || w.endsWith("n't")) return true;
    }
    return false;
  }

  /** True when the cue sits in an "if"/"unless"/"whether" clause: a hypothetical, not a demand made. */
  private inConditional(i: number): boolean {
    for (let j = i - 1; j >= 0 && j >= i - 12; j--) {
      const w = this.word(j);
      if (CLAUSE_PUNCT.has(w) || SENTENCE_PUNCT.has(w)) return false;
      if (w === 'if' || w === 'unless' || w === 'whether') return true;
    }
    return false;
  }

  /** Noun cues: "Smith's demand that …", "at the request of X", "making a demand of X", "an ultimatum to X". */
  private nounCue(i: number, cue: Cue): Finding | null {
    const v = this.v;
    const next = v.skipQuotesForward(i + cue.length);
    const nw = this.word(next);
    if (v.negatedBefore(i)) return null;
    if (cue.lemma === 'request' && this.word(i - 1) === 'the' && this.word(i - 2) === 'at' && nw === 'of') {
      return { cueFrom: i, cueTo: i + 1, contentFrom: 0, holder: partyIn(this.cast, v, next + 1, Math.min(v.length, next + 6)), addressee: null };
    }
    if (cue.lemma === 'pressure' && nw === 'on' && [1, 2, 3, 4].some((k) => PRESSURE_VERBS.has(this.word(i - k)))) {
      const e = Math.min(v.length, next + 6);
      const addressee = addresseeIn(this.cast, v, next + 1, e);
      if (addressee || OBJECT_PRONOUNS.has(this.word(next + 1))) return { cueFrom: i, cueTo: i + 1, contentFrom: next + 1, holder: this.cueSubject(i), addressee };
    }
    // "Trump's calls", "Trump's repeated calls": the possessive may stand one modifier before the noun.
    const isPossessive = (k: number): boolean => k >= 0 && this.word(k).endsWith("'s") && !['it\'s', 'that\'s', 'there\'s', 'he\'s', 'she\'s'].includes(this.word(k));
    const owner = isPossessive(i - 1) ? i - 1 : v.isWord(i - 1) && !v.isCapitalised(i - 1) && isPossessive(i - 2) ? i - 2 : -1;
    const possessor = owner >= 0;
    const made = ['make', 'makes', 'made', 'making', 'issue', 'issues', 'issued', 'issuing', 'deliver', 'delivered', 'repeated', 'renewed', 'presented', 'sent', 'gave', 'give', 'set'];
    let verb = -1;
    for (let k = i - 1; k >= Math.max(0, i - 4) && verb < 0; k--) if (made.includes(this.word(k))) verb = k;
    const complement = nw === 'that' || nw === 'to' || nw === 'for' || nw === 'of' || cue.noun;
    if (!complement || (!possessor && verb < 0)) return null;
    if (nw === 'for' && NON_COMPLEMENT_HEADS.has(v.word(next + 1))) return null;
    const holder = possessor ? this.possessor(owner) : this.cueSubject(verb >= 0 ? verb : i);
    return { cueFrom: i, cueTo: i + cue.length, contentFrom: next + 1, holder, addressee: this.fromParty(next) };
  }

  /** The actor of a possessive noun phrase ending at token p ("the George W. Bush administration's"). */
  private possessor(p: number): Party {
    let from = p;
    while (from > 0 && p - from < 6 && (this.v.isCapitalised(from - 1) || (this.word(from - 1) === '.' && this.v.isCapitalised(from - 2)))) from--;
    return partyIn(this.cast, this.v, from, p + 1);
  }

  /** A passive cue ("was urged by X to …"): the agent after "by" holds the demand; the subject receives it. */
  private passiveFinding(i: number, after: number, contentFrom: number, agentFrom = contentFrom): Finding {
    const v = this.v;
    let holder: Party = { actor: null, text: null };
    for (let j = agentFrom; j + 1 < v.length; j++) {
      if (this.word(j) === 'by') {
        let e = j + 1;
        while (e < v.length && e < j + 8 && !CLAUSE_PUNCT.has(this.word(e)) && !SENTENCE_PUNCT.has(this.word(e)) && this.word(e) !== 'to') e++;
        holder = partyIn(this.cast, v, j + 1, e);
        break;
      }
    }
    const cs = v.clauseStart(i);
    return { cueFrom: i, cueTo: after, contentFrom, holder, addressee: addresseeIn(this.cast, v, cs, i) };
  }

  /**
   * The subject of a cue verb: "I"/"we"/"you" in a quotation is its speaker; a relative pronoun stands for
   * its antecedent; otherwise the noun phrase before the verb (after an introductory phrase, before an
   * apposition), or the first actor of the clause.
   */
  private cueSubject(i: number): Party & { actorSubject: boolean } {
    const v = this.v;
    const q = this.attributor.quoteAt(v.tokenStart(i), true);
    const p = v.skipBackOverAdverbs(i - 1, true);
    // A coordinated verb ("tweeted that … and encouraged Americans to") shares the sentence's subject.
    const coordinated = COORDINATORS.has(this.word(p));
    let cs = coordinated ? 0 : v.clauseStart(i);
    if (q) while (cs < i && v.tokenStart(cs) < q.start) cs++;
    const speaker = (): Party => (q ? this.attributor.quoteSpeaker(q) : { actor: null, text: null });
    // "“Let the UN advise them to …”": whoever says "let" is the one asking.
    if (q && this.word(v.skipQuotesForward(cs)) === 'let') return { ...speaker(), actorSubject: true };
    if (p >= cs && p >= 0) {
      const w = this.word(p);
      if (isFirstPerson(w) || w === 'you') return { ...speaker(), actorSubject: true };
      if (RELATIVE_PRONOUNS.has(w)) return this.antecedent(p, cs);
      if (w === 'it') {
        const reported = this.reportedSubject(p);
        if (reported) return reported;
      }
      if (SUBJECT_PRONOUNS.has(w) && w !== 'it') return this.reportedSubject(p) ?? { actor: actorOfToken(this.cast, v, p), text: v.tokenText(p), actorSubject: true };
    }
    // "In California, Clinton hopes to … and encourage": an opening prepositional phrase is not the subject.
    // "The crowd cheered when Trump spotted a sign and asked …": the second verb shares the subordinate clause's subject.
    if (coordinated) {
      const sub = this.subordinateSubject(cs, p);
      if (sub) return { ...sub, actorSubject: true };
    }
    if (coordinated) {
      let opener = cs;
      while (opener < i && COORDINATORS.has(this.word(opener))) opener++;
      const comma = INTRODUCTORY_PREPOSITIONS.has(this.word(opener)) ? this.v.indexOfWord(',', opener) : -1;
      if (comma > opener && comma <= opener + MAX_OPENING_PHRASE && comma < i) cs = comma + 1;
    }
    let segment: [number, number] = [cs, coordinated ? (SUBJECT_PRONOUNS.has(this.word(cs)) ? cs + 1 : this.nounPhraseEnd(cs)) : i];
    // "On Tuesday, his wife, Jane, called for": an opening prepositional phrase is set aside first.
    let lead = cs;
    if (!coordinated && p >= cs) {
      let comma = -1;
      for (let j = p; j >= cs; j--) {
        if (this.word(j) === ',') {
          comma = j;
          break;
        }
      }
      const opening = INTRODUCTORY_PREPOSITIONS.has(this.word(cs)) ? this.v.indexOfWord(',', cs) : -1;
      if (opening > cs && opening <= cs + MAX_OPENING_PHRASE && opening < comma) lead = opening + 1;
      const firstComma = this.v.indexOfWord(',', lead);
      // "Cruz, who won Texas, is calling for": the subject stands before a relative clause or apposition.
      const nounBeforeComma = firstComma > lead && this.nounPhraseEnd(lead) === firstComma;
      if (comma >= 0 && comma < p && nounBeforeComma && firstComma < comma && APPOSITION_OPENERS.has(this.word(firstComma + 1))) segment = [lead, firstComma];
      else if (comma >= 0 && comma < p) segment = [comma + 1, p + 1]; // "In July, the NAACP called for"
      else if (comma === p) segment = [lead, this.v.indexOfWord(',', lead)]; // "Smith, the mayor, urged"
      else segment = [cs, p + 1];
    }
    // A participle ("…, calling for", "… directors urging them") takes the clause's opening noun phrase.
    const participle = this.word(i).endsWith('ing') && !BE_FORMS.has(this.word(v.skipBackOverAdverbs(i - 1)));
    const whole = segment;
    if (participle) segment = [segment[0], this.nounPhraseEnd(segment[0])];
    const party = partyIn(this.cast, v, segment[0], segment[1]);
    if (!party.actor) {
      const author = this.documentAuthor(whole[0], whole[1]);
      if (author) return { ...author, actorSubject: true };
    }
    // "A group of 67 artists published a letter … and called on people": the coordinated verb's subject is that
    // noun phrase, not a name further on in the first verb's object.
    if (party.actor || ((participle || coordinated) && party.text)) return { ...party, actorSubject: party.actor !== null };
    const actor = firstActorIn(this.cast, v, lead, i) ?? (lead > cs ? firstActorIn(this.cast, v, cs, lead) : null);
    // Keep the segment's text only when it opens like a noun phrase ("Proponents, including X, urged").
    const text = this.nounPhraseEnd(segment[0]) > segment[0] ? party.text : null;
    if (actor) return { actor, text, actorSubject: true };
    if (q && !party.text) return { ...speaker(), actorSubject: false };
    return { ...party, actorSubject: false };
  }

  /** The subject named right after the last subordinator before `to` ("when Trump spotted"), when a verb follows it. */
  private subordinateSubject(from: number, to: number): Party | null {
    const v = this.v;
    for (let j = to - 1; j > from; j--) {
      if (CLAUSE_PUNCT.has(this.word(j)) || isQuoteMark(this.word(j))) return null;
      if (!SUBORDINATORS.has(this.word(j))) continue;
      const s = j + 1;
      const a = actorOfToken(this.cast, v, s);
      if (!a) return null;
      let e = s;
      while (e + 1 < to && this.cast.actorAt(v.tokenStart(e + 1), v.tokenEnd(e + 1)) === a) e++;
      const verb = this.word(e + 1);
      if (!v.isWord(e + 1) || v.isCapitalised(e + 1) || !/(?:ed|s)$/.test(verb) || NOUN_DETERMINERS.has(verb)) return null;
      return { actor: a, text: v.doc.text.slice(v.tokenStart(s), v.tokenEnd(e)) };
    }
    return null;
  }

  /**
   * "Most voters said they want …", "Smith told reporters he wants …": a pronoun opening the clause reported
   * by a verb stands for that verb's subject when they agree ("they" a group, "he"/"she" a person).
   */
  private reportedSubject(p: number): (Party & { actorSubject: boolean }) | null {
    const v = this.v;
    let r = p - 1;
    if (this.word(r) === 'that') {
      // "disclosed in court that it asked": the reporting verb may stand a few words before "that".
      r--;
      while (r > 0 && r >= p - 6 && !v.reportingVerb(r) && v.isWord(r)) r--;
    }
    // "told reporters he": the addressee of a telling verb sits between it and the clause.
    if (r >= 1 && !v.reportingVerb(r) && ADDRESSED_REPORTING_VERBS.has(this.word(r - 1))) r--;
    if (r < 0 || !v.reportingVerb(r)) return null;
    const subject = this.attributor.verbSubject(v, r, 0);
    if (!subject.text) return null;
    const pronoun = this.word(p);
    const type = subject.actor !== null ? actorType(this.cast, subject.actor) : undefined;
    const person = type === 'person';
    if (pronoun === 'it') return type === 'organization' || type === 'location' ? { ...subject, actorSubject: true } : null;
    if (pronoun === 'they' ? person && !/\sand\s/.test(subject.text) : !person) return null;
    return { ...subject, actorSubject: subject.actor !== null };
  }

  /**
   * "X wrote an op-ed urging …", "The museum issued a statement. The statement urged …": a document asks
   * what its author asks. The author is the subject of the verb that issued it, in this sentence or in one of
   * the three before it that names the same kind of document.
   */
  private documentAuthor(from: number, to: number): Party | null {
    let head = to - 1;
    while (head >= from && !DOCUMENT_NOUNS.has(this.word(head))) head--;
    if (head < from) return null;
    const here = this.authorOf(this.v, head);
    if (here) return here;
    for (let s = this.v.index - 1; s >= 0 && s >= this.v.index - 3; s--) {
      const prev = this.views.at(s);
      const k = prev.indexOfWord(this.word(head));
      if (k < 0) continue;
      return this.authorOf(prev, k);
    }
    return null;
  }

  /** The subject of an authoring verb ("issued", "wrote") shortly before the document noun at k. */
  private authorOf(view: SentenceView, k: number): Party | null {
    for (let j = k - 1; j >= 0 && k - j <= 5; j--) {
      if (!AUTHORING_VERBS.has(view.word(j))) continue;
      const actor = firstActorIn(this.cast, view, 0, j);
      if (!actor) return null;
      // The subject's text: after an introductory phrase ("Days later, the museum issued"), before an aside ("Cruz, by contrast, wrote").
      const cs = view.clauseStart(j);
      const firstComma = view.indexOfWord(',', cs);
      const lastComma = view.lastIndexOfWord(',', j);
      const inner = lastComma >= cs ? partyIn(this.cast, view, lastComma + 1, j) : null;
      const text = inner?.actor === actor ? inner.text : partyIn(this.cast, view, cs, firstComma >= cs && firstComma < j ? firstComma : j).text;
      return { actor, text };
    }
    return null;
  }

  /** "Clinton — who's called for …", "a clause that requires …": the noun phrase before the relative pronoun. */
  private antecedent(p: number, cs: number): Party & { actorSubject: boolean } {
    const v = this.v;
    let end = p;
    while (end > cs && (CLAUSE_PUNCT.has(this.word(end - 1)) || isQuoteMark(this.word(end - 1)))) end--;
    let start = end;
    while (start > cs && end - start < 6 && v.isWord(start - 1) && !ARTICLE_LIKE.has(this.word(start - 1))) start--;
    if (start > cs && ['the', 'a', 'an'].includes(this.word(start - 1))) start--;
    const party = partyIn(this.cast, v, start, end);
    // "X is releasing an ad that urges voters to …": the document speaks for its author.
    const author = party.actor ? null : this.documentAuthor(start, end);
    if (author) return { ...author, actorSubject: true };
    return { ...party, actorSubject: party.actor !== null };
  }

  /** End of the noun phrase opening at `from`: before the first verb-like word, number or punctuation. */
  private nounPhraseEnd(from: number): number {
    const v = this.v;
    let j = from;
    while (j < v.length && j - from < 10) {
      const w = this.word(j);
      // "Mrs. Clinton": the period of a title abbreviation stays inside the noun phrase.
      if (w === '.' && j > from && v.isCapitalised(j - 1) && this.word(j - 1).length <= 4 && v.tokenStart(j) === v.tokenEnd(j - 1)) {
        j++;
        continue;
      }
      if ((!v.isWord(j) && !v.isNumber(j)) || AUXILIARIES.has(w) || REPORTING_VERBS.has(w) || CUES_BY_FIRST_WORD.has(w) || (w.endsWith('ed') && !v.isCapitalised(j))) break;
      if (w.endsWith('ly') && !v.isCapitalised(j)) break;
      j++;
    }
    return j;
  }

  /** The party after "from" or "of" in the content: "demanded guarantees from the US". */
  private fromParty(from: number): string | null {
    const v = this.v;
    for (let j = from; j < v.length - 1; j++) {
      const w = this.word(j);
      if (SENTENCE_PUNCT.has(w)) break;
      if (w === 'from' || w === 'of') {
        let e = j + 1;
        while (e < v.length && e < j + 8 && !CLAUSE_PUNCT.has(this.word(e)) && !SENTENCE_PUNCT.has(this.word(e))) e++;
        const a = firstActorIn(this.cast, v, j + 1, e);
        if (a) return a;
      }
    }
    return null;
  }

  // ---- frames -----------------------------------------------------------------------------------

  /** A plausible verb after "to": a lower-case word that is not a determiner or pronoun (title case in headlines). */
  private infinitiveAt(j: number, allowNounPhrase: boolean): boolean {
    const v = this.v;
    j = v.skipQuotesForward(j);
    if (!v.isWord(j)) return false;
    const w = this.word(j);
    if (!allowNounPhrase && (NOUN_DETERMINERS.has(w) || OBJECT_PRONOUNS.has(w) || SUBJECT_PRONOUNS.has(w))) return false;
    if (NOT_VERBS.has(w)) return false; // "wants it to but …": an elided verb
    // "access to firearms": a noun after "to" (plural or with a noun suffix), not an infinitive.
    if (!allowNounPhrase && (/(?:tion|ment|ness|ity|ism)s?$/.test(w) || (w.endsWith('s') && !/(?:ss|us|is)$/.test(w)))) return false;
    if (v.isCapitalised(j) && !this.headline && !allowNounPhrase && !v.titleCase) return false;
    return true;
  }

  /**
   * "VERB object to do": the object runs up to the first "to" before a verb. With `goal`, the "to" must
   * instead open a noun phrase ("called the US to the maximum responsibility") and the object stays short.
   */
  private objectThenTo(from: number, goal: boolean): { contentFrom: number; objFrom: number; objTo: number } | null {
    const v = this.v;
    if (this.word(from) === 'to' || !v.isWord(v.skipQuotesForward(from)) || PARTICLES.has(this.word(from))) return null;
    const window = goal ? 6 : OBJECT_WINDOW;
    if (OBJECT_OPENING_STOPS.has(this.word(from)) || OBJECT_STOPS.has(this.word(from))) return null;
    for (let j = from + 1; j < Math.min(v.length, from + window); j++) {
      const w = this.word(j);
      if (OBJECT_STOPS.has(w) || REPORTING_VERBS.has(w) || FINITE_AUXILIARIES.has(w)) return null;
      if (w === 'to' && NON_COMPLEMENT_HEADS.has(this.word(j - 1))) return null; // "asked the question to …": a purpose clause
      if (w === 'and' && /ed$/.test(this.word(j + 1))) return null; // "called X … and referred to": a second verb
      // Another verb ("wants the votes and X wants to …") or a list of infinitives ("to challenge it, to bring").
      if (CUES_BY_FIRST_WORD.has(w) && !v.isCapitalised(j) && !NOUN_DETERMINERS.has(this.word(j - 1))) return null;
      // ", to" closes an apposition ("Holt, the moderator, to") or, with no comma before it, ends a list item.
      if (DEONTIC_MODALS.has(w) || (w === ',' && this.word(j + 1) === 'to' && !this.hasWordIn(',', from, j))) return null;
      if (goal && isQuoteMark(w)) return null;
      // "told reporters, “it starts to pay off”": a quotation opening after a comma is what was said, not an object.
      if (isQuoteMark(w) && (this.word(j - 1) === ',' || this.word(j - 1) === ':')) return null;
      if (w !== 'to') continue;
      if (goal ? this.goalAt(j + 1) : this.infinitiveAt(j + 1, false)) return { contentFrom: j + 1, objFrom: from, objTo: j };
    }
    return null;
  }

  private goalAt(j: number): boolean {
    const w = this.word(j);
    return isQuoteMark(w) || w === 'the' || w === 'a' || w === 'an';
  }

  /** True when [from, to) names a party: an actor, a pronoun, or (when allowed) a plural noun ("voters"). */
  private partyObject(from: number, to: number, allowPlural: boolean): boolean {
    if (firstActorIn(this.cast, this.v, from, to)) return true;
    for (let j = from; j < to; j++) {
      const w = this.word(j);
      if (OBJECT_PRONOUNS.has(w) && w !== 'it') return true;
      if (allowPlural && w.length > 3 && w.endsWith('s') && !w.endsWith('ss') && this.v.isWord(j)) return true;
    }
    return false;
  }

  private forPhrase(from: number, allowObject: boolean): { contentFrom: number; objFrom: number; objTo: number } | null {
    const v = this.v;
    let f = from;
    if (this.word(f) !== 'for' && allowObject) {
      for (let j = from; j < Math.min(v.length, from + 5); j++) {
        if (OBJECT_STOPS.has(this.word(j)) || CLAUSE_PUNCT.has(this.word(j))) break;
        if (this.word(j) === 'for') {
          f = j;
          break;
        }
      }
    }
    if (this.word(f) !== 'for') return null;
    const head = v.skipQuotesForward(f + 1);
    if (!v.isWord(head) || NON_COMPLEMENT_HEADS.has(this.word(head)) || SUBJECT_PRONOUNS.has(this.word(head))) return null;
    if (this.onlyPersonNamed(head)) return null;
    return { contentFrom: f + 1, objFrom: f > from ? from : -1, objTo: f };
  }

  /**
   * "Texas was called for Ted Cruz", "they rooted for Smith": a person's bare name after "for" is whom
   * something favours, not what is demanded ("called for Smith's resignation", "for Smith to resign" are demands).
   */
  private onlyPersonNamed(head: number): boolean {
    const v = this.v;
    const a = this.cast.actorAt(v.tokenStart(head), v.tokenEnd(head));
    if (!a || actorType(this.cast, a) !== 'person') return false;
    let last = head;
    while (last + 1 < v.length && this.cast.actorAt(v.tokenStart(last + 1), v.tokenEnd(last + 1)) === a) last++;
    const next = this.word(last + 1);
    return !this.word(last).endsWith("'s") && next !== 'to' && next !== "'s" && !/^[a-z]+ing$/.test(next);
  }

  private onObject(from: number): { contentFrom: number; objFrom: number; objTo: number } | null {
    if (this.word(from) !== 'on' && this.word(from) !== 'upon') return null;
    const v = this.v;
    const to = this.objectThenTo(from + 1, false);
    if (to) return to;
    // The object may carry a relative clause or an aside: "called on others who … -- including X -- to return it".
    for (let j = from + 2; j < Math.min(v.length, from + 26); j++) {
      const w = this.word(j);
      if (SENTENCE_PUNCT.has(w) || w === ':') break;
      if (w === 'to' && this.infinitiveAt(j + 1, false)) return { contentFrom: j + 1, objFrom: from + 1, objTo: j };
    }
    let e = from + 1;
    while (e < v.length && e < from + 8 && !CLAUSE_PUNCT.has(this.word(e)) && !SENTENCE_PUNCT.has(this.word(e))) e++;
    const who = firstActorIn(this.cast, v, from + 1, e);
    const pronoun = OBJECT_PRONOUNS.has(this.word(from + 1));
    if (!who && !pronoun) return null;
    return { contentFrom: e, objFrom: from + 1, objTo: e };
  }

  private nounPhrase(from: number): { contentFrom: number; objFrom: number; objTo: number } | null {
    const v = this.v;
    const j = v.skipQuotesForward(from);
    if (!v.isWord(j) || NP_STOPS.has(this.word(j)) || REPORTING_VERBS.has(this.word(j))) return null;
    return { contentFrom: j, objFrom: -1, objTo: -1 };
  }

  private nounPhraseFrom(from: number): { contentFrom: number; objFrom: number; objTo: number } | null {
    const v = this.v;
    if (!this.nounPhrase(from)) return null;
    if (this.word(from).endsWith('ly')) return null;
    for (let j = from + 1; j < Math.min(v.length, from + 10); j++) {
      const w = this.word(j);
      if (OBJECT_STOPS.has(w) || CLAUSE_PUNCT.has(w) || w === 'to') return null;
      if (w === 'from') return { contentFrom: from, objFrom: j + 1, objTo: Math.min(v.length, j + 6) };
    }
    return null;
  }

  private requestNoun(from: number): { contentFrom: number; objFrom: number; objTo: number } | null {
    const v = this.v;
    for (let j = from, k = 0; j < v.length && k < 4; j++) {
      const w = this.word(j);
      if (isQuoteMark(w)) continue;
      if (REQUEST_NOUNS.has(w)) return { contentFrom: from, objFrom: -1, objTo: -1 };
      // "needed help" states a need; "need help from Facebook" asks a party for it.
      if (SUPPORT_NOUNS.has(w)) return this.word(j + 1) === 'from' ? { contentFrom: from, objFrom: j + 2, objTo: Math.min(v.length, j + 8) } : null;
      if (!v.isWord(j) || NP_STOPS.has(w)) return null;
      k++;
    }
    return null;
  }

  private objectThenImperative(from: number): { contentFrom: number; objFrom: number; objTo: number } | null {
    const v = this.v;
    for (let j = from + 1; j < Math.min(v.length, from + 5); j++) {
      if (this.word(j) === ',') {
        const k = v.skipQuotesForward(j + 1);
        return IMPERATIVE_VERBS.has(this.word(k)) ? { contentFrom: k, objFrom: from, objTo: j } : null;
      }
      if (!v.isWord(j)) return null;
    }
    return null;
  }

  /** "insisted (to X) that …" only demands when the clause is deontic or subjunctive. */
  private thatDeontic(from: number): { contentFrom: number; objFrom: number; objTo: number } | null {
    const v = this.v;
    let t = from;
    if (this.word(t) === 'to') {
      while (t < v.length && t < from + 16 && this.word(t) !== 'that' && !SENTENCE_PUNCT.has(this.word(t))) t++;
    }
    if (this.word(t) !== 'that') return null;
    const end = this.clauseEnd(t + 1);
    for (let j = t + 1; j < end; j++) {
      const w = this.word(j);
      if (DEONTIC_MODALS.has(w) || MANDATIVE_ADJECTIVES.has(w)) return { contentFrom: t + 1, objFrom: from, objTo: t };
      if ((w === 'need' || w === 'needs') && (this.word(j + 1) === 'to' || this.requestNoun(j + 1))) return { contentFrom: t + 1, objFrom: from, objTo: t };
    }
    return this.subjunctiveAt(t + 1, end) ? { contentFrom: t + 1, objFrom: from, objTo: t } : null;
  }

  /**
   * A mandative subjunctive in the clause opening at `from`: a singular subject of up to four words and
   * then a bare verb ("that the witness answer", "that he resign", "that it be"), which an indicative
   * would inflect ("answers", "resigned", "is").
   */
  private subjunctiveAt(from: number, end: number): boolean {
    const v = this.v;
    for (let j = from + 1; j < Math.min(end, from + 5); j++) {
      if (!v.isWord(j) || !v.isWord(j - 1)) return false;
      const w = this.word(j);
      const subject = this.word(j - 1);
      if (AUXILIARIES.has(subject) || DEONTIC_MODALS.has(subject) || NEGATIONS.has(subject) || subject.endsWith("n't")) return false;
      if (w === 'be') return true;
      const pluralSubject = PLURAL_PRONOUNS.has(subject) || (subject.endsWith('s') && !/(?:ss|us|is)$/.test(subject));
      if (!pluralSubject && this.bareVerb(j)) return true;
      if (!NOUN_PHRASE_WORD.test(subject)) return false;
    }
    return false;
  }

  /** A lower-case word that can only be read as an uninflected verb here. */
  private bareVerb(j: number): boolean {
    const w = this.word(j);
    if (this.v.isCapitalised(j) || w.length < 2 || /(?:s|ed|ing|ly|'s)$/.test(w)) return false;
    if (IMPERATIVE_VERBS.has(w)) return w !== 'never' && w !== 'please' && w !== 'back';
    return BASE_VERBS.has(w);
  }

  private clauseEnd(from: number): number {
    let j = from;
    while (j < this.v.length && this.word(j) !== ';' && !(this.word(j) === ',' && this.word(j + 1) === 'but')) j++;
    return j;
  }

  // ---- deontic statements --------------------------------------------------------------------------

  private deontic(): Finding | null {
    const v = this.v;
    for (let i = 0; i < v.length; i++) {
      const kind = this.modalAt(i);
      if (!kind) continue;
      let cs = v.innerClauseStart(i);
      if (v.relativeClause(cs)) continue;
      // "said the aide who replaced him, Paul Manafort, should go": the subject ends in an apposition.
      if (this.word(cs - 1) === ',' && v.skipBackOverAdverbs(i - 1, true) < cs) {
        // "…, should the talks fail": a conditional inversion, the subject follows the modal.
        const next = this.word(i + 1);
        if (NOUN_DETERMINERS.has(next) || SUBJECT_PRONOUNS.has(next) || v.isCapitalised(i + 1)) continue;
        cs = v.clauseStart(i);
      }
      let subjectFrom = cs;
      while (subjectFrom < i && (isQuoteMark(this.word(subjectFrom)) || this.word(subjectFrom) === 'so' || this.word(subjectFrom) === 'then')) subjectFrom++;
      if (kind === 'modal') {
        if (subjectFrom >= i) continue; // "Should the talks fail, …": a conditional, not a demand.
        let h = v.skipBackOverAdverbs(i - 1, false);
        if (['does', 'do', 'did'].includes(this.word(h))) h--; // "there does need to be"
        if (this.word(h) === ',' && h > subjectFrom) h--; // the end of an apposition
        if (this.word(h) === '.' && v.isWord(h - 1)) h--; // "U.S. has to"
        const head = this.word(h);
        if (head === 'there' || this.hasFirstPersonIn(subjectFrom, i)) continue; // existential; self-commitment ("we all must")
        if (head === 'all' || this.word(subjectFrom) === 'all' || this.word(subjectFrom) === 'what') continue; // "all you need to do is …"
        if (EPISTEMIC_ADVERBS.has(this.word(i - 1))) continue; // "probably needs to": a guess
        // "it should be noted that …": a hedge, not an obligation.
        if (head === 'it' && this.word(i + 1) === 'be' && DISCOURSE_PARTICIPLES.has(this.word(i + 2))) continue;
        if (!v.isWord(h)) continue;
        // "the question should be why …": identity, not obligation.
        if (this.word(i + 1) === 'be' && QUESTION_WORDS.has(this.word(i + 2))) continue;
        if (['if', 'when', 'whether', 'unless'].includes(this.word(cs - 1))) continue;
      }
      if (this.deniedBefore(i)) continue;
      let attribution = this.attributor.attribute(v, i, subjectFrom);
      if (!attribution?.actor) attribution = this.headlineColon(i) ?? this.attributor.continuation(v) ?? attribution;
      if (!attribution) continue;
      if (attribution.verb >= 0 && NEGATIONS.has(this.word(attribution.verb - 1))) continue;
      const cueTo = kind === 'modal' && this.word(i + 1) === 'to' ? i + 2 : i + 1;
      // "… guarantees are an absolute imperative": what is demanded is the subject; "it is vital that …": the clause.
      const linked = kind === 'mandative' && this.word(i) === 'imperative' ? v.clauseStart(i) : -1;
      const nounImperative = linked >= 0 && this.word(linked) !== 'it' && linked < this.beFormBefore(i);
      let contentFrom = nounImperative ? linked : v.skipQuotesForward(cueTo);
      if (kind === 'mandative' && !nounImperative && this.word(contentFrom) === 'that') contentFrom++;
      return {
        cueFrom: i,
        cueTo,
        contentFrom,
        contentTo: nounImperative ? this.beFormBefore(i) : undefined,
        holder: attribution,
        addressee: kind === 'modal' ? addresseeIn(this.cast, v, subjectFrom, i) ?? this.addresseeOfTelling(attribution) : null,
      };
    }
    return null;
  }

  /** Index of the form of "be" linking a subject to the noun at i ("guarantees are an imperative"). */
  private beFormBefore(i: number): number {
    for (let j = i - 1; j >= Math.max(0, i - 5); j--) if (BE_FORMS.has(this.word(j))) return j;
    return i;
  }

  /** True when a negated reporting verb precedes token i: "I'm not saying she has to …". */
  private deniedBefore(i: number): boolean {
    for (let j = 0; j < i; j++) if (this.v.reportingVerb(j) && this.v.negatedBefore(j)) return true;
    return false;
  }

  /** "told Stumpf: 'You should …'": the object of an addressed reporting verb. */
  private addresseeOfTelling(a: Attribution): string | null {
    if (a.verb < 0 || !ADDRESSED_REPORTING_VERBS.has(this.word(a.verb))) return null;
    return firstActorIn(this.cast, this.v, a.verb + 1, Math.min(this.v.length, a.verb + 5));
  }

  /** 'modal' for must/should/ought/need to/has to/got to, 'mandative' for "it is mandatory that", "an imperative". */
  private modalAt(i: number): 'modal' | 'mandative' | null {
    const v = this.v;
    const w = this.word(i);
    const next = this.word(i + 1);
    if (DEONTIC_MODALS.has(w)) {
      const n = next === 'not' ? this.word(i + 2) : next;
      if (n === 'have' || n === "'ve") return null; // "should have": past, not a demand
      if (w.startsWith('ought') && next !== 'to' && !v.isWord(i + 1)) return null;
      return 'modal';
    }
    if (next === 'to' && NEED_TO_VERBS.has(w)) {
      if (!this.infinitiveAt(i + 2, false)) return null;
      if (v.nounContext(i)) return null; // "the need to act"
      if (v.negatedBefore(i)) return null; // "doesn't need to": no obligation
      const p = this.word(v.skipBackOverAdverbs(i - 1));
      // "will need to", "he'll now need to": a prediction, not an obligation.
      for (let k = 1; k <= 3 && i - k >= 0; k++) {
        const b = this.word(i - k);
        if (FUTURE_OR_POSSIBLE.has(b) || b.endsWith("'ll")) return null;
        if (!ADVERB_LIKE.has(b) && !b.endsWith('ly')) break;
      }
      if ((w === 'has' || w === 'have') && AUXILIARIES.has(p) && p !== 'also') return null;
      if (w === 'got' && !['have', "'ve", 'has', "'s", 'you', 'you\'ve', 'i\'ve', 'we\'ve', 'they\'ve', 'he\'s', 'she\'s', 'ya'].includes(p)) return null;
      return 'modal';
    }
    if (w === 'gotta') return 'modal';
    if (MANDATIVE_ADJECTIVES.has(w)) {
      let p = i - 1;
      for (let k = 0; k < 4 && p >= 0; k++, p--) {
        const pw = this.word(p);
        if (BE_FORMS.has(pw) || pw === 'remains' || pw === 'remain') break;
      }
      if (p < 0 || !BE_FORMS.has(this.word(p)) && this.word(p) !== 'remains' && this.word(p) !== 'remain') return null;
      if (v.negatedBefore(i)) return null;
      const noun = w === 'imperative' && ['an', 'absolute'].includes(this.word(v.skipBackOverAdverbs(i - 1)));
      // Adjectives demand only with a dummy subject ("it is vital that …"); "support is crucial for …" describes.
      const dummy = ["it's", "that's"].includes(this.word(p)) || ['it', 'this'].includes(this.word(v.skipBackOverAdverbs(p - 1)));
      if (!noun && !dummy) return null;
      const n = v.skipQuotesForward(i + 1);
      const nw = this.word(n);
      if (nw === 'that') return 'mandative';
      if (nw === 'to' && this.infinitiveAt(n + 1, false)) return 'mandative';
      if (nw === 'for') {
        // "an absolute imperative for Russia"; otherwise "necessary for us to act", not "vital for growth".
        if (noun) return 'mandative';
        for (let j = n + 1; j < Math.min(v.length, n + 8); j++) {
          if (this.word(j) === 'to' && this.infinitiveAt(j + 1, false)) return 'mandative';
          if (CLAUSE_PUNCT.has(this.word(j))) break;
        }
      }
      return null;
    }
    return null;
  }

  // ---- ultimatums and headline forms --------------------------------------------------------------------

  /**
   * Ultimatums: "threatened to … unless/if …", "gave X until Friday to …", and warnings addressed to a
   * party about what follows if it does not act ("told them he would … if they did not vote").
   */
  private ultimatum(): Finding | null {
    const deadline = this.deadline();
    if (deadline) return deadline;
    const v = this.v;
    let condition = -1;
    for (let i = 0; i < v.length; i++) {
      const w = this.word(i);
      if (w === 'unless' || w === 'otherwise' || (w === 'or' && this.word(i + 1) === 'else')) condition = i;
      else if (w === 'if') {
        for (let j = i + 1; j < Math.min(v.length, i + 8); j++) {
          const x = this.word(j);
          if (NEGATIONS.has(x) || x.endsWith("n't") || x === 'fail' || x === 'fails' || x === 'failed') {
            condition = i;
            break;
          }
          if (CLAUSE_PUNCT.has(x)) break;
        }
      }
      if (condition >= 0) break;
    }
    if (condition < 0) return null;
    for (let i = 0; i < condition; i++) {
      const w = this.word(i);
      const threat = w.startsWith('threat') && !v.nounContext(i);
      const addressed = ADDRESSED_REPORTING_VERBS.has(w) && !v.nounContext(i);
      if (!threat && !addressed) continue;
      if (v.negatedBefore(i)) return null;
      const subject = this.cueSubject(i);
      return { cueFrom: i, cueTo: i + 1, contentFrom: condition, holder: subject, addressee: addressedObject(this.cast, v, i) };
    }
    return null;
  }

  /** "gave the government until Sunday to …", "gave them 48 hours to …": a deadline set for a party. */
  private deadline(): Finding | null {
    const v = this.v;
    for (let i = 0; i < v.length; i++) {
      if (!GIVE_FORMS.has(this.word(i)) || v.negatedBefore(i)) continue;
      let limit = -1;
      for (let j = i + 1; j < Math.min(v.length, i + 8) && limit < 0; j++) {
        const w = this.word(j);
        if (w === 'until' || w === 'till' || w === 'deadline' || (DURATIONS.has(w) && v.isNumber(j - 1)) || (DURATIONS.has(w) && /^(?:a|an|one|two|three|four|five|six|seven|ten|several|few)$/.test(this.word(j - 1)))) limit = j;
        else if (CLAUSE_PUNCT.has(w) || SENTENCE_PUNCT.has(w)) break;
      }
      if (limit < 0) continue;
      for (let j = limit + 1; j < Math.min(v.length, limit + 8); j++) {
        if (this.word(j) === 'to' && this.infinitiveAt(j + 1, false)) {
          return { cueFrom: i, cueTo: limit + 1, contentFrom: j + 1, holder: this.cueSubject(i), addressee: addresseeIn(this.cast, v, i + 1, limit) };
        }
        if (CLAUSE_PUNCT.has(this.word(j)) || SENTENCE_PUNCT.has(this.word(j))) break;
      }
    }
    return null;
  }

  /** A headline's "X: …" prefix as the speaker of what follows the colon. */
  private headlineColon(i: number): Attribution | null {
    if (!this.headline) return null;
    const colon = this.v.indexOfWord(':');
    if (colon < 0 || colon > i) return null;
    const holder = partyIn(this.cast, this.v, 0, colon);
    return holder.actor ? { ...holder, verb: -1 } : null;
  }

  /** True when every word in [from, to) belongs to an actor mention: the span is just names. */
  private allActorTokens(from: number, to: number): boolean {
    for (let j = from; j < to; j++) {
      if (!this.v.isWord(j)) continue;
      if (!this.cast.actorAt(this.v.tokenStart(j), this.v.tokenEnd(j))) return false;
    }
    return true;
  }

  /** Headline forms: "X to Y: do Z" and "X: ‘Be …’" (an imperative after the speaker's name). */
  private headlineForm(): Finding | null {
    if (!this.headline) return null;
    const v = this.v;
    const colon = this.v.indexOfWord(':');
    if (colon <= 0) return null;
    const k = v.skipQuotesForward(colon + 1);
    const to = this.v.lastIndexOfWord('to', colon - 1);
    if (to > 0 && to < colon - 1 && this.allActorTokens(0, to) && this.allActorTokens(to + 1, colon)) {
      const holder = partyIn(this.cast, v, 0, to);
      const addressee = addresseeIn(this.cast, v, to + 1, colon);
      return { cueFrom: colon, cueTo: colon + 1, contentFrom: k, holder, addressee };
    }
    if (IMPERATIVE_VERBS.has(this.word(k)) && !READER_IMPERATIVES.has(this.word(k)) && !(this.word(k) === 'let' && this.word(k + 1) === 'us')) {
      const holder = partyIn(this.cast, v, 0, colon);
      if (holder.actor || v.isCapitalised(0)) return { cueFrom: k, cueTo: k + 1, contentFrom: k, holder, addressee: null };
    }
    return null;
  }
}

function addressedObject(cast: Cast, v: SentenceView, verb: number): string | null {
  let e = verb + 1;
  while (e < v.length && e < verb + 6 && !CLAUSE_PUNCT.has(v.word(e)) && !QUESTION_WORDS.has(v.word(e)) && v.word(e) !== 'that') e++;
  return firstActorIn(cast, v, verb + 1, e);
}
