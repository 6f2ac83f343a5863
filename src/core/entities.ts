/**
 * Named-entity mentions: people, organizations, places and optional extra types.
 */
import type { Doc } from './text';
import type { EntityType, TextSpan } from './types';

export interface EntityMention extends TextSpan {
  type: EntityType;
}

/** First version: capitalised word sequences in story paragraphs, typed as misc. */
export function findEntityMentions(doc: Doc): EntityMention[] {
  const out: EntityMention[] = [];
  const story = new Set(doc.paragraphs.filter((p) => p.kind !== 'boilerplate').map((p) => p.index));
  const re = /\b\p{Lu}[\p{L}'’-]+(?:\s+\p{Lu}[\p{L}'’-]+)*/gu;
  for (const s of doc.sentences) {
    if (!story.has(s.paragraph)) continue;
    re.lastIndex = s.start;
    const part = doc.text.slice(0, s.end);
    for (let m = re.exec(part); m; m = re.exec(part)) {
      out.push({ start: m.index, end: m.index + m[0].length, text: m[0], type: 'misc' });
    }
  }
  return out;
}
