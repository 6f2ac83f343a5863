/**
 * A view of the cast for demand detection in which "he"/"she" that the cast cannot resolve fall back to
 * the discourse centre of a news story: the speaker of the latest attributed quotation before the pronoun,
 * else the person mentioned last.
 */
import type { Cast } from './cast';
import type { Quote } from './types';

const PERSONAL_PRONOUNS = new Set(['he', 'she', 'him', 'her']);
/** How far back (UTF-16 units) a quotation's speaker still counts as the one "he" refers to. */
const SPEAKER_REACH = 1500;

interface Anchor {
  at: number;
  actor: string;
}

export function withPronounFallback(cast: Cast, text: string, quotes: Quote[]): Cast {
  let speakers: Anchor[] | null = null;
  let mentions: Anchor[] | null = null;
  // Built on first use: most articles never need the fallback.
  const build = (): void => {
    const persons = new Set(cast.actors.filter((a) => a.type === 'person' && !a.members).map((a) => a.id));
    speakers = [];
    for (const q of quotes) if (q.speaker?.actor && persons.has(q.speaker.actor)) speakers.push({ at: q.end, actor: q.speaker.actor });
    speakers.sort((a, b) => a.at - b.at);
    mentions = [];
    for (const a of cast.actors) if (persons.has(a.id)) for (const m of a.mentions) mentions.push({ at: m.start, actor: a.id });
    mentions.sort((a, b) => a.at - b.at);
  };
  return {
    entities: cast.entities,
    actors: cast.actors,
    actorAt: (start, end) => cast.actorAt(start, end),
    resolve(start, end) {
      const resolved = cast.resolve(start, end);
      if (resolved || !PERSONAL_PRONOUNS.has(text.slice(start, end).toLowerCase())) return resolved;
      if (!speakers || !mentions) build();
      const speaker = lastBefore(speakers ?? [], start);
      if (speaker && start - speaker.at < SPEAKER_REACH) return speaker.actor;
      return lastBefore(mentions ?? [], start)?.actor ?? null;
    },
    finish: () => cast.finish(),
  };
}

/** The last anchor strictly before offset, or null. */
function lastBefore(list: Anchor[], offset: number): Anchor | null {
  let lo = 0;
  let hi = list.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid].at < offset) lo = mid + 1;
    else hi = mid - 1;
  }
  return hi >= 0 ? list[hi] : null;
}
