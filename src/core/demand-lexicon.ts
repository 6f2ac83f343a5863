/**
 * The demand lexicon (data/demand-cues.json) compiled into lookup tables keyed by lower-case token text.
 */
import lexicon from './data/demand-cues.json';

export type Frame =
  | 'objTo'
  | 'to'
  | 'that'
  | 'thatDeontic'
  | 'for'
  | 'onObj'
  | 'toObjTo'
  | 'np'
  | 'npFrom'
  | 'requestNoun'
  | 'objImperative'
  | 'on';

export interface Cue {
  lemma: string;
  /** Number of tokens the cue form spans ("would like" = 2). */
  length: number;
  frames: ReadonlySet<Frame>;
  /** The form can also be a noun ("demand", "call"): only a verb context makes it a cue. */
  nounLike: boolean;
  /** Only a noun ("ultimatum"). */
  noun: boolean;
  /** Only an actor as subject makes it a demand ("the law requires" does not). */
  needsActorSubject: boolean;
}

/** Folds typographic apostrophes so that "don’t" and "don't" match the same entry. */
export function fold(token: string): string {
  const lower = token.toLowerCase();
  return lower.includes('’') ? lower.replace(/’/g, "'") : lower;
}

/** First word of a cue form → the cues starting with it (multi-word forms are checked against the following tokens). */
export const CUES_BY_FIRST_WORD: ReadonlyMap<string, ReadonlyArray<{ words: string[]; cue: Cue }>> = (() => {
  const map = new Map<string, { words: string[]; cue: Cue }[]>();
  for (const entry of lexicon.cues) {
    for (const form of entry.forms) {
      const words = form.split(' ').map(fold);
      const cue: Cue = {
        lemma: entry.lemma,
        length: words.length,
        frames: new Set(entry.frames as Frame[]),
        nounLike: 'nounLike' in entry && entry.nounLike === true,
        noun: 'noun' in entry && entry.noun === true,
        needsActorSubject: 'needsActorSubject' in entry && entry.needsActorSubject === true,
      };
      const list = map.get(words[0]) ?? [];
      list.push({ words, cue });
      map.set(words[0], list);
    }
  }
  return map;
})();

const set = (words: string[]): ReadonlySet<string> => new Set(words.map(fold));

export const REQUEST_NOUNS = set(lexicon.requestNouns);
export const SUPPORT_NOUNS = set(lexicon.supportNouns);
export const DEONTIC_MODALS = set(lexicon.deonticModals);
export const MANDATIVE_ADJECTIVES = set(lexicon.mandativeAdjectives);
export const REPORTING_VERBS = set(lexicon.reportingVerbs);
export const ADDRESSED_REPORTING_VERBS = set(lexicon.addressedReportingVerbs);
export const CONTINUATION_OPENERS: ReadonlyArray<string[]> = lexicon.continuationOpeners.map((o) => o.split(' ').map(fold));
export const IMPERATIVE_VERBS = set(lexicon.imperativeVerbs);
export const BASE_VERBS = set(lexicon.mandativeBaseVerbs);
export const SUBJECT_PRONOUNS = set(lexicon.subjectPronouns);
export const OBJECT_PRONOUNS = set(lexicon.objectPronouns);
export const FIRST_PERSON = set(lexicon.firstPerson);
export const NEGATIONS = set(lexicon.negations);
export const NOUN_DETERMINERS = set(lexicon.nounDeterminers);
export const NON_COMPLEMENT_HEADS = set(lexicon.nonComplementHeads);
export const QUESTION_WORDS = set(lexicon.questionWords);
export const DOCUMENT_NOUNS = set(lexicon.documentNouns);
export const AUTHORING_VERBS = set(lexicon.authoringVerbs);
