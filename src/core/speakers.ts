/**
 * Turning a speaker phrase into an actor: the cast first (names, role nouns, pronouns), then, for "he", "she",
 * "who" and definite role descriptions the cast cannot place, the last person quoted.
 */
import type { Cast } from './cast';
import type { PhraseSpan } from './attribution';
import type { Doc } from './text';
import type { Speaker } from './types';

/** "the diplomat", "the Russian deputy minister": a definite description that usually points back to the last speaker. */
const ROLE_HEADS = new Set(['diplomat', 'minister', 'president', 'senator', 'official', 'spokesman', 'spokeswoman', 'spokesperson', 'governor', 'mayor', 'candidate', 'nominee', 'chairman', 'chairwoman', 'secretary', 'director', 'ambassador', 'envoy', 'negotiator', 'lawmaker', 'congressman', 'congresswoman', 'leader', 'premier', 'chancellor', 'general', 'commander', 'judge', 'prosecutor', 'lawyer', 'attorney', 'executive', 'founder', 'businessman', 'businesswoman', 'billionaire', 'activist', 'author', 'economist', 'analyst', 'professor', 'researcher', 'expert']);

function isDefiniteRole(phrase: string): boolean {
  const words = phrase.toLowerCase().split(/\s+/);
  return words.length >= 2 && words[0] === 'the' && ROLE_HEADS.has(words[words.length - 1]);
}

/** Speaker lookup shared by direct and reported quotes: the cast first, then the last person who spoke. */
export class SpeakerResolver {
  private lastPersonSpeaker: string | null = null;

  constructor(
    private readonly doc: Doc,
    private readonly cast: Cast,
  ) {}

  speaker(phrase: PhraseSpan, antecedent?: PhraseSpan): Speaker {
    const { doc, cast } = this;
    const word = phrase.pronoun ? doc.text.slice(phrase.start, phrase.end).toLowerCase() : '';
    let actor = antecedent ? (cast.actorAt(antecedent.start, antecedent.end) ?? cast.resolve(antecedent.start, antecedent.end)) : null;
    // "he" and "she" stand for people only: "Russia assured …, while he considered …" is about someone else.
    if (actor && (word === 'he' || word === 'she') && !this.isPerson(actor)) actor = null;
    actor ??= cast.actorAt(phrase.start, phrase.end) ?? cast.resolve(phrase.start, phrase.end);
    if (!actor && (word === 'he' || word === 'she' || word === 'who' || isDefiniteRole(doc.text.slice(phrase.start, phrase.end)))) actor = this.lastPersonSpeaker;
    if (actor && this.isPerson(actor)) this.lastPersonSpeaker = actor;
    return { start: phrase.start, end: phrase.end, text: doc.text.slice(phrase.start, phrase.end), actor };
  }

  /** Actor types by id, extended as the cast grows (a scan per lookup would be quadratic on long texts). */
  private readonly typeById = new Map<string, string>();

  private isPerson(id: string): boolean {
    // A group of people named together is no one person "he" or "the diplomat" could fall back to.
    if (!this.typeById.has(id)) for (const a of this.cast.actors) this.typeById.set(a.id, a.members ? 'group' : a.type);
    return this.typeById.get(id) === 'person';
  }
}
