/**
 * Who is speaking at a point of the text: the speaker of the enclosing quotation, the subject of a
 * reporting verb in the sentence ("X said Y must …", "…, he said"), "according to X", or the speaker of
 * the previous sentence when this one continues it ("Furthermore, …").
 */
import type { Cast } from './cast';
import type { Quote } from './types';
import { AUXILIARIES, CLAUSE_PUNCT, firstActorIn, isQuoteMark, SentenceView, SentenceViews, SENTENCE_PUNCT } from './demand-clause';
import { CONTINUATION_OPENERS, SUBJECT_PRONOUNS } from './demand-lexicon';
import { sentenceAt } from './text';

/** A party as the text names it, and the actor it is when the cast knows it. */
export interface Party {
  actor: string | null;
  text: string | null;
}

export interface Attribution extends Party {
  /** Index in the sentence of the reporting verb's token, or -1 (quotation, continuation, headline). */
  verb: number;
}

const NOBODY: Party = { actor: null, text: null };
/** Longest noun phrase (in tokens) kept as a party's text. */
const MAX_PARTY_TOKENS = 12;

/** The party named by tokens [from, to) of a sentence: its first actor, and its text. */
export function partyIn(cast: Cast, view: SentenceView, from: number, to: number): Party {
  [from, to] = view.trimmed(from, to);
  while (to > from && AUXILIARIES.has(view.word(to - 1)) && view.word(to - 1) !== 'to') to--;
  if (to <= from) return NOBODY;
  const actor = firstActorIn(cast, view, from, to);
  const text = to - from <= MAX_PARTY_TOKENS ? view.doc.text.slice(view.tokenStart(from), view.tokenEnd(to - 1)).replace(/['’]s?$/u, '') : null;
  return { actor, text };
}

/** The first token of the sentence that starts at or after `offset`, or -1. */
function firstTokenFrom(view: SentenceView, offset: number): number {
  for (let i = 0; i < view.length; i++) if (view.tokenStart(i) >= offset) return i;
  return -1;
}

/** The first token of the sentence that ends after `offset`, or -1. */
function firstTokenEndingAfter(view: SentenceView, offset: number): number {
  for (let i = 0; i < view.length; i++) if (view.tokenEnd(i) > offset) return i;
  return -1;
}

export class Attributor {
  private readonly quotes: Quote[];
  private readonly statementCache = new Map<number, Attribution | null>();

  constructor(
    private readonly cast: Cast,
    private readonly views: SentenceViews,
    quotes: Quote[],
  ) {
    this.quotes = quotes.filter((q) => q.kind !== 'scare' && q.end > q.start).sort((a, b) => a.start - b.start || b.end - a.end);
  }

  /** The innermost non-scare quotation (direct, partial or, unless `markedOnly`, indirect content) that contains offset. */
  quoteAt(offset: number, markedOnly = false): Quote | null {
    let lo = 0;
    let hi = this.quotes.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (this.quotes[mid].start <= offset) lo = mid + 1;
      else hi = mid - 1;
    }
    let best: Quote | null = null;
    // Quotes are short and rarely nested: a few steps back find every quote that can contain offset.
    for (let i = hi, steps = 0; i >= 0 && steps < 8; i--, steps++) {
      const q = this.quotes[i];
      if (markedOnly && q.kind === 'indirect') continue;
      if (q.start <= offset && offset < q.end && (!best || q.end - q.start < best.end - best.start)) best = q;
    }
    return best;
  }

  /** The speaker of a quotation: its attributed speaker, else a reporting verb right after or before it. */
  quoteSpeaker(q: Quote): Party {
    if (q.speaker?.actor) return { actor: q.speaker.actor, text: q.speaker.text || null };
    const doc = this.views.doc;
    const endSentence = sentenceAt(doc, Math.max(q.start, q.end - 1));
    const after = endSentence >= 0 ? this.views.at(endSentence) : null;
    if (after) {
      const from = firstTokenFrom(after, q.end);
      if (from >= 0) {
        for (let v = from; v < Math.min(after.length, from + 6); v++) {
          if (!after.reportingVerb(v)) continue;
          const h = this.verbSubject(after, v, from);
          if (h.actor || h.text) return h;
        }
      }
    }
    const startSentence = sentenceAt(doc, q.start);
    const before = startSentence >= 0 ? this.views.at(startSentence) : null;
    if (before) {
      let to = firstTokenEndingAfter(before, q.start);
      if (to < 0) to = before.length;
      for (let v = to - 1; v >= 0; v--) {
        if (!before.reportingVerb(v)) continue;
        const h = this.verbSubject(before, v, 0);
        if (h.actor || h.text) return h;
      }
    }
    return q.speaker?.text ? { actor: null, text: q.speaker.text } : NOBODY;
  }

  /**
   * The subject of the reporting verb at v: the phrase before it ("Smith said", "he told"), or after it in
   * an inversion ("…,” said Smith). `from` bounds the search to the left.
   */
  verbSubject(view: SentenceView, v: number, from: number): Party {
    let left = v - 1;
    while (left >= from && !CLAUSE_PUNCT.has(view.word(left)) && !SENTENCE_PUNCT.has(view.word(left)) && !isQuoteMark(view.word(left))) left--;
    const leftParty = partyIn(this.cast, view, Math.max(left + 1, from), v);
    if (leftParty.actor) return leftParty;
    // "The former manager, Corey Lewandowski, said": the name sits in the apposition before the verb.
    if (left === v - 1 && view.word(left) === ',') {
      let open = left - 1;
      while (open > from && view.word(open) !== ',' && !SENTENCE_PUNCT.has(view.word(open))) open--;
      if (open > from && view.word(open) === ',') {
        const apposition = partyIn(this.cast, view, open + 1, left);
        if (apposition.actor) {
          let start = open - 1;
          while (start >= from && !CLAUSE_PUNCT.has(view.word(start)) && !SENTENCE_PUNCT.has(view.word(start)) && !isQuoteMark(view.word(start))) start--;
          return { actor: apposition.actor, text: partyIn(this.cast, view, start + 1, open).text ?? apposition.text };
        }
      }
    }
    const p = view.skipBackOverAdverbs(v - 1, true);
    const onlyPunctBefore = p < from || CLAUSE_PUNCT.has(view.word(p)) || isQuoteMark(view.word(p));
    if (onlyPunctBefore || left + 1 >= v) {
      let e = v + 1;
      while (e < view.length && e < v + 8 && !CLAUSE_PUNCT.has(view.word(e)) && !SENTENCE_PUNCT.has(view.word(e))) e++;
      const right = partyIn(this.cast, view, v + 1, e);
      if (right.actor || !leftParty.text) return right;
    }
    return leftParty;
  }

  /**
   * Attribution of a statement at token m of the sentence (a deontic modal): the speaker when m lies in
   * a quotation, is the complement of a reporting verb, or follows "according to X".
   * Null when the sentence carries no attribution: the reporter's own voice.
   */
  attribute(view: SentenceView, m: number, subjectStart: number): Attribution | null {
    const q = this.quoteAt(view.tokenStart(m));
    if (q) return { ...this.quoteSpeaker(q), verb: -1 };
    for (let v = subjectStart - 1; v >= 0; v--) {
      if (view.reportingVerb(v)) return { ...this.verbSubject(view, v, 0), verb: v };
    }
    for (let v = m + 1; v < view.length; v++) {
      if (!view.reportingVerb(v)) continue;
      const p = view.skipBackOverAdverbs(v - 1, true);
      const pw = view.word(p);
      // "…, he said" / "…, said Smith" / "… Smith said." closing the sentence.
      const before = pw === ',' || isQuoteMark(pw) || (SUBJECT_PRONOUNS.has(pw) && pw !== 'who') || view.isCapitalised(p) || this.followsComma(view, v);
      if (before && this.closesSentence(view, v)) {
        return { ...this.verbSubject(view, v, m + 1), verb: v };
      }
    }
    return this.accordingTo(view);
  }

  /** True when the reporting verb at v ends its sentence: an inverted subject or a short tail follows it. */
  private closesSentence(view: SentenceView, v: number): boolean {
    if (view.isCapitalised(v + 1) || SUBJECT_PRONOUNS.has(view.word(v + 1))) return true;
    for (let j = v + 1; j <= v + 6; j++) {
      const w = view.word(j);
      if (j >= view.length || w === ',' || SENTENCE_PUNCT.has(w) || isQuoteMark(w)) return true;
    }
    return false;
  }

  private followsComma(view: SentenceView, v: number): boolean {
    for (let j = v - 1; j >= Math.max(0, v - 5); j--) {
      if (view.word(j) === ',' && !(view.isNumber(j - 1) && view.isNumber(j + 1))) return true;
    }
    return false;
  }

  private accordingTo(view: SentenceView): Attribution | null {
    for (let i = 0; i + 1 < view.length; i++) {
      if (view.word(i) === 'according' && view.word(i + 1) === 'to') {
        let e = i + 2;
        while (e < view.length && e < i + 10 && !CLAUSE_PUNCT.has(view.word(e)) && !SENTENCE_PUNCT.has(view.word(e))) e++;
        return { ...partyIn(this.cast, view, i + 2, e), verb: i };
      }
    }
    return null;
  }

  /** A statement attribution for the whole sentence: its reporting verb's subject or its quotation's speaker. */
  statement(sentence: number): Attribution | null {
    if (this.statementCache.has(sentence)) return this.statementCache.get(sentence) ?? null;
    const view = this.views.at(sentence);
    let result: Attribution | null = null;
    for (let v = 0; v < view.length && !result; v++) {
      if (!view.reportingVerb(v)) continue;
      const holder = this.verbSubject(view, v, 0);
      if (holder.actor) result = { ...holder, verb: v };
    }
    if (!result && view.length > 0) {
      const q = this.quoteAt(view.tokenStart(Math.floor(view.length / 2)));
      if (q) result = { ...this.quoteSpeaker(q), verb: -1 };
    }
    this.statementCache.set(sentence, result);
    return result;
  }

  /**
   * The speaker carried over from the previous sentence, when this sentence opens with a connective that
   * continues reported speech ("Furthermore, …") and the previous sentence is attributed.
   */
  continuation(view: SentenceView): Attribution | null {
    if (view.index === 0) return null;
    const i = view.skipQuotesForward(0);
    if (!CONTINUATION_OPENERS.some((o) => o.every((w, k) => view.word(i + k) === w))) return null;
    const prev = this.views.at(view.index - 1);
    const doc = view.doc;
    // Only across at most one paragraph break.
    if (doc.sentences[view.index].paragraph - doc.sentences[prev.index].paragraph > 1) return null;
    const st = this.statement(prev.index);
    return st && st.actor ? { ...st, verb: -1 } : null;
  }
}
