/**
 * The cast of an article: its entity mentions merged into actors, plus the lookups that quote
 * attribution and demand detection need to turn a span of text into an actor.
 */
import type { Actor, Entity, Span } from './types';

export interface Cast {
  readonly entities: Entity[];
  readonly actors: Actor[];
  /** The actor whose listed mention (name, alias, role noun, resolved pronoun) overlaps [start, end), or null. */
  actorAt(start: number, end: number): string | null;
  /**
   * Resolves a referring expression at [start, end) — a pronoun ("he", "she", "they"), a role noun
   * ("the diplomat", "the minister") or a name — to an actor, from the context before it.
   * A successful resolution is recorded as a mention of that actor. Returns null when nothing fits.
   */
  resolve(start: number, end: number): string | null;
  /** Called once at the end: mentions sorted, duplicates dropped. */
  finish(): void;
}

export function sortSpans<T extends Span>(spans: T[]): T[] {
  return spans.sort((a, b) => a.start - b.start || a.end - b.end);
}
