/**
 * Merges entity mentions into actors.
 */
import type { Cast } from './cast';
import { sortSpans } from './cast';
import type { EntityMention } from './entities';
import type { Doc } from './text';
import type { Actor, Entity } from './types';

const ACTOR_TYPES = new Set(['person', 'organization', 'location']);

/** First version: one actor per distinct surface form of a person, organization or place. */
export function buildCast(_doc: Doc, mentions: EntityMention[]): Cast {
  const actors: Actor[] = [];
  const byName = new Map<string, Actor>();
  const entities: Entity[] = mentions.map((m) => {
    if (!ACTOR_TYPES.has(m.type)) return { ...m, actor: null };
    let a = byName.get(m.text);
    if (!a) {
      a = { id: `a${actors.length + 1}`, name: m.text, type: m.type, aliases: [m.text], mentions: [] };
      actors.push(a);
      byName.set(m.text, a);
    }
    a.mentions.push({ start: m.start, end: m.end });
    return { ...m, actor: a.id };
  });
  const actorAt = (start: number, end: number): string | null =>
    entities.find((e) => e.actor && e.start < end && start < e.end)?.actor ?? null;
  return {
    entities,
    actors,
    actorAt,
    resolve: actorAt,
    finish() {
      for (const a of actors) sortSpans(a.mentions);
    },
  };
}
